/**
 * The storage contract (src/store/types.ts), one suite run against both engines: SQLite on a
 * temporary file and PostgreSQL on a throw-away cluster (./pg-cluster.ts), each test on an empty
 * database. Inputs are small and hand-made, and results are compared whole (`toStrictEqual`, so
 * an optional field must be absent, not undefined); the clock is fixed so timestamps are exact.
 * After the shared suite, what only one engine has: SQLite's full-text index staying in step
 * with its table, and PostgreSQL's workers never sharing an article. Last, `openStorage`'s
 * choice of engine and its one-line errors.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../../src/corpus/errors.js'
import {
  openStorage,
  PostgresStorage,
  SCHEMA_VERSION,
  SqliteStorage,
  StoreConflictError,
  type NewArticle,
  type PendingArticle,
  type Storage,
  type StoredAnalysis,
  type StoredArticle,
} from '../../src/store/index.js'
import { freshSchema, startPostgres, type TestPostgres } from './pg-cluster.js'

interface Harness {
  storage: Storage
  /** Another storage on the same database (a second process, as far as the database knows). */
  another(): Promise<Storage>
  cleanup(): Promise<void>
}

const T0 = '2026-03-01T10:00:00.000Z'
const T1 = '2026-03-01T11:30:00.250Z'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

function article(id: string, text: string, extra: Partial<NewArticle> = {}): NewArticle {
  return {
    id,
    title: `Title ${id}`,
    headline: true,
    text,
    source: 'pasted',
    removed: [],
    textHash: sha(text),
    ...extra,
  }
}

/** What the store returns for `a` inserted into `collectionId` at `at`. */
function stored(collectionId: string, a: NewArticle, at = T0): StoredArticle {
  const { analysis, ...record } = a
  return { ...record, collectionId, createdAt: at, updatedAt: at, analysis: analysis ?? null }
}

function pending(collectionId: string, a: NewArticle): PendingArticle {
  const record: NewArticle = { ...a }
  delete record.analysis
  return { ...record, collectionId }
}

async function conflict(promise: Promise<unknown>): Promise<StoreConflictError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(StoreConflictError)
  return err as StoreConflictError
}

const ACTORS = [
  { id: 'gov', label: 'Government', aliases: ['government', 'ministers'] },
  { id: 'union', aliases: ['union'], colour: '#c00', exclude: ['union jack'] },
]

