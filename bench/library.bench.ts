/**
 * Benchmark of the stored library (npm run bench, after the analysis and scaling ones), against
 * the targets of issues 10 and 13. For each size N (BENCH_SIZES, default "1000,10000") it
 * generates N news-like articles (seeded: the same text every run), then measures, with the real
 * CLI and the real server as `npm start` runs them:
 *
 * 1. the import of the N files into a fresh SQLite file (`npm run library -- import`): articles
 *    per second, and the CPU time of the import's processes over its wall time (2.0 = two cores
 *    busy all along), with each core's busy share from /proc/stat;
 * 2. the start-up of `tsx src/server.ts` over that file (PORT=0): time to the "Serving on" line
 *    and to the first 200 of the collection's overview, checking the log for any (re-)analysis;
 * 3. autocannon on loopback, 50 connections for BENCH_SECONDS (default 10) each, on the main
 *    routes: p50, p99, requests/s, errors, non-2xx, bytes per response;
 * 4. the server's peak memory: VmHWM and VmRSS from /proc, and the V8 heap of each thread (main,
 *    HTTP, analysis pool) from `--trace-gc` lines (BENCH_TRACE_GC=0 turns them off).
 *
 * Prints a Markdown table per size and the targets met or missed (by how much), and writes
 * everything to bench/results/library.json. Exits 1 when a target is missed at 10,000 articles.
 * BENCH_KEEP=1 keeps the generated folders and databases (the path is printed); BENCH_OUT=file
 * writes the JSON there instead.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format } from 'prettier'
import { loadCorpusDir } from '../src/corpus/load-corpus.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const AUTOCANNON = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js')
/** BENCH_OUT: another file for the JSON (a trial run that must not replace the results). */
const RESULTS = process.env.BENCH_OUT ?? join(ROOT, 'bench', 'results', 'library.json')

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const TRACE_GC = process.env.BENCH_TRACE_GC !== '0'
const KEEP = process.env.BENCH_KEEP === '1'
const CORES = availableParallelism()
/** The size the targets are set for; at other sizes they are shown, not enforced. */
const TARGET_SIZE = 10_000

/** Issue 10's targets (and issue 13's start-up, p99 and heap ones). */
const TARGETS = {
  /** CPU time of the import over its wall time, in cores: "spread over both cores". */
  importCores: Math.min(CORES, 2) * 0.75,
  startupMs: 2000,
  p99Ms: 50,
  heapMiB: 300,
}

// ---------------------------------------------------------------------------------------------
// The articles: sentences of the bundled corpus, drawn with a seeded generator.

/** mulberry32: a small seeded generator, the same sequence on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const OUTLETS = [
  'The Daily Ledger',
  'Harbour Times',
  'Northern Courier',
  'Metro Wire',
  'Globe Post',
]
const AUTHORS = ['A. Moreau', 'B. Okafor', 'C. Lindqvist', 'D. Tanaka', 'E. Novak', 'F. Silva']
const DAY_MS = 86_400_000
const FIRST_DAY = Date.UTC(2023, 0, 1)
const DAYS = (Date.UTC(2025, 0, 1) - FIRST_DAY) / DAY_MS

const corpus = await loadCorpusDir()
const SENTENCES = corpus
  .flatMap((a) => a.text.split(/\n+|(?<=[.!?]["”’]?)\s+(?=[“"‘A-Z])/))
  .map((s) => s.trim())
  .filter((s) => s.split(/\s+/).length >= 6 && !/pic\.twitter|https?:\/\//.test(s))
const wordCount = (s: string) => s.split(/\s+/).filter((w) => w !== '').length

interface Generated {
  file: string
  words: number
  content: string
}

/** Article `i` of the seeded series: about 600 words in paragraphs of 2–4 sentences. */
function article(i: number, random: () => number): Generated {
  const target = 540 + Math.floor(random() * 120)
  const sentences: string[] = []
  let words = 0
  while (words < target) {
    const s = SENTENCES[Math.floor(random() * SENTENCES.length)]!
    sentences.push(s)
    words += wordCount(s)
  }
  const paragraphs: string[] = []
  for (let k = 0; k < sentences.length;) {
    const n = 2 + Math.floor(random() * 3)
    paragraphs.push(sentences.slice(k, k + n).join(' '))
    k += n
  }
  const lead = sentences[0]!
    .split(/\s+/)
    .slice(0, 9)
    .join(' ')
    .replace(/[,;:.!?]+$/, '')
  const date = new Date(FIRST_DAY + Math.floor(random() * DAYS) * DAY_MS).toISOString()
  const outlet = OUTLETS[Math.floor(random() * OUTLETS.length)]!
  const author = AUTHORS[Math.floor(random() * AUTHORS.length)]!
  const front = [
    '---',
    `title: ${JSON.stringify(`${lead} (${i + 1})`)}`,
    `outlet: ${JSON.stringify(outlet)}`,
    `author: ${JSON.stringify(author)}`,
    `date: "${date.slice(0, 10)}"`,
    `url: "https://news.example/${date.slice(0, 7)}/story-${i + 1}"`,
    '---',
  ]
  const name = `story-${String(i + 1).padStart(5, '0')}.md`
  return { file: name, words, content: `${front.join('\n')}\n\n${paragraphs.join('\n\n')}\n` }
}

