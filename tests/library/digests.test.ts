/**
 * A stored collection is served from digests (src/domain/digest.ts): the store holds each
 * article's numbers, and its whole analysis is read from the database when a page shows it. The
 * articles it loads must be exactly what the in-memory store makes of the same analyses, and an
 * analysis stored before digests existed gets its digest the first time the collection is served.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveActors } from '../../src/corpus/actors.js'
import { storeFromAnalysed } from '../../src/corpus-store.js'
import { decodeAnalysis } from '../../src/library/codec.js'
import { analyseInThread, Library } from '../../src/library/library.js'
import { openTestLibrary, TEXTS, type TestLibrary } from './helpers.js'

let t: TestLibrary
let cid: string
/** A text whose word "sanctions" the others never use: distinctive of it. */
const SANCTIONS =
  'Sanctions hurt Russia. The sanctions grew. New sanctions came in June. More sanctions followed.'

beforeAll(async () => {
  t = await openTestLibrary('digests')
  const collection = await t.library.createCollection({
    name: 'Digests',
    actors: [
      { id: 'russia', label: 'Russia', aliases: ['Russia', 'Putin'] },
      { id: 'nk', label: 'North Korea', aliases: ['North Korea', 'Pyongyang'] },
    ],
  })
  cid = collection.id
  await t.library.addArticles(cid, [
    { title: 'Praise', text: TEXTS.praise, source: 'test' },
    { title: 'Threat', text: TEXTS.threat, source: 'test' },
    { title: 'Beijing', text: `${TEXTS.beijing} Putin praised it too.`, source: 'test' },
    { title: 'Sanctions', text: SANCTIONS, source: 'test' },
  ])
})
afterAll(() => t.cleanup())

/** The in-memory store of the same stored analyses: what the digest store must agree with. */
async function inMemory() {
  const collection = (await t.library.getCollection(cid))!
  const rows = await t.library.storage.listArticles(cid)
  return storeFromAnalysed(
    rows.map((row) => ({
      id: row.id,
      meta: { headline: row.headline },
      removed: row.removed,
      analysed: decodeAnalysis(row.analysis!, row.text),
    })),
    resolveActors(collection.actors),
  )
}

describe('a collection served from digests', () => {
  it('holds only digests, and loads whole articles equal to the in-memory ones', async () => {
    const { store } = (await t.library.view(cid))!
    const memory = await inMemory()
    expect(store.articles.map((a) => a.id)).toStrictEqual([
      'praise',
      'threat',
      'beijing',
      'sanctions',
    ])
    for (const entry of store.articles)
      expect(Object.keys(entry).sort()).toStrictEqual(['digest', 'id', 'meta'])
    expect(store.articles.map((a) => a.digest)).toStrictEqual(memory.articles.map((a) => a.digest))
    const loaded = await store.load(['sanctions', 'nope', 'praise'], { distinctive: true })
    expect(loaded.map((a) => a.id)).toStrictEqual(['sanctions', 'praise'])
    expect(loaded.map((a) => a.detail)).toStrictEqual([
      memory.get('sanctions')!.detail,
      memory.get('praise')!.detail,
    ])
    // Distinctive terms against the collection only when asked for (they read every article's
    // term counts): "sanctions", four times here and nowhere else.
    expect(
      loaded[0]!.detail.keywords.distinctive.map((t) => [t.term, t.count, t.restCount]),
    ).toStrictEqual([['sanctions', 4, 0]])
    const [plain] = await store.load(['sanctions'])
    expect(plain!.detail.keywords.distinctive).toStrictEqual([])
    expect({ ...plain!.detail, keywords: null }).toStrictEqual({
      ...memory.get('sanctions')!.detail,
      keywords: null,
    })
    expect(store.articles.find((a) => a.id === 'threat')!.digest.actors.nk).toMatchObject({
      mentions: 2,
      label: 'negative',
    })
  })

  it('searches terms through the index, with the counts of the in-memory search', async () => {
    const { store } = (await t.library.view(cid))!
    const memory = await inMemory()
    const hits = (s: Awaited<ReturnType<typeof store.searchTerms>>) =>
      s.results
        .filter((r) => r.lines.length > 0)
        .map((r) => [r.article.id, r.lines.map((l) => l.match)])
    // "praise" finds "praised" (one stem); the index is asked for words beginning "prais".
    const found = await store.searchTerms('praise')
    expect(found).toMatchObject({ candidates: 2, page: 1, pages: 1 })
    expect(hits(found)).toStrictEqual([
      ['praise', ['praised']],
      ['beijing', ['praised', 'praised']],
    ])
    expect(hits(found)).toStrictEqual(hits(await memory.searchTerms('praise')))
    expect((await store.searchTerms('attack')).results.map((r) => r.article.id)).toStrictEqual([
      'threat',
    ])
    expect(await store.searchTerms('missile')).toStrictEqual({
      results: [],
      candidates: 0,
      page: 1,
      pages: 1,
    })
  })

  it('makes the digests of analyses stored before digests were, once', async () => {
    const before = (await t.library.view(cid))!.store.articles.map((a) => a.digest)
    const db = new Database(t.library.storage.location)
    db.prepare('DELETE FROM article_digests').run()
    const count = () =>
      db.prepare<[], { n: number }>('SELECT count(*) AS n FROM article_digests').get()!.n
    expect(count()).toBe(0)
    const fresh = new Library(t.library.storage, analyseInThread)
    const { store, pending } = (await fresh.view(cid))!
    expect(pending).toBe(0)
    expect(store.articles.map((a) => a.digest)).toStrictEqual(before)
    expect(count()).toBe(4)
    db.close()
  })
})
