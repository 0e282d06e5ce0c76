/**
 * The embedded engine: one SQLite file through better-sqlite3, the default when no DATABASE_URL
 * is set. Its calls are synchronous; the methods are async only to share the `Storage` interface
 * with PostgreSQL.
 *
 * Durability: WAL journal with `synchronous=FULL`. A commit is acknowledged only after the WAL is
 * fsynced, so an acknowledged write survives a power cut, not just a killed process. (WAL with
 * `synchronous=NORMAL` already survives `kill -9` — the committed frames are in the OS's page
 * cache — but may lose the last commits on power loss. The cost of FULL is one fsync per write
 * transaction, and writes here are user actions and batches, not a stream.)
 *
 * Every write runs in `db.transaction(…).immediate()`: the write lock is taken at BEGIN, so a
 * second process waits (busy_timeout) rather than failing half-way when its read turns into a
 * write.
 */
import Database from 'better-sqlite3'
import {
  applyPatch,
  checkBatch,
  duplicateCollection,
  duplicateId,
  duplicateLesson,
  duplicateText,
  missingCollection,
  now,
  paging,
  searchWords,
} from './common.js'
import { migrateSqlite } from './migrations.js'
import type {
  ArticleHead,
  ArticlePatch,
  ArticleRecord,
  Collection,
  ListOptions,
  NewArticle,
  PendingArticle,
  SearchOptions,
  Storage,
  StoredAnalysis,
  StoredArticle,
  StoredDigest,
} from './types.js'
import type { ActorDef } from '../analysis/index.js'

/** How long a write waits for another process's write lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000

interface CollectionRow {
  id: string
  name: string
  actors: string
  created_at: string
  updated_at: string
}

interface ArticleRow {
  collection_id: string
  id: string
  title: string
  headline: number
  text: string
  outlet: string | null
  date: string | null
  url: string | null
  author: string | null
  source: string
  removed: string
  text_hash: string
  created_at: string
  updated_at: string
  analysis_key: string | null
  analysis: string | null
}

interface HeadRow {
  id: string
  title: string
  headline: number
  outlet: string | null
  date: string | null
  url: string | null
  author: string | null
  source: string
  text_hash: string
  created_at: string
  updated_at: string
  analysis_key: string | null
  digest: string | null
}

/** The columns of a record, without the analysis (see migrations.ts on why it is read apart). */
const RECORD_COLUMNS =
  'collection_id, id, title, headline, text, outlet, date, url, author, source, removed, text_hash, created_at, updated_at'
const ALL_COLUMNS = `${RECORD_COLUMNS}, analysis_key, analysis`

// Row ↔ object mapping: the only place that knows the column names and encodings.