/** Writes the first `n` articles of the series (seed 13) into `dir`; returns the words. */
function generate(dir: string, n: number): number {
  mkdirSync(dir, { recursive: true })
  const random = seeded(13)
  let words = 0
  for (let i = 0; i < n; i++) {
    const a = article(i, random)
    writeFileSync(join(dir, a.file), a.content)
    words += a.words
  }
  return words
}

// ---------------------------------------------------------------------------------------------
// Processes, CPU and memory.

const CLEAN_ENV = (() => {
  const env = { ...process.env }
  for (const name of [
    'HOST',
    'PORT',
    'CORPUS_DIR',
    'ACTORS_FILE',
    'DATABASE_URL',
    'FRAMELENS_DB',
    'NODE_OPTIONS',
  ]) {
    delete env[name]
  }
  return env
})()

interface Ran {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

/** Runs `node args…` to its end. */
function run(
  args: string[],
  env: Record<string, string>,
  onSpawn?: (child: ChildProcess) => void,
): Promise<Ran> {
  const t0 = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...CLEAN_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - t0 }))
  })
}

const library = (db: string, args: string[], onSpawn?: (child: ChildProcess) => void) =>
  run([TSX, 'src/cli/library.ts', ...args], { FRAMELENS_DB: db }, onSpawn)

/** Every process under `pid`, itself included. */
function treeOf(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length; i++) out.push(...childrenOf(out[i]!))
  return out
}

/** The CPU time (user + system, seconds) of a process tree so far. */
function treeCpuSeconds(root: number): number {
  let ticks = 0
  for (const pid of treeOf(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(f[11]) + Number(f[12])
    } catch {
      // gone
    }
  }
  return ticks / 100
}

/**
 * The CPU time of each thread of a process tree, sampled until stopped (the last sample before
 * the end is what is kept): shows whether the analysis threads of the pool each had a core.
 */
function threadSampler(root: number, everyMs = 200) {
  const threads = new Map<string, { name: string; ticks: number }>()
  const sample = () => {
    for (const pid of treeOf(root)) {
      let tids: string[]
      try {
        tids = readdirSync(`/proc/${pid}/task`)
      } catch {
        continue
      }
      for (const tid of tids) {
        try {
          const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
          threads.set(`${pid}/${tid}`, {
            name: `${name}${tid === String(pid) ? ' (main)' : ''}`,
            ticks: Number(f[11]) + Number(f[12]),
          })
        } catch {
          // the thread ended
        }
      }
    }
  }
  const timer = setInterval(sample, everyMs)
  sample()
  return {
    /** Threads with at least 2 % of the tree's CPU time, busiest first, in seconds. */
    stop() {
      clearInterval(timer)
      const all = [...threads.values()]
      const total = all.reduce((s, t) => s + t.ticks, 0)
      return all
        .filter((t) => t.ticks >= total * 0.02)
        .sort((a, b) => b.ticks - a.ticks)
        .map((t) => ({ thread: t.name, cpuSeconds: t.ticks / 100 }))
    },
  }
}

