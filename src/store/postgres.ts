/**
 * The engine for scale: PostgreSQL through a `pg` Pool, chosen when DATABASE_URL names one.
 * Several processes (the server, `npm run worker`) may share a database; the places where that
 * matters are `reanalyse` (rows claimed with FOR UPDATE SKIP LOCKED) and the unique constraints,
 * which stay the last word on duplicates when two writers race past the checks made beforehand.
 *
 * Search uses the generated `search` tsvector ('simple' configuration, see migrations.ts) and
 * `plainto_tsquery`, which reads its input as plain words: no operator in a user's query is
 * interpreted.
 */
import pg from 'pg'
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
import { migratePostgres } from './migrations.js'
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

type Client = pg.PoolClient

interface CollectionRow {
  id: string
  name: string
  actors: ActorDef[]
  created_at: Date
  updated_at: Date
}

interface ArticleRow {
  collection_id: string
  id: string
  title: string
  headline: boolean
  text: string
  outlet: string | null
  date: string | null
  url: string | null
  author: string | null
  source: string
  removed: ArticleRecord['removed']
  text_hash: string
  created_at: Date
  updated_at: Date
  analysis_key?: string | null
  analysis?: unknown
}

interface HeadRow {
  id: string
  title: string
  headline: boolean
  outlet: string | null
  date: string | null
  url: string | null
  author: string | null
  source: string
  text_hash: string
  created_at: Date
  updated_at: Date
  analysis_key: string | null
  digest: unknown
}

function toHead(row: HeadRow): ArticleHead {
  const head: ArticleHead = {
    id: row.id,
    title: row.title,
    headline: row.headline,
    source: row.source,
    textHash: row.text_hash,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    analysisKey: row.analysis_key,
    digest: row.digest ?? null,
  }
  if (row.outlet !== null) head.outlet = row.outlet
  if (row.date !== null) head.date = row.date
  if (row.url !== null) head.url = row.url
  if (row.author !== null) head.author = row.author
  return head
}

/** Replaces the digest of an article whose analysis is under $3 (else nothing). */
const SAVE_DIGEST = `INSERT INTO article_digests (seq, digest, terms)
  SELECT seq, $4::json, $5::json FROM articles
  WHERE collection_id = $1 AND id = $2 AND analysis_key = $3
  ON CONFLICT (seq) DO UPDATE SET digest = excluded.digest, terms = excluded.terms`

const DROP_DIGEST = `DELETE FROM article_digests
  WHERE seq = (SELECT seq FROM articles WHERE collection_id = $1 AND id = $2)`

/** Writes (or, with none, drops) the digest of an article's analysis stored under `key`. */
async function writeDigest(
  client: Client,
  collectionId: string,
  id: string,
  key: string | null,
  digest: StoredDigest | undefined,
): Promise<number> {
  const { rowCount } =
    !digest || key === null
      ? await client.query(DROP_DIGEST, [collectionId, id])
      : await client.query(SAVE_DIGEST, [
          collectionId,
          id,
          key,
          JSON.stringify(digest.digest),
          JSON.stringify(digest.terms),
        ])
  return rowCount ?? 0
}

/** The columns of a record, without the analysis (see migrations.ts on why it is read apart). */
const RECORD_COLUMNS =
  'collection_id, id, title, headline, text, outlet, "date", url, author, source, removed, text_hash, created_at, updated_at'
const ALL_COLUMNS = `${RECORD_COLUMNS}, analysis_key, analysis`

// Row ↔ object mapping: the only place that knows the column names and encodings. pg parses
// json/jsonb into values and timestamptz into Dates; values go in as JSON text and ISO strings.

