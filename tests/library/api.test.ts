/**
 * The JSON contract of the collections API (issue 10), over a SQLite library: each success
 * answers exactly what was stored and analysed (checked on small hand-made texts), and each
 * refusal (400, 404, 409, 413, 415, 422) names what was wrong and writes nothing, which the
 * dump of the whole database before and after shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseInThread, Library } from '../../src/library/library.js'
import { dump, json, openTestLibrary, TEXTS, type TestLibrary } from './helpers.js'

let t: TestLibrary

beforeAll(async () => {
  t = await openTestLibrary('api')
  await t.library.startBackground(analyseInThread)
})
afterAll(() => t.cleanup())

const request = (path: string, init?: RequestInit) => t.app.request(path, init)

async function makeCollection(name: string): Promise<string> {
  const res = await request('/api/collections', json({ name }))
  expect(res.status).toBe(201)
  return ((await res.json()) as { collection: { id: string } }).collection.id
}

async function addArticle(cid: string, body: Record<string, unknown>) {
  const res = await request(`/api/collections/${cid}/articles`, json(body))
  expect(res.status).toBe(201)
  return ((await res.json()) as { article: Article }).article
}

interface Article {
  id: string
  title: string
  words: number
  sentences: number
  actors: Record<string, { mentions: number; tone: number; label: string } | null>
  meta: Record<string, unknown>
  source: string
}

/** Sends `init` to `path`, expects `status` and an error naming `message`, and no write. */
async function refused(path: string, init: RequestInit, status: number, message: string | RegExp) {
  const before = await dump(t.library)
  const res = await request(path, init)
  expect(res.status).toBe(status)
  const body = (await res.json()) as { error: { status: number; message: string } }
  expect(body.error.status).toBe(status)
  if (typeof message === 'string') expect(body.error.message).toBe(message)
  else expect(body.error.message).toMatch(message)
  expect(await dump(t.library)).toStrictEqual(before)
  return body
}

