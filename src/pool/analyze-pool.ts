/**
 * Analysis off the event loop: a few worker threads run the engine for `POST /api/analyze`, so
 * a large request never stalls the pages other people are loading. Each job has a time budget;
 * a job over it has its thread terminated (and replaced) and fails with `AnalysisTimeoutError`.
 * When every thread is busy and the queue is full, a new job fails at once with
 * `AnalysisBusyError` rather than waiting without bound.
 */
import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Actor, AnalysedArticle, ArticleAnalysis, ArticleInput } from '../analysis/index.js'
import type { AnalyzeJob, AnalyzeReply } from './protocol.js'

/** How long one request's analysis may run before its thread is stopped. */
export const DEFAULT_TIME_BUDGET_MS = 10_000
/** Jobs that may wait for a free thread; more are refused with `AnalysisBusyError`. */
export const DEFAULT_MAX_QUEUED = 8

/** The analysis did not finish within the time budget. */
export class AnalysisTimeoutError extends Error {
  override name = 'AnalysisTimeoutError'
  constructor(readonly budgetMs: number) {
    super(
      `the analysis took longer than ${budgetMs / 1000} s and was stopped; send fewer or shorter articles`,
    )
  }
}

/** Every thread is busy and the queue is full. */
export class AnalysisBusyError extends Error {
  override name = 'AnalysisBusyError'
  constructor(readonly queued: number) {
    super(`the server is busy analysing ${queued} other requests; try again in a few seconds`)
  }
}

/** An article beyond the engine's limits; `index` is its place in the request (0-based). */
export class ArticleLimitError extends Error {
  override name = 'ArticleLimitError'
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message)
  }
}

export interface AnalyzePoolOptions {
  threads?: number
  timeBudgetMs?: number
  maxQueued?: number
}

/** One article to analyse and the actors to look for in it. */
export interface PoolArticle {
  input: ArticleInput
  actors: readonly Actor[]
}

interface Pending {
  job: AnalyzeJob
  resolve: (articles: ArticleAnalysis[] | AnalysedArticle[]) => void
  reject: (err: Error) => void
}

interface Thread {
  worker: Worker
  busy: Pending | null
  timer: NodeJS.Timeout | null
}

/**
 * Whether this module runs from its TypeScript source. The path, not the URL: loaded through
 * tsx's `tsImport` (as the server's HTTP thread is), the URL ends in "?tsx-namespace=…".
 */
const FROM_SOURCE = new URL(import.meta.url).pathname.endsWith('.ts')

const THREAD_URL = new URL(
  FROM_SOURCE ? './analyze-thread.ts' : './analyze-thread.js',
  import.meta.url,
)

/**
 * Starts a thread. Run from TypeScript sources (tsx, vitest), the thread loads its module through
 * tsx's `tsImport`, found from this module so the server works from any working directory: Node
 * 20 does not pass the parent's loader on to worker threads.
 */
