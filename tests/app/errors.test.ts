/**
 * Every error path of the pages: the status says what went wrong, and the body is what the
 * caller can show: a whole page for a browser, a fragment for htmx (which swaps 4xx responses
 * into the region that asked), JSON under /api/*. Pages that answer both ways send `Vary`.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { VARY } from '../../src/routes/htmx.js'
import { expectFragment, expectFullPage, html } from './helpers.js'
import { fixtureStore, HX_PARTIAL } from './fixtures.js'

const app = createApp(fixtureStore())

const PAGE_ERRORS: [string, number, string][] = [
  ['/articles/nope', 404, 'no article with id "nope"'],
  ['/articles/nope/evidence?actor=russia', 404, 'no article with id "nope"'],
  ['/articles/alpha/evidence', 400, 'say whose evidence: ?actor=russia|north-korea|west'],
  [
    '/articles/alpha/evidence?actor=ukraine',
    400,
    'no actor with id "ukraine"; the actors are: russia, north-korea, west',
  ],
  ['/articles/alpha?actor=ukraine', 400, 'no actor with id "ukraine"'],
  ['/?article=alpha', 400, 'name both an article and an actor'],
  ['/?article=nope&actor=russia', 404, 'no article with id "nope"'],
  // One article, or six, is an incomplete choice, not an error: tests/app/compare-picking.test.ts.
  ['/compare?ids=alpha,,beta', 400, 'the ids list has an empty entry'],
  ['/compare?ids=alpha&ids=alpha', 400, 'the ids list names "alpha" twice'],
  ['/compare?ids=alpha,nope', 404, 'no article with id "nope"'],
  ['/compare?ids=alpha,beta&actor=ukraine', 400, 'no actor with id "ukraine"'],
  [`/terms?q=${'x'.repeat(101)}`, 400, 'the query is 101 characters long; at most 100'],
  ['/no/such/page', 404, 'nothing at /no/such/page'],
]

describe.each(PAGE_ERRORS)('GET %s', (path, status, message) => {
  it(`is ${status} as a full page for a browser`, async () => {
    const res = await app.request(path)
    expect(res.headers.get('vary')).toBe(VARY)
    const { text, doc } = await html(res, status)
    expectFullPage(text)
    expect(doc.querySelector('.error')!.getAttribute('data-status')).toBe(String(status))
    expect(doc.querySelector('.error')!.textContent).toContain(message)
  })

  it(`is ${status} as a fragment for htmx`, async () => {
    const res = await app.request(path, { headers: HX_PARTIAL })
    expect(res.headers.get('vary')).toBe(VARY)
    const { text, doc } = await html(res, status)
    expectFragment(text)
    expect(doc.querySelector('.error[role=alert]')!.textContent).toContain(message)
    // An error must not move the address bar: no pushed URL.
    expect(res.headers.get('hx-push-url')).toBeNull()
  })
})

describe('unknown API paths', () => {
  it('are 404 as JSON, without Vary (the API answers one way)', async () => {
    const res = await app.request('/api/nope', { headers: HX_PARTIAL })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('vary')).toBeNull()
    expect(await res.json()).toEqual({ error: { status: 404, message: 'nothing at /api/nope' } })
  })

  it('answer a GET on the analyse endpoint with 404 JSON', async () => {
    const res = await app.request('/api/analyze')
    expect(res.status).toBe(404)
    expect((await res.json()).error.status).toBe(404)
  })
})

describe('unexpected failures', () => {
  it('are 500 without internals, and logged', async () => {
    const broken = createApp({
      ...fixtureStore(),
      searchTerms: () => {
        throw new Error('secret internal detail')
      },
    })
    const logged: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => logged.push(args)
    try {
      const { text } = await html(await broken.request('/terms?q=kim'), 500)
      expect(text).not.toContain('secret internal detail')
      expect(text).toContain('the server failed to answer')
    } finally {
      console.error = original
    }
    expect(logged).toHaveLength(1)
  })
})

describe('page and offset parameters', () => {
  it('say the range a person can use, not the largest safe integer', async () => {
    const app = createApp(fixtureStore())
    const terms = await app.request('/terms?q=russia&page=abc')
    expect(terms.status).toBe(400)
    expect(await terms.text()).toContain(
      'page must be a whole number of 1 or more, not &quot;abc&quot;',
    )
    const api = await app.request('/api/articles?offset=-1')
    expect(((await api.json()) as { error: { message: string } }).error.message).toBe(
      'offset must be a whole number of 0 or more, not "-1"',
    )
    const limit = await app.request('/api/articles?limit=0')
    expect(((await limit.json()) as { error: { message: string } }).error.message).toBe(
      'limit must be a whole number from 1 to 500, not "0"',
    )
  })
})