/**
 * The CPU time (user + system, in seconds) of the children this process has waited for, which
 * includes their own children once reaped: fields 16 and 17 of /proc/self/stat, in clock ticks.
 */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state): cutime is field 16, cstime 17.
  return (Number(fields[13]) + Number(fields[14])) / 100
}

/** Busy and total ticks of each core (cpu0, cpu1 …) from /proc/stat. */
function coreTicks(): { busy: number; total: number }[] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((l) => /^cpu\d+ /.test(l))
    .map((l) => {
      const v = l.split(/\s+/).slice(1).map(Number)
      const idle = v[3]! + (v[4] ?? 0)
      const total = v.reduce((s, x) => s + x, 0)
      return { busy: total - idle, total }
    })
}

function coreBusy(before: ReturnType<typeof coreTicks>, after: ReturnType<typeof coreTicks>) {
  return after.map((a, i) => {
    const b = before[i]!
    return a.total === b.total ? 0 : (a.busy - b.busy) / (a.total - b.total)
  })
}

/** VmHWM and VmRSS of a process, in MiB (undefined once it is gone). */
function memoryOf(pid: number): { hwm: number; rss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1])
    return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 }
  } catch {
    return undefined
  }
}

/** The pids of a process's children (tsx's cli runs the server in a child node process). */
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
 * The V8 heap of each isolate (thread) of one process, from `--trace-gc` lines such as
 * `[1234:0x5a…]  812 ms: Mark-Compact 210.3 (230.1) -> 180.2 (228.0) MB, …`: the largest heap
 * used before a collection (the peak) and after one (what was live).
 */