function startThread(): Worker {
  if (!FROM_SOURCE) return new Worker(THREAD_URL)
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs')
  const thread = JSON.stringify(THREAD_URL.href)
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${thread}, ${thread}))`
  return new Worker(boot, { eval: true })
}

export class AnalyzePool {
  private readonly size: number
  private readonly timeBudgetMs: number
  private readonly maxQueued: number
  private readonly threads: Thread[] = []
  private readonly queue: Pending[] = []
  private nextId = 1
  private closed = false

  constructor(options: AnalyzePoolOptions = {}) {
    this.size = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1))
    this.timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED
  }

  /** Analyses the articles together (distinctive terms are computed among them). */
  analyze(articles: readonly PoolArticle[]): Promise<ArticleAnalysis[]> {
    return this.submit(articles, false) as Promise<ArticleAnalysis[]>
  }

  /** Each article's whole analysis, as `Analyzer.analyze` returns it: what the store keeps. */
  analyzeFull(articles: readonly PoolArticle[]): Promise<AnalysedArticle[]> {
    return this.submit(articles, true) as Promise<AnalysedArticle[]>
  }

  private submit(
    articles: readonly PoolArticle[],
    full: boolean,
  ): Promise<ArticleAnalysis[] | AnalysedArticle[]> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'))
    // Actor sets shared by several articles (the common case) are sent once.
    const sets: (readonly Actor[])[] = []
    const job: AnalyzeJob = {
      id: this.nextId++,
      ...(full && { full }),
      actorSets: [],
      articles: articles.map(({ input, actors }) => {
        let i = sets.indexOf(actors)
        if (i < 0) i = sets.push(actors) - 1
        return { input, actorSet: i }
      }),
    }
    job.actorSets = sets.map((s) => [...s])
    return new Promise((resolve, reject) => {
      const pending: Pending = { job, resolve, reject }
      const free = this.freeThread()
      if (free) return this.start(free, pending)
      if (this.queue.length >= this.maxQueued)
        return reject(new AnalysisBusyError(this.queue.length))
      this.queue.push(pending)
    })
  }

  /** Stops every thread; jobs still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const p of this.queue.splice(0)) p.reject(new Error('the analysis pool is closed'))
    await Promise.all(
      this.threads.splice(0).map((t) => {
        if (t.timer) clearTimeout(t.timer)
        t.busy?.reject(new Error('the analysis pool is closed'))
        return t.worker.terminate()
      }),
    )
  }

  private freeThread(): Thread | null {
    const idle = this.threads.find((t) => t.busy === null)
    if (idle) return idle
    if (this.threads.length < this.size) return this.spawn()
    return null
  }

  private spawn(): Thread {
    const worker = startThread()
    // An idle thread must not keep the process alive (tests, CLI, shutdown).
    worker.unref()
    const thread: Thread = { worker, busy: null, timer: null }
    worker.on('message', (reply: AnalyzeReply) => this.finish(thread, reply))
    worker.on('error', (err) => this.fail(thread, err))
    worker.on('exit', () => {
      const i = this.threads.indexOf(thread)
      if (i >= 0) this.threads.splice(i, 1)
      if (thread.busy) this.fail(thread, new Error('the analysis thread stopped unexpectedly'))
    })
    this.threads.push(thread)
    return thread
  }

  private start(thread: Thread, pending: Pending) {
    thread.busy = pending
    thread.worker.ref()
    thread.timer = setTimeout(() => {
      const p = thread.busy
      thread.busy = null
      this.retire(thread)
      p?.reject(new AnalysisTimeoutError(this.timeBudgetMs))
      this.next()
    }, this.timeBudgetMs)
    thread.worker.postMessage(pending.job)
  }

  private finish(thread: Thread, reply: AnalyzeReply) {
    const p = thread.busy
    if (!p || p.job.id !== reply.id) return
    this.release(thread)
    if (reply.ok) p.resolve('analysed' in reply ? reply.analysed : reply.articles)
    else if (reply.kind === 'limit') p.reject(new ArticleLimitError(reply.message, reply.index))
    else p.reject(new Error(`the analysis failed: ${reply.message}`))
    this.next()
  }

  private fail(thread: Thread, err: Error) {
    const p = thread.busy
    this.release(thread)
    this.retire(thread)
    p?.reject(err)
    this.next()
  }

  private release(thread: Thread) {
    if (thread.timer) clearTimeout(thread.timer)
    thread.timer = null
    thread.busy = null
    thread.worker.unref()
  }

  /** Terminates a thread (over budget or broken); a new one is spawned when needed. */
  private retire(thread: Thread) {
    if (thread.timer) clearTimeout(thread.timer)
    const i = this.threads.indexOf(thread)
    if (i >= 0) this.threads.splice(i, 1)
    void thread.worker.terminate()
  }

  private next() {
    while (this.queue.length > 0) {
      const free = this.freeThread()
      if (!free) return
      this.start(free, this.queue.shift()!)
    }
  }
}
