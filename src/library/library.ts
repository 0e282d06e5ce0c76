/**
 * The library: the stored collections, each served as a `CorpusStore` (what every page, the API
 * and the exports read) built from the stored analyses, never by re-running the engine on a
 * request. Writes go through here so that each one is checked, analysed before it is stored
 * (a new article is stored with its analysis or not at all), and followed by a rebuild of the
 * served store. Analyses made under another key (engine, lexicons or actors changed) are redone
 * in the background by ./reanalysis.ts; meanwhile pages serve what is stored.
 */
import {
  AnalysisLimitError,
  type Actor,
  type ActorDef,
  type AnalysedArticle,
  type ArticleInput,
} from '../analysis/index.js'
import { parseActorDefs, resolveActors } from '../corpus/actors.js'
import { InputError } from '../corpus/errors.js'
import {
  metaOf,
  storeFromDigests,
  type AnalysedEntry,
  type ArticleEntry,
  type CorpusStore,
} from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import type {
  ArticleHead,
  ArticleRecord,
  Collection,
  NewArticle,
  StoredArticle as StoredRow,
  Storage,
} from '../store/types.js'
import { StoreConflictError, type StoredDigest } from '../store/types.js'
import { decodeAnalysis, decodeDigest, encodeAnalysis, encodeDigest } from './codec.js'
import { freeId, recordOf, slugify, type ArticleDraft } from './drafts.js'
import { analysisKey } from './engine-key.js'
import { Reanalyser } from './reanalysis.js'

/** Analyses articles against one actor set: in this thread, or in worker threads. */
export type AnalyseFn = (
  actors: readonly Actor[],
  inputs: readonly ArticleInput[],
) => Promise<AnalysedArticle[]>

/** Where a collection's analyses stand. */
export interface Progress {
  /** Articles whose stored analysis is not under the current key. */
  stale: number
  total: number
  /** Whether this process is re-analysing them now. */
  running: boolean
}

/** A collection as pages see it: its record, the store built from its analyses, and progress. */
export interface CollectionView {
  collection: Collection
  actors: Actor[]
  store: CorpusStore
  /** Articles left out of `store` until they are analysed with the collection's actors. */
  pending: number
  /** The lessons saved with the collection, as saved (the teaching routes check them). */
  lessons: { id: string; lesson: unknown }[]
}

export interface CollectionSummary extends Collection {
  articles: number
}

/** A collection's name: what the create and rename forms check. */
export const MAX_COLLECTION_NAME = 100

export interface AddOptions {
  /**
   * True (the default): every article is stored in one transaction, or none. False (importing a
   * folder): each chunk is stored as soon as it is analysed, so a long import keeps its progress.
   */
  atomic?: boolean
  /** Articles analysed in one job of the pool. */
  chunk?: number
  /** Jobs at once: the pool's threads. */
  concurrency?: number
  onProgress?: (stored: number, total: number) => void
  /** Analyse with this instead of the library's own (an import uses the bulk pool). */
  analyse?: AnalyseFn
  /**
   * Store the articles unanalysed, for the background (or `npm run worker` processes) to
   * analyse: how a very large import spreads over machines. They appear once analysed.
   */
  defer?: boolean
}

/** The outcome of adding articles: those stored, and the drafts skipped as duplicates. */
export interface AddResult {
  added: StoredRow[]
  duplicates: { index: number; title: string; existingId: string }[]
}

const actorsPart = (key: string) => key.slice(key.lastIndexOf('.') + 1)

/** How long a collection's progress counts are kept (see `Library.progress`). */
const PROGRESS_TTL_MS = 1000

/** Analyses read at once to make the digests of analyses stored before digests were. */
const BACKFILL_CHUNK = 200

/** The most articles a terms search takes from the full-text index (ids only). */
const MAX_SEARCHED = 100_000

export function checkCollectionName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new DomainError('invalid', 'name: give the collection a name')
  }
  const trimmed = name.trim()
  if (trimmed.length > MAX_COLLECTION_NAME) {
    throw new DomainError('invalid', `name: at most ${MAX_COLLECTION_NAME} characters`)
  }
  return trimmed
}

/**
 * Checks actor definitions as the actors file is checked (the same messages) and fixes each
 * actor's colour at the moment it is saved, so adding an actor later never recolours another.
 */