function contract(name: string, open: () => Promise<Harness>): void {
  describe(`Storage contract: ${name}`, () => {
    let h: Harness
    let s: Storage

    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date(T0))
      h = await open()
      s = h.storage
    })

    afterEach(async () => {
      vi.useRealTimers()
      await h.cleanup()
    })

    const withCollection = async (id = 'c') => s.createCollection({ id, name: id, actors: [] })

    describe('collections', () => {
      it('creates, lists, gets, updates and deletes', async () => {
        const made = await s.createCollection({ id: 'strike', name: 'Rail strike', actors: ACTORS })
        const expected = {
          id: 'strike',
          name: 'Rail strike',
          actors: ACTORS,
          createdAt: T0,
          updatedAt: T0,
        }
        expect(made).toStrictEqual(expected)
        await s.createCollection({ id: 'budget', name: 'Budget', actors: [] })
        expect((await s.listCollections()).map((c) => c.id)).toStrictEqual(['budget', 'strike'])
        expect(await s.getCollection('strike')).toStrictEqual(expected)
        expect(await s.getCollection('nope')).toBeUndefined()

        vi.setSystemTime(new Date(T1))
        const renamed = await s.updateCollection('strike', { name: 'The rail strike' })
        expect(renamed).toStrictEqual({ ...expected, name: 'The rail strike', updatedAt: T1 })
        const reacted = await s.updateCollection('strike', { actors: [ACTORS[1]!] })
        expect(reacted).toStrictEqual({
          ...expected,
          name: 'The rail strike',
          actors: [ACTORS[1]],
          updatedAt: T1,
        })
        expect(await s.getCollection('strike')).toStrictEqual(reacted)
        expect(await s.updateCollection('nope', { name: 'x' })).toBeUndefined()

        expect(await s.deleteCollection('strike')).toBe(true)
        expect(await s.deleteCollection('strike')).toBe(false)
        expect(await s.getCollection('strike')).toBeUndefined()
        expect((await s.listCollections()).map((c) => c.id)).toStrictEqual(['budget'])
      })

      it('refuses a second collection with the same id', async () => {
        await s.createCollection({ id: 'c', name: 'First', actors: [] })
        const err = await conflict(s.createCollection({ id: 'c', name: 'Second', actors: [] }))
        expect(err.kind).toBe('duplicate-id')
        expect(err.message).toBe('There is already a collection with id "c".')
        expect((await s.getCollection('c'))?.name).toBe('First')
      })

      it('deletes the articles with their collection', async () => {
        await withCollection('c')
        await withCollection('other')
        await s.insertArticles('c', [article('a', 'flood one'), article('b', 'flood two')])
        await s.insertArticles('other', [article('a', 'flood one')])
        expect(await s.deleteCollection('c')).toBe(true)
        expect(await s.countArticles('c')).toBe(0)
        expect(await s.getArticle('c', 'a')).toBeUndefined()
        await withCollection('c')
        expect(await s.listArticles('c')).toStrictEqual([])
        expect(await s.search('c', 'flood')).toStrictEqual([])
        expect(await s.search('other', 'flood')).toStrictEqual(['a'])
      })
    })

    describe('articles', () => {
      const full = article('b-2', 'The minister spoke.', {
        title: 'Minister speaks',
        headline: false,
        outlet: 'The Daily',
        date: '2026-02-28',
        url: 'https://example.org/b',
        author: 'A. Writer',
        source: 'uploaded: b.html',
        removed: [{ text: 'Subscribe now', reason: 'a call to subscribe', line: 3 }],
      })
      const bare = article('a.1', 'Unions answered.')
      const third = article('c_3', 'Nobody else did.')

      it('inserts and lists in insertion order, with paging and a count', async () => {
        await withCollection()
        const first = await s.insertArticles('c', [full, bare])
        expect(first).toStrictEqual([stored('c', full), stored('c', bare)])
        vi.setSystemTime(new Date(T1))
        await s.insertArticles('c', [third])

        const all = [stored('c', full), stored('c', bare), stored('c', third, T1)]
        expect(await s.listArticles('c')).toStrictEqual(all)
        expect(await s.listArticles('c', { offset: 1, limit: 1 })).toStrictEqual([all[1]])
        expect(await s.listArticles('c', { offset: 2 })).toStrictEqual([all[2]])
        expect(await s.listArticles('c', { limit: 2 })).toStrictEqual(all.slice(0, 2))
        expect(await s.listArticles('c', { limit: 0 })).toStrictEqual([])
        expect(await s.listArticles('c', { offset: 5 })).toStrictEqual([])
        expect(await s.countArticles('c')).toBe(3)
        expect(await s.getArticle('c', 'b-2')).toStrictEqual(all[0])
        expect(await s.getArticle('c', 'zz')).toBeUndefined()
        expect(await s.countArticles('nope')).toBe(0)
        expect(await s.insertArticles('c', [])).toStrictEqual([])
      })

      it('refuses articles for a missing collection', async () => {
        const err = await conflict(s.insertArticles('nope', [bare]))
        expect(err.kind).toBe('missing-collection')
      })

      it('writes nothing when one article of a batch duplicates an id or a text', async () => {
        await withCollection()
        await s.insertArticles('c', [bare])

        const storedId = await conflict(
          s.insertArticles('c', [third, article('a.1', 'Another text entirely.')]),
        )
        expect(storedId.kind).toBe('duplicate-id')
        expect(storedId.message).toBe('Collection "c" already has an article with id "a.1".')

        const batchId = await conflict(
          s.insertArticles('c', [third, article('c_3', 'Yet another text.')]),
        )
        expect(batchId.kind).toBe('duplicate-id')

        const storedText = await conflict(s.insertArticles('c', [third, article('new', bare.text)]))
        expect(storedText.kind).toBe('duplicate-text')
        expect(storedText.existingId).toBe('a.1')
        expect(storedText.message).toBe(
          'Article "new" has the same text as article "a.1" in collection "c".',
        )

        const batchText = await conflict(s.insertArticles('c', [third, article('new', third.text)]))
        expect(batchText.kind).toBe('duplicate-text')
        expect(batchText.existingId).toBe('c_3')

        expect(await s.countArticles('c')).toBe(1)
        expect(await s.getArticle('c', 'c_3')).toBeUndefined()
        expect(await s.listArticles('c')).toStrictEqual([stored('c', bare)])
      })

      it('updates an article, replacing or dropping its analysis with its text', async () => {
        await withCollection()
        const old: StoredAnalysis = { key: 'k1', data: { n: 1 } }
        await s.insertArticles('c', [{ ...full, analysis: old }, bare])
        vi.setSystemTime(new Date(T1))

        const retitled = await s.updateArticle('c', 'b-2', {
          title: 'New title',
          outlet: undefined,
        })
        const expected = {
          ...stored('c', { ...full, analysis: old }),
          title: 'New title',
          updatedAt: T1,
        }
        delete expected.outlet
        expect(retitled).toStrictEqual(expected)
        expect(await s.getArticle('c', 'b-2')).toStrictEqual(expected)

        const fresh: StoredAnalysis = { key: 'k1', data: { n: 2 } }
        const rewritten = await s.updateArticle(
          'c',
          'b-2',
          { text: 'A new text.', textHash: sha('A new text.') },
          fresh,
        )
        expect(rewritten).toStrictEqual({
          ...expected,
          text: 'A new text.',
          textHash: sha('A new text.'),
          analysis: fresh,
        })

        const unanalysed = await s.updateArticle('c', 'b-2', {
          text: 'Third text.',
          textHash: sha('Third text.'),
        })
        expect(unanalysed?.analysis).toBeNull()
        expect(await s.countStale('c', 'k1')).toBe(2)

        const reanalysed = await s.updateArticle('c', 'a.1', {}, fresh)
        expect(reanalysed).toStrictEqual({ ...stored('c', bare), updatedAt: T1, analysis: fresh })

        expect(await s.updateArticle('c', 'zz', { title: 'x' })).toBeUndefined()
      })

      it('refuses an update whose text duplicates another article', async () => {
        await withCollection()
        await s.insertArticles('c', [full, bare])
        const err = await conflict(
          s.updateArticle('c', 'b-2', { text: bare.text, textHash: bare.textHash }),
        )
        expect(err.kind).toBe('duplicate-text')
        expect(err.existingId).toBe('a.1')
        expect(await s.getArticle('c', 'b-2')).toStrictEqual(stored('c', full))
        // Its own text again is no duplicate.
        expect(await s.updateArticle('c', 'b-2', { textHash: full.textHash })).toStrictEqual(
          stored('c', full),
        )
      })

      it('deletes an article', async () => {
        await withCollection()
        await s.insertArticles('c', [full, bare])
        expect(await s.deleteArticle('c', 'b-2')).toBe(true)
        expect(await s.deleteArticle('c', 'b-2')).toBe(false)
        expect(await s.deleteArticle('nope', 'a.1')).toBe(false)
        expect(await s.listArticles('c')).toStrictEqual([stored('c', bare)])
        expect(await s.findByHash('c', full.textHash)).toBeUndefined()
      })

      it('finds taken ids and texts, within the collection only', async () => {
        await withCollection()
        await withCollection('other')
        await s.insertArticles('c', [full, bare])
        await s.insertArticles('other', [third])
        expect(await s.existingIds('c', ['a.1', 'c_3', 'b-2', 'x'])).toStrictEqual(
          new Set(['a.1', 'b-2']),
        )
        expect(await s.existingIds('c', [])).toStrictEqual(new Set())
        expect(await s.findByHash('c', bare.textHash)).toBe('a.1')
        expect(await s.findByHash('c', third.textHash)).toBeUndefined()
        expect(await s.findByHash('other', third.textHash)).toBe('c_3')
      })

      it('round-trips analysis JSON and unicode text exactly', async () => {
        await withCollection()
        const data = {
          version: 3,
          scores: [0.1 + 0.2, -1.5e-7, 0, 12345678901234],
          nested: { empty: {}, list: [], nothing: null, yes: true, no: false },
          label: 'Zürich «naïve» — 東京 🚀 עברית e\u0301',
        }
        const text = 'Zürich 東京 — «naïve» café 🚀 עברית e\u0301 \u200b tab\there'
        const a = article('u', text, {
          title: 'Ünïcödé 𝔘',
          author: 'Zoë Ørsted',
          analysis: { key: 'k', data },
        })
        await s.insertArticles('c', [a])
        expect(await s.getArticle('c', 'u')).toStrictEqual(stored('c', a))
        expect(await s.listArticles('c')).toStrictEqual([stored('c', a)])
        expect(await s.search('c', 'ZÜRICH')).toStrictEqual(['u'])
        expect(await s.search('c', 'zoë')).toStrictEqual([])
      })
    })

    describe('re-analysis', () => {
      const a = article('a', 'First text.')
      const b = article('b', 'Second text.', { analysis: { key: 'old', data: 'b-old' } })
      const c = article('c', 'Third text.', { analysis: { key: 'k', data: 'c-k' } })
      const d = article('d', 'Fourth text.')

      it('counts and redoes the analyses not made under the key', async () => {
        await withCollection('col')
        await s.insertArticles('col', [a, b, c, d])
        expect(await s.countStale('col', 'k')).toBe(3)
        expect(await s.countStale('col', 'old')).toBe(3)
        expect(await s.countStale('nope', 'k')).toBe(0)

        const handed: PendingArticle[][] = []
        const work = async (articles: PendingArticle[]) => {
          handed.push(articles)
          return new Map<string, StoredAnalysis>([
            ...articles.map((x): [string, StoredAnalysis] => [
              x.id,
              { key: 'k', data: `${x.id}-k` },
            ]),
            ['c', { key: 'k', data: 'not handed, not saved' }],
          ])
        }
        expect(await s.reanalyse('col', 'k', 2, work)).toBe(2)
        expect(handed).toStrictEqual([[pending('col', a), pending('col', b)]])
        expect(await s.countStale('col', 'k')).toBe(1)
        expect(await s.reanalyse('col', 'k', 10, work)).toBe(1)
        expect(handed[1]).toStrictEqual([pending('col', d)])
        expect(await s.reanalyse('col', 'k', 10, work)).toBe(0)
        expect(handed).toHaveLength(2)
        expect(await s.countStale('col', 'k')).toBe(0)
        expect((await s.listArticles('col')).map((x) => x.analysis)).toStrictEqual([
          { key: 'k', data: 'a-k' },
          { key: 'k', data: 'b-k' },
          { key: 'k', data: 'c-k' },
          { key: 'k', data: 'd-k' },
        ])
        // Re-analysis is not an edit.
        expect((await s.getArticle('col', 'a'))?.updatedAt).toBe(T0)
      })

      it('lets an edit made while the work runs win over its analysis', async () => {
        await withCollection('col')
        await s.insertArticles('col', [a, b])
        const edits: Promise<unknown>[] = []
        const saved = await s.reanalyse('col', 'k', 10, async (articles) => {
          // Not awaited: on PostgreSQL the claimed rows are locked until the save, so these
          // edits wait for it and land after it; on SQLite they are written at once.
          edits.push(
            s.updateArticle('col', 'a', { text: 'Edited.', textHash: sha('Edited.') }),
            s.updateArticle(
              'col',
              'b',
              { text: 'Edited b.', textHash: sha('Edited b.') },
              { key: 'k', data: 'from the edit' },
            ),
          )
          return new Map(articles.map((x) => [x.id, { key: 'k', data: 'from the work' }]))
        })
        await Promise.all(edits)
        // SQLite saves none (the texts changed under it); PostgreSQL saves both, then the edits
        // replace them.
        expect(saved).toBe(s.kind === 'sqlite' ? 0 : 2)
        expect(await s.getArticle('col', 'a')).toMatchObject({ text: 'Edited.', analysis: null })
        expect(await s.getArticle('col', 'b')).toMatchObject({
          text: 'Edited b.',
          analysis: { key: 'k', data: 'from the edit' },
        })
        expect(await s.countStale('col', 'k')).toBe(1)
      })
    })

    describe('search', () => {
      const x = article('x', 'Rivers rise after rain.', { title: 'Flood warning' })
      const y = article('y', 'A flood or drought may follow.', { title: 'Weather' })
      const z = article('z', 'Fields are dry.', { title: 'Drought' })

      beforeEach(async () => {
        await withCollection()
        await withCollection('other')
        await s.insertArticles('c', [x, y, z])
        await s.insertArticles('other', [article('o', 'A flood elsewhere.')])
      })

      it('finds the articles holding every word, title matches first', async () => {
        expect(await s.search('c', 'flood')).toStrictEqual(['x', 'y'])
        expect(await s.search('c', 'FLOOD')).toStrictEqual(['x', 'y'])
        expect(await s.search('c', 'drought')).toStrictEqual(['z', 'y'])
        expect(await s.search('c', 'flood drought')).toStrictEqual(['y'])
        expect(await s.search('c', '  rain  ')).toStrictEqual(['x'])
        expect(await s.search('c', 'storm')).toStrictEqual([])
        expect(await s.search('c', 'flood', { limit: 1 })).toStrictEqual(['x'])
        expect(await s.search('c', 'flood', { offset: 1 })).toStrictEqual(['y'])
      })

      it('reads the query as plain words, never as search syntax', async () => {
        expect(await s.search('c', 'flood OR drought')).toStrictEqual(['y'])
        expect(await s.search('c', 'drought AND dry')).toStrictEqual([])
        expect(await s.search('c', '"flood')).toStrictEqual(['x', 'y'])
        expect(await s.search('c', 'flood"')).toStrictEqual(['x', 'y'])
        expect(await s.search('c', 'flo*')).toStrictEqual([])
        expect(await s.search('c', '-drought flood')).toStrictEqual(['y'])
        expect(await s.search('c', 'NEAR(flood drought)')).toStrictEqual([])
        expect(await s.search('c', 'title:flood')).toStrictEqual([])
        expect(await s.search('c', '" * - ( ) : ^ + !')).toStrictEqual([])
        expect(await s.search('c', '')).toStrictEqual([])
      })

      it('follows edits and deletions', async () => {
        await s.updateArticle('c', 'x', { text: 'Calm seas.', textHash: sha('Calm seas.') })
        expect(await s.search('c', 'rain')).toStrictEqual([])
        expect(await s.search('c', 'calm')).toStrictEqual(['x'])
        await s.updateArticle('c', 'z', { title: 'Heat' })
        expect(await s.search('c', 'drought')).toStrictEqual(['y'])
        await s.deleteArticle('c', 'y')
        expect(await s.search('c', 'flood')).toStrictEqual(['x'])
      })
    })

    describe('digests', () => {
      const digestOf = (id: string, key: string) => ({
        key,
        data: `${id}-${key}`,
        digest: {
          digest: { id, tone: 1.5, title: `“${id}” ünïcode` },
          terms: [
            [id, 2],
            ['shared', 1],
          ],
        },
      })
      const a = article('a', 'First text.', { analysis: digestOf('a', 'k') })
      const totals = async (col: string) =>
        (await s.termTotals(col)).sort((x, y) => (x[0] < y[0] ? -1 : 1))
      const b = article('b', 'Second text.', { outlet: 'TASS', date: '2024-06-18' })
      const c = article('c', 'Third text.', { analysis: { key: 'k', data: 'no digest' } })

      it('lists heads with their digests, never a text or an analysis', async () => {
        await withCollection('col')
        await s.insertArticles('col', [a, b, c])
        const heads = await s.listHeads('col')
        expect(heads).toStrictEqual([
          {
            id: 'a',
            title: 'Title a',
            headline: true,
            source: 'pasted',
            textHash: sha('First text.'),
            createdAt: T0,
            updatedAt: T0,
            analysisKey: 'k',
            digest: { id: 'a', tone: 1.5, title: '“a” ünïcode' },
          },
          {
            id: 'b',
            title: 'Title b',
            headline: true,
            outlet: 'TASS',
            date: '2024-06-18',
            source: 'pasted',
            textHash: sha('Second text.'),
            createdAt: T0,
            updatedAt: T0,
            analysisKey: null,
            digest: null,
          },
          {
            id: 'c',
            title: 'Title c',
            headline: true,
            source: 'pasted',
            textHash: sha('Third text.'),
            createdAt: T0,
            updatedAt: T0,
            analysisKey: 'k',
            digest: null,
          },
        ])
        expect(await totals('col')).toStrictEqual([
          ['a', 2],
          ['shared', 1],
        ])
        expect(await s.listHeads('nope')).toStrictEqual([])
      })

      it('reads whole articles by id, in the order asked', async () => {
        await withCollection('col')
        await s.insertArticles('col', [a, b, c])
        const got = await s.getArticles('col', ['c', 'missing', 'a'])
        expect(got.map((x) => [x.id, x.text, x.analysis])).toStrictEqual([
          ['c', 'Third text.', { key: 'k', data: 'no digest' }],
          ['a', 'First text.', { key: 'k', data: 'a-k' }],
        ])
        expect(await s.getArticles('col', [])).toStrictEqual([])
      })

      it('keeps a digest with its analysis through edits, re-analysis and deletion', async () => {
        await withCollection('col')
        await s.insertArticles('col', [a, b, c])
        const digestIn = async (id: string) =>
          (await s.listHeads('col')).find((x) => x.id === id)?.digest
        // A new title with the same text keeps the analysis, and its digest.
        await s.updateArticle('col', 'a', { title: 'Renamed' })
        expect(await digestIn('a')).toStrictEqual({ id: 'a', tone: 1.5, title: '“a” ünïcode' })
        // A new text without an analysis drops both.
        await s.updateArticle('col', 'a', { text: 'New.', textHash: sha('New.') })
        expect(await digestIn('a')).toBe(null)
        expect(await totals('col')).toStrictEqual([])
        // A new analysis brings its digest.
        await s.updateArticle(
          'col',
          'a',
          { text: 'Newer.', textHash: sha('Newer.') },
          digestOf('a', 'k2'),
        )
        expect(await digestIn('a')).toStrictEqual({ id: 'a', tone: 1.5, title: '“a” ünïcode' })
        // Re-analysis writes the digests of what it saves.
        await s.reanalyse(
          'col',
          'k2',
          10,
          async (pending) => new Map(pending.map((x) => [x.id, digestOf(x.id, 'k2')])),
        )
        expect(
          (await s.listHeads('col')).map((x) => [x.id, x.analysisKey, x.digest !== null]),
        ).toStrictEqual([
          ['a', 'k2', true],
          ['b', 'k2', true],
          ['c', 'k2', true],
        ])
        await s.deleteArticle('col', 'b')
        expect(await totals('col')).toStrictEqual([
          ['a', 2],
          ['c', 2],
          ['shared', 2],
        ])
        await s.deleteCollection('col')
        expect(await totals('col')).toStrictEqual([])
      })

      it('stores late digests only over the analysis they were made from', async () => {
        await withCollection('col')
        await s.insertArticles('col', [a, b, c])
        const late = (id: string) => ({ digest: { late: id }, terms: [] })
        const saved = await s.saveDigests(
          'col',
          'k',
          new Map([
            ['c', late('c')],
            ['b', late('b')],
            ['gone', late('gone')],
          ]),
        )
        // b has no analysis under 'k' and 'gone' no row: only c's is stored.
        expect(saved).toBe(1)
        expect((await s.listHeads('col')).map((x) => x.digest)).toStrictEqual([
          { id: 'a', tone: 1.5, title: '“a” ünïcode' },
          null,
          { late: 'c' },
        ])
      })
    })

    describe('lessons', () => {
      it('saves, lists, refuses a taken id and deletes, with their collection', async () => {
        await withCollection('col')
        await withCollection('other')
        const lesson = { id: 'one', title: 'Ünïcode “lesson”', articles: ['a'] }
        await s.saveLesson('col', 'one', lesson)
        vi.setSystemTime(new Date(T1))
        await s.saveLesson('col', 'two', { id: 'two' })
        await s.saveLesson('other', 'one', { id: 'one', other: true })
        expect(await s.listLessons('col')).toStrictEqual([
          { id: 'one', lesson },
          { id: 'two', lesson: { id: 'two' } },
        ])
        await expect(s.saveLesson('col', 'one', {})).rejects.toMatchObject({ kind: 'duplicate-id' })
        await expect(s.saveLesson('nope', 'x', {})).rejects.toMatchObject({
          kind: 'missing-collection',
        })
        expect(await s.deleteLesson('col', 'one')).toBe(true)
        expect(await s.deleteLesson('col', 'one')).toBe(false)
        expect((await s.listLessons('col')).map((l) => l.id)).toStrictEqual(['two'])
        await s.deleteCollection('col')
        expect(await s.listLessons('col')).toStrictEqual([])
        expect(await s.listLessons('other')).toStrictEqual([
          { id: 'one', lesson: { id: 'one', other: true } },
        ])
      })
    })

    describe('prefix search', () => {
      beforeEach(async () => {
        await withCollection()
        await s.insertArticles('c', [
          article('x', 'Rivers rise after rain.', { title: 'Flood warning' }),
          article('y', 'A flood or drought may follow.', { title: 'Weather' }),
          article('z', 'Fields are dry.', { title: 'Drought' }),
        ])
      })
      const found = async (query: string) => (await s.search('c', query, { prefix: true })).sort()

      it('finds words that begin with each word of the query', async () => {
        expect(await found('flo')).toStrictEqual(['x', 'y'])
        expect(await found('dr')).toStrictEqual(['y', 'z'])
        expect(await found('dr fie')).toStrictEqual(['z'])
        expect(await found('floods')).toStrictEqual([])
      })

      it('reads the query as plain words, never as search syntax', async () => {
        expect(await found("dr' | fie")).toStrictEqual(['z'])
        expect(await found('flo:* & !dr')).toStrictEqual(['y'])
        expect(await found('"flo')).toStrictEqual(['x', 'y'])
        expect(await found('NEAR(flo dr)')).toStrictEqual([])
        expect(await found('" * - ( ) : ^ + !')).toStrictEqual([])
      })
    })

    it('migrates once: running it again changes nothing', async () => {
      await withCollection()
      await s.insertArticles('c', [article('a', 'kept')])
      expect(await s.migrate()).toBe(SCHEMA_VERSION)
      expect(await s.migrate()).toBe(SCHEMA_VERSION)
      const again = await h.another()
      try {
        expect(await again.migrate()).toBe(SCHEMA_VERSION)
        expect(await again.listArticles('c')).toStrictEqual([stored('c', article('a', 'kept'))])
      } finally {
        await again.close()
      }
    })
  })
}