describe('collections', () => {
  it('are made with the default actors, listed with their article counts, renamed and deleted', async () => {
    const res = await request('/api/collections', json({ name: '  Monday’s class ' }))
    expect(res.status).toBe(201)
    const { collection } = (await res.json()) as {
      collection: { id: string; name: string; actors: { id: string; colour: string }[] }
    }
    expect(collection.id).toBe('monday-s-class')
    expect(collection.name).toBe('Monday’s class')
    expect(collection.actors.map((a) => [a.id, a.colour])).toStrictEqual([
      ['russia', '#c0392b'],
      ['north-korea', '#2c3e91'],
      ['west', '#1e8449'],
    ])
    expect(await t.library.storage.getCollection('monday-s-class')).toMatchObject({
      name: 'Monday’s class',
    })

    // The same name again gets a free id.
    const again = await makeCollection('Monday’s class')
    expect(again).toBe('monday-s-class-2')
    await addArticle(again, { text: TEXTS.praise })

    const list = (await (await request('/api/collections')).json()) as {
      collections: { id: string; name: string; articles: number }[]
    }
    const mine = list.collections.filter((c) => c.id.startsWith('monday-s-class'))
    expect(mine.map((c) => [c.id, c.name, c.articles])).toStrictEqual([
      ['monday-s-class', 'Monday’s class', 0],
      ['monday-s-class-2', 'Monday’s class', 1],
    ])

    const renamed = await request(
      '/api/collections/monday-s-class-2',
      json({ name: 'Tuesday' }, 'PATCH'),
    )
    expect(renamed.status).toBe(200)
    expect(
      ((await renamed.json()) as { collection: { id: string; name: string } }).collection,
    ).toMatchObject({ id: 'monday-s-class-2', name: 'Tuesday' })
    expect((await t.library.storage.getCollection('monday-s-class-2'))?.name).toBe('Tuesday')

    const deleted = await request('/api/collections/monday-s-class-2', { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    expect(await t.library.storage.getCollection('monday-s-class-2')).toBeUndefined()
    expect(await t.library.storage.countArticles('monday-s-class-2')).toBe(0)
  })

  it('can be made with actors of its own, whose colours are fixed when saved', async () => {
    const res = await request(
      '/api/collections',
      json({ name: 'Own actors', actors: [{ id: 'china', aliases: ['China', 'Beijing'] }] }),
    )
    expect(res.status).toBe(201)
    const { collection } = (await res.json()) as {
      collection: { actors: { id: string; aliases: string[]; colour?: string }[] }
    }
    expect(collection.actors).toHaveLength(1)
    expect(collection.actors[0]!.id).toBe('china')
    expect(collection.actors[0]!.colour).toMatch(/^#[0-9a-f]{6}$/i)
    expect((await t.library.storage.getCollection('own-actors'))?.actors).toStrictEqual(
      collection.actors,
    )
  })

  it('refuses a bad name or body, writing nothing', async () => {
    await refused(
      '/api/collections',
      json({ name: '   ' }),
      422,
      'name: give the collection a name',
    )
    await refused(
      '/api/collections',
      json({ name: 'x'.repeat(101) }),
      422,
      'name: at most 100 characters',
    )
    await refused('/api/collections', json({ name: 7 }), 422, 'name: must be text')
    await refused(
      '/api/collections',
      json({ name: 'ok', colour: 'red' }),
      422,
      'unknown key "colour"',
    )
    await refused(
      '/api/collections',
      json({ name: 'Bad actors', actors: [{ id: 'Not An Id', aliases: ['x'] }] }),
      422,
      /^actors/,
    )
    await refused(
      '/api/collections',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":' },
      400,
      /^the body is not valid JSON/,
    )
    await refused(
      '/api/collections',
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"name":"x"}' },
      415,
      'send the collection as JSON (Content-Type: application/json), not text/plain',
    )
    await refused(
      '/api/collections/nope',
      json({ name: 'Renamed' }, 'PATCH'),
      404,
      'no collection "nope"',
    )
    await refused('/api/collections/nope', { method: 'DELETE' }, 404, 'no collection "nope"')
    await refused('/api/collections/nope', {}, 404, 'no collection "nope"')
  })
})

describe('articles', () => {
  let cid: string
  beforeAll(async () => {
    cid = await makeCollection('Articles')
  })

  it('are stored and analysed on POST, and answered in the CLI’s shape', async () => {
    const res = await request(
      `/api/collections/${cid}/articles`,
      json({
        title: 'Putin praised',
        text: TEXTS.praise,
        outlet: ' TASS ',
        date: '2024-06-19',
        url: 'https://tass.example/1',
        author: 'A. Writer',
      }),
    )
    expect(res.status).toBe(201)
    const { article } = (await res.json()) as { article: Article }
    expect(article.id).toBe('putin-praised')
    expect(article.title).toBe('Putin praised')
    expect(article.words).toBe(12)
    expect(article.sentences).toBe(2)
    expect(article.actors.russia).toMatchObject({ mentions: 2, tone: 5, label: 'positive' })
    expect(article.actors['north-korea']).toBeNull()
    expect(article.actors.west).toBeNull()
    expect(article.meta).toStrictEqual({
      headline: true,
      outlet: 'TASS',
      date: '2024-06-19',
      url: 'https://tass.example/1',
      author: 'A. Writer',
    })
    expect(article.source).toBe('api')

    const row = await t.library.storage.getArticle(cid, 'putin-praised')
    expect(row).toMatchObject({
      title: 'Putin praised',
      headline: true,
      text: TEXTS.praise,
      outlet: 'TASS',
      date: '2024-06-19',
      source: 'api',
    })
    expect(row?.analysis).not.toBeNull()

    // GET the list: the same article, in the same shape.
    const list = (await (await request(`/api/collections/${cid}/articles`)).json()) as {
      articles: Article[]
    }
    expect(list).toStrictEqual({ articles: [article], total: 1, offset: 0, limit: 500, next: null })

    // GET one: with its text.
    const one = (await (
      await request(`/api/collections/${cid}/articles/putin-praised`)
    ).json()) as {
      article: Article & { text: string }
    }
    expect(one.article.text).toBe(TEXTS.praise)
    expect(one.article.actors.russia).toStrictEqual(article.actors.russia)
  })

  it('gets a title from the lead when none is given, not counted as a headline', async () => {
    const article = await addArticle(cid, { text: TEXTS.threat })
    expect(article.title).toBe('Pyongyang issued a brutal threat. North Korea was condemned for …')
    expect(article.meta).toStrictEqual({ headline: false })
    // The id is the title's slug, cut at 60 characters.
    expect(article.id).toBe('pyongyang-issued-a-brutal-threat-north-korea-was-condemned-f')
    expect(article.actors['north-korea']).toMatchObject({ mentions: 2, label: 'negative' })
    expect(article.actors['north-korea']!.tone).toBeLessThan(0)
  })

  it('refuses the same text again (normalised) with 409 naming the stored article', async () => {
    const body = await refused(
      `/api/collections/${cid}/articles`,
      json({ title: 'Copy', text: `  ${TEXTS.praise.toUpperCase().replace(/ /g, '  ')}\n` }),
      409,
      'text: the same text is already stored as "putin-praised"',
    )
    expect((body as unknown as { existing: string }).existing).toBe('putin-praised')
  })

  it.each([
    [{ title: 'x' }, 'text: must be text'],
    [{ text: '1234 5678' }, 'text: must hold some words'],
    [
      { text: TEXTS.beijing, date: 'June 19' },
      'date: must be a date written YYYY-MM-DD (e.g. 2024-06-19)',
    ],
    [{ text: TEXTS.beijing, date: '2024-02-30' }, 'date: is not a real date'],
    [
      { text: TEXTS.beijing, url: 'ftp://example.org/a' },
      'url: must be a web address starting with http:// or https://',
    ],
    [
      { text: TEXTS.beijing, url: 'not a url' },
      'url: must be a web address starting with http:// or https://',
    ],
    [{ text: TEXTS.beijing, outlet: 'o'.repeat(201) }, 'outlet: must be at most 200 characters'],
    [{ text: TEXTS.beijing, title: 't'.repeat(301) }, 'title: must be at most 300 characters'],
    [{ text: TEXTS.beijing, headline: true }, 'unknown key "headline"'],
    [{ text: TEXTS.beijing, author: 5 }, 'author: must be text'],
    [[TEXTS.beijing], 'must be an object like {"text": "…", "title": "…"}'],
  ])('refuses %j with 422: %s', async (body, message) => {
    await refused(`/api/collections/${cid}/articles`, json(body), 422, message)
  })

  it('refuses bad JSON (400), a body that is not JSON (415) and one over the limit (413)', async () => {
    const path = `/api/collections/${cid}/articles`
    await refused(
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": "a' },
      400,
      /^the body is not valid JSON: /,
    )
    await refused(
      path,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      },
      400,
      'the body is not valid UTF-8; send the JSON encoded as UTF-8',
    )
    await refused(
      path,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'text=hello',
      },
      415,
      'send the article as JSON (Content-Type: application/json), not application/x-www-form-urlencoded',
    )
    await refused(path, { method: 'POST', body: '{}' }, 415, /not (no type|text\/plain)/)
    const big = JSON.stringify({ text: `${TEXTS.beijing} ${'word '.repeat(430_000)}` })
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024)
    await refused(
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big },
      413,
      'the body is larger than 2097152 bytes',
    )
  })

  it('answers 404 for an unknown collection or article, writing nothing', async () => {
    await refused(
      '/api/collections/nope/articles',
      json({ text: TEXTS.beijing }),
      404,
      'no collection "nope"',
    )
    await refused('/api/collections/nope/articles', {}, 404, 'no collection "nope"')
    // The JSON of a collection's pages answers in JSON too.
    await refused('/c/nope/api/articles', {}, 404, 'no collection "nope"; see /collections')
    await refused(`/api/collections/${cid}/articles/nope`, {}, 404, `no article "nope" in "${cid}"`)
    await refused(
      `/api/collections/${cid}/articles/nope`,
      { method: 'DELETE' },
      404,
      `no article "nope" in "${cid}"`,
    )
    await refused(
      `/api/collections/${cid}/articles/nope`,
      json({ title: 'x' }, 'PATCH'),
      404,
      `no article "nope" in "${cid}"`,
    )
  })

  it('PATCH changes metadata without re-analysing, and a new title re-analyses', async () => {
    const before = await t.library.storage.getArticle(cid, 'putin-praised')
    const res = await request(
      `/api/collections/${cid}/articles/putin-praised`,
      json({ outlet: 'RIA' }, 'PATCH'),
    )
    expect(res.status).toBe(200)
    const { article } = (await res.json()) as { article: Article }
    // Only the outlet changed: the other fields stay.
    expect(article.meta).toStrictEqual({
      headline: true,
      outlet: 'RIA',
      date: '2024-06-19',
      url: 'https://tass.example/1',
      author: 'A. Writer',
    })
    const after = await t.library.storage.getArticle(cid, 'putin-praised')
    expect(after?.analysis).toStrictEqual(before?.analysis)

    // A title naming Kim: the analysis now sees North Korea in the title (not in the body).
    const retitled = await request(
      `/api/collections/${cid}/articles/putin-praised`,
      json({ title: 'Kim and Putin' }, 'PATCH'),
    )
    expect(retitled.status).toBe(200)
    const { article: a2 } = (await retitled.json()) as { article: Article }
    expect(a2.title).toBe('Kim and Putin')
    expect(a2.id).toBe('putin-praised')
    expect(a2.actors['north-korea']).toMatchObject({ mentions: 0, inTitle: true })
    expect(before?.analysis).not.toStrictEqual(
      (await t.library.storage.getArticle(cid, 'putin-praised'))?.analysis,
    )
    expect(a2.meta.outlet).toBe('RIA')
  })

  it('PATCH refuses a bad field or a text stored as another article, writing nothing', async () => {
    const path = `/api/collections/${cid}/articles/putin-praised`
    await refused(
      path,
      json({ date: '19/06/2024' }, 'PATCH'),
      422,
      'date: must be a date written YYYY-MM-DD (e.g. 2024-06-19)',
    )
    await refused(path, json({ id: 'other' }, 'PATCH'), 422, 'unknown key "id"')
    await refused(
      path,
      json({ text: TEXTS.threat }, 'PATCH'),
      409,
      'text: the same text is already stored as "pyongyang-issued-a-brutal-threat-north-korea-was-condemned-f"',
    )
  })

  it('PATCH with an empty optional field removes it', async () => {
    const res = await request(
      `/api/collections/${cid}/articles/putin-praised`,
      json({ author: '' }, 'PATCH'),
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as { article: Article }).article.meta).toStrictEqual({
      headline: true,
      outlet: 'RIA',
      date: '2024-06-19',
      url: 'https://tass.example/1',
    })
    expect('author' in (await t.library.storage.getArticle(cid, 'putin-praised'))!).toBe(false)
  })

  it('two posts at once: the same text is stored once (201, 409), the same title gets two ids', async () => {
    const race = await makeCollection('Race')
    const path = `/api/collections/${race}/articles`
    const same = await Promise.all(
      [1, 2].map(() => request(path, json({ title: 'Same', text: TEXTS.praise }))),
    )
    expect(same.map((r) => r.status).sort()).toStrictEqual([201, 409])
    expect(await t.library.storage.countArticles(race)).toBe(1)

    const titles = await Promise.all(
      [TEXTS.threat, TEXTS.beijing].map((text) => request(path, json({ title: 'Twice', text }))),
    )
    expect(titles.map((r) => r.status)).toStrictEqual([201, 201])
    const ids = await Promise.all(
      titles.map(async (r) => ((await r.json()) as { article: Article }).article.id),
    )
    expect(ids.sort()).toStrictEqual(['twice', 'twice-2'])
    expect(await t.library.storage.countArticles(race)).toBe(3)
  })

  it('DELETE answers 204 and removes the article', async () => {
    const a = await addArticle(cid, { title: 'To delete', text: TEXTS.beijing })
    const countBefore = await t.library.storage.countArticles(cid)
    const res = await request(`/api/collections/${cid}/articles/${a.id}`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await t.library.storage.getArticle(cid, a.id)).toBeUndefined()
    expect(await t.library.storage.countArticles(cid)).toBe(countBefore - 1)
  })
})

