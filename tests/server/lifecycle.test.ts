/**
 * The server as `npm start` runs it (`tsx src/server.ts`), spawned for real and stopped with
 * signals: where it listens and what it says, the port already taken, and the graceful stop
 * (responses in flight finish in full, exit 0), bounded by SHUTDOWN_TIMEOUT_MS. Each spawn costs
 * seconds, so there are three.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import { Agent, request, type IncomingHttpHeaders } from 'node:http'
import { connect, createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { stoppingLine, timedOutLine } from '../../src/server/lifecycle.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const BUNDLED = join(ROOT, 'corpus')

interface Running {
  /** The SQLite file of its library. */
  db: string
  child: ChildProcess
  out: () => string
  err: () => string
  /** How it ended, and when (`Date.now()`). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>
}

const started: ChildProcess[] = []

afterEach(() => {
  // The tsx process and the server it runs form one process group (detached): end both.
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }
})

/**
 * `tsx src/server.ts` with the given variables (HOST, PORT and the others unset unless given),
 * its library in a SQLite file of its own (never the repository's var/framelens.db).
 */
function startServer(env: Record<string, string>): Running {
  const base = { ...process.env }
  for (const name of [
    'HOST',
    'PORT',
    'CORPUS_DIR',
    'ACTORS_FILE',
    'SHUTDOWN_TIMEOUT_MS',
    'DATABASE_URL',
    'FRAMELENS_DB',
  ]) {
    delete base[name]
  }
  const db = join(mkdtempSync(join(tmpdir(), 'framelens-server-')), 'library.db')
  const child = spawn(process.execPath, [TSX, 'src/server.ts'], {
    cwd: ROOT,
    env: { ...base, FRAMELENS_DB: db, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  started.push(child)
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  const exited: Running['exited'] = new Promise((done) =>
    child.on('close', (code, signal) => done({ code, signal, at: Date.now() })),
  )
  return { db: env.FRAMELENS_DB ?? db, child, out: () => out, err: () => err, exited }
}

/** Waits for the "Serving on" line and returns the port in it. */
async function servingPort(server: Running): Promise<number> {
  const line = /^Serving on http:\/\/127\.0\.0\.1:(\d+)\/$/m
  const deadline = Date.now() + 45_000
  while (!line.test(server.out())) {
    if (server.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no "Serving on" line; stdout: ${server.out()}; stderr: ${server.err()}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return Number(line.exec(server.out())![1])
}

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  endedAt: number
}

/** A GET, resolved with the whole body; `sent` is called once the request is on the wire. */
function get(port: number, path: string, agent: Agent | false, sent?: () => void) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks),
          endedAt: Date.now(),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.on('finish', () => sent?.())
    req.end()
  })
}

