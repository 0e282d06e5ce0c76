/**
 * Chooses and opens the storage from the environment: PostgreSQL when DATABASE_URL names one
 * (postgres:// or postgresql://), else the SQLite file at FRAMELENS_DB, else var/framelens.db in
 * the repository. The schema is migrated before the storage is handed out, so a caller never
 * sees a database without its tables. What the operator got wrong (a malformed URL, a database
 * that cannot be reached, a file that cannot be opened) is an InputError with one line saying so.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError, osReason } from '../corpus/errors.js'
import { PostgresStorage } from './postgres.js'
import { SqliteStorage } from './sqlite.js'
import type { Storage } from './types.js'

/** var/framelens.db at the repository's root (this file is src/store/open.ts). */
export const DEFAULT_DB = fileURLToPath(new URL('../../var/framelens.db', import.meta.url))

/** How long to wait for a PostgreSQL connection (ms). */
const CONNECT_TIMEOUT_MS = 10_000

export interface StorageEnv {
  DATABASE_URL?: string
  FRAMELENS_DB?: string
}

export async function openStorage(env: StorageEnv): Promise<Storage> {
  const url = env.DATABASE_URL?.trim()
  if (url) return openPostgres(url)
  return openSqlite(env.FRAMELENS_DB?.trim() || DEFAULT_DB)
}

/** The URL without its password (in the userinfo or as a `password` parameter). */
export function redactUrl(url: URL): string {
  const safe = new URL(url.href)
  safe.password = ''
  safe.searchParams.delete('password')
  return safe.href
}

async function openPostgres(raw: string): Promise<Storage> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError(
      'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).',
      'DATABASE_URL',
    )
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new InputError(
      `DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${url.protocol}//); unset it to use SQLite.`,
      'DATABASE_URL',
    )
  }
  const location = redactUrl(url)
  // A bounded wait for a connection: a host that drops packets would otherwise hold the start-up
  // for the OS's TCP timeout, minutes, before saying anything.
  const storage = new PostgresStorage(
    { connectionString: raw, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    location,
  )
  try {
    await storage.migrate()
  } catch (err) {
    await storage.close().catch(() => {})
    const reason = err instanceof Error ? err.message : String(err)
    throw new InputError(
      `Cannot use the PostgreSQL database at ${location}: ${oneLine(reason)}`,
      'DATABASE_URL',
    )
  }
  return storage
}

async function openSqlite(path: string): Promise<Storage> {
  const file = resolve(path)
  let storage: SqliteStorage
  try {
    mkdirSync(dirname(file), { recursive: true })
    storage = new SqliteStorage(file)
  } catch (err) {
    throw new InputError(
      `Cannot open the SQLite database ${file}: ${oneLine(sqliteReason(err))}`,
      'FRAMELENS_DB',
    )
  }
  try {
    await storage.migrate()
  } catch (err) {
    await storage.close()
    throw new InputError(
      `Cannot use the SQLite database ${file}: ${oneLine(sqliteReason(err))}`,
      'FRAMELENS_DB',
    )
  }
  return storage
}

/** A file-system error's reason without Node's code and path around it; SQLite's as it is. */
function sqliteReason(err: unknown): string {
  if (err instanceof Error && 'syscall' in err) return osReason(err)
  return err instanceof Error ? err.message : String(err)
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim()
}