// SQLite: a new file for each test.

let sqliteDir: string
beforeAll(async () => {
  sqliteDir = await mkdtemp(join(tmpdir(), 'framelens-store-'))
})
afterAll(async () => {
  await rm(sqliteDir, { recursive: true, force: true })
})

let files = 0
/** The file each SQLite test opens, so SQLite-only checks can read it directly. */
let sqliteFile = ''

contract('SQLite', async () => {
  sqliteFile = join(sqliteDir, `t${++files}.db`)
  const open = async () => {
    const storage = new SqliteStorage(sqliteFile)
    await storage.migrate()
    return storage
  }
  const storage = await open()
  return { storage, another: open, cleanup: () => storage.close() }
})

// PostgreSQL: one cluster for the file, a new schema for each test.

let cluster: TestPostgres | undefined
const postgres = async (): Promise<TestPostgres> => (cluster ??= await startPostgres())
afterAll(async () => {
  await cluster?.stop()
})

contract('PostgreSQL', async () => {
  const { url } = await postgres()
  const schema = await freshSchema(url)
  const open = async () => {
    const storage = new PostgresStorage(schema.config, 'test')
    await storage.migrate()
    return storage
  }
  const storage = await open()
  return {
    storage,
    another: open,
    cleanup: async () => {
      await storage.close()
      await schema.drop()
    },
  }
})