describe('actors', () => {
  it('PUT re-scores the articles in the background with the new actor, colours kept', async () => {
    const cid = await makeCollection('Actors')
    const a = await addArticle(cid, { title: 'Summit', text: TEXTS.beijing })
    expect(Object.keys(a.actors)).toStrictEqual(['russia', 'north-korea', 'west'])
    const before = (await t.library.storage.getCollection(cid))!.actors

    const res = await request(
      `/api/collections/${cid}/actors`,
      json(
        {
          actors: [...before, { id: 'china', label: 'China', aliases: ['China', 'Beijing'] }],
        },
        'PUT',
      ),
    )
    expect(res.status).toBe(200)
    const { collection } = (await res.json()) as {
      collection: { actors: { id: string; colour: string }[] }
    }
    expect(collection.actors.map((x) => x.id)).toStrictEqual([
      'russia',
      'north-korea',
      'west',
      'china',
    ])
    // The others keep their colours; the new one gets its own.
    expect(collection.actors.slice(0, 3).map((x) => x.colour)).toStrictEqual(
      before.map((x) => x.colour),
    )
    expect(before.map((x) => x.colour)).not.toContain(collection.actors[3]!.colour)

    await t.library.idle()
    const progress = (await (await request(`/api/collections/${cid}/progress`)).json()) as {
      stale: number
      total: number
    }
    expect(progress).toStrictEqual({ stale: 0, total: 1, running: false })
    const { article } = (await (
      await request(`/api/collections/${cid}/articles/${a.id}`)
    ).json()) as { article: Article }
    // praised (+3) and successful (+3) in the sentence naming Beijing.
    expect(article.actors.china).toMatchObject({ mentions: 1, tone: 6, label: 'positive' })

    // The collection's pages serve the re-scored store.
    const served = (await (await request(`/c/${cid}/api/articles`)).json()) as {
      articles: { id: string; actors: Record<string, unknown> }[]
    }
    expect(served.articles.map((x) => [x.id, x.actors.china !== null])).toStrictEqual([
      [a.id, true],
    ])
  })

  it('PUT refuses bad actors, writing nothing', async () => {
    const cid = await makeCollection('Bad actors PUT')
    await refused(
      `/api/collections/${cid}/actors`,
      json({ actors: 'china' }, 'PUT'),
      422,
      'actors: must be a list of actors',
    )
    await refused(
      `/api/collections/${cid}/actors`,
      json({ actors: [{ id: 'China!', aliases: ['China'] }] }, 'PUT'),
      422,
      /^actors.*id/,
    )
    await refused(
      '/api/collections/nope/actors',
      json({ actors: [{ id: 'china', aliases: ['China'] }] }, 'PUT'),
      404,
      'no collection "nope"',
    )
    // An unknown collection is said first, whatever the actors.
    await refused(
      '/api/collections/nope/actors',
      json({ actors: 'china' }, 'PUT'),
      404,
      'no collection "nope"',
    )
  })
})