export function checkActors(defs: unknown): ActorDef[] {
  let parsed: ActorDef[]
  try {
    parsed = parseActorDefs(defs, 'actors')
  } catch (err) {
    if (err instanceof InputError) throw new DomainError('invalid', err.message)
    throw err
  }
  const resolved = resolveActors(parsed)
  return parsed.map((def, i) => ({ ...def, colour: resolved[i]!.colour }))
}

export class Library {
  private readonly views = new Map<string, Promise<CollectionView>>()
  private readonly listeners = new Set<(collectionId: string) => void>()
  private reanalyser: Reanalyser | undefined
  private readonly refused = new Map<string, readonly InputError[]>()
  /** The last atomic add of each collection, for the next to wait on (see `addArticles`). */
  private readonly adding = new Map<string, Promise<unknown>>()
  /** Counts each collection's writes, so a rebuild begun before one is not served after it. */
  private readonly versions = new Map<string, number>()
  /** The collection the root serves when it is not the oldest (CORPUS_DIR's). */
  private rootId: string | undefined
  /** Each collection's last progress counts, and when they were read (see `progress`). */
  private readonly counts = new Map<
    string,
    { at: number; counts: { stale: number; total: number } }
  >()

  constructor(
    readonly storage: Storage,
    private readonly analyse: AnalyseFn,
  ) {}