class HeapTrace {
  readonly isolates = new Map<string, { peak: number; live: number; gcs: number }>()
  private rest = ''
  feed(chunk: string, pid: () => number | undefined) {
    const lines = (this.rest + chunk).split('\n')
    this.rest = lines.pop()!
    for (const line of lines) {
      const m =
        /^\[(\d+):(0x[0-9a-f]+)\]\s+[\d.]+ ms: .*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(/.exec(line)
      if (!m || Number(m[1]) !== pid()) continue
      const iso = this.isolates.get(m[2]!) ?? { peak: 0, live: 0, gcs: 0 }
      iso.peak = Math.max(iso.peak, Number(m[3]))
      iso.live = Math.max(iso.live, Number(m[5]))
      iso.gcs++
      this.isolates.set(m[2]!, iso)
    }
  }
  /** The largest isolate (the HTTP thread, which holds the stores) and the sum of all peaks. */
  summary() {
    const all = [...this.isolates.values()]
    const largest = all.reduce((a, b) => (b.peak > a.peak ? b : a), { peak: 0, live: 0, gcs: 0 })
    return {
      isolates: all.length,
      largestPeakMiB: largest.peak,
      largestLiveMiB: largest.live,
      sumOfPeaksMiB: all.reduce((s, i) => s + i.peak, 0),
    }
  }
}

interface Server {
  child: ChildProcess
  /** The node process that runs src/server.ts (tsx's cli runs it as its child). */
  pid: () => number | undefined
  log: () => string
  heap: HeapTrace
  exited: Promise<void>
}

function startServer(db: string): Server {
  const env = { FRAMELENS_DB: db, PORT: '0', HOST: '127.0.0.1' }
  // tsx's cli passes node's flags on to the node process it starts (NODE_OPTIONS may not hold
  // --trace-gc).
  const flags = TRACE_GC ? ['--trace-gc'] : []
  const child = spawn(process.execPath, [TSX, ...flags, 'src/server.ts'], {
    cwd: ROOT,
    env: { ...CLEAN_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let serverPid: number | undefined
  const pid = () => {
    if (serverPid === undefined) serverPid = childrenOf(child.pid!)[0]
    return serverPid
  }
  const heap = new HeapTrace()
  let log = ''
  child.stdout!.setEncoding('utf8')
  child.stderr!.setEncoding('utf8')
  child.stdout!.on('data', (d: string) => {
    heap.feed(d, pid)
    // The log without the GC lines, which can run to megabytes under load.
    log += d
      .split('\n')
      .filter((l) => !/^\[\d+:0x[0-9a-f]+\]/.test(l))
      .join('\n')
  })
  child.stderr!.on('data', (d: string) => (log += d))
  const exited = new Promise<void>((done) => child.on('close', () => done()))
  return { child, pid, log: () => log, heap, exited }
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

async function waitFor(
  server: Server,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const m = pattern.exec(server.log())
    if (m) return m
    if (server.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`server: no ${pattern} within ${timeoutMs} ms; log:\n${server.log()}`)
    }
    await new Promise((r) => setTimeout(r, 5))
  }
}

interface Reply {
  status: number
  bytes: number
  body: Buffer
  ms: number
}

function get(port: number, path: string): Promise<Reply> {
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode!, bytes: body.length, body, ms: performance.now() - t0 })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

// ---------------------------------------------------------------------------------------------
// Load.

interface Load {
  route: string
  path: string
  connections: number
  /** One request alone, before the load: its status, body size and time. */
  status: number
  bodyBytes: number
  aloneMs: number
  p50: number
  p99: number
  max: number
  rps: number
  requests: number
  errors: number
  timeouts: number
  non2xx: number
  /** Bytes read per response under load (headers included). */
  bytesPerResponse: number
  /** The server's VmRSS after the run, MiB. */
  rssAfterMiB: number | undefined
  /**
   * The server's CPU time (all its threads) over the run per request answered: what a request
   * costs whatever else the machine is doing.
   */
  cpuMsPerRequest: number | undefined
  /** After the run, until the server answers a static file within 100 ms again. */
  settleMs: number
}

interface AutocannonJson {
  latency: { p50: number; p99: number; max: number }
  requests: { average: number; total: number }
  throughput: { total: number }
  errors: number
  timeouts: number
  non2xx: number
}

/** A response this large is loaded with 2 connections, not 50: 50 at once would take gigabytes. */
const LARGE_BODY = 16 * 2 ** 20

/**
 * Waits until the server answers the static stylesheet within 100 ms again (the requests queued
 * by a load run are still being answered after autocannon stops); returns how long that took.
 */
async function settle(port: number, limitMs = 180_000): Promise<number> {
  const t0 = performance.now()
  while (performance.now() - t0 < limitMs) {
    const r = await get(port, '/assets/styles.css')
    if (r.ms < 100) break
    await new Promise((done) => setTimeout(done, 100))
  }
  return performance.now() - t0
}

async function load(
  port: number,
  route: string,
  path: string,
  pid: number,
  /** A request alone made already (the API's list, fetched once for its size). */
  done?: Reply,
): Promise<Load> {
  const alone = done ?? (await get(port, path))
  const cpu0 = treeCpuSeconds(pid)
  const connections = alone.bytes > LARGE_BODY ? 2 : CONNECTIONS
  const ran = await run(
    [
      AUTOCANNON,
      '-c',
      String(connections),
      '-d',
      String(SECONDS),
      '-t',
      '60',
      '-j',
      `http://127.0.0.1:${port}${path}`,
    ],
    {},
  )
  if (ran.code !== 0) throw new Error(`autocannon failed on ${path}: ${ran.stderr}`)
  const r = JSON.parse(ran.stdout) as AutocannonJson
  const rssAfterMiB = memoryOf(pid)?.rss
  const cpuSeconds = treeCpuSeconds(pid) - cpu0
  return {
    route,
    path,
    connections,
    status: alone.status,
    bodyBytes: alone.bytes,
    aloneMs: alone.ms,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: r.requests.average,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
    rssAfterMiB,
    cpuMsPerRequest: r.requests.total > 0 ? (cpuSeconds * 1000) / r.requests.total : undefined,
    settleMs: await settle(port),
  }
}

// ---------------------------------------------------------------------------------------------
// One size.

interface SizeResult {
  articles: number
  words: number
  generateMs: number
  import: {
    ms: number
    articlesPerSecond: number
    wordsPerSecond: number
    cpuSeconds: number
    /** CPU time over wall time: 2.0 is both cores busy all along. */
    cores: number
    /** Each core's busy share over the import, whoever kept it busy (the whole machine). */
    coreBusy: number[]
    /** The busiest threads of the import's processes and their CPU time. */
    threads: { thread: string; cpuSeconds: number }[]
    /** The machine's 1-minute load average before and after: other work competes for cores. */
    loadAverage: number[]
    databaseMiB: number
  }
  startup: {
    servingMs: number
    firstOverviewMs: number
    /** CPU time of the server's processes (tsx's cli and node) up to the first overview. */
    cpuSeconds: number
    firstOverviewStatus: number
    /** Log lines that say an article was analysed or re-analysed at start (should be none). */
    analysisLines: string[]
    log: string
  }
  api: { status: number; bytes: number; ms: number }
  routes: Load[]
  memory: {
    vmHwmMiB: number | undefined
    vmRssAfterStartMiB: number | undefined
    vmRssEndMiB: number | undefined
    /** After start-up and the first requests, before the load. */
    heapAfterStart: ReturnType<HeapTrace['summary']> | undefined
    heap: ReturnType<HeapTrace['summary']> | undefined
  }
}

const mib = (bytes: number) => bytes / 2 ** 20

async function measure(n: number, work: string): Promise<SizeResult> {
  const dir = join(work, `articles-${n}`)
  const db = join(work, `library-${n}.db`)
  console.log(`\n== ${n} articles`)
  let t0 = performance.now()
  const words = generate(dir, n)
  const generateMs = performance.now() - t0
  console.log(
    `generated ${n} files, ${words} words (${(words / n).toFixed(0)} a file) in ${generateMs.toFixed(0)} ms`,
  )

  const created = await library(db, ['create', `Bench ${n}`])
  if (created.code !== 0) throw new Error(`library create failed: ${created.stderr}`)
  const cid = created.stdout.trim()

  // 1. Import.
  const loadBefore = loadavg()[0]!
  const cpu0 = childrenCpuSeconds()
  const ticks0 = coreTicks()
  let sampler: ReturnType<typeof threadSampler> | undefined
  const imported = await library(db, ['import', '--collection', cid, dir], (child) => {
    sampler = threadSampler(child.pid!)
  })
  const threads = sampler!.stop()
  const cpuSeconds = childrenCpuSeconds() - cpu0
  const busy = coreBusy(ticks0, coreTicks())
  if (imported.code !== 0 || Number(imported.stdout.trim()) !== n) {
    throw new Error(
      `import: exit ${imported.code}, stdout ${imported.stdout}, stderr ${imported.stderr}`,
    )
  }
  const dbBytes = ['', '-wal'].reduce((s, ext) => {
    try {
      return s + readFileSync(db + ext).length
    } catch {
      return s
    }
  }, 0)
  const importResult = {
    ms: imported.ms,
    articlesPerSecond: n / (imported.ms / 1000),
    wordsPerSecond: words / (imported.ms / 1000),
    cpuSeconds,
    cores: cpuSeconds / (imported.ms / 1000),
    coreBusy: busy,
    threads,
    loadAverage: [loadBefore, loadavg()[0]!],
    databaseMiB: mib(dbBytes),
  }
  console.log(
    `import: ${(imported.ms / 1000).toFixed(1)} s, ${importResult.articlesPerSecond.toFixed(0)} articles/s, ` +
      `CPU ${cpuSeconds.toFixed(1)} s = ${importResult.cores.toFixed(2)} cores; ` +
      `per core ${busy.map((b) => `${(b * 100).toFixed(0)} %`).join(', ')}; ` +
      `threads ${fmtThreads(threads)}; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  )

  // 2. Start-up.
  t0 = performance.now()
  const server = startServer(db)
  try {
    const serving = await waitFor(server, /^Serving on http:\/\/127\.0\.0\.1:(\d+)\/$/m, 600_000)
    const servingMs = performance.now() - t0
    const port = Number(serving[1])
    const first = await get(port, `/c/${cid}/`)
    const firstOverviewMs = performance.now() - t0
    const startupCpuSeconds = treeCpuSeconds(server.child.pid!)
    const pid = server.pid()!
    const vmRssAfterStartMiB = memoryOf(pid)?.rss
    console.log(
      `start-up: "Serving on" after ${servingMs.toFixed(0)} ms, first overview ${first.status} ` +
        `after ${firstOverviewMs.toFixed(0)} ms (the request alone ${first.ms.toFixed(0)} ms)`,
    )

    // The API's list of every article: its size. The ids are the files' names (story-00001 …).
    const api = await get(port, `/api/collections/${cid}/articles`)
    console.log(
      `/api/collections/${cid}/articles: ${api.status}, ${fmtBytes(api.bytes)} in ${api.ms.toFixed(0)} ms`,
    )
    const id = (i: number) => `story-${String(i + 1).padStart(5, '0')}`
    const pick = [id(0), id(Math.floor(n / 2)), id(n - 1)]
    const heapAfterStart = TRACE_GC ? server.heap.summary() : undefined

    // 3. Load.
    const routes: [string, string][] = [
      ['static: styles.css', '/assets/styles.css'],
      ['overview', `/c/${cid}/`],
      ['compare (3, actor=russia)', `/c/${cid}/compare?ids=${pick.join(',')}&actor=russia`],
      ['trends', `/c/${cid}/trends`],
      ['terms q=missile', `/c/${cid}/terms?q=missile`],
      ['article', `/c/${cid}/articles/${pick[1]}`],
      ['API: all articles', `/api/collections/${cid}/articles`],
    ]
    const loads: Load[] = []
    for (const [route, path] of routes) {
      const l = await load(port, route, path, pid, route.startsWith('API') ? api : undefined)
      loads.push(l)
      console.log(
        `  ${route}: ${l.status}, ${fmtBytes(l.bodyBytes)}; p50 ${l.p50} ms, p99 ${l.p99} ms, ` +
          `${l.rps.toFixed(0)} req/s, errors ${l.errors}, non-2xx ${l.non2xx}`,
      )
    }
    const mem = memoryOf(pid)
    const analysisLines = server
      .log()
      .split('\n')
      .filter((l) => /analys|imported now/i.test(l))
    return {
      articles: n,
      words,
      generateMs,
      import: importResult,
      startup: {
        servingMs,
        firstOverviewMs,
        cpuSeconds: startupCpuSeconds,
        firstOverviewStatus: first.status,
        analysisLines,
        log: server.log().trim(),
      },
      api: { status: api.status, bytes: api.bytes, ms: api.ms },
      routes: loads,
      memory: {
        vmHwmMiB: mem?.hwm,
        vmRssAfterStartMiB,
        vmRssEndMiB: mem?.rss,
        heapAfterStart,
        heap: TRACE_GC ? server.heap.summary() : undefined,
      },
    }
  } finally {
    await stopServer(server)
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

function fmtThreads(threads: { thread: string; cpuSeconds: number }[]): string {
  return threads.map((t) => `${t.thread} ${t.cpuSeconds.toFixed(1)} s`).join(', ')
}

function fmtBytes(b: number): string {
  if (b >= 2 ** 20) return `${(b / 2 ** 20).toFixed(1)} MiB`
  if (b >= 1024) return `${(b / 1024).toFixed(1)} KiB`
  return `${Math.round(b)} B`
}

const fmt = (x: number | undefined, digits = 0) => (x === undefined ? 'n/a' : x.toFixed(digits))

function table(r: SizeResult): string {
  const lines = [
    `### ${r.articles.toLocaleString('en')} articles (${r.words.toLocaleString('en')} words)`,
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Import (\`npm run library -- import\`, ${CORES} cores) | ${(r.import.ms / 1000).toFixed(1)} s, ${r.import.articlesPerSecond.toFixed(0)} articles/s, ${(r.import.wordsPerSecond / 1000).toFixed(0)}k words/s |`,
    `| Import CPU (user+sys over wall) | ${r.import.cpuSeconds.toFixed(1)} s CPU / ${(r.import.ms / 1000).toFixed(1)} s = ${r.import.cores.toFixed(2)} cores; machine's cores busy ${r.import.coreBusy.map((b) => `${(b * 100).toFixed(0)} %`).join(' / ')} (load average ${r.import.loadAverage.map((x) => x.toFixed(1)).join(' → ')}) |`,
    `| Import CPU by thread | ${fmtThreads(r.import.threads)} |`,
    `| SQLite file | ${r.import.databaseMiB.toFixed(0)} MiB |`,
    `| Start-up to "Serving on" | ${r.startup.servingMs.toFixed(0)} ms |`,
    `| Start-up to first overview 200 | ${r.startup.firstOverviewMs.toFixed(0)} ms (status ${r.startup.firstOverviewStatus}); server CPU time by then ${r.startup.cpuSeconds.toFixed(1)} s |`,
    `| Analysis at start (log) | ${r.startup.analysisLines.length === 0 ? 'none' : r.startup.analysisLines.join('; ')} |`,
    `| Server VmHWM / VmRSS after start / at end | ${fmt(r.memory.vmHwmMiB)} / ${fmt(r.memory.vmRssAfterStartMiB)} / ${fmt(r.memory.vmRssEndMiB)} MiB |`,
    ...(r.memory.heap && r.memory.heapAfterStart
      ? [
          `| V8 heap after start-up (largest thread: peak / live after GC; sum of ${r.memory.heapAfterStart.isolates} threads' peaks) | ${r.memory.heapAfterStart.largestPeakMiB.toFixed(0)} / ${r.memory.heapAfterStart.largestLiveMiB.toFixed(0)} MiB; ${r.memory.heapAfterStart.sumOfPeaksMiB.toFixed(0)} MiB |`,
          `| V8 heap peak incl. load (largest thread: peak / live after GC; sum of ${r.memory.heap.isolates} threads' peaks) | ${r.memory.heap.largestPeakMiB.toFixed(0)} / ${r.memory.heap.largestLiveMiB.toFixed(0)} MiB; ${r.memory.heap.sumOfPeaksMiB.toFixed(0)} MiB |`,
        ]
      : ['| V8 heap | not traced (BENCH_TRACE_GC=0) |']),
    `| \`/api/collections/<id>/articles\` (one request) | ${r.api.status}, ${fmtBytes(r.api.bytes)} in ${r.api.ms.toFixed(0)} ms |`,
    '',
    `Load: autocannon, ${CONNECTIONS} connections (2 for a body over ${fmtBytes(LARGE_BODY)}), ${SECONDS} s a route, loopback. ` +
      '"Alone": one request before the load. "Settle": after the load, until a static file is served within 100 ms again.',
    '',
    '| Route | Conns | Status | Body | Alone | p50 | p99 | max | req/s | Errors | Timeouts | Non-2xx | Bytes/resp | CPU/req | RSS after | Settle |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.routes.map(
      (l) =>
        `| ${l.route} | ${l.connections} | ${l.status} | ${fmtBytes(l.bodyBytes)} | ${l.aloneMs.toFixed(0)} ms | ${l.p50} ms | ${l.p99} ms | ${l.max} ms | ${l.rps.toFixed(1)} | ${l.errors} | ${l.timeouts} | ${l.non2xx} | ${fmtBytes(l.bytesPerResponse)} | ${fmt(l.cpuMsPerRequest, 1)} ms | ${fmt(l.rssAfterMiB)} MiB | ${(l.settleMs / 1000).toFixed(1)} s |`,
    ),
  ]
  return lines.join('\n')
}

interface Check {
  target: string
  articles: number
  value: string
  met: boolean
  by: string
}

function checks(r: SizeResult): Check[] {
  const out: Check[] = []
  const add = (target: string, value: number, limit: number, unit: string, atLeast = false) => {
    const met = atLeast ? value >= limit : value < limit
    const by = met
      ? ''
      : atLeast
        ? `${(limit - value).toFixed(2)} ${unit} short`
        : `${(value - limit).toFixed(0)} ${unit} over (${(value / limit).toFixed(1)}×)`
    out.push({
      target,
      articles: r.articles,
      value: `${value.toFixed(unit === 'cores' ? 2 : 0)} ${unit}`,
      met,
      by,
    })
  }
  add(
    `import analysis over both cores (≥ ${TARGETS.importCores} cores of CPU over wall)`,
    r.import.cores,
    TARGETS.importCores,
    'cores',
    true,
  )
  add(
    `start-up to first overview < ${TARGETS.startupMs} ms`,
    r.startup.firstOverviewMs,
    TARGETS.startupMs,
    'ms',
  )
  out.push({
    target: 'nothing (re-)analysed at start',
    articles: r.articles,
    value:
      r.startup.analysisLines.length === 0 ? 'none' : `${r.startup.analysisLines.length} lines`,
    met: r.startup.analysisLines.length === 0,
    by: r.startup.analysisLines.join('; '),
  })
  for (const route of ['overview', 'compare (3, actor=russia)']) {
    const l = r.routes.find((x) => x.route === route)!
    add(`${route} p99 < ${TARGETS.p99Ms} ms`, l.p99, TARGETS.p99Ms, 'ms')
    out.push({
      target: `${route}: no errors, all 2xx`,
      articles: r.articles,
      value: `${l.errors} errors, ${l.non2xx} non-2xx`,
      met: l.errors === 0 && l.non2xx === 0,
      by: '',
    })
  }
  if (r.memory.heap)
    add(
      `heap < ${TARGETS.heapMiB} MiB (largest thread's peak)`,
      r.memory.heap.largestPeakMiB,
      TARGETS.heapMiB,
      'MiB',
    )
  if (r.memory.vmHwmMiB !== undefined) {
    add(
      `peak RSS (VmHWM, whole process) < ${TARGETS.heapMiB} MiB`,
      r.memory.vmHwmMiB,
      TARGETS.heapMiB,
      'MiB',
    )
  }
  return out
}

// ---------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'framelens-library-bench-'))
console.log(
  `library bench: sizes ${SIZES.join(', ')}; ${SECONDS} s × ${CONNECTIONS} connections a route; ` +
    `${CORES} cores; ${SENTENCES.length} corpus sentences; work folder ${work}`,
)
const results: SizeResult[] = []
try {
  for (const n of SIZES) results.push(await measure(n, work))
} finally {
  if (!KEEP) rmSync(work, { recursive: true, force: true })
}

const allChecks = results.flatMap(checks)
console.log('\n## Library bench\n')
console.log(
  `Command: \`BENCH_SIZES=${SIZES.join(',')} BENCH_SECONDS=${SECONDS} npx tsx bench/library.bench.ts\` ` +
    `(node ${process.version}, ${CORES} cores)\n`,
)
for (const r of results) console.log(table(r) + '\n')
console.log('### Targets (enforced at 10,000 articles; shown at other sizes)\n')
console.log('| N | Target | Value | Met |')
console.log('| --- | --- | --- | --- |')
for (const c of allChecks) {
  console.log(
    `| ${c.articles} | ${c.target} | ${c.value} | ${c.met ? 'met' : `missed${c.by ? `: ${c.by}` : ''}`} |`,
  )
}

mkdirSync(dirname(RESULTS), { recursive: true })
const json = JSON.stringify({
  date: new Date().toISOString(),
  node: process.version,
  cores: CORES,
  connections: CONNECTIONS,
  seconds: SECONDS,
  targets: TARGETS,
  results,
  checks: allChecks,
})
// Formatted as the repository's Prettier would, so `prettier --check bench` passes on it.
writeFileSync(RESULTS, await format(json, { parser: 'json', printWidth: 100 }))
console.log(`\nwritten: ${RESULTS}`)

const missed = allChecks.filter((c) => !c.met && c.articles >= TARGET_SIZE)
if (missed.length > 0) {
  console.error(
    `library targets missed at ${TARGET_SIZE} articles:\n- ` +
      missed.map((c) => `${c.target}: ${c.value}${c.by ? ` (${c.by})` : ''}`).join('\n- '),
  )
  process.exit(1)
}
console.log(
  SIZES.some((n) => n >= TARGET_SIZE)
    ? 'all library targets met'
    : `targets are enforced at ${TARGET_SIZE} articles only`,
)