/** The error code of a TCP connection to host:port, or "connected". */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.on('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let small: string
beforeAll(async () => {
  small = await mkdtemp(join(tmpdir(), 'framelens-server-corpus-'))
  await writeFile(join(small, 'one.md'), '---\ntitle: One\n---\n\nRussia met Kim in Moscow.\n')
  await writeFile(join(small, 'two.md'), '---\ntitle: Two\n---\n\nThe West was calm.\n')
})
afterAll(() => rm(small, { recursive: true, force: true }))

describe('the server', () => {
  it('listens on 127.0.0.1 by default, says so, and lets the responses in flight finish on SIGTERM', async () => {
    // No page-answer cache: the picture asked again must be drawn again, so that both requests
    // are still being computed when the signal comes.
    const server = startServer({ PORT: '0', FRAMELENS_CACHE_MB: '0' })
    const port = await servingPort(server)
    const files = (await readdir(BUNDLED)).filter((f) => /\.(md|txt|html?)$/.test(f))
    expect(server.out()).toBe(
      `Framelens: "Kim–Putin summits", ${files.length} articles (${files.length} imported now), ` +
        `stored in ${server.db}\nServing on http://127.0.0.1:${port}/\n`,
    )
    // Bound to 127.0.0.1 alone: another loopback address of this machine is refused.
    if (process.platform === 'linux')
      expect(await tryConnect('127.0.0.2', port)).toBe('ECONNREFUSED')

    const ids = files.map((f) => f.replace(/\.[^.]+$/, '')).join(',')
    const snapshot = `/export/compare.html?ids=${ids}`
    const picture = '/export/actor-tone-by-article.png'
    // Made before the stop; its connection then stays open, idle, as a browser's would.
    const keepAlive = new Agent({ keepAlive: true })
    const before = [await get(port, snapshot, keepAlive), await get(port, picture, keepAlive)]
    expect(before.map((r) => r.status)).toEqual([200, 200])
    expect(before[0]!.body.length).toBeGreaterThan(100_000)

    // POST /api/analyze runs in the analysis threads, which the HTTP thread must be able to start
    // (it once looked for a .js file when loaded from TypeScript through tsx: every request 500).
    const analyzed = await fetch(`http://127.0.0.1:${port}/api/analyze`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Connection: 'close' },
      body: JSON.stringify({
        actors: [
          { id: 'trump', aliases: ['Mr. Trump'] },
          { id: 'putin', aliases: ['Vladimir V. Putin'] },
        ],
        articles: [{ id: 'a', text: 'Mr. Trump met Vladimir V. Putin.' }],
      }),
    })
    expect(analyzed.status).toBe(200)
    const { articles } = (await analyzed.json()) as {
      articles: { actors: Record<string, { mentions: number } | null> }[]
    }
    expect([articles[0]!.actors.trump?.mentions, articles[0]!.actors.putin?.mentions]).toEqual([
      1, 1,
    ])

    // Both are computed for hundreds of milliseconds, one after the other: the signal comes
    // while the first is.
    let onWire = 0
    let stoppedAt = 0
    const signal = () => {
      if (++onWire === 2) {
        setTimeout(() => {
          stoppedAt = Date.now()
          server.child.kill('SIGTERM')
        }, 50)
      }
    }
    const during = await Promise.all([
      get(port, snapshot, false, signal),
      get(port, picture, false, signal),
    ])
    for (const [i, reply] of during.entries()) {
      expect(reply.status).toBe(200)
      expect(reply.body.length).toBe(Number(reply.headers['content-length']))
      expect(reply.body.length).toBe(before[i]!.body.length)
    }
    expect(during[1]!.body.equals(before[1]!.body)).toBe(true)
    // They were in flight: the signal was sent, and the last ended after it.
    expect(stoppedAt).toBeGreaterThan(0)
    const lastEnded = Math.max(...during.map((r) => r.endedAt))
    expect(lastEnded).toBeGreaterThan(stoppedAt)

    // No new connection is accepted once stopping.
    expect(await tryConnect('127.0.0.1', port)).toBe('ECONNREFUSED')
    const { code, signal: killedBy, at } = await server.exited
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null })
    // The idle keep-alive connection did not hold the stop for its 5 s timeout.
    expect(at - lastEnded).toBeLessThan(2_500)
    expect(server.out().split('\n').slice(2)).toEqual([stoppingLine(10_000), 'Stopped', ''])
    expect(server.err()).toBe('')
    keepAlive.destroy()
  }, 60_000)

  it('says so in one line when the port is already in use, and exits with 1', async () => {
    const taken = createServer()
    taken.listen(0, '127.0.0.1')
    await once(taken, 'listening')
    const port = (taken.address() as AddressInfo).port
    try {
      const server = startServer({ PORT: String(port), CORPUS_DIR: small })
      const { code } = await server.exited
      expect(code).toBe(1)
      expect(server.err()).toBe(
        `Port ${port} is already in use on 127.0.0.1; stop the other server or set PORT\n`,
      )
      expect(server.out()).toBe('')
    } finally {
      taken.close()
    }
  }, 60_000)

  it('stops within SHUTDOWN_TIMEOUT_MS when a request never ends, with exit code 1', async () => {
    const server = startServer({ PORT: '0', CORPUS_DIR: small, SHUTDOWN_TIMEOUT_MS: '1000' })
    const port = await servingPort(server)
    // A request whose body never comes: it stays in flight until the server gives up on it.
    const stuck = connect({ host: '127.0.0.1', port })
    await once(stuck, 'connect')
    stuck.write(
      'POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"art',
    )
    const cut = once(stuck, 'close')
    stuck.on('error', () => {})
    await sleep(200)
    const stoppedAt = Date.now()
    server.child.kill('SIGTERM')
    await sleep(500)
    // Still waiting for the request, without accepting new ones.
    expect(server.child.exitCode).toBeNull()
    expect(await tryConnect('127.0.0.1', port)).toBe('ECONNREFUSED')
    const { code } = await Promise.race([
      server.exited,
      sleep(8_000).then(() => ({ code: 'still running after 8 s' })),
    ])
    const took = Date.now() - stoppedAt
    expect(code).toBe(1)
    expect(took).toBeGreaterThanOrEqual(1_000)
    expect(took).toBeLessThan(3_000)
    await cut
    expect(server.out().split('\n').slice(2)).toEqual([stoppingLine(1_000), ''])
    expect(server.err()).toBe(`${timedOutLine(1_000)}\n`)
  }, 60_000)
})
