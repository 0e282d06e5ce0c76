/**
 * The cache of page answers (src/routes/response-cache.ts): a page asked again for the same
 * store and scope comes from the cache, byte for byte; a write (a new store) or a change of scope
 * is never answered from it; exports, other methods and errors are never kept; the budget holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ResponseCache } from '../../src/routes/response-cache.js'
import { form, openTestLibrary, TEXTS, type TestLibrary } from './helpers.js'

let t: TestLibrary
const cache = new ResponseCache()
const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await t.app.request(path, { headers })
  return {
    status: response.status,
    type: response.headers.get('Content-Type'),
    body: await response.text(),
  }
}

beforeAll(async () => {
  t = await openTestLibrary('response-cache', { responseCache: cache })
  const { id } = await t.library.createCollection({
    name: 'Cached',
    id: 'cached',
    actors: [{ id: 'russia', label: 'Russia', aliases: ['Russia', 'Putin'] }],
  })
  await t.library.addArticles(id, [{ title: 'Praise', text: TEXTS.praise, source: 'test' }])
})
afterAll(() => t.cleanup())

describe('the response cache', () => {
  it('answers a page asked again from the cache, with the same bytes and headers', async () => {
    const first = await get('/c/cached/')
    const before = { hits: cache.hits, misses: cache.misses }
    const again = await get('/c/cached/')
    expect(again).toStrictEqual(first)
    expect([cache.hits - before.hits, cache.misses - before.misses]).toStrictEqual([1, 0])
    // A fragment is another answer than the page.
    const fragment = await get('/c/cached/', { 'HX-Request': 'true' })
    expect(fragment.body).not.toBe(first.body)
    expect(cache.misses - before.misses).toBe(1)
    // Trends, which read every article, too.
    const trends = await get('/c/cached/trends?by=outlet')
    const hits = cache.hits
    expect(await get('/c/cached/trends?by=outlet')).toStrictEqual(trends)
    expect(cache.hits).toBe(hits + 1)
  })

  it('never serves an answer made before a write', async () => {
    expect((await get('/c/cached/')).body).not.toContain('Threat')
    await t.library.addArticles('cached', [{ title: 'Threat', text: TEXTS.threat, source: 'test' }])
    expect((await get('/c/cached/')).body).toContain('Threat')
    const renamed = await t.app.request('/c/cached/manage/rename', form({ name: 'Renamed' }))
    expect(renamed.status).toBeLessThan(400)
    expect((await get('/c/cached/')).body).toContain('Renamed')
  })

  it('keeps no export that carries its time, no error and no answer to another method', async () => {
    const size = cache.size
    expect((await get('/c/cached/export/actor-tone-by-article.json')).status).toBe(200)
    expect((await get('/c/cached/articles/nope')).status).toBe(404)
    expect(cache.size).toBe(size)
    // A picture or CSV says only the day: it is kept for that day.
    const store = (await t.library.view('cached'))!.store
    const csv = new Request('http://localhost/c/cached/export/actor-tone-by-article.csv')
    const path = '/export/actor-tone-by-article.csv'
    const day1 = cache.keyOf(store, {}, csv, path, new Date('2026-12-01T23:59:00Z'))
    const day2 = cache.keyOf(store, {}, csv, path, new Date('2026-12-02T00:00:00Z'))
    expect(day1).toContain('2026-12-01')
    expect(day2).toContain('2026-12-02')
    const json = new Request('http://localhost/c/cached/export/actor-tone-by-article.json')
    expect(cache.keyOf(store, {}, json, '/export/actor-tone-by-article.json')).toBe(undefined)
    expect(cache.keyOf(store, {}, json, '/export/compare.html')).toBe(undefined)
  })

  it('stays within its budget, dropping the least recently used', async () => {
    const small = new ResponseCache(10, 6)
    const answer = (text: string) => new Response(text, { status: 200 })
    const store = (await t.library.view('cached'))!.store
    const key = (path: string) =>
      small.keyOf(store, {}, new Request(`http://localhost${path}`), path)!
    await small.put(key('/a'), answer('aaaa'))
    await small.put(key('/b'), answer('bbbb'))
    expect(small.get(key('/a'))).toBeDefined()
    await small.put(key('/c'), answer('cccc'))
    // 12 bytes > 10: /b, the least recently used, goes.
    expect(small.get(key('/b'))).toBeUndefined()
    expect(await small.get(key('/a'))!.text()).toBe('aaaa')
    // Larger than an entry may be: served, not kept.
    expect(await (await small.put(key('/d'), answer('ddddddd'))).text()).toBe('ddddddd')
    expect(small.get(key('/d'))).toBeUndefined()
    expect(
      small.keyOf(store, {}, new Request('http://localhost/x', { method: 'POST' }), '/x'),
    ).toBe(undefined)
  })
})
