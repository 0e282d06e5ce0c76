/**
 * `POST /api/analyze` runs off the event loop with bounded work (issue 14, V1 and V7): an
 * article over a limit is 413 naming it, a request over the time budget or beyond a full queue is
 * 503 with Retry-After, other requests are answered while an analysis runs, and bytes that are
 * not UTF-8 or strings with lone surrogates are refused as the corpus loader refuses them.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { AnalyzePool } from '../../src/pool/analyze-pool.js'
import { fixtureStore } from './fixtures.js'

const store = fixtureStore()
const pools: AnalyzePool[] = []
function appWith(options: ConstructorParameters<typeof AnalyzePool>[0] = {}) {
  const pool = new AnalyzePool(options)
  pools.push(pool)
  return createApp(store, { analyzePool: pool, maxBodyBytes: 4 * 1024 * 1024 })
}
afterAll(() => Promise.all(pools.map((p) => p.close())))

const post = async (app: ReturnType<typeof createApp>, body: unknown): Promise<Response> =>
  app.request('/api/analyze', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body:
      body instanceof Uint8Array
        ? new Blob([new Uint8Array(body)])
        : typeof body === 'string'
          ? body
          : JSON.stringify(body),
  })

describe('POST /api/analyze: bounded work', () => {
  const app = appWith({ threads: 1 })

  it('is 413 for an article over the word limit, naming the article and the limit', async () => {
    const res = await post(app, {
      articles: [
        { id: 'short', text: 'Russia spoke.' },
        { id: 'book', text: 'Word. '.repeat(100_001) },
      ],
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({
      error: {
        status: 413,
        message:
          'articles.1 ("book"): the text has 100,001 words; the limit is 100,000 words an article',
      },
    })
  })

  it('is 400 for an actor set over the limits', async () => {
    const res = await post(app, {
      actors: [
        {
          id: 'big',
          aliases: ['one two three four five six seven eight nine ten eleven twelve thirteen'],
        },
      ],
      articles: [{ id: 'a', text: 'Russia spoke.' }],
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe(
      'actors: actor 1 ("big"): aliases: item 1: "one two three four five six seven eight …" has 13 words; the limit is 12 an alias',
    )
  })

  it('answers other requests while a long analysis runs', async () => {
    const order: string[] = []
    const long = post(app, {
      articles: [{ id: 'long', text: 'Russia said it was good. '.repeat(15_000) }],
    }).then((r) => {
      order.push(`analyze ${r.status}`)
    })
    await new Promise((r) => setTimeout(r, 50))
    const page = Promise.resolve(app.request('/api/articles')).then((r) => {
      order.push(`articles ${r.status}`)
    })
    await Promise.all([long, page])
    expect(order).toEqual(['articles 200', 'analyze 200'])
  })

  it('is 503 with Retry-After when the analysis runs over its time budget', async () => {
    const slow = appWith({ threads: 1, timeBudgetMs: 1 })
    const res = await post(slow, {
      articles: [{ id: 'a', text: 'Russia said it was good. '.repeat(2000) }],
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('5')
    expect(await res.json()).toEqual({
      error: {
        status: 503,
        message:
          'the analysis took longer than 0.001 s and was stopped; send fewer or shorter articles',
      },
    })
  })

  it('is 503 at once when every thread is busy and the queue is full', async () => {
    const busy = appWith({ threads: 1, maxQueued: 0 })
    const body = { articles: [{ id: 'a', text: 'Russia said it was good. '.repeat(5000) }] }
    const [first, second] = await Promise.all([post(busy, body), post(busy, body)])
    expect(first.status).toBe(200)
    expect(second.status).toBe(503)
    expect((await second.json()).error.message).toBe(
      'the server is busy analysing 0 other requests; try again in a few seconds',
    )
  })
})

describe('POST /api/analyze: text that is not text', () => {
  const app = appWith({ threads: 1 })

  it('is 400 for bytes that are not UTF-8', async () => {
    const bytes = new TextEncoder().encode('{"articles": [{"id": "a", "text": "Russia XX"}]}')
    const at = bytes.indexOf(0x58) // the first "X"
    bytes[at] = 0xff
    const res = await post(app, bytes)
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe(
      'the body is not valid UTF-8; send the JSON encoded as UTF-8',
    )
  })

  it('is 400 for a lone surrogate in the text, the title or the id', async () => {
    const res = await post(
      app,
      '{"articles": [{"id": "a\\udc00", "title": "\\ud800", "text": "Russia \\ud83d spoke"}]}',
    )
    expect(res.status).toBe(400)
    const what =
      'holds a lone UTF-16 surrogate (an escape like \\ud800 without its pair), which is not text'
    expect((await res.json()).error.message).toBe(
      `articles.0.id: ${what}; articles.0.title: ${what}; articles.0.text: ${what}`,
    )
  })

  it('takes a surrogate pair (an emoji) as text', async () => {
    const res = await post(
      app,
      '{"articles": [{"id": "a", "text": "Russia \\ud83d\\ude00 spoke."}]}',
    )
    expect(res.status).toBe(200)
  })
})
