/**
 * Load test over real HTTP (npm run bench, last): the server started as a user starts it
 * (`npx tsx src/server.ts`, PORT=0 so the system picks a free port, FRAMELENS_DB a fresh SQLite
 * file in a temporary folder, so the bundled corpus becomes its collection), then 50 connections
 * for LOAD_SECONDS (default 60) spread over the main routes — the overview, a comparison of three
 * articles, an article, a term search, the JSON list, the collection's trends, a PNG chart export
 * and a static file — one autocannon instance per route, all at once, so each route has its own
 * latency figures while the server carries the whole mix.
 *
 * Memory is the server process's VmRSS (/proc/<pid>/status; the node process that runs
 * src/server.ts, its HTTP and analysis threads included): the baseline once it has answered each
 * route once (the first answers load fonts, the canvas and the stores: one-time costs, not
 * growth), a sample every second during the run (the peak, and the kernel's VmHWM), and 10 s
 * after the run with the server left idle and nothing forced (no GC). The V8 heap is not measured:
 * the server exposes none, and RSS is what the machine pays.
 *
 * Each second it also reads the listening socket's accept queue (/proc/net/tcp): connections the
 * kernel has completed but the server has not taken in yet, which a route starved of answers
 * shows.
 *
 * Prints a table per route (requests, p50, p99, req/s, non-2xx, errors, timeouts) and the memory,
 * and writes everything to bench/results/load.json (LOAD_OUT=file writes it there instead).
 * Exits 1, saying why, when any request failed (an error, a timeout or a non-2xx answer) or when
 * the RSS after the idle wait exceeds the baseline by more than LOAD_RSS_MARGIN (default 0.25:
 * 25 %; memory that a load leaves behind beyond that is a leak to look for, below it the
 * allocator's and V8's slack after a burst).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format } from 'prettier'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const RESULTS = process.env.LOAD_OUT ?? join(ROOT, 'bench', 'results', 'load.json')
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const CONNECTIONS = 50
/** After the run, the server is left alone this long before its memory is read again. */
const IDLE_MS = 10_000
const RSS_MARGIN = Number(process.env.LOAD_RSS_MARGIN ?? 0.25)
/** A request unanswered after this many seconds counts as a timeout. */
const TIMEOUT_S = 10

if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error('LOAD_SECONDS must be > 0')
if (!Number.isFinite(RSS_MARGIN) || RSS_MARGIN < 0) throw new Error('LOAD_RSS_MARGIN must be ≥ 0')

// autocannon ships no types: the part of its API used here.
interface AutocannonResult {
  latency: { p50: number; p99: number; max: number }
  requests: { average: number; total: number }
  throughput: { total: number }
  errors: number
  timeouts: number
  non2xx: number
  statusCodeStats: Record<string, { count: number }>
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
  timeout: number
}) => Promise<AutocannonResult>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

// ---------------------------------------------------------------------------------------------
// The server, as a user starts it.

const CLEAN_ENV = (() => {
  const env = { ...process.env }
  for (const name of ['HOST', 'PORT', 'CORPUS_DIR', 'ACTORS_FILE', 'DATABASE_URL', 'NODE_OPTIONS'])
    delete env[name]
  return env
})()

interface Server {
  child: ChildProcess
  log: () => string
  exited: Promise<void>
}

