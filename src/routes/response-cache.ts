/**
 * A cache of whole answers to the GET requests of a collection's pages and API. A served store
 * never changes (a write builds a new one), so a page is a function of the store, the request's
 * scope (the collection's prefix, name and progress), its URL and the two htmx headers the
 * renderer reads: the same five give the same bytes. With it, a page viewed again costs a lookup
 * whatever the size of the collection, and fifty readers of the same overview cost one render.
 *
 * Bounded by bytes (least recently used out first); answers other than 200 and large ones are
 * never kept. A chart's picture or CSV says the day it was exported (the UTC date), so it is kept
 * under that day; the JSON exports and the snapshot carry the exact time and are never kept.
 */
import type { CorpusStore } from '../corpus-store.js'

/** The whole cache's budget. */
export const RESPONSE_CACHE_BYTES = 64 * 1024 * 1024
/** An answer larger than this is served but not kept. */
export const RESPONSE_CACHE_ENTRY_BYTES = 4 * 1024 * 1024

interface Entry {
  body: ArrayBuffer
  status: number
  headers: [string, string][]
}

/** Exports (paths after the collection's prefix) that say only the day they were made. */
const DAY_EXPORTS = /^\/export\/[^/]+\.(?:png|svg|csv)$/
const EXPORTS = /^\/export(?:\/|$)/

export class ResponseCache {
  private readonly entries = new Map<string, Entry>()
  private bytes = 0
  private readonly ids = new WeakMap<CorpusStore, number>()
  private nextId = 1
  hits = 0
  misses = 0

  constructor(
    private readonly budget = RESPONSE_CACHE_BYTES,
    private readonly entryMax = RESPONSE_CACHE_ENTRY_BYTES,
  ) {}

  /** The key of a request, or undefined when its answer is not to be kept. */
  keyOf(
    store: CorpusStore,
    scope: unknown,
    request: Request,
    path: string,
    now = new Date(),
  ): string | undefined {
    if (request.method !== 'GET') return undefined
    const day = DAY_EXPORTS.test(path) ? now.toISOString().slice(0, 10) : ''
    if (EXPORTS.test(path) && day === '') return undefined
    let id = this.ids.get(store)
    if (id === undefined) {
      id = this.nextId++
      this.ids.set(store, id)
    }
    const hx = `${request.headers.get('HX-Request') ?? ''}:${request.headers.get('HX-Request-Type') ?? ''}`
    return `${id}\u0000${JSON.stringify(scope)}\u0000${hx}\u0000${day}\u0000${request.url}`
  }

  /** The kept answer for `key`, as a fresh Response; undefined when there is none. */
  get(key: string): Response | undefined {
    const entry = this.entries.get(key)
    if (!entry) {
      this.misses++
      return undefined
    }
    this.hits++
    this.entries.delete(key)
    this.entries.set(key, entry)
    return new Response(entry.body.slice(0), { status: entry.status, headers: entry.headers })
  }

  /** Keeps a copy of `response` under `key` when it may be kept; returns what to send. */
  async put(key: string, response: Response): Promise<Response> {
    if (response.status !== 200 || !response.body || this.budget === 0) return response
    const body = await response.arrayBuffer()
    const headers = [...response.headers]
    if (body.byteLength <= this.entryMax) {
      this.entries.set(key, { body, status: 200, headers })
      this.bytes += body.byteLength
      while (this.bytes > this.budget) {
        const oldest = this.entries.keys().next().value!
        this.bytes -= this.entries.get(oldest)!.body.byteLength
        this.entries.delete(oldest)
      }
    }
    return new Response(body.slice(0), { status: 200, headers })
  }

  get size(): number {
    return this.entries.size
  }
}