describe('SQLite only', () => {
  it('keeps the full-text index in step with the articles', async () => {
    const file = join(sqliteDir, 'fts.db')
    const s = new SqliteStorage(file)
    await s.migrate()
    await s.createCollection({ id: 'c', name: 'c', actors: [] })
    await s.insertArticles('c', [article('a', 'one flood'), article('b', 'two floods')])
    await s.updateArticle('c', 'a', { text: 'one storm', textHash: sha('one storm') })
    await s.deleteArticle('c', 'b')
    await s.createCollection({ id: 'd', name: 'd', actors: [] })
    await s.insertArticles('d', [article('a', 'one flood')])
    await s.deleteCollection('d')
    await s.close()
    const db = new Database(file)
    try {
      // Throws SQLITE_CORRUPT_VTAB when the index and the table disagree.
      db.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.prepare('SELECT count(*) AS n FROM articles_fts').get()).toStrictEqual({ n: 1 })
    } finally {
      db.close()
    }
  })
})

describe('PostgreSQL only', () => {
  it('never hands one article to two workers', async () => {
    const { url } = await postgres()
    const schema = await freshSchema(url)
    const open = async () => {
      const storage = new PostgresStorage(schema.config, 'test')
      await storage.migrate()
      return storage
    }
    const [one, two] = await Promise.all([open(), open()])
    try {
      await one.createCollection({ id: 'c', name: 'c', actors: [] })
      const ids = Array.from({ length: 12 }, (_, i) => `a${i}`)
      await one.insertArticles(
        'c',
        ids.map((id) => article(id, `text of ${id}`)),
      )
      const handed = new Map<Storage, string[]>([
        [one, []],
        [two, []],
      ])
      const worker = async (storage: Storage) => {
        let saved = 0
        for (;;) {
          const n = await storage.reanalyse('c', 'k', 3, async (articles) => {
            handed.get(storage)!.push(...articles.map((x) => x.id))
            // Long enough for the other worker to claim while these rows are held.
            await new Promise((resolve) => setTimeout(resolve, 100))
            return new Map(articles.map((x) => [x.id, { key: 'k', data: x.id }]))
          })
          if (n === 0) return saved
          saved += n
        }
      }
      const [savedOne, savedTwo] = await Promise.all([worker(one), worker(two)])
      const first = handed.get(one)!
      const second = handed.get(two)!
      expect(first.filter((id) => second.includes(id))).toStrictEqual([])
      expect([...first, ...second].sort()).toStrictEqual([...ids].sort())
      expect(savedOne + savedTwo).toBe(12)
      expect(first.length).toBeGreaterThan(0)
      expect(second.length).toBeGreaterThan(0)
      expect(await one.countStale('c', 'k')).toBe(0)
    } finally {
      await Promise.all([one.close(), two.close()])
      await schema.drop()
    }
  })
})