function startServer(db: string): Server {
  const child = spawn('npx', ['tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...CLEAN_ENV, PORT: '0', HOST: '127.0.0.1', FRAMELENS_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: one signal stops npx, tsx and the server together.
    detached: true,
  })
  let log = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d))
  const exited = new Promise<void>((done) => child.on('close', () => done()))
  return { child, log: () => log, exited }
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  process.kill(-server.child.pid!, 'SIGTERM')
  const timer = setTimeout(() => {
    try {
      process.kill(-server.child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, 15_000)
  await server.exited
  clearTimeout(timer)
}

/** The port of the "Serving on http://…:<port>/" line, once printed. */
async function servingPort(server: Server, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const m = /Serving on http:\/\/[^\s]+:(\d+)\//.exec(server.log())
    if (m) return Number(m[1])
    if (server.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the server did not start within ${timeoutMs} ms; its log:\n${server.log()}`)
    }
    await sleep(50)
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((s) => s !== '')
      .map(Number)
  } catch {
    return []
  }
}

/**
 * The node process that runs src/server.ts: npx starts tsx's cli, which runs the server in a
 * child node process of its own; the deepest process of the tree whose command names it.
 */
function serverPid(root: number): number {
  let found: number | undefined
  const walk = (pid: number) => {
    let cmd: string
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    } catch {
      return
    }
    if (cmd.includes('src/server.ts')) found = pid
    for (const child of childrenOf(pid)) walk(child)
  }
  walk(root)
  if (found === undefined) throw new Error(`no process of the tree ${root} runs src/server.ts`)
  return found
}

/** VmRSS and VmHWM of a process, in MiB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1])
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
}

/**
 * Connections waiting to be accepted on the listening socket of `port` (the rx_queue of its LISTEN
 * line in /proc/net/tcp): above zero for long, the server is not taking new clients in.
 */
function acceptQueue(port: number): number | undefined {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/)
    if (f[1]?.endsWith(hex) && f[3] === '0A') return parseInt(f[4]!.split(':')[1]!, 16)
  }
  return undefined
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url)
  return { status: res.status, body: await res.text() }
}

// ---------------------------------------------------------------------------------------------
// The run.

interface RouteResult {
  route: string
  path: string
  connections: number
  requests: number
  p50: number
  p99: number
  max: number
  rps: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  bytesPerResponse: number
}

const dir = mkdtempSync(join(tmpdir(), 'framelens-load-'))
const server = startServer(join(dir, 'library.db'))
let exitCode = 0
try {
  const port = await servingPort(server)
  const base = `http://127.0.0.1:${port}`
  const pid = serverPid(server.child.pid!)

  // Until it answers the overview.
  for (let t0 = Date.now(); ; await sleep(100)) {
    const ok = await get(`${base}/`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) break
    if (Date.now() - t0 > 60_000) throw new Error(`no 200 from ${base}/ within 60 s`)
  }
  const answering = memoryOf(pid)

  const { articles } = JSON.parse((await get(`${base}/api/articles`)).body) as {
    articles: { id: string }[]
  }
  const { collections } = JSON.parse((await get(`${base}/api/collections`)).body) as {
    collections: { id: string }[]
  }
  if (articles.length < 3 || collections.length === 0) {
    throw new Error('the bundled corpus should give one collection of at least 3 articles')
  }
  const ids = articles.slice(0, 3).map((a) => encodeURIComponent(a.id))
  const routes: [string, string][] = [
    ['overview', '/'],
    ['compare (3 articles)', `/compare?ids=${ids.join(',')}`],
    ['article', `/articles/${ids[0]}`],
    ['terms', '/terms?q=missile'],
    ['api articles', '/api/articles'],
    ['trends', `/c/${encodeURIComponent(collections[0]!.id)}/trends`],
    ['export PNG', '/export/actor-tone-by-article.png'],
    ['static asset', '/assets/styles.css'],
  ]

  // Each route once, alone: every one must answer 200 before the load means anything.
  for (const [route, path] of routes) {
    const r = await get(base + path)
    if (r.status !== 200) throw new Error(`${route} ${path}: ${r.status} before the load`)
  }
  const baseline = memoryOf(pid)

  const samples: { s: number; rssMiB: number; acceptQueue: number | undefined }[] = []
  const t0 = Date.now()
  const sampler = setInterval(() => {
    try {
      samples.push({
        s: Math.round((Date.now() - t0) / 1000),
        rssMiB: memoryOf(pid).rss,
        acceptQueue: acceptQueue(port),
      })
    } catch {
      // the server is gone: the run's results say so
    }
  }, 1000)

  console.log(
    `Load: ${CONNECTIONS} connections over ${routes.length} routes for ${SECONDS} s on ${base}`,
  )
  const results: RouteResult[] = await Promise.all(
    routes.map(async ([route, path], i) => {
      // 50 over 8: the first routes get one connection more.
      const connections =
        Math.floor(CONNECTIONS / routes.length) + (i < CONNECTIONS % routes.length ? 1 : 0)
      const r = await autocannon({
        url: base + path,
        connections,
        duration: SECONDS,
        timeout: TIMEOUT_S,
      })
      return {
        route,
        path,
        connections,
        requests: r.requests.total,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        rps: r.requests.total / SECONDS,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        statusCodes: Object.fromEntries(
          Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
        ),
        bytesPerResponse: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
      }
    }),
  )
  clearInterval(sampler)
  const atEnd = memoryOf(pid)

  await sleep(IDLE_MS)
  const after = memoryOf(pid)
  const peak = Math.max(baseline.rss, atEnd.rss, ...samples.map((s) => s.rssMiB))
  const growth = (after.rss - baseline.rss) / baseline.rss
  const queued = samples.map((s) => s.acceptQueue ?? 0)
  const maxAcceptQueue = Math.max(0, ...queued)

  const pad = (s: string | number, n: number) => String(s).padStart(n)
  console.log(
    `\n| ${'route'.padEnd(20)} | conns | requests |  p50 ms |  p99 ms |   req/s | non-2xx | errors | timeouts |`,
  )
  console.log(
    `|${'-'.repeat(22)}|-------|----------|---------|---------|---------|---------|--------|----------|`,
  )
  for (const r of results) {
    console.log(
      `| ${r.route.padEnd(20)} | ${pad(r.connections, 5)} | ${pad(r.requests, 8)} | ${pad(r.p50, 7)} | ` +
        `${pad(r.p99, 7)} | ${pad(r.rps.toFixed(1), 7)} | ${pad(r.non2xx, 7)} | ${pad(r.errors, 6)} | ${pad(r.timeouts, 8)} |`,
    )
  }
  const total = results.reduce((s, r) => s + r.requests, 0)
  console.log(`\n${total} requests in ${SECONDS} s (${(total / SECONDS).toFixed(1)} req/s overall)`)
  const mib = (n: number) => `${n.toFixed(1)} MiB`
  console.log(
    `Server RSS: ${mib(answering.rss)} answering, ${mib(baseline.rss)} baseline (each route once), ` +
      `${mib(peak)} peak (sampled every second; VmHWM ${mib(atEnd.hwm)}), ` +
      `${mib(after.rss)} after ${IDLE_MS / 1000} s idle (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
  )

  console.log(
    `Accept queue (connections not yet taken in by the server, sampled every second): ` +
      `max ${maxAcceptQueue}, above zero in ${queued.filter((n) => n > 0).length} of ${queued.length} samples`,
  )

  const failures: string[] = []
  for (const r of results) {
    const bad = [
      r.errors > 0 ? `${r.errors} errors` : '',
      r.timeouts > 0 ? `${r.timeouts} timeouts` : '',
      r.non2xx > 0 ? `${r.non2xx} non-2xx answers (${JSON.stringify(r.statusCodes)})` : '',
    ].filter(Boolean)
    if (bad.length > 0) failures.push(`${r.route} ${r.path}: ${bad.join(', ')}`)
  }
  if (total === 0) failures.push('no request was answered')
  if (growth > RSS_MARGIN) {
    failures.push(
      `RSS after the idle wait is ${mib(after.rss)}, ${(growth * 100).toFixed(1)} % above the ` +
        `baseline ${mib(baseline.rss)} (margin ${(RSS_MARGIN * 100).toFixed(0)} %, LOAD_RSS_MARGIN)`,
    )
  }
  if (server.child.exitCode !== null) failures.push(`the server exited (${server.child.exitCode})`)

  const json = JSON.stringify({
    date: new Date().toISOString(),
    node: process.version,
    seconds: SECONDS,
    connections: CONNECTIONS,
    timeoutSeconds: TIMEOUT_S,
    routes: results,
    memory: {
      answeringRssMiB: answering.rss,
      baselineRssMiB: baseline.rss,
      peakRssMiB: peak,
      vmHwmMiB: atEnd.hwm,
      afterIdleRssMiB: after.rss,
      idleSeconds: IDLE_MS / 1000,
      growth,
      margin: RSS_MARGIN,
      samples,
    },
    maxAcceptQueue,
    failures,
  })
  mkdirSync(dirname(RESULTS), { recursive: true })
  writeFileSync(RESULTS, await format(json, { parser: 'json', printWidth: 100 }))
  console.log(`written: ${RESULTS}`)

  if (failures.length > 0) {
    console.error(`\nFAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`)
    exitCode = 1
  } else {
    console.log('\nOK: no error, timeout or non-2xx answer; memory back within the margin')
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  console.error(`server log:\n${server.log()}`)
  exitCode = 1
} finally {
  await stopServer(server)
  rmSync(dir, { recursive: true, force: true })
}
process.exit(exitCode)
