/**
 * SQLite's promise under `kill -9`: a writer (./kill9-child.ts) inserting one article per
 * transaction is killed without warning after at least 20 acknowledged inserts. Reopened, the
 * database must pass its integrity checks (the file's and the full-text index's), hold every
 * acknowledged article whole, and hold nothing half-written: at most the one insert in flight,
 * and that one whole too.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { SqliteStorage } from '../../src/store/sqlite.js'
import { COLLECTION, kill9Text, sha256 } from './kill9-child.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CHILD = fileURLToPath(new URL('./kill9-child.ts', import.meta.url))

const dirs: string[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})

it('keeps every acknowledged article whole when the writer is killed with SIGKILL', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'framelens-kill9-'))
  dirs.push(dir)
  const file = join(dir, 'kill9.db')
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))

  // Killed at a varying point past 20, so runs land in different moments of a write.
  const killAt = 20 + Math.floor(Math.random() * 10)
  const acknowledged: string[] = []
  let pending = ''
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    const lines = pending.split('\n')
    pending = lines.pop()!
    acknowledged.push(...lines)
    if (acknowledged.length >= killAt) child.kill('SIGKILL')
  })
  const [code, signal] = await exited
  expect({ code, signal, stderr }).toStrictEqual({ code: null, signal: 'SIGKILL', stderr: '' })
  expect(acknowledged.length).toBeGreaterThanOrEqual(20)

  const db = new Database(file)
  let rows: { id: string; text: string; text_hash: string; title: string; analysis: string }[]
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    rows = db
      .prepare('SELECT id, title, text, text_hash, analysis FROM articles ORDER BY seq')
      .all() as typeof rows
  } finally {
    db.close()
  }
  const ids = rows.map((r) => r.id)
  // Everything acknowledged, in order, then at most the insert that was in flight.
  expect(ids.slice(0, acknowledged.length)).toStrictEqual(acknowledged)
  expect(ids.length - acknowledged.length).toBeLessThanOrEqual(1)
  for (const row of rows) {
    const text = kill9Text(row.id)
    expect(row.text === text, `text of ${row.id}`).toBe(true)
    expect(row).toStrictEqual({
      id: row.id,
      title: `Article ${row.id}`,
      text,
      text_hash: sha256(text),
      analysis: JSON.stringify({ id: row.id, words: text.length }),
    })
  }

  // And the store opens it as usual.
  const storage = new SqliteStorage(file)
  try {
    await storage.migrate()
    expect(await storage.countArticles(COLLECTION)).toBe(rows.length)
    expect(await storage.search(COLLECTION, acknowledged[0]!)).toStrictEqual([acknowledged[0]])
  } finally {
    await storage.close()
  }
})