function toCollection(row: CollectionRow): Collection {
  return {
    id: row.id,
    name: row.name,
    actors: JSON.parse(row.actors) as ActorDef[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toRecord(row: Omit<ArticleRow, 'analysis_key' | 'analysis'>): ArticleRecord {
  const record: ArticleRecord = {
    id: row.id,
    title: row.title,
    headline: row.headline === 1,
    text: row.text,
    source: row.source,
    removed: JSON.parse(row.removed) as ArticleRecord['removed'],
    textHash: row.text_hash,
  }
  if (row.outlet !== null) record.outlet = row.outlet
  if (row.date !== null) record.date = row.date
  if (row.url !== null) record.url = row.url
  if (row.author !== null) record.author = row.author
  return record
}

function toArticle(row: ArticleRow): StoredArticle {
  return {
    ...toRecord(row),
    collectionId: row.collection_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    analysis:
      row.analysis_key === null || row.analysis === null
        ? null
        : { key: row.analysis_key, data: JSON.parse(row.analysis) as unknown },
  }
}

function toHead(row: HeadRow): ArticleHead {
  const head: ArticleHead = {
    id: row.id,
    title: row.title,
    headline: row.headline === 1,
    source: row.source,
    textHash: row.text_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    analysisKey: row.analysis_key,
    digest: row.digest === null ? null : (JSON.parse(row.digest) as unknown),
  }
  if (row.outlet !== null) head.outlet = row.outlet
  if (row.date !== null) head.date = row.date
  if (row.url !== null) head.url = row.url
  if (row.author !== null) head.author = row.author
  return head
}

function toRow(
  collectionId: string,
  a: ArticleRecord,
  analysis: StoredAnalysis | null | undefined,
  createdAt: string,
  updatedAt: string,
): ArticleRow {
  return {
    collection_id: collectionId,
    id: a.id,
    title: a.title,
    headline: a.headline ? 1 : 0,
    text: a.text,
    outlet: a.outlet ?? null,
    date: a.date ?? null,
    url: a.url ?? null,
    author: a.author ?? null,
    source: a.source,
    removed: JSON.stringify(a.removed),
    text_hash: a.textHash,
    created_at: createdAt,
    updated_at: updatedAt,
    analysis_key: analysis ? analysis.key : null,
    analysis: analysis ? JSON.stringify(analysis.data) : null,
  }
}

/** FTS5 query text that means "every one of these words": each quoted as a string, so none of
 * the user's characters is read as FTS5 syntax (a string's `"` is written twice); with `prefix`,
 * each a prefix query (`"word"*`). */
function ftsQuery(words: readonly string[], prefix = false): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"${prefix ? '*' : ''}`).join(' ')
}

function prepare(db: Database.Database) {
  const p = <R = unknown>(sql: string) => db.prepare<unknown[], R>(sql)
  return {
    collections: p<CollectionRow>('SELECT * FROM collections ORDER BY created_at, id'),
    collection: p<CollectionRow>('SELECT * FROM collections WHERE id = ?'),
    insertCollection: p(
      'INSERT INTO collections (id, name, actors, created_at, updated_at) VALUES (@id, @name, @actors, @created_at, @updated_at)',
    ),
    updateCollection: p(
      'UPDATE collections SET name = @name, actors = @actors, updated_at = @updated_at WHERE id = @id',
    ),
    deleteCollection: p('DELETE FROM collections WHERE id = ?'),
    count: p<{ n: number }>('SELECT count(*) AS n FROM articles WHERE collection_id = ?'),
    countUnder: p<{ n: number }>(
      'SELECT count(*) AS n FROM articles WHERE collection_id = ? AND analysis_key = ?',
    ),
    list: p<ArticleRow>(
      `SELECT ${ALL_COLUMNS} FROM articles WHERE collection_id = ? ORDER BY seq LIMIT ? OFFSET ?`,
    ),
    article: p<ArticleRow>(
      `SELECT ${ALL_COLUMNS} FROM articles WHERE collection_id = ? AND id = ?`,
    ),
    heads: p<HeadRow>(
      `SELECT a.id, a.title, a.headline, a.outlet, a.date, a.url, a.author, a.source,
        a.text_hash, a.created_at, a.updated_at, a.analysis_key, d.digest
        FROM articles a LEFT JOIN article_digests d ON d.seq = a.seq
        WHERE a.collection_id = ? ORDER BY a.seq`,
    ),
    termTotals: p<{ term: string; n: number }>(
      `SELECT json_extract(j.value, '$[0]') AS term, sum(json_extract(j.value, '$[1]')) AS n
        FROM articles a JOIN article_digests d ON d.seq = a.seq, json_each(d.terms) j
        WHERE a.collection_id = ? GROUP BY term`,
    ),
    // Replaces the digest of an article whose analysis is under the given key (else nothing).
    saveDigest: p(
      `INSERT OR REPLACE INTO article_digests (seq, digest, terms)
        SELECT seq, @digest, @terms FROM articles
        WHERE collection_id = @collection_id AND id = @id AND analysis_key = @key`,
    ),
    dropDigest: p(
      `DELETE FROM article_digests
        WHERE seq = (SELECT seq FROM articles WHERE collection_id = ? AND id = ?)`,
    ),
    lessons: p<{ id: string; lesson: string }>(
      'SELECT id, lesson FROM collection_lessons WHERE collection_id = ? ORDER BY created_at, id',
    ),
    lesson: p<{ id: string }>(
      'SELECT id FROM collection_lessons WHERE collection_id = ? AND id = ?',
    ),
    insertLesson: p(
      'INSERT INTO collection_lessons (collection_id, id, lesson, created_at) VALUES (?, ?, ?, ?)',
    ),
    deleteLesson: p('DELETE FROM collection_lessons WHERE collection_id = ? AND id = ?'),
    existingIds: p<{ id: string }>(
      'SELECT id FROM articles WHERE collection_id = ? AND id IN (SELECT value FROM json_each(?))',
    ),
    byHash: p<{ id: string }>('SELECT id FROM articles WHERE collection_id = ? AND text_hash = ?'),
    insertArticle: p(
      `INSERT INTO articles (${ALL_COLUMNS}, seq) VALUES (@collection_id, @id, @title, @headline,
        @text, @outlet, @date, @url, @author, @source, @removed, @text_hash, @created_at,
        @updated_at, @analysis_key, @analysis, (SELECT coalesce(max(seq), 0) + 1 FROM articles))`,
    ),
    updateArticle: p(
      `UPDATE articles SET title = @title, headline = @headline, text = @text, outlet = @outlet,
        date = @date, url = @url, author = @author, source = @source, removed = @removed,
        text_hash = @text_hash, updated_at = @updated_at, analysis_key = @analysis_key,
        analysis = @analysis
        WHERE collection_id = @collection_id AND id = @id`,
    ),
    deleteArticle: p('DELETE FROM articles WHERE collection_id = ? AND id = ?'),
    stale: p<ArticleRow>(
      `SELECT ${RECORD_COLUMNS} FROM articles
        WHERE collection_id = ? AND (analysis_key IS NULL OR analysis_key <> ?)
        ORDER BY seq LIMIT ?`,
    ),
    saveAnalysis: p(
      `UPDATE articles SET analysis_key = ?, analysis = ?
        WHERE collection_id = ? AND id = ? AND text_hash = ?`,
    ),
    // Title matches weigh twice text matches, as PostgreSQL's A and B weights rank them.
    search: p<{ id: string }>(
      `SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
        WHERE articles_fts MATCH ? AND a.collection_id = ?
        ORDER BY bm25(articles_fts, 2.0, 1.0), a.seq LIMIT ? OFFSET ?`,
    ),
  }
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite'
  readonly location: string
  private readonly db: Database.Database
  private statements?: ReturnType<typeof prepare>

  /** Opens (creating it if needed) the database file at `path`; `migrate()` makes its tables. */
  constructor(path: string) {
    this.location = path
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS })
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
  }

  /** Prepared on first use, since the tables exist only after `migrate()`. */
  private get q(): ReturnType<typeof prepare> {
    return (this.statements ??= prepare(this.db))
  }

  async migrate(): Promise<number> {
    return migrateSqlite(this.db)
  }

  async close(): Promise<void> {
    this.db.close()
  }

  async listCollections(): Promise<Collection[]> {
    return this.q.collections.all().map(toCollection)
  }

  async getCollection(id: string): Promise<Collection | undefined> {
    const row = this.q.collection.get(id)
    return row && toCollection(row)
  }

  async createCollection(c: { id: string; name: string; actors: ActorDef[] }): Promise<Collection> {
    return this.db
      .transaction(() => {
        if (this.q.collection.get(c.id)) throw duplicateCollection(c.id)
        const at = now()
        const row: CollectionRow = {
          id: c.id,
          name: c.name,
          actors: JSON.stringify(c.actors),
          created_at: at,
          updated_at: at,
        }
        this.q.insertCollection.run(row)
        return toCollection(row)
      })
      .immediate()
  }

  async updateCollection(
    id: string,
    patch: { name?: string; actors?: ActorDef[] },
  ): Promise<Collection | undefined> {
    return this.db
      .transaction(() => {
        const row = this.q.collection.get(id)
        if (!row) return undefined
        const next: CollectionRow = {
          ...row,
          name: patch.name ?? row.name,
          actors: patch.actors ? JSON.stringify(patch.actors) : row.actors,
          updated_at: now(),
        }
        this.q.updateCollection.run(next)
        return toCollection(next)
      })
      .immediate()
  }

  async deleteCollection(id: string): Promise<boolean> {
    return this.db.transaction(() => this.q.deleteCollection.run(id).changes > 0).immediate()
  }

  async countArticles(collectionId: string): Promise<number> {
    return this.q.count.get(collectionId)?.n ?? 0
  }

  async listArticles(collectionId: string, options?: ListOptions): Promise<StoredArticle[]> {
    const { offset, limit } = paging(options)
    return this.q.list.all(collectionId, limit ?? -1, offset).map(toArticle)
  }

  async getArticle(collectionId: string, id: string): Promise<StoredArticle | undefined> {
    const row = this.q.article.get(collectionId, id)
    return row && toArticle(row)
  }

  async getArticles(collectionId: string, ids: readonly string[]): Promise<StoredArticle[]> {
    return this.db.transaction(() =>
      ids.flatMap((id) => {
        const row = this.q.article.get(collectionId, id)
        return row ? [toArticle(row)] : []
      }),
    )()
  }

  async listHeads(collectionId: string): Promise<ArticleHead[]> {
    return this.q.heads.all(collectionId).map(toHead)
  }

  async termTotals(collectionId: string): Promise<[string, number][]> {
    return this.q.termTotals.all(collectionId).map((r) => [r.term, r.n])
  }

  async saveDigests(
    collectionId: string,
    key: string,
    digests: ReadonlyMap<string, StoredDigest>,
  ): Promise<number> {
    return this.db
      .transaction(() => {
        let saved = 0
        for (const [id, d] of digests) saved += this.writeDigest(collectionId, id, key, d)
        return saved
      })
      .immediate()
  }

  /** Writes (or, with none, drops) the digest of an article's analysis stored under `key`. */
  private writeDigest(
    collectionId: string,
    id: string,
    key: string | null,
    digest: StoredDigest | undefined,
  ): number {
    if (!digest || key === null) return this.q.dropDigest.run(collectionId, id).changes
    return this.q.saveDigest.run({
      collection_id: collectionId,
      id,
      key,
      digest: JSON.stringify(digest.digest),
      terms: JSON.stringify(digest.terms),
    }).changes
  }

  async existingIds(collectionId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const rows = this.q.existingIds.all(collectionId, JSON.stringify(ids))
    return new Set(rows.map((r) => r.id))
  }

  async findByHash(collectionId: string, textHash: string): Promise<string | undefined> {
    return this.q.byHash.get(collectionId, textHash)?.id
  }

  async insertArticles(
    collectionId: string,
    articles: readonly NewArticle[],
  ): Promise<StoredArticle[]> {
    return this.db
      .transaction(() => {
        if (!this.q.collection.get(collectionId)) throw missingCollection(collectionId)
        checkBatch(collectionId, articles)
        for (const a of articles) {
          if (this.q.article.get(collectionId, a.id)) throw duplicateId(collectionId, a.id)
          const holder = this.q.byHash.get(collectionId, a.textHash)
          if (holder) throw duplicateText(collectionId, a.id, holder.id)
        }
        const at = now()
        return articles.map((a) => {
          const row = toRow(collectionId, a, a.analysis, at, at)
          this.q.insertArticle.run(row)
          if (a.analysis?.digest)
            this.writeDigest(collectionId, a.id, row.analysis_key, a.analysis.digest)
          return toArticle(row)
        })
      })
      .immediate()
  }

  async updateArticle(
    collectionId: string,
    id: string,
    patch: ArticlePatch,
    analysis?: StoredAnalysis,
  ): Promise<StoredArticle | undefined> {
    return this.db
      .transaction(() => {
        const row = this.q.article.get(collectionId, id)
        if (!row) return undefined
        const next = applyPatch(toRecord(row), patch)
        const textChanged = next.textHash !== row.text_hash
        if (textChanged) {
          const holder = this.q.byHash.get(collectionId, next.textHash)
          if (holder) throw duplicateText(collectionId, id, holder.id)
        }
        // An analysis of the old text must not pass for one of the new: without a new analysis
        // it is dropped, and the article counts as stale.
        const kept = textChanged ? null : toArticle(row).analysis
        const updated = toRow(collectionId, next, analysis ?? kept, row.created_at, now())
        this.q.updateArticle.run(updated)
        // A new analysis brings its digest (or none); a kept one keeps its own; a dropped one
        // takes its digest with it.
        if (analysis || !kept)
          this.writeDigest(collectionId, id, updated.analysis_key, analysis?.digest)
        return toArticle(updated)
      })
      .immediate()
  }

  async deleteArticle(collectionId: string, id: string): Promise<boolean> {
    return this.db
      .transaction(() => this.q.deleteArticle.run(collectionId, id).changes > 0)
      .immediate()
  }

  async countStale(collectionId: string, key: string): Promise<number> {
    return (
      (this.q.count.get(collectionId)?.n ?? 0) - (this.q.countUnder.get(collectionId, key)?.n ?? 0)
    )
  }

  async reanalyse(
    collectionId: string,
    key: string,
    limit: number,
    work: (articles: PendingArticle[]) => Promise<Map<string, StoredAnalysis>>,
  ): Promise<number> {
    if (limit <= 0) return 0
    const claimed = this.q.stale.all(collectionId, key, limit)
    if (claimed.length === 0) return 0
    const results = await work(claimed.map((r) => ({ ...toRecord(r), collectionId })))
    return this.db
      .transaction(() => {
        let saved = 0
        for (const row of claimed) {
          const analysis = results.get(row.id)
          if (!analysis) continue
          // Saved only over the text that was analysed: an edit made while `work` ran wins.
          const changes = this.q.saveAnalysis.run(
            analysis.key,
            JSON.stringify(analysis.data),
            collectionId,
            row.id,
            row.text_hash,
          ).changes
          if (changes > 0) this.writeDigest(collectionId, row.id, analysis.key, analysis.digest)
          saved += changes
        }
        return saved
      })
      .immediate()
  }

  async listLessons(collectionId: string): Promise<{ id: string; lesson: unknown }[]> {
    return this.q.lessons
      .all(collectionId)
      .map((r) => ({ id: r.id, lesson: JSON.parse(r.lesson) as unknown }))
  }

  async saveLesson(collectionId: string, id: string, lesson: unknown): Promise<void> {
    this.db
      .transaction(() => {
        if (!this.q.collection.get(collectionId)) throw missingCollection(collectionId)
        if (this.q.lesson.get(collectionId, id)) throw duplicateLesson(collectionId, id)
        this.q.insertLesson.run(collectionId, id, JSON.stringify(lesson), now())
      })
      .immediate()
  }

  async deleteLesson(collectionId: string, id: string): Promise<boolean> {
    return this.db
      .transaction(() => this.q.deleteLesson.run(collectionId, id).changes > 0)
      .immediate()
  }

  async search(collectionId: string, query: string, options?: SearchOptions): Promise<string[]> {
    const words = searchWords(query)
    if (words.length === 0) return []
    const { offset, limit } = paging(options)
    return this.q.search
      .all(ftsQuery(words, options?.prefix), collectionId, limit ?? -1, offset)
      .map((r) => r.id)
  }
}