describe('openStorage', () => {
  it('opens SQLite at FRAMELENS_DB, creating its folder, and migrates it', async () => {
    const file = join(sqliteDir, 'nested', 'deeper', 'f.db')
    const s = await openStorage({ FRAMELENS_DB: file })
    try {
      expect(s.kind).toBe('sqlite')
      expect(s.location).toBe(file)
      expect(existsSync(file)).toBe(true)
      expect(await s.listCollections()).toStrictEqual([])
    } finally {
      await s.close()
    }
  })

  it('opens PostgreSQL from DATABASE_URL, showing no password', async () => {
    const { url } = await postgres()
    const schema = await freshSchema(url)
    const withPassword = new URL(url)
    withPassword.password = 'hunter2'
    withPassword.searchParams.set('options', schema.config.options!)
    const s = await openStorage({ DATABASE_URL: withPassword.href, FRAMELENS_DB: '/unused' })
    try {
      expect(s.kind).toBe('postgres')
      expect(s.location).not.toContain('hunter2')
      expect(s.location).toContain('framelens_test')
      expect(await s.listCollections()).toStrictEqual([])
      expect(await s.migrate()).toBe(SCHEMA_VERSION)
    } finally {
      await s.close()
      await schema.drop()
    }
  })

  it('says in one line what is wrong with DATABASE_URL', async () => {
    const failure = async (url: string) => {
      const err = await openStorage({ DATABASE_URL: url }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(InputError)
      const message = (err as InputError).message
      expect(message).not.toContain('\n')
      return message
    }
    expect(await failure('not a url')).toBe(
      'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).',
    )
    expect(await failure('mysql://u:p@h/db')).toBe(
      'DATABASE_URL must start with postgres:// or postgresql:// (it starts with mysql://); unset it to use SQLite.',
    )
    const refused = await failure('postgres://me:s3cret@127.0.0.1:1/db')
    expect(refused).toMatch(
      /^Cannot use the PostgreSQL database at postgres:\/\/me@127\.0\.0\.1:1\/db: .*ECONNREFUSED/,
    )
    expect(refused).not.toContain('s3cret')
  })
})