describe('the list of a collection’s articles', () => {
  it('comes a page at a time, with the URL of the next page', async () => {
    const cid = await makeCollection('Paged list')
    for (const text of [TEXTS.praise, TEXTS.threat, 'Washington was calm about it.']) {
      await addArticle(cid, { text })
    }
    const page = async (query: string) =>
      (await (await request(`/api/collections/${cid}/articles${query}`)).json()) as {
        articles: { id: string }[]
        total: number
        next: string | null
      }
    const first = await page('?limit=2')
    expect(first.articles.map((a) => a.id)).toHaveLength(2)
    expect(first.total).toBe(3)
    expect(first.next).toBe(`/api/collections/${cid}/articles?offset=2&limit=2`)
    const second = await page('?offset=2&limit=2')
    expect(second.articles).toHaveLength(1)
    expect(second.next).toBeNull()
    const all = await page('')
    expect([...first.articles, ...second.articles]).toStrictEqual(all.articles)
    for (const bad of ['?limit=0', '?limit=501', '?offset=-1', '?limit=x']) {
      const res = await request(`/api/collections/${cid}/articles${bad}`)
      expect(res.status, bad).toBe(400)
    }
  })
})

describe('the default collection at the root', () => {
  it('serves /api/articles from the default collection', async () => {
    const first = (await t.library.defaultCollection())!
    const expected = (await t.library.storage.listArticles(first.id)).map((a) => a.id)
    const res = await request('/api/articles')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { articles: { id: string }[] }
    expect(body.articles.map((a) => a.id)).toStrictEqual(expected)
  })
})

