/**
 * The storage contract: one interface, two engines (./sqlite.ts, the embedded default, and
 * ./postgres.ts, for scale). Everything above the store (the library, the routes, the CLI) uses
 * only this interface, and one contract test suite (tests/store/contract.test.ts) runs against
 * both engines, so they behave the same.
 *
 * What is stored:
 * - collections: a named set of articles with its own actor definitions;
 * - articles: the text and metadata as imported (never the analysis alone: the text is the
 *   source of every number);
 * - each article's analysis, as JSON, with the key it was made under (engine version, lexicon
 *   hash and the collection's actors). An analysis whose key differs from the current one is
 *   stale: it is still served, and is redone in the background.
 *
 * Every method that writes does so in one transaction: it happens whole or not at all. Methods
 * are async for both engines (PostgreSQL's client is).
 */
import type { ActorDef } from '../analysis/index.js'
import type { RemovedPassage } from '../corpus/boilerplate.js'

export interface Collection {
  /** Lower-case letters, digits and dashes; fixed at creation (renaming changes `name` only). */
  id: string
  name: string
  actors: ActorDef[]
  /** ISO 8601 timestamps (UTC). */
  createdAt: string
  updatedAt: string
}

/** What an article is, as imported: everything needed to analyse it again. */
export interface ArticleRecord {
  /** Unique within its collection: lower-case letters, digits, dashes, dots and underscores. */
  id: string
  title: string
  /** False when the title stands in for a missing headline. */
  headline: boolean
  text: string
  outlet?: string
  /** YYYY-MM-DD */
  date?: string
  url?: string
  author?: string
  /** Where it came from, for a reader: a file name, "pasted", "uploaded: a.html", or the URL. */
  source: string
  /** Boilerplate the loader removed from the body before `text`. */
  removed: RemovedPassage[]
  /** sha256 (hex) of the normalised text: two articles with the same hash are duplicates. */
  textHash: string
}

/** A stored analysis: the engine's output as JSON-ready data, and the key it was made under. */
export interface StoredAnalysis {
  key: string
  /** JSON-serialisable; the library decides its shape (see src/library/codec.ts). */
  data: unknown
  /**
   * What pages that list many articles read instead of `data`: a small JSON digest of the same
   * analysis and its term counts, kept apart so that listing a collection never reads the
   * analyses. Written and dropped with `data`, in the same transaction.
   */
  digest?: StoredDigest
}

/** The digest of an analysis and its term counts (JSON-serialisable; the library's shapes). */
export interface StoredDigest {
  digest: unknown
  terms: unknown
}

/** An article without its text and analysis: what listing a collection reads. */
export interface ArticleHead extends Omit<ArticleRecord, 'text' | 'removed'> {
  createdAt: string
  updatedAt: string
  /** The key of the stored analysis, or null when there is none. */
  analysisKey: string | null
  /** The analysis's digest, or null when there is none (no analysis, or one stored before digests were). */
  digest: unknown
}

export interface StoredArticle extends ArticleRecord {
  collectionId: string
  createdAt: string
  updatedAt: string
  /** Null until the article has been analysed once. */
  analysis: StoredAnalysis | null
}

/** An article to insert, with its analysis when it was analysed before the write. */
export interface NewArticle extends ArticleRecord {
  analysis?: StoredAnalysis
}

export type ArticlePatch = Partial<Omit<ArticleRecord, 'id'>>

/** An article whose analysis is missing or was made under another key, claimed for re-analysis. */
export interface PendingArticle extends ArticleRecord {
  collectionId: string
}

/** Thrown for a write the data refuses (a duplicate id or text, a missing collection). */
export class StoreConflictError extends Error {
  constructor(
    message: string,
    readonly kind: 'duplicate-id' | 'duplicate-text' | 'missing-collection' | 'missing-article',
    /** For duplicate-text: the id of the article already holding that text. */
    readonly existingId?: string,
  ) {
    super(message)
    this.name = 'StoreConflictError'
  }
}

export interface ListOptions {
  offset?: number
  limit?: number
}

export interface SearchOptions extends ListOptions {
  /** Match words that begin with the query's words (for word forms), not only whole words. */
  prefix?: boolean
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres'
  /** Where it is, for the start-up line: the file's path, or the database URL without password. */
  readonly location: string

  /** Applies the migrations not yet applied (in order, each in a transaction); returns the version. */
  migrate(): Promise<number>
  close(): Promise<void>

