/**
 * How the tests get a PostgreSQL: TEST_DATABASE_URL when it is set, else a throw-away cluster
 * started for this run (initdb into a temporary folder, listening only on a unix socket in that
 * folder, fsync off) and removed afterwards. Each storage the tests open gets a schema of its own
 * (`freshSchema`), so a shared TEST_DATABASE_URL is never emptied, only added to and cleaned.
 *
 * When no PostgreSQL is installed the PostgreSQL tests fail, saying what to install: a silent
 * skip would let CI pass without ever running them. PostgreSQL refuses to run as root, so as root
 * the binaries run as the `postgres` user (Debian's package creates it).
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

export interface TestPostgres {
  /** A connection string for a database the tests may create schemas in. */
  url: string
  stop(): Promise<void>
}

const INSTALL_HINT =
  'Install PostgreSQL (Debian: apt-get install postgresql) or set TEST_DATABASE_URL to a database the tests may use.'

/** The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<n>/bin. */
function findBinaries(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : []
  return [...onPath, ...debian].find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  )
}

/** The uid and gid of the `postgres` user, when running as root (which initdb refuses). */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ])
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
  } catch {
    throw new Error(
      'Running as root, and PostgreSQL refuses to run as root, but there is no "postgres" user to run it as. ' +
        "Debian's postgresql package creates it; or: useradd --system postgres",
    )
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL
  if (given) return { url: given, stop: async () => {} }

  const bin = findBinaries()
  if (!bin) throw new Error(`No PostgreSQL server found (initdb, pg_ctl). ${INSTALL_HINT}`)
  const user = await postgresUser()
  const dir = await mkdtemp(join(tmpdir(), 'framelens-pg-'))
  const data = join(dir, 'data')
  if (user) await chown(dir, user.uid, user.gid)
  const as = (cmd: string, args: string[]) =>
    user
      ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args])
      : run(join(bin, cmd), args)

  let started = false
  const stop = async (): Promise<void> => {
    if (started) await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    await rm(dir, { recursive: true, force: true })
  }
  try {
    // C.UTF-8: case folding and word parsing of non-ASCII text, as a real cluster would have.
    await as('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ])
    await as('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-k ${dir} -c listen_addresses= -p 5432 -F`,
      'start',
    ])
    started = true
    const admin = new pg.Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' })
    await admin.connect()
    try {
      await admin.query('CREATE DATABASE framelens_test')
    } finally {
      await admin.end()
    }
  } catch (err) {
    await stop()
    const detail = err instanceof Error ? err.message : String(err)
    throw new Error(`Could not start a throw-away PostgreSQL from ${bin}: ${detail}`, {
      cause: err,
    })
  }
  return {
    url: `postgresql://postgres@localhost:5432/framelens_test?host=${encodeURIComponent(dir)}`,
    stop,
  }
}

let schemas = 0

/**
 * A new, empty schema in the test database; the pool config that makes it the only one a
 * storage sees, and a function that drops it.
 */
export async function freshSchema(
  url: string,
): Promise<{ config: pg.PoolConfig; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${Date.now()}_${++schemas}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`CREATE SCHEMA ${name}`)
  } finally {
    await admin.end()
  }
  return {
    config: { connectionString: url, options: `-c search_path=${name}` },
    drop: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA ${name} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}