describe('an article added while the actors are edited', () => {
  it('is re-analysed with the new actors, not left out of the pages', async () => {
    const cid = await makeCollection('Gate')
    // A library on the same database whose analysis waits for the test to let it go.
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let calls = 0
    const slow: typeof analyseInThread = async (actors, inputs) => {
      if (calls++ === 0) await gate
      return analyseInThread(actors, inputs)
    }
    const library = new Library(t.library.storage, slow)
    await library.startBackground(analyseInThread)
    const adding = library.addArticles(cid, [
      { title: 'Beijing', text: TEXTS.beijing, source: 'test' },
    ])
    // While it is being analysed, the actors change and their re-analysis finishes.
    const actors = (await t.library.storage.getCollection(cid))!.actors
    await library.setActors(cid, [...actors, { id: 'china', aliases: ['China', 'Beijing'] }])
    await library.idle()
    release()
    const { added } = await adding
    expect(added.map((a) => a.id)).toStrictEqual(['beijing'])
    await library.idle()
    expect(await library.progress(cid)).toStrictEqual({ stale: 0, total: 1, running: false })
    const view = (await library.view(cid))!
    expect(view.pending).toBe(0)
    expect(view.store.articles.map((a) => [a.id, a.digest.actors.china?.mentions])).toStrictEqual([
      ['beijing', 1],
    ])
  })
})

