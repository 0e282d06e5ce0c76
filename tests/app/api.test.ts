/**
 * The JSON API: the corpus, one article, a comparison and POST /api/analyze. Numbers are checked
 * against what the engine returns for the same input (an Analyzer of its own, not the store), so
 * the API is shown to add nothing and lose nothing.
 */
import { describe, expect, it } from 'vitest'
import {
  Analyzer,
  distinctiveTerms,
  summarize,
  withDistinctiveTerms,
} from '../../src/analysis/index.js'
import { mergeCounts } from '../../src/analysis/keywords.js'
import { resolveActors } from '../../src/corpus/actors.js'
import { createApp } from '../../src/app.js'
import { compareScales } from '../../src/charts/index.js'
import { ACTOR_DEFS, expectedDetails, fixtureArticles, fixtureStore } from './fixtures.js'

const store = fixtureStore()
const app = createApp(store)

async function json(res: Response, status = 200) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/json')
  return res.json()
}

const post = (
  body: unknown,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) =>
  app.request('/api/analyze', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('GET /api/articles', () => {
  it('gives every article in the CLI’s shape, equal to the engine’s own analysis, with its meta', async () => {
    const body = await json(await app.request('/api/articles'))
    expect(body.actors).toEqual(resolveActors(ACTOR_DEFS))
    const meta = fixtureArticles().map((a) => ({
      headline: a.headline,
      ...(a.outlet && { outlet: a.outlet }),
      ...(a.date && { date: a.date }),
    }))
    expect(body.articles).toEqual(
      expectedDetails().map((d, i) => ({ ...summarize(d), meta: meta[i] })),
    )
  })

  it('reports an absent actor as null, not as zero', async () => {
    const body = await json(await app.request('/api/articles'))
    const zeta = body.articles.find((a: { id: string }) => a.id === 'zeta')
    expect(zeta.actors).toEqual({ russia: null, 'north-korea': null, west: null })
  })
})

describe('GET /api/articles/:id', () => {
  it('gives the article with every span the article page highlights and the removed boilerplate', async () => {
    const body = await json(await app.request('/api/articles/alpha'))
    const detail = expectedDetails().find((d) => d.id === 'alpha')!
    expect(body.article).toEqual({
      ...detail,
      meta: { headline: true, outlet: 'Daily Alpha', date: '2024-01-02' },
      removed: [{ text: 'Advertisement', reason: 'advertisement slot label', line: 3 }],
    })
  })

  it('includes the framing measures: naming, frames, loaded language, sourcing, hedging', async () => {
    const body = await json(await app.request('/api/articles/alpha'))
    const detail = expectedDetails().find((d) => d.id === 'alpha')!
    expect(Object.keys(body.article.framing)).toEqual([
      'naming',
      'frames',
      'loaded',
      'sourcing',
      'hedging',
    ])
    expect(body.article.framing).toEqual(detail.framing)
    // Absent actors are null in naming as everywhere: alpha never names North Korea.
    expect(body.article.framing.naming['north-korea']).toBeNull()
    expect(body.article.framing.naming.russia).toContainEqual(
      expect.objectContaining({ term: 'russia', kind: 'alias', count: 1 }),
    )
  })

  it('is 404 with a JSON error for an unknown id', async () => {
    const body = await json(await app.request('/api/articles/nope'), 404)
    expect(body).toEqual({ error: { status: 404, message: 'no article with id "nope"' } })
  })
})

describe('GET /api/compare', () => {
  it('gives the articles, their distinctive terms against each other, and the shared scales', async () => {
    const body = await json(await app.request('/api/compare?ids=alpha,beta,gamma'))
    expect(body.ids).toEqual(['alpha', 'beta', 'gamma'])
    const details = expectedDetails().filter((d) => body.ids.includes(d.id))
    expect(body.articles.map((a: { id: string }) => a.id)).toEqual(body.ids)
    expect(body.articles[1].tone).toEqual(details[1]!.tone)
    expect(body.scales).toEqual(compareScales(details, resolveActors(ACTOR_DEFS)))
    const terms = body.ids.map((id: string) => store.get(id)!.terms)
    const total = mergeCounts(terms)
    expect(body.distinctive).toEqual(
      Object.fromEntries(
        body.ids.map((id: string, i: number) => [id, distinctiveTerms(terms[i], total)]),
      ),
    )
    expect(body.distinctive.alpha[0]).toMatchObject({ term: 'sanctions', count: 4, restCount: 0 })
  })

  it('gives each compared article its framing measures, as the engine computes them', async () => {
    const body = await json(await app.request('/api/compare?ids=alpha,beta'))
    const details = expectedDetails()
    for (const article of body.articles) {
      const detail = details.find((d) => d.id === article.id)!
      expect(article.framing).toEqual(summarize(detail).framing)
    }
    expect(body.articles[1].framing.naming.west).toEqual(
      details.find((d) => d.id === 'beta')!.framing.naming.west,
    )
  })

  it.each([
    ['/api/compare', 400, 'name the articles to compare: ?ids=first-id,second-id'],
    ['/api/compare?ids=alpha', 400, 'choose 2 to 5 articles to compare; 1 was given'],
    [
      '/api/compare?ids=alpha,beta,gamma,delta,epsilon,zeta',
      400,
      'choose 2 to 5 articles to compare; 6 were given',
    ],
    [
      '/api/compare?ids=alpha,,beta',
      400,
      'the ids list has an empty entry; write ids=first-id,second-id',
    ],
    ['/api/compare?ids=alpha,alpha', 400, 'the ids list names "alpha" twice'],
    [
      '/api/compare?ids=alpha,nope',
      404,
      'no article with id "nope"; the ids are: alpha, beta, gamma, delta, epsilon, zeta',
    ],
  ])('%s is %i', async (path, status, message) => {
    expect(await json(await app.request(path), status)).toEqual({ error: { status, message } })
  })
})

describe('POST /api/analyze', () => {
  const articles = [
    {
      id: 'one',
      title: 'Moscow talks',
      text: 'Russia made a wonderful offer. The West was not impressed.',
    },
    { id: 'two', text: 'Kim was angry. Kim was angry again. Pyongyang fired missiles.' },
  ]

  it('answers {articles} in the CLI’s shape, as the engine analyses the same texts', async () => {
    const body = await json(await post({ articles }))
    const analyzer = new Analyzer(resolveActors(ACTOR_DEFS))
    const expected = withDistinctiveTerms(articles.map((a) => analyzer.analyze(a))).map(summarize)
    expect(body).toEqual({ articles: expected })
    expect(Object.keys(body.articles[0].actors)).toEqual(['russia', 'north-korea', 'west'])
    expect(body.articles[0].actors['north-korea']).toBeNull()
  })

  it('uses the request’s actors, and an article’s own actors for that article', async () => {
    const body = await json(
      await post({
        actors: [{ id: 'kremlin', aliases: ['Russia'] }],
        articles: [
          articles[0],
          { ...articles[1], actors: [{ id: 'dprk', aliases: ['Kim', 'Pyongyang'] }] },
        ],
      }),
    )
    expect(Object.keys(body.articles[0].actors)).toEqual(['kremlin'])
    expect(Object.keys(body.articles[1].actors)).toEqual(['dprk'])
    expect(body.articles[1].actors.dprk.mentions).toBe(3)
  })

  it.each([
    ['not JSON at all', '{"articles": [', 400, /^the body is not valid JSON: /],
    ['no articles key', {}, 400, /^articles: /],
    ['an empty list', { articles: [] }, 400, /^articles: must list at least one article$/],
    [
      'an empty text',
      { articles: [{ id: 'a', text: '  ' }] },
      400,
      /^articles\.0\.text: must not be empty$/,
    ],
    [
      'a text that is not text',
      { articles: [{ id: 'a', text: 3 }] },
      400,
      /^articles\.0\.text: must be text$/,
    ],
    [
      'an unknown key',
      { articles: [{ id: 'a', text: 'x', body: 'y' }] },
      400,
      /^articles\.0: unknown key "body"$/,
    ],
    [
      'two articles with one id',
      {
        articles: [
          { id: 'a', text: 'x' },
          { id: 'a', text: 'y' },
        ],
      },
      400,
      /"a"; ids must be unique/,
    ],
    [
      'a bad actor',
      { actors: [{ id: 'Bad Id', aliases: ['x'] }], articles: [{ id: 'a', text: 'x' }] },
      400,
      /^actors: actor 1 \("Bad Id"\): id: /,
    ],
    [
      'a bad article actor',
      { articles: [{ id: 'a', text: 'x', actors: [{ id: 'ok' }] }] },
      400,
      /^articles\.0\.actors: actor 1 \("ok"\): aliases: /,
    ],
    ['a bare list', [{ id: 'a', text: 'x' }], 400, /must be an object like/],
  ])('rejects %s with %i', async (_name, body, status, message) => {
    const res = await json(await post(body), status)
    expect(res.error.status).toBe(status)
    expect(res.error.message).toMatch(message)
  })

  it('is 415 for a body that is not declared as JSON', async () => {
    const res = await post({ articles }, { 'Content-Type': 'text/plain' })
    expect(await json(res, 415)).toEqual({
      error: {
        status: 415,
        message: 'send the articles as JSON (Content-Type: application/json), not text/plain',
      },
    })
    const form = await app.request('/api/analyze', {
      method: 'POST',
      body: new URLSearchParams({ a: 'b' }),
    })
    expect(form.status).toBe(415)
  })

  it('is 413 for a body over the limit, before reading it all', async () => {
    const small = createApp(store, { maxBodyBytes: 200 })
    const res = await small.request('/api/analyze', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ articles: [{ id: 'a', text: 'word '.repeat(100) }] }),
    })
    expect(await json(res, 413)).toEqual({
      error: { status: 413, message: 'the body is larger than 200 bytes' },
    })
  })
})