  listCollections(): Promise<Collection[]>
  getCollection(id: string): Promise<Collection | undefined>
  /** Throws StoreConflictError('duplicate-id') when the id is taken. */
  createCollection(c: { id: string; name: string; actors: ActorDef[] }): Promise<Collection>
  /** Returns the updated collection, or undefined when there is none with that id. */
  updateCollection(
    id: string,
    patch: { name?: string; actors?: ActorDef[] },
  ): Promise<Collection | undefined>
  /** Deletes the collection and its articles; false when there was none. */
  deleteCollection(id: string): Promise<boolean>

  countArticles(collectionId: string): Promise<number>
  /** In insertion order (then id); with analyses. */
  listArticles(collectionId: string, options?: ListOptions): Promise<StoredArticle[]>
  getArticle(collectionId: string, id: string): Promise<StoredArticle | undefined>
  /** The articles with these ids, with analyses, in the order of `ids`; ids not found are skipped. */
  getArticles(collectionId: string, ids: readonly string[]): Promise<StoredArticle[]>
  /** In insertion order (then id): every article's metadata and digest, never its text or analysis. */
  listHeads(collectionId: string): Promise<ArticleHead[]>
  /**
   * Each term's count summed over every digest of the collection (summed in the database, so the
   * counts of 10,000 articles never pass through memory at once); in no particular order.
   */
  termTotals(collectionId: string): Promise<[string, number][]>
  /**
   * Stores digests of analyses stored before digests were: each only where the article's
   * analysis is still under `key`. Returns how many were stored.
   */
  saveDigests(
    collectionId: string,
    key: string,
    digests: ReadonlyMap<string, StoredDigest>,
  ): Promise<number>
  /** The ids already used in the collection among `ids` (for choosing fresh ones). */
  existingIds(collectionId: string, ids: readonly string[]): Promise<Set<string>>
  /** The article holding this text hash, if any. */
  findByHash(collectionId: string, textHash: string): Promise<string | undefined>
  /**
   * Inserts all of them in one transaction, or none: a duplicate id or text (against the
   * collection or within the batch) throws StoreConflictError and writes nothing.
   */
  insertArticles(collectionId: string, articles: readonly NewArticle[]): Promise<StoredArticle[]>
  /**
   * Changes an article; `analysis` replaces the stored one (pass it whenever the text changes).
   * Returns undefined when there is no such article; a text that duplicates another article's
   * throws StoreConflictError('duplicate-text').
   */
  updateArticle(
    collectionId: string,
    id: string,
    patch: ArticlePatch,
    analysis?: StoredAnalysis,
  ): Promise<StoredArticle | undefined>
  deleteArticle(collectionId: string, id: string): Promise<boolean>

  /** How many articles of the collection have no analysis under `key`. */
  countStale(collectionId: string, key: string): Promise<number>
  /**
   * Takes up to `limit` articles of the collection whose analysis is not under `key` and calls
   * `work` with them; the analyses it returns (by article id) are saved, each only if the
   * article's text is still the one that was analysed (an edit made meanwhile wins). On
   * PostgreSQL the rows are claimed inside one transaction with FOR UPDATE SKIP LOCKED, so several
   * processes (`npm run worker`) can work through one collection without taking the same article
   * twice; SQLite has one writer process, so it needs no lock and holds no transaction while
   * `work` runs. Returns how many analyses were saved (0: nothing left, or all taken by others).
   */
  reanalyse(
    collectionId: string,
    key: string,
    limit: number,
    work: (articles: PendingArticle[]) => Promise<Map<string, StoredAnalysis>>,
  ): Promise<number>

  /** The lessons saved with a collection, oldest first (JSON as saved: src/teach checks it). */
  listLessons(collectionId: string): Promise<{ id: string; lesson: unknown }[]>
  /**
   * Saves a lesson with a collection. Throws StoreConflictError: 'duplicate-id' when the
   * collection has a lesson with that id, 'missing-collection' when there is no collection.
   */
  saveLesson(collectionId: string, id: string, lesson: unknown): Promise<void>
  /** Deletes a saved lesson; false when there was none. */
  deleteLesson(collectionId: string, id: string): Promise<boolean>

  /**
   * Full-text search (SQLite FTS5, PostgreSQL tsvector): the ids of the articles of the
   * collection whose title or text match every word of `query`, best first.
   */
  search(collectionId: string, query: string, options?: SearchOptions): Promise<string[]>
}
