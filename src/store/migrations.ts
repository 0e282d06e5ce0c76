/**
 * The schema of both engines as numbered migrations, and the two runners that apply them. A
 * database records what it has in `schema_migrations(version, applied_at)`; `migrate()` applies
 * the missing ones in order, each in its own transaction, so a failed migration leaves the
 * database at the previous version and re-running is a no-op. Each migration is written once per
 * dialect, side by side, so the two schemas cannot drift apart unnoticed.
 *
 * Choices both dialects share:
 * - `seq` records insertion order: `listArticles` pages by it, and SQLite's full-text index keys
 *   on it (FTS5 needs an integer key; the primary key is (collection_id, id)).
 * - `analysis` is the last column: SQLite reads a row's columns only up to the last one a query
 *   names, and PostgreSQL keeps a large value out of line (TOAST), so queries that do not name it
 *   (counts, search, reanalyse's claim) never read the analyses.
 * - Full-text search is word-exact on both: SQLite's unicode61 tokenizer (case-folded, accents
 *   kept) and PostgreSQL's 'simple' configuration (case-folded, no stemming, no stop words). The
 *   'english' configuration would stem and drop words such as "or", so the same query would find
 *   different articles on the two engines; the contract test holds them to one behaviour.
 */
import type { Database } from 'better-sqlite3'
import type { Pool } from 'pg'

interface Migration {
  version: number
  sqlite: string
  postgres: string
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sqlite: `
      CREATE TABLE collections (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        actors TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL,
        headline INTEGER NOT NULL,
        text TEXT NOT NULL,
        outlet TEXT,
        date TEXT,
        url TEXT,
        author TEXT,
        source TEXT NOT NULL,
        removed TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        analysis_key TEXT,
        analysis TEXT,
        PRIMARY KEY (collection_id, id),
        UNIQUE (collection_id, text_hash)
      ) STRICT;

      CREATE INDEX articles_analysis_key ON articles(collection_id, analysis_key);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 0'
      );

      -- An external-content index does not follow its table by itself: these triggers keep it in
      -- step, within the writing transaction. They also fire for ON DELETE CASCADE.
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
    `,
    postgres: `
      CREATE TABLE collections (
        id text PRIMARY KEY,
        name text NOT NULL,
        actors jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE articles (
        collection_id text NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        title text NOT NULL,
        headline boolean NOT NULL,
        text text NOT NULL,
        outlet text,
        "date" text,
        url text,
        author text,
        source text NOT NULL,
        removed jsonb NOT NULL,
        text_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        analysis_key text,
        -- json, not jsonb: stored and returned whole, never queried inside, so it is kept as
        -- written (no re-encoding on the way in or out).
        analysis json,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')
        ) STORED,
        PRIMARY KEY (collection_id, id),
        UNIQUE (collection_id, text_hash)
      );

      CREATE INDEX articles_analysis_key ON articles(collection_id, analysis_key);
      CREATE INDEX articles_order ON articles(collection_id, seq);
      CREATE INDEX articles_search ON articles USING gin(search);
    `,
  },
  {
    // Digests (see StoredAnalysis.digest) in a table of their own: listing a collection reads
    // these and the article rows up to their metadata, never the analyses.
    version: 2,
    sqlite: `
      CREATE TABLE article_digests (
        seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
        digest TEXT NOT NULL,
        terms TEXT NOT NULL
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE article_digests (
        seq bigint PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
        digest json NOT NULL,
        terms json NOT NULL
      );
    `,
  },
  {
    // Lessons a teacher made in the builder (src/teach), kept with their collection.
    version: 3,
    sqlite: `
      CREATE TABLE collection_lessons (
        collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        lesson TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (collection_id, id)
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE collection_lessons (
        collection_id text NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        id text NOT NULL,
        lesson json NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (collection_id, id)
      );
    `,
  },
]

/** The version the code expects: the last migration's. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

function tooNew(version: number): Error {
  return new Error(
    `The database's schema is at version ${version}, newer than this Framelens knows (${SCHEMA_VERSION}): update Framelens.`,
  )
}

/**
 * SQLite: each migration runs in a BEGIN IMMEDIATE transaction that re-reads the version first,
 * so two processes starting at once apply each migration once.
 */
export function migrateSqlite(db: Database): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT',
  )
  const current = db.prepare<[], { v: number | null }>(
    'SELECT max(version) AS v FROM schema_migrations',
  )
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
  for (const m of MIGRATIONS) {
    db.transaction(() => {
      if ((current.get()?.v ?? 0) >= m.version) return
      db.exec(m.sqlite)
      record.run(m.version, new Date().toISOString())
    }).immediate()
  }
  const version = current.get()?.v ?? 0
  if (version > SCHEMA_VERSION) throw tooNew(version)
  return version
}

/**
 * Any fixed number: the transaction-level advisory lock that serialises migrators, so several
 * processes (the server and workers) can start together against one database.
 */
const MIGRATION_LOCK = 7_316_842_001

/** PostgreSQL: like SQLite's, with an advisory lock in place of BEGIN IMMEDIATE. */
export async function migratePostgres(pool: Pool): Promise<number> {
  const client = await pool.connect()
  try {
    const step = async (apply: () => Promise<void>): Promise<void> => {
      await client.query('BEGIN')
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
        await apply()
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
    }
    const current = async (): Promise<number> => {
      const { rows } = await client.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM schema_migrations',
      )
      return rows[0]?.v ?? 0
    }
    await step(async () => {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)',
      )
    })
    for (const m of MIGRATIONS) {
      await step(async () => {
        if ((await current()) >= m.version) return
        await client.query(m.postgres)
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          m.version,
          new Date().toISOString(),
        ])
      })
    }
    const version = await current()
    if (version > SCHEMA_VERSION) throw tooNew(version)
    return version
  } finally {
    client.release()
  }
}