describe('the served store', () => {
  it('is not replaced by a rebuild that began before a write', async () => {
    const cid = await makeCollection('Rebuild')
    await addArticle(cid, { title: 'First', text: TEXTS.praise })
    // A library whose next listing of the articles waits for the test to let it go.
    let hold = false
    let release!: () => void
    let listed!: () => void
    const started = new Promise<void>((resolve) => (listed = resolve))
    const gate = new Promise<void>((resolve) => (release = resolve))
    const storage = new Proxy(t.library.storage, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown
        if (prop !== 'listHeads' || typeof value !== 'function') {
          return typeof value === 'function' ? value.bind(target) : value
        }
        return async (...args: unknown[]) => {
          const rows = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
          if (hold) {
            hold = false
            listed()
            await gate
          }
          return rows
        }
      },
    })
    const library = new Library(storage, analyseInThread)
    expect((await library.view(cid))!.store.articles.map((a) => a.id)).toStrictEqual(['first'])

    // A rebuild (what the re-analysis does when it is done) reads the articles, then waits.
    hold = true
    const refreshing = library.refresh(cid)
    await started
    // Meanwhile an article is added, and a page shows it.
    await library.addArticles(cid, [{ title: 'Second', text: TEXTS.threat, source: 'test' }])
    expect((await library.view(cid))!.store.articles.map((a) => a.id)).toStrictEqual([
      'first',
      'second',
    ])
    release()
    await refreshing
    // The older rebuild does not take the place of the newer store.
    expect((await library.view(cid))!.store.articles.map((a) => a.id)).toStrictEqual([
      'first',
      'second',
    ])
  })
})