function toCollection(row: CollectionRow): Collection {
  return {
    id: row.id,
    name: row.name,
    actors: row.actors,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

function toRecord(row: ArticleRow): ArticleRecord {
  const record: ArticleRecord = {
    id: row.id,
    title: row.title,
    headline: row.headline,
    text: row.text,
    source: row.source,
    removed: row.removed,
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
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    analysis:
      row.analysis_key === null || row.analysis_key === undefined || row.analysis === null
        ? null
        : { key: row.analysis_key, data: row.analysis },
  }
}

/** Parameters $2…$16 of INSERT_ARTICLE / UPDATE_ARTICLE ($1 is the collection). */
function toParams(
  a: ArticleRecord,
  analysis: StoredAnalysis | null | undefined,
  createdAt: string,
  updatedAt: string,
): unknown[] {
  return [
    a.id,
    a.title,
    a.headline,
    a.text,
    a.outlet ?? null,
    a.date ?? null,
    a.url ?? null,
    a.author ?? null,
    a.source,
    JSON.stringify(a.removed),
    a.textHash,
    createdAt,
    updatedAt,
    analysis ? analysis.key : null,
    analysis ? JSON.stringify(analysis.data) : null,
  ]
}

const INSERT_ARTICLE = `INSERT INTO articles (${ALL_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16::json)
  RETURNING ${ALL_COLUMNS}`

const UPDATE_ARTICLE = `UPDATE articles SET title = $3, headline = $4, text = $5, outlet = $6,
  "date" = $7, url = $8, author = $9, source = $10, removed = $11::jsonb, text_hash = $12,
  created_at = $13, updated_at = $14, analysis_key = $15, analysis = $16::json
  WHERE collection_id = $1 AND id = $2
  RETURNING ${ALL_COLUMNS}`

/** PostgreSQL's SQLSTATE for a unique violation, and a foreign-key one. */
const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'

function sqlState(err: unknown): { code?: string; constraint?: string } {
  return typeof err === 'object' && err !== null
    ? (err as { code?: string; constraint?: string })
    : {}
}

export class PostgresStorage implements Storage {
  readonly kind = 'postgres'
  readonly location: string
  private readonly pool: pg.Pool

  /**
   * `config` is passed to pg's Pool (a connection string, or options such as a search_path);
   * `location` is what the start-up line shows, without a password.
   */
  constructor(config: pg.PoolConfig, location: string) {
    this.pool = new pg.Pool(config)
    this.location = location
    // An idle client that loses its connection (a database restart) emits 'error' on the pool;
    // unhandled, that would end the process. The next query gets a fresh client instead.
    this.pool.on('error', () => {})
  }

  /** Runs `fn` in one transaction on one client: COMMIT when it returns, ROLLBACK if it throws. */
  private async transaction<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
    return (await this.pool.query<R>(sql, params)).rows
  }

  async migrate(): Promise<number> {
    return migratePostgres(this.pool)
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  async listCollections(): Promise<Collection[]> {
    return (
      await this.rows<CollectionRow>('SELECT * FROM collections ORDER BY created_at, id', [])
    ).map(toCollection)
  }

  async getCollection(id: string): Promise<Collection | undefined> {
    const [row] = await this.rows<CollectionRow>('SELECT * FROM collections WHERE id = $1', [id])
    return row && toCollection(row)
  }

  async createCollection(c: { id: string; name: string; actors: ActorDef[] }): Promise<Collection> {
    const at = now()
    try {
      return await this.transaction(async (client) => {
        const { rows } = await client.query<CollectionRow>(
          `INSERT INTO collections (id, name, actors, created_at, updated_at)
            VALUES ($1, $2, $3::jsonb, $4, $4) RETURNING *`,
          [c.id, c.name, JSON.stringify(c.actors), at],
        )
        return toCollection(rows[0]!)
      })
    } catch (err) {
      if (sqlState(err).code === UNIQUE_VIOLATION) throw duplicateCollection(c.id)
      throw err
    }
  }

  async updateCollection(
    id: string,
    patch: { name?: string; actors?: ActorDef[] },
  ): Promise<Collection | undefined> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<CollectionRow>(
        `UPDATE collections SET name = coalesce($2, name), actors = coalesce($3::jsonb, actors),
          updated_at = $4 WHERE id = $1 RETURNING *`,
        [id, patch.name ?? null, patch.actors ? JSON.stringify(patch.actors) : null, now()],
      )
      return rows[0] && toCollection(rows[0])
    })
  }

  async deleteCollection(id: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query('DELETE FROM collections WHERE id = $1', [id])
      return (rowCount ?? 0) > 0
    })
  }

  async countArticles(collectionId: string): Promise<number> {
    const [row] = await this.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM articles WHERE collection_id = $1',
      [collectionId],
    )
    return row?.n ?? 0
  }

  async listArticles(collectionId: string, options?: ListOptions): Promise<StoredArticle[]> {
    const { offset, limit } = paging(options)
    const rows = await this.rows<ArticleRow>(
      `SELECT ${ALL_COLUMNS} FROM articles WHERE collection_id = $1 ORDER BY seq
        LIMIT $2 OFFSET $3`,
      [collectionId, limit, offset],
    )
    return rows.map(toArticle)
  }

  async getArticle(collectionId: string, id: string): Promise<StoredArticle | undefined> {
    const [row] = await this.rows<ArticleRow>(
      `SELECT ${ALL_COLUMNS} FROM articles WHERE collection_id = $1 AND id = $2`,
      [collectionId, id],
    )
    return row && toArticle(row)
  }

  async getArticles(collectionId: string, ids: readonly string[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return []
    const rows = await this.rows<ArticleRow>(
      `SELECT ${ALL_COLUMNS} FROM articles WHERE collection_id = $1 AND id = ANY($2::text[])`,
      [collectionId, ids],
    )
    const byId = new Map(rows.map((r) => [r.id, toArticle(r)]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  async listHeads(collectionId: string): Promise<ArticleHead[]> {
    const rows = await this.rows<HeadRow>(
      `SELECT a.id, a.title, a.headline, a.outlet, a."date", a.url, a.author, a.source,
        a.text_hash, a.created_at, a.updated_at, a.analysis_key, d.digest
        FROM articles a LEFT JOIN article_digests d ON d.seq = a.seq
        WHERE a.collection_id = $1 ORDER BY a.seq`,
      [collectionId],
    )
    return rows.map(toHead)
  }

  async termTotals(collectionId: string): Promise<[string, number][]> {
    const rows = await this.rows<{ term: string; n: string }>(
      `SELECT e->>0 AS term, sum((e->>1)::bigint) AS n
        FROM articles a JOIN article_digests d ON d.seq = a.seq, json_array_elements(d.terms) e
        WHERE a.collection_id = $1 GROUP BY 1`,
      [collectionId],
    )
    return rows.map((r) => [r.term, Number(r.n)])
  }

  async saveDigests(
    collectionId: string,
    key: string,
    digests: ReadonlyMap<string, StoredDigest>,
  ): Promise<number> {
    return this.transaction(async (client) => {
      let saved = 0
      for (const [id, d] of digests) saved += await writeDigest(client, collectionId, id, key, d)
      return saved
    })
  }

  async existingIds(collectionId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const rows = await this.rows<{ id: string }>(
      'SELECT id FROM articles WHERE collection_id = $1 AND id = ANY($2::text[])',
      [collectionId, ids],
    )
    return new Set(rows.map((r) => r.id))
  }

  async findByHash(collectionId: string, textHash: string): Promise<string | undefined> {
    const [row] = await this.rows<{ id: string }>(
      'SELECT id FROM articles WHERE collection_id = $1 AND text_hash = $2',
      [collectionId, textHash],
    )
    return row?.id
  }

  async insertArticles(
    collectionId: string,
    articles: readonly NewArticle[],
  ): Promise<StoredArticle[]> {
    try {
      return await this.transaction(async (client) => {
        const found = await client.query('SELECT 1 FROM collections WHERE id = $1 FOR SHARE', [
          collectionId,
        ])
        if (found.rowCount === 0) throw missingCollection(collectionId)
        checkBatch(collectionId, articles)
        const { rows: taken } = await client.query<{ id: string; text_hash: string }>(
          `SELECT id, text_hash FROM articles
            WHERE collection_id = $1 AND (id = ANY($2::text[]) OR text_hash = ANY($3::text[]))`,
          [collectionId, articles.map((a) => a.id), articles.map((a) => a.textHash)],
        )
        for (const a of articles) {
          if (taken.some((t) => t.id === a.id)) throw duplicateId(collectionId, a.id)
          const holder = taken.find((t) => t.text_hash === a.textHash)
          if (holder) throw duplicateText(collectionId, a.id, holder.id)
        }
        const at = now()
        const stored: StoredArticle[] = []
        for (const a of articles) {
          const { rows } = await client.query<ArticleRow>(INSERT_ARTICLE, [
            collectionId,
            ...toParams(a, a.analysis, at, at),
          ])
          if (a.analysis?.digest) {
            await writeDigest(client, collectionId, a.id, a.analysis.key, a.analysis.digest)
          }
          stored.push(toArticle(rows[0]!))
        }
        return stored
      })
    } catch (err) {
      throw await this.conflict(err, collectionId, articles)
    }
  }

  /**
   * The StoreConflictError for a constraint another writer's commit made us hit after our
   * checks passed (the transaction is rolled back by then); any other error as it is.
   */
  private async conflict(
    err: unknown,
    collectionId: string,
    articles: readonly ArticleRecord[],
  ): Promise<unknown> {
    const { code, constraint } = sqlState(err)
    if (code === FOREIGN_KEY_VIOLATION) return missingCollection(collectionId)
    if (code !== UNIQUE_VIOLATION) return err
    if (constraint === 'articles_pkey') {
      const ids = await this.existingIds(
        collectionId,
        articles.map((a) => a.id),
      )
      const a = articles.find((x) => ids.has(x.id))
      if (a) return duplicateId(collectionId, a.id)
    }
    for (const a of articles) {
      const holder = await this.findByHash(collectionId, a.textHash)
      if (holder !== undefined && holder !== a.id) return duplicateText(collectionId, a.id, holder)
    }
    return err
  }

  async updateArticle(
    collectionId: string,
    id: string,
    patch: ArticlePatch,
    analysis?: StoredAnalysis,
  ): Promise<StoredArticle | undefined> {
    let tried: ArticleRecord | undefined
    try {
      return await this.transaction(async (client) => {
        const { rows } = await client.query<ArticleRow>(
          `SELECT ${ALL_COLUMNS} FROM articles WHERE collection_id = $1 AND id = $2 FOR UPDATE`,
          [collectionId, id],
        )
        const row = rows[0]
        if (!row) return undefined
        const next = applyPatch(toRecord(row), patch)
        tried = next
        const textChanged = next.textHash !== row.text_hash
        if (textChanged) {
          const { rows: holders } = await client.query<{ id: string }>(
            'SELECT id FROM articles WHERE collection_id = $1 AND text_hash = $2',
            [collectionId, next.textHash],
          )
          if (holders[0]) throw duplicateText(collectionId, id, holders[0].id)
        }
        // An analysis of the old text must not pass for one of the new: without a new analysis
        // it is dropped, and the article counts as stale.
        const kept = textChanged ? null : toArticle(row).analysis
        const { rows: updated } = await client.query<ArticleRow>(UPDATE_ARTICLE, [
          collectionId,
          ...toParams(next, analysis ?? kept, row.created_at.toISOString(), now()),
        ])
        // A new analysis brings its digest (or none); a kept one keeps its own; a dropped one
        // takes its digest with it.
        if (analysis || !kept) {
          await writeDigest(client, collectionId, id, analysis?.key ?? null, analysis?.digest)
        }
        return toArticle(updated[0]!)
      })
    } catch (err) {
      throw tried ? await this.conflict(err, collectionId, [tried]) : err
    }
  }

  async deleteArticle(collectionId: string, id: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(
        'DELETE FROM articles WHERE collection_id = $1 AND id = $2',
        [collectionId, id],
      )
      return (rowCount ?? 0) > 0
    })
  }

  async countStale(collectionId: string, key: string): Promise<number> {
    const [row] = await this.rows<{ n: number }>(
      `SELECT (SELECT count(*) FROM articles WHERE collection_id = $1)
        - (SELECT count(*) FROM articles WHERE collection_id = $1 AND analysis_key = $2) AS n`,
      [collectionId, key],
    )
    return Number(row?.n ?? 0)
  }

  /**
   * The claimed rows stay locked until the analyses are saved, so `work` runs inside the
   * transaction: another worker skips them, and an edit of one of them from elsewhere waits
   * and then lands after the save (and, carrying a new text, replaces or drops the analysis).
   * So `work` must not itself await a write to an article it was given: that write would wait
   * for this transaction, which waits for `work`.
   */
  async reanalyse(
    collectionId: string,
    key: string,
    limit: number,
    work: (articles: PendingArticle[]) => Promise<Map<string, StoredAnalysis>>,
  ): Promise<number> {
    if (limit <= 0) return 0
    return this.transaction(async (client) => {
      const { rows: claimed } = await client.query<ArticleRow>(
        `SELECT ${RECORD_COLUMNS} FROM articles
          WHERE collection_id = $1 AND analysis_key IS DISTINCT FROM $2
          ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [collectionId, key, limit],
      )
      if (claimed.length === 0) return 0
      const results = await work(claimed.map((r) => ({ ...toRecord(r), collectionId })))
      let saved = 0
      for (const row of claimed) {
        const analysis = results.get(row.id)
        if (!analysis) continue
        const { rowCount } = await client.query(
          `UPDATE articles SET analysis_key = $1, analysis = $2::json
            WHERE collection_id = $3 AND id = $4 AND text_hash = $5`,
          [analysis.key, JSON.stringify(analysis.data), collectionId, row.id, row.text_hash],
        )
        if ((rowCount ?? 0) > 0) {
          await writeDigest(client, collectionId, row.id, analysis.key, analysis.digest)
        }
        saved += rowCount ?? 0
      }
      return saved
    })
  }

  async listLessons(collectionId: string): Promise<{ id: string; lesson: unknown }[]> {
    return this.rows<{ id: string; lesson: unknown }>(
      'SELECT id, lesson FROM collection_lessons WHERE collection_id = $1 ORDER BY created_at, id',
      [collectionId],
    )
  }

  async saveLesson(collectionId: string, id: string, lesson: unknown): Promise<void> {
    try {
      await this.transaction(async (client) => {
        await client.query(
          'INSERT INTO collection_lessons (collection_id, id, lesson, created_at) VALUES ($1, $2, $3::json, $4)',
          [collectionId, id, JSON.stringify(lesson), now()],
        )
      })
    } catch (err) {
      const { code } = sqlState(err)
      if (code === FOREIGN_KEY_VIOLATION) throw missingCollection(collectionId)
      if (code === UNIQUE_VIOLATION) throw duplicateLesson(collectionId, id)
      throw err
    }
  }

  async deleteLesson(collectionId: string, id: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(
        'DELETE FROM collection_lessons WHERE collection_id = $1 AND id = $2',
        [collectionId, id],
      )
      return (rowCount ?? 0) > 0
    })
  }

  async search(collectionId: string, query: string, options?: SearchOptions): Promise<string[]> {
    const words = searchWords(query)
    if (words.length === 0) return []
    const { offset, limit } = paging(options)
    if (options?.prefix) {
      // to_tsquery reads operators, so it gets only runs of letters and digits, each quoted
      // and marked as a prefix: nothing of the user's text can be read as syntax.
      const runs = words.flatMap((w) => w.match(/[\p{L}\p{N}]+/gu) ?? [])
      const rows = await this.rows<{ id: string }>(
        `SELECT id FROM articles, to_tsquery('simple', $2) AS q
          WHERE collection_id = $1 AND search @@ q
          ORDER BY ts_rank(search, q) DESC, seq LIMIT $3 OFFSET $4`,
        [collectionId, runs.map((r) => `'${r}':*`).join(' & '), limit, offset],
      )
      return rows.map((r) => r.id)
    }
    const rows = await this.rows<{ id: string }>(
      `SELECT id FROM articles, plainto_tsquery('simple', $2) AS q
        WHERE collection_id = $1 AND search @@ q
        ORDER BY ts_rank(search, q) DESC, seq LIMIT $3 OFFSET $4`,
      [collectionId, words.join(' '), limit, offset],
    )
    return rows.map((r) => r.id)
  }
}