  /** Called after every write that changes what a collection's pages show. */
  onChange(listener: (collectionId: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Starts re-analysing, in the background, every collection with stale analyses, and from then
   * on each collection whose actors are edited. Without it (tests of the store alone) stale
   * analyses stay as they are.
   */
  async startBackground(analyse: AnalyseFn, log: (line: string) => void = () => {}): Promise<void> {
    this.reanalyser = new Reanalyser(this.storage, analyse, (cid) => this.refresh(cid), log)
    await this.reanalyser.scheduleStale()
  }

  /** Resolves when no background re-analysis is running. */
  async idle(): Promise<void> {
    await this.reanalyser?.idle()
  }

  /**
   * Where a collection's analyses stand. Every page of a collection says it, so the two counts
   * (each a scan of the collection's index entries) are kept for `PROGRESS_TTL_MS`, or until a
   * write or a re-analysis of this process changes them; a worker process's progress shows
   * within that time.
   */
  async progress(collectionId: string): Promise<Progress> {
    const running = this.reanalyser?.isRunning(collectionId) ?? false
    const kept = this.counts.get(collectionId)
    if (kept && Date.now() - kept.at < PROGRESS_TTL_MS) return { ...kept.counts, running }
    const collection = await this.storage.getCollection(collectionId)
    if (!collection) throw new DomainError('not-found', `no collection "${collectionId}"`)
    const [stale, total] = await Promise.all([
      this.storage.countStale(collectionId, analysisKey(collection.actors)),
      this.storage.countArticles(collectionId),
    ])
    this.counts.set(collectionId, { at: Date.now(), counts: { stale, total } })
    return { stale, total, running }
  }

  /** Drops the served store of a collection; the next request builds it from the database. */
  invalidate(collectionId: string): void {
    this.counts.delete(collectionId)
    this.bumpVersion(collectionId)
    this.views.delete(collectionId)
    for (const listener of this.listeners) listener(collectionId)
  }

  async listCollections(): Promise<CollectionSummary[]> {
    const collections = await this.storage.listCollections()
    return Promise.all(
      collections.map(async (c) => ({ ...c, articles: await this.storage.countArticles(c.id) })),
    )
  }

  getCollection(id: string): Promise<Collection | undefined> {
    return this.storage.getCollection(id)
  }

  /** The collection `/` and `/api/articles` serve: the one set at start, else the oldest. */
  async defaultCollection(): Promise<Collection | undefined> {
    const chosen = this.rootId === undefined ? undefined : await this.getCollection(this.rootId)
    return chosen ?? (await this.storage.listCollections())[0]
  }

  setDefaultCollection(id: string): void {
    this.rootId = id
  }

  /** The files of the last folder import that could not be read, for the overview to list. */
  setRefused(collectionId: string, refused: readonly InputError[]): void {
    this.refused.set(collectionId, refused)
    this.bumpVersion(collectionId)
    this.views.delete(collectionId)
  }

  async createCollection(input: {
    name: unknown
    actors: ActorDef[]
    id?: string
  }): Promise<Collection> {
    const name = checkCollectionName(input.name)
    const actors = checkActors(input.actors)
    const taken = new Set((await this.storage.listCollections()).map((c) => c.id))
    const id = input.id ?? freeId(slugify(name, 40), taken)
    try {
      return await this.storage.createCollection({ id, name, actors })
    } catch (err) {
      if (err instanceof StoreConflictError) {
        throw new DomainError('conflict', `a collection "${id}" exists already`)
      }
      throw err
    }
  }

  async renameCollection(id: string, name: unknown): Promise<Collection> {
    const checked = checkCollectionName(name)
    const updated = await this.storage.updateCollection(id, { name: checked })
    if (!updated) throw new DomainError('not-found', `no collection "${id}"`)
    this.invalidate(id)
    return updated
  }

  async deleteCollection(id: string): Promise<void> {
    if (!(await this.storage.deleteCollection(id))) {
      throw new DomainError('not-found', `no collection "${id}"`)
    }
    this.invalidate(id)
  }

  /**
   * Saves a collection's actors. The stored analyses become stale (their key names the old
   * actors) and are redone in the background; until then pages keep the store they had.
   */
  async setActors(id: string, defs: unknown): Promise<Collection> {
    const actors = checkActors(defs)
    const updated = await this.storage.updateCollection(id, { actors })
    if (!updated) throw new DomainError('not-found', `no collection "${id}"`)
    this.counts.delete(id)
    for (const listener of this.listeners) listener(id)
    this.reanalyser?.schedule(id)
    return updated
  }

  /**
   * Replaces a served store once a newer one is built, so pages never go blank while it is;
   * a collection deleted meanwhile is simply forgotten.
   */
  async refresh(collectionId: string): Promise<void> {
    this.counts.delete(collectionId)
    const version = this.versions.get(collectionId) ?? 0
    const fresh = this.build(collectionId)
    try {
      await fresh
      // A write made while it was built has dropped the served store: this one is older than
      // that write, so it is not served (the next request builds one that has it).
      if ((this.versions.get(collectionId) ?? 0) === version) this.views.set(collectionId, fresh)
    } catch (err) {
      if (!(err instanceof DomainError && err.kind === 'not-found')) throw err
      this.views.delete(collectionId)
    }
  }

  private bumpVersion(collectionId: string): void {
    this.versions.set(collectionId, (this.versions.get(collectionId) ?? 0) + 1)
  }

  /** The collection as pages see it; undefined when there is no such collection. */
  async view(collectionId: string): Promise<CollectionView | undefined> {
    let view = this.views.get(collectionId)
    if (!view) {
      view = this.build(collectionId)
      this.views.set(collectionId, view)
      view.catch(() => this.views.delete(collectionId))
    }
    try {
      return await view
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not-found') return undefined
      throw err
    }
  }

  /**
   * Builds the store from the stored digests: the whole analyses stay in the database until a page
   * shows them. An analysis made with other actors cannot stand beside the others (its actors
   * differ), so it is left out until it is redone; one made by another engine version with the
   * same actors is served as it is, and counted as stale. An analysis stored before digests were
   * gets its digest now, once.
   */
  private async build(collectionId: string): Promise<CollectionView> {
    const collection = await this.storage.getCollection(collectionId)
    if (!collection) throw new DomainError('not-found', `no collection "${collectionId}"`)
    const key = analysisKey(collection.actors)
    const actors = resolveActors(collection.actors)
    const heads = await this.storage.listHeads(collectionId)
    const served = heads.filter(
      (h) => h.analysisKey !== null && actorsPart(h.analysisKey) === actorsPart(key),
    )
    const digests = await this.backfillDigests(
      collectionId,
      served.filter((h) => h.digest === null),
    )
    const entries: ArticleEntry[] = []
    for (const head of served) {
      const digest = head.digest ?? digests.get(head.id)?.digest
      // An article deleted or re-analysed while its digest was made is left to the next build.
      if (digest === undefined) continue
      entries.push({ id: head.id, meta: metaOf(head), digest: decodeDigest(digest) })
    }
    const storage = this.storage
    const store = storeFromDigests(
      entries,
      actors,
      {
        async fetch(ids) {
          const rows = await storage.getArticles(collectionId, ids)
          return rows.flatMap((row) =>
            row.analysis && actorsPart(row.analysis.key) === actorsPart(key)
              ? [entryOf(row, decodeAnalysis(row.analysis, row.text))]
              : [],
          )
        },
        termTotals: async () => new Map(await storage.termTotals(collectionId)),
        search: (words) =>
          storage.search(collectionId, words.join(' '), { prefix: true, limit: MAX_SEARCHED }),
      },
      { refused: this.refused.get(collectionId) ?? [] },
    )
    const lessons = await this.storage.listLessons(collectionId)
    return { collection, actors, store, pending: heads.length - entries.length, lessons }
  }

  /** Makes and stores the digests of analyses stored without one (before digests existed). */
  private async backfillDigests(
    collectionId: string,
    heads: readonly ArticleHead[],
  ): Promise<Map<string, StoredDigest>> {
    const made = new Map<string, StoredDigest>()
    for (let i = 0; i < heads.length; i += BACKFILL_CHUNK) {
      const rows = await this.storage.getArticles(
        collectionId,
        heads.slice(i, i + BACKFILL_CHUNK).map((h) => h.id),
      )
      const byKey = new Map<string, Map<string, StoredDigest>>()
      for (const row of rows) {
        if (!row.analysis) continue
        const digest = encodeDigest(decodeAnalysis(row.analysis, row.text))
        made.set(row.id, digest)
        const group = byKey.get(row.analysis.key) ?? new Map<string, StoredDigest>()
        group.set(row.id, digest)
        byKey.set(row.analysis.key, group)
      }
      for (const [key, group] of byKey) await this.storage.saveDigests(collectionId, key, group)
    }
    return made
  }

  /**
   * Checks, analyses and stores articles, in one transaction: all of them or (on an error)
   * none. A draft whose text is already in the collection (or earlier in the same batch) is not
   * stored and is reported in `duplicates`. An article over the engine's limits refuses the
   * whole batch with a message naming it.
   */
  async addArticles(
    collectionId: string,
    drafts: readonly ArticleDraft[],
    options: AddOptions = {},
  ): Promise<AddResult> {
    if (!(options.atomic ?? true)) return this.addNow(collectionId, drafts, options)
    // Atomic adds (a paste, an upload, an API post) of one collection run one after another:
    // each checks for duplicates and chooses ids before it analyses and stores, so two at once
    // would both pass the checks and the second would fail in the store.
    const before = this.adding.get(collectionId) ?? Promise.resolve()
    const run = before.then(() => this.addNow(collectionId, drafts, options))
    const settled = run.then(
      () => {},
      () => {},
    )
    this.adding.set(collectionId, settled)
    void settled.then(() => {
      if (this.adding.get(collectionId) === settled) this.adding.delete(collectionId)
    })
    return run
  }

  private async addNow(
    collectionId: string,
    drafts: readonly ArticleDraft[],
    options: AddOptions,
  ): Promise<AddResult> {
    const collection = await this.storage.getCollection(collectionId)
    if (!collection) throw new DomainError('not-found', `no collection "${collectionId}"`)
    const seen = new Map<string, string>()
    const duplicates: AddResult['duplicates'] = []
    const earlier: { duplicate: AddResult['duplicates'][number]; hash: string }[] = []
    const prepared: { index: number; record: ArticleRecord; base: string }[] = []
    for (const [index, draft] of drafts.entries()) {
      const record = recordOf(draft, '')
      if (!/\p{L}/u.test(record.text)) {
        throw new DomainError(
          'invalid',
          `${where(draft, index, drafts.length)}text: no article text (empty, or only boilerplate)`,
        )
      }
      const existing =
        seen.get(record.textHash) ?? (await this.storage.findByHash(collectionId, record.textHash))
      if (existing !== undefined) {
        const duplicate = { index, title: record.title, existingId: existing }
        duplicates.push(duplicate)
        // A duplicate of an article earlier in this batch gets its id once ids are chosen.
        if (existing === '') earlier.push({ duplicate, hash: record.textHash })
        continue
      }
      seen.set(record.textHash, '')
      prepared.push({ index, record, base: slugify(draft.id ?? record.title) })
    }
    const ids = await this.allocateIds(
      collectionId,
      prepared.map((p) => p.base),
    )
    const records = prepared.map((p, i) => {
      seen.set(p.record.textHash, ids[i]!)
      return { ...p.record, id: ids[i]! }
    })
    for (const { duplicate, hash } of earlier) duplicate.existingId = seen.get(hash)!
    if (records.length === 0) return { added: [], duplicates }

    const key = analysisKey(collection.actors)
    const chunk = options.chunk ?? records.length
    const chunks: (typeof records)[] = []
    for (let i = 0; i < records.length; i += chunk) chunks.push(records.slice(i, i + chunk))
    const atomic = options.atomic ?? true
    const added: StoredRow[] = []
    const ready: NewArticle[][] = []
    // Chunks are analysed `concurrency` at a time (one per thread of the pool); each is
    // stored as soon as it is analysed, or, for an atomic add, all at the end in one write.
    let next = 0
    const worker = async () => {
      while (next < chunks.length) {
        const part = chunks[next++]!
        const analysed = options.defer
          ? undefined
          : await this.analyseRecords(collection, part, options.analyse)
        const rows: NewArticle[] = part.map((record, i) =>
          analysed ? { ...record, analysis: encodeAnalysis(analysed[i]!, key) } : record,
        )
        if (atomic) ready.push(rows)
        else {
          added.push(...(await this.storage.insertArticles(collectionId, rows)))
          options.onProgress?.(added.length, records.length)
        }
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker))
      if (atomic) added.push(...(await this.storage.insertArticles(collectionId, ready.flat())))
    } catch (err) {
      // Another writer (an import, another process) stored the same text or id meanwhile.
      if (err instanceof StoreConflictError) {
        throw new DomainError('conflict', `${err.message} It was added meanwhile; try again.`)
      }
      throw err
    } finally {
      if (added.length > 0) this.invalidate(collectionId)
    }
    if (options.defer && added.length > 0) this.reanalyser?.schedule(collectionId)
    await this.rescheduleIfStale(collectionId, key)
    // In the order given, whatever order the chunks finished in.
    const order = new Map(records.map((r, i) => [r.id, i]))
    added.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    return { added, duplicates }
  }

  /** Ids free in the collection for each wished base: `base`, else `base-2`, `base-3` … */
  private async allocateIds(collectionId: string, bases: readonly string[]): Promise<string[]> {
    const taken = await this.storage.existingIds(collectionId, [...new Set(bases)])
    const out: string[] = []
    for (const base of bases) {
      let id = freeId(base, taken)
      // `taken` only knew the bases: a suffixed id may be stored already; ask until one is free.
      while (id !== base && (await this.storage.existingIds(collectionId, [id])).size > 0) {
        taken.add(id)
        id = freeId(base, taken)
      }
      taken.add(id)
      out.push(id)
    }
    return out
  }

  /** Changes an article's fields; a new text or title is analysed before it is stored. */
  async updateArticle(
    collectionId: string,
    id: string,
    patch: Partial<Omit<ArticleDraft, 'source' | 'id' | 'removed'>>,
  ): Promise<StoredRow> {
    const collection = await this.storage.getCollection(collectionId)
    if (!collection) throw new DomainError('not-found', `no collection "${collectionId}"`)
    const current = await this.storage.getArticle(collectionId, id)
    if (!current) throw new DomainError('not-found', `no article "${id}" in "${collectionId}"`)
    const next = recordOf(
      {
        // An article without a headline keeps none: its title is made again from the new lead.
        title: patch.title ?? (current.headline ? current.title : undefined),
        headline: patch.title !== undefined ? true : current.headline,
        text: patch.text ?? current.text,
        outlet: 'outlet' in patch ? patch.outlet : current.outlet,
        date: 'date' in patch ? patch.date : current.date,
        url: 'url' in patch ? patch.url : current.url,
        author: 'author' in patch ? patch.author : current.author,
        source: current.source,
        // An unchanged text keeps what was removed from it; a new one is cleaned again.
        ...(patch.text === undefined && { removed: current.removed }),
      },
      id,
    )
    if (!/\p{L}/u.test(next.text)) {
      throw new DomainError('invalid', 'text: no article text (empty, or only boilerplate)')
    }
    const reanalyse = next.text !== current.text || next.title !== current.title
    const analysis = reanalyse
      ? encodeAnalysis(
          (await this.analyseRecords(collection, [next]))[0]!,
          analysisKey(collection.actors),
        )
      : undefined
    // Every field, the optional ones included: one left out of the edit is removed.
    const patchAll = {
      title: next.title,
      headline: next.headline,
      text: next.text,
      outlet: next.outlet,
      date: next.date,
      url: next.url,
      author: next.author,
      source: next.source,
      removed: next.removed,
      textHash: next.textHash,
    }
    let updated: StoredRow | undefined
    try {
      updated = await this.storage.updateArticle(collectionId, id, patchAll, analysis)
    } catch (err) {
      if (err instanceof StoreConflictError && err.kind === 'duplicate-text') {
        throw new DomainError(
          'conflict',
          `text: the same text is already stored as "${err.existingId}"`,
        )
      }
      throw err
    }
    if (!updated) throw new DomainError('not-found', `no article "${id}" in "${collectionId}"`)
    this.invalidate(collectionId)
    if (analysis) await this.rescheduleIfStale(collectionId, analysis.key)
    return updated
  }

  /**
   * An analysis made while the collection's actors were being edited is stored under the old
   * key after the re-analysis may have finished; it would then stay out of the pages until the
   * next start. Checked after each write, it is re-analysed like the others.
   */
  private async rescheduleIfStale(collectionId: string, key: string): Promise<void> {
    const now = await this.storage.getCollection(collectionId)
    if (now && analysisKey(now.actors) !== key) this.reanalyser?.schedule(collectionId)
  }

  /** Saves a lesson made in the builder with the collection (its `id` must be free there). */
  async saveLesson(collectionId: string, lesson: { id: string }): Promise<void> {
    try {
      await this.storage.saveLesson(collectionId, lesson.id, lesson)
    } catch (err) {
      if (err instanceof StoreConflictError && err.kind === 'duplicate-id') {
        throw new DomainError(
          'conflict',
          `title: this collection has a lesson "${lesson.id}" already; give the lesson another title`,
        )
      }
      if (err instanceof StoreConflictError && err.kind === 'missing-collection') {
        throw new DomainError('not-found', `no collection "${collectionId}"`)
      }
      throw err
    }
    this.invalidate(collectionId)
  }

  async deleteLesson(collectionId: string, id: string): Promise<void> {
    if (!(await this.storage.deleteLesson(collectionId, id))) {
      throw new DomainError('not-found', `no saved lesson "${id}" in "${collectionId}"`)
    }
    this.invalidate(collectionId)
  }

  async deleteArticle(collectionId: string, id: string): Promise<void> {
    if (!(await this.storage.deleteArticle(collectionId, id))) {
      throw new DomainError('not-found', `no article "${id}" in "${collectionId}"`)
    }
    this.invalidate(collectionId)
  }

  private async analyseRecords(
    collection: Collection,
    records: readonly { id: string; title: string; headline: boolean; text: string }[],
    analyse: AnalyseFn = this.analyse,
  ): Promise<AnalysedArticle[]> {
    const actors = resolveActors(collection.actors)
    try {
      return await analyse(
        actors,
        records.map((r) => ({ id: r.id, title: r.title, headline: r.headline, text: r.text })),
      )
    } catch (err) {
      if (err instanceof AnalysisLimitError) throw new DomainError('too-large', err.message)
      throw err
    }
  }
}

function where(draft: ArticleDraft, index: number, count: number): string {
  if (count === 1) return ''
  return `article ${index + 1}${draft.title ? ` ("${draft.title}")` : ''}: `
}

function entryOf(row: StoredRow, analysed: AnalysedArticle): AnalysedEntry {
  return { id: row.id, meta: metaOf(row), removed: row.removed, analysed }
}

/** Analyses in this thread: for tests, the CLI and small collections. */
export const analyseInThread: AnalyseFn = async (actors, inputs) => {
  const { Analyzer } = await import('../analysis/index.js')
  const analyzer = new Analyzer(actors)
  return inputs.map((input) => analyzer.analyze(input))
}
