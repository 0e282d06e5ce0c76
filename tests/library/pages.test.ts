/**
 * The form routes of the library (src/routes/library/pages.tsx) through the library app: each
 * write that succeeds redirects (303) to the page showing it, each refused one answers its form
 * again with the message naming the field and the user's input kept, and writes nothing (the
 * dump of the database before and after is equal); a form posted from another site is refused
 * (403) and writes nothing. Last, the pages of a collection link within it, and the root still
 * serves the default collection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { html, text } from '../app/helpers.js'
import { dump, form, openTestLibrary, textareaValue, TEXTS, type TestLibrary } from './helpers.js'

let t: TestLibrary

beforeAll(async () => {
  t = await openTestLibrary('pages')
})
afterAll(() => t.cleanup())

const request = (path: string, init?: RequestInit) => t.app.request(path, init)

/** Posts a form, expects a 303, and returns where it leads (path and query). */
async function posted(path: string, fields: Record<string, string> | FormData): Promise<URL> {
  const res = await request(path, form(fields))
  expect(res.status, await res.clone().text()).toBe(303)
  return new URL(res.headers.get('location')!, 'http://localhost')
}

/** Posts a form that must be refused with `status`; nothing is written. Returns the page. */
async function refusedForm(
  path: string,
  fields: Record<string, string> | FormData,
  status: number,
) {
  const before = await dump(t.library)
  const res = await request(path, form(fields))
  const page = await html(res, status)
  expect(await dump(t.library)).toStrictEqual(before)
  return page
}

/** The same form posted from another site: 403, nothing written. */
async function crossSite(path: string, fields: Record<string, string> | FormData) {
  const before = await dump(t.library)
  const res = await request(path, form(fields, 'https://evil.example'))
  expect(res.status).toBe(403)
  expect(await dump(t.library)).toStrictEqual(before)
}

async function makeCollection(name: string): Promise<string> {
  const to = await posted('/collections', { name })
  const match = /^\/c\/([^/]+)\/manage$/.exec(to.pathname)
  expect(match).not.toBeNull()
  return match![1]!
}

const formError = (doc: Document) => text(doc, '.form-error')

describe('collections', () => {
  it('are listed, made by the form (303 to its page) and refused with the name kept', async () => {
    const empty = await html(await request('/collections'))
    expect(empty.text).toContain('There is no collection yet.')
    // The root, with no collection, leads to the list.
    const root = await request('/')
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toBe('/collections')

    const to = await posted('/collections', { name: 'Kim–Putin 2024' })
    expect(to.pathname).toBe('/c/kim-putin-2024/manage')
    expect(to.searchParams.get('done')).toBe('Made “Kim–Putin 2024”.')
    const manage = await html(await request(`${to.pathname}${to.search}`))
    expect(text(manage.doc, '.notice')).toStrictEqual(['Made “Kim–Putin 2024”.'])

    const list = await html(await request('/collections'))
    expect(text(list.doc, '.library-table tbody th')).toStrictEqual(['Kim–Putin 2024'])
    expect(
      [...list.doc.querySelectorAll('.library-table tbody th a')].map((a) =>
        a.getAttribute('href'),
      ),
    ).toStrictEqual(['/c/kim-putin-2024/'])

    const refused = await refusedForm('/collections', { name: 'y'.repeat(101) }, 422)
    expect(formError(refused.doc)).toStrictEqual(['Not saved: name: at most 100 characters'])
    expect(refused.doc.querySelector('#collection-name')?.getAttribute('value')).toBe(
      'y'.repeat(101),
    )
    await refusedForm('/collections', { name: '  ' }, 422)
    await crossSite('/collections', { name: 'Evil' })
  })
})

describe('articles', () => {
  let cid: string
  let base: string
  beforeAll(async () => {
    cid = await makeCollection('Articles')
    base = `/c/${cid}/manage`
  })

  it('paste: stores the article and lists it after a 303', async () => {
    const to = await posted(`${base}/paste`, {
      title: 'Putin praised',
      text: TEXTS.praise,
      outlet: 'TASS',
      date: '2024-06-19',
      url: '',
      author: '',
    })
    expect(to.pathname).toBe(base)
    expect(to.searchParams.get('done')).toBe('Added “Putin praised”.')
    const row = await t.library.storage.getArticle(cid, 'putin-praised')
    expect(row).toMatchObject({ title: 'Putin praised', outlet: 'TASS', date: '2024-06-19' })
    // Empty optional fields are absent, not empty strings.
    expect(row && 'url' in row).toBe(false)
    expect(row && 'author' in row).toBe(false)
    expect(row?.source).toBe('pasted')

    const page = await html(await request(base))
    expect(text(page.doc, '.library-table tbody th')).toStrictEqual(['Putin praised'])
    expect(text(page.doc, '.library-table tbody td').slice(0, 3)).toStrictEqual([
      'TASS',
      text(page.doc, '.library-table tbody td')[1]!,
      'pasted',
    ])
    const link = page.doc.querySelector('.library-table tbody th a')?.getAttribute('href')
    expect(link).toBe(`/c/${cid}/articles/putin-praised`)
    // The link leads to the article's page in the collection.
    const article = await request(link!)
    expect(article.status).toBe(200)
  })

  it('paste: a wrong field is refused (422) with the message and the typed text kept', async () => {
    const typed = 'Kim spoke <b>at length</b> & left.'
    const { doc } = await refusedForm(
      `${base}/paste`,
      { title: 'Mine', text: typed, date: '19 June 2024', outlet: 'Yonhap' },
      422,
    )
    expect(formError(doc)).toStrictEqual([
      'Not saved: date: must be a date written YYYY-MM-DD (e.g. 2024-06-19)',
    ])
    expect(textareaValue(doc.querySelector('#paste-text'))).toBe(typed)
    expect(doc.querySelector('#paste-title')?.getAttribute('value')).toBe('Mine')
    expect(doc.querySelector('#paste-date')?.getAttribute('value')).toBe('19 June 2024')
    expect(doc.querySelector('#paste-outlet')?.getAttribute('value')).toBe('Yonhap')

    const noText = await refusedForm(`${base}/paste`, { title: 'Only a title', text: '' }, 422)
    expect(formError(noText.doc)).toStrictEqual(['Not saved: text: must hold some words'])

    const dup = await refusedForm(`${base}/paste`, { text: TEXTS.praise }, 409)
    expect(formError(dup.doc)[0]).toContain('is already here (as “putin-praised”)')
    expect(textareaValue(dup.doc.querySelector('#paste-text'))).toBe(TEXTS.praise)

    await crossSite(`${base}/paste`, { text: TEXTS.beijing })
  })

  it('upload: two files (Markdown with front matter, HTML) are stored with their metadata', async () => {
    const files = new FormData()
    files.append(
      'files',
      new File(
        [
          '---\ntitle: Summit in Pyongyang\noutlet: Yonhap\ndate: 2024-06-19\nauthor: Lee\n---\n' +
            `${TEXTS.threat}\n`,
        ],
        'summit.md',
        { type: 'text/markdown' },
      ),
    )
    files.append(
      'files',
      new File(
        [
          '<!doctype html><html><head><title>Beijing hosts</title></head><body>' +
            '<nav>Home | World | Sport</nav><article><h1>Beijing hosts</h1>' +
            `<p>${TEXTS.beijing}</p><p>Officials in Beijing said the talks would continue next week, and that both sides had agreed to meet again.</p>` +
            '</article><footer>Copyright 2024</footer></body></html>',
        ],
        'beijing.html',
        { type: 'text/html' },
      ),
    )
    const to = await posted(`${base}/upload`, files)
    expect(to.searchParams.get('done')).toBe('Added 2 articles.')
    const md = await t.library.storage.getArticle(cid, 'summit')
    expect(md).toMatchObject({
      title: 'Summit in Pyongyang',
      headline: true,
      text: TEXTS.threat,
      outlet: 'Yonhap',
      date: '2024-06-19',
      author: 'Lee',
      source: 'uploaded: summit.md',
    })
    const page = await t.library.storage.getArticle(cid, 'beijing')
    expect(page?.title).toBe('Beijing hosts')
    expect(page?.source).toBe('uploaded: beijing.html')
    expect(page?.text).toContain(TEXTS.beijing)
    expect(page?.text).not.toContain('Home | World')
    expect(page?.text).not.toContain('Copyright')
  })

  it('upload: one unreadable file refuses the whole upload, naming it', async () => {
    const files = new FormData()
    files.append('files', new File([TEXTS.beijing.replace('mild', 'cold')], 'fine.txt'))
    files.append('files', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2])], 'scan.pdf'))
    const { doc } = await refusedForm(`${base}/upload`, files, 422)
    const [message] = formError(doc)
    expect(message).toMatch(/^Not saved: a file could not be read, so none was added: scan\.pdf: /)
    expect(await t.library.storage.getArticle(cid, 'fine')).toBeUndefined()

    const binary = new FormData()
    binary.append('files', new File([TEXTS.beijing.replace('mild', 'warm')], 'ok.txt'))
    binary.append('files', new File([new Uint8Array([0x68, 0x69, 0, 0xff, 0xfe, 0, 7])], 'bin.txt'))
    const second = await refusedForm(`${base}/upload`, binary, 422)
    expect(formError(second.doc)[0]).toMatch(/none was added: bin\.txt/)

    const none = await refusedForm(`${base}/upload`, new FormData(), 422)
    expect(formError(none.doc)).toStrictEqual(['Not saved: files: choose at least one file'])

    const cross = new FormData()
    cross.append('files', new File([TEXTS.beijing.replace('mild', 'hot')], 'x.txt'))
    await crossSite(`${base}/upload`, cross)
  })

  it('a form or a file over its size limit is refused, writing nothing', async () => {
    const before = await dump(t.library)
    const big = await request(
      `${base}/paste`,
      form({ text: `${TEXTS.beijing} ${'word '.repeat(430_000)}` }),
    )
    const page = await html(big, 413)
    expect(page.text).toContain('the form is larger than 2 MB')
    expect(await dump(t.library)).toStrictEqual(before)

    const files = new FormData()
    files.append('files', new File([TEXTS.beijing.replace('mild', 'grey')], 'small.txt'))
    files.append('files', new File(['Kim met Putin. '.repeat(360_000)], 'huge.txt'))
    const { doc } = await refusedForm(`${base}/upload`, files, 422)
    expect(formError(doc)).toStrictEqual([
      'Not saved: a file could not be read, so none was added: huge.txt: larger than 5 MB',
    ])
  })

  it('upload: a duplicate is reported; all duplicates refuse with 409', async () => {
    const again = new FormData()
    again.append('files', new File([`---\ntitle: Again\n---\n${TEXTS.threat}\n`], 'again.md'))
    const { doc } = await refusedForm(`${base}/upload`, again, 409)
    expect(formError(doc)).toStrictEqual([
      'Not saved: “Again” is already here (as “summit”), so it was not added again.',
    ])

    const mixed = new FormData()
    mixed.append('files', new File([`---\ntitle: Again\n---\n${TEXTS.threat}\n`], 'again.md'))
    mixed.append('files', new File(['Kim met Putin at the airport. They smiled.'], 'airport.txt'))
    const to = await posted(`${base}/upload`, mixed)
    expect(to.searchParams.get('done')).toBe(
      'Added “airport”. “Again” is already here (as “summit”), so it was not added again.',
    )
    expect((await t.library.storage.getArticle(cid, 'airport'))?.source).toBe(
      'uploaded: airport.txt',
    )
  })

  it('import from a URL: a private address is refused (422), the address kept', async () => {
    const { doc } = await refusedForm(
      `${base}/import-url`,
      { url: 'http://127.0.0.1:9/story' },
      422,
    )
    expect(formError(doc)).toStrictEqual([
      'Not saved: url: 127.0.0.1:9 is a private or local address',
    ])
    expect(doc.querySelector('#import-url')?.getAttribute('value')).toBe('http://127.0.0.1:9/story')
    const empty = await refusedForm(`${base}/import-url`, { url: ' ' }, 422)
    expect(formError(empty.doc)).toStrictEqual(['Not saved: url: give the page’s address'])
    await crossSite(`${base}/import-url`, { url: 'http://127.0.0.1:9/story' })
  })

  it('edit: a new title re-analyses; an emptied outlet is removed', async () => {
    const before = (await t.library.storage.getArticle(cid, 'putin-praised'))!
    const edit = await html(await request(`${base}/articles/putin-praised/edit`))
    expect(edit.doc.querySelector('#edit-title')?.getAttribute('value')).toBe('Putin praised')
    expect(edit.doc.querySelector('#edit-outlet')?.getAttribute('value')).toBe('TASS')
    expect(textareaValue(edit.doc.querySelector('#edit-text'))).toBe(TEXTS.praise)

    const to = await posted(`${base}/articles/putin-praised/edit`, {
      title: 'Kim and Putin',
      text: TEXTS.praise,
      outlet: '',
      date: '2024-06-20',
      url: '',
      author: '',
    })
    expect(to.searchParams.get('done')).toBe('Saved “Kim and Putin”.')
    const after = (await t.library.storage.getArticle(cid, 'putin-praised'))!
    expect(after.title).toBe('Kim and Putin')
    expect(after.date).toBe('2024-06-20')
    expect('outlet' in after).toBe(false)
    expect(after.analysis).not.toStrictEqual(before.analysis)
    // The served store has the new analysis: North Korea is now in the title.
    const served = (await (await request(`/c/${cid}/api/articles/putin-praised`)).json()) as {
      article: { title: string; actors: Record<string, { inTitle: boolean } | null> }
    }
    expect(served.article.title).toBe('Kim and Putin')
    expect(served.article.actors['north-korea']?.inTitle).toBe(true)

    const refused = await refusedForm(
      `${base}/articles/putin-praised/edit`,
      { title: 'Kept', text: TEXTS.praise, url: 'javascript:alert(1)' },
      422,
    )
    expect(formError(refused.doc)).toStrictEqual([
      'Not saved: url: must be a web address starting with http:// or https://',
    ])
    expect(refused.doc.querySelector('#edit-title')?.getAttribute('value')).toBe('Kept')
    expect(refused.doc.querySelector('#edit-url')?.getAttribute('value')).toBe(
      'javascript:alert(1)',
    )
    await crossSite(`${base}/articles/putin-praised/edit`, { title: 'Evil', text: TEXTS.praise })
    const missing = await request(`${base}/articles/nope/edit`)
    expect(missing.status).toBe(404)
  })

  it('edit: an article without a headline gets its title from the new lead', async () => {
    await posted(`${base}/paste`, { text: 'Kim spoke first. Then more words came after that.' })
    const id = 'kim-spoke-first-then-more-words-came-after-that'
    const edit = await html(await request(`${base}/articles/${id}/edit`))
    // The title stands in for a missing headline: the form shows none.
    expect(edit.doc.querySelector('#edit-title')?.getAttribute('value')).toBe('')
    await posted(`${base}/articles/${id}/edit`, {
      title: '',
      text: 'Putin answered later. The talks went on.',
      outlet: '',
      date: '',
      url: '',
      author: '',
    })
    const after = (await t.library.storage.getArticle(cid, id))!
    expect(after.text).toBe('Putin answered later. The talks went on.')
    expect(after.title).toBe('Putin answered later. The talks went on.')
    expect(after.headline).toBe(false)
    await posted(`${base}/articles/${id}/delete`, {})
  })

  it('delete: a confirmation page, then the POST deletes', async () => {
    const confirm = await html(await request(`${base}/articles/airport/delete`))
    expect(text(confirm.doc, 'h1')).toStrictEqual(['Delete “airport”?'])
    expect(confirm.doc.querySelector('form')?.getAttribute('action')).toBe(
      `${base}/articles/airport/delete`,
    )
    expect(confirm.doc.querySelector('form')?.getAttribute('method')).toBe('post')
    // The GET deleted nothing.
    expect(await t.library.storage.getArticle(cid, 'airport')).toBeDefined()

    await crossSite(`${base}/articles/airport/delete`, {})
    const to = await posted(`${base}/articles/airport/delete`, {})
    expect(to.pathname).toBe(base)
    expect(to.searchParams.get('done')).toBe('Deleted “airport”.')
    expect(await t.library.storage.getArticle(cid, 'airport')).toBeUndefined()
    const gone = await request(`${base}/articles/airport/delete`, form({}))
    expect(gone.status).toBe(404)
  })
})

describe('the collection', () => {
  it('is renamed, and deleted after a confirmation page', async () => {
    const cid = await makeCollection('To go')
    await posted(`/c/${cid}/manage/paste`, { text: TEXTS.beijing })
    await crossSite(`/c/${cid}/manage/rename`, { name: 'Evil' })
    const refused = await refusedForm(`/c/${cid}/manage/rename`, { name: '' }, 422)
    expect(formError(refused.doc)).toStrictEqual(['Not saved: name: give the collection a name'])

    const to = await posted(`/c/${cid}/manage/rename`, { name: 'Gone soon' })
    expect(to.searchParams.get('done')).toBe('Renamed to “Gone soon”.')
    expect((await t.library.storage.getCollection(cid))?.name).toBe('Gone soon')
    expect(cid).toBe('to-go')

    const confirm = await html(await request(`/c/${cid}/manage/delete`))
    expect(text(confirm.doc, 'h1')).toStrictEqual(['Delete “Gone soon”?'])
    expect(text(confirm.doc, 'main p')[0]).toBe(
      'Its article, its analysis and its actors go with it. This cannot be undone.',
    )
    expect(await t.library.storage.getCollection(cid)).toBeDefined()

    await crossSite(`/c/${cid}/manage/delete`, {})
    const done = await posted(`/c/${cid}/manage/delete`, {})
    expect(done.pathname).toBe('/collections')
    expect(await t.library.storage.getCollection(cid)).toBeUndefined()
    expect(await t.library.storage.countArticles(cid)).toBe(0)
    expect((await request(`/c/${cid}/manage`)).status).toBe(404)
    expect((await request(`/c/${cid}/`)).status).toBe(404)
  })
})

describe('the actors editor', () => {
  it('adds an actor with its aliases, keeping the others’ colours', async () => {
    const cid = await makeCollection('Actors')
    const before = (await t.library.storage.getCollection(cid))!.actors
    const page = await html(await request(`/c/${cid}/manage/actors`))
    const count = page.doc.querySelector('input[name="count"]')?.getAttribute('value')
    expect(count).toBe('4')
    expect(page.doc.querySelector('#actor-0-id')?.getAttribute('value')).toBe('russia')
    expect(page.doc.querySelector('#actor-0-colour')?.getAttribute('value')).toBe('#c0392b')
    // The new block offers a colour of its own, not one of the others' (nor a grey for all).
    const offered = page.doc.querySelector('#actor-3-colour')?.getAttribute('value')
    expect(offered).toMatch(/^#[0-9a-f]{6}$/i)
    expect(before.map((a) => a.colour)).not.toContain(offered)
    expect(offered).not.toBe('#888888')

    // What the browser sends: every field of the page, the new block filled in.
    const fields: Record<string, string> = { count: '4' }
    for (const el of page.doc.querySelectorAll('form input[name], form textarea[name]')) {
      const name = el.getAttribute('name')!
      if (name === 'count' || el.getAttribute('type') === 'checkbox') continue
      fields[name] =
        el.tagName.toLowerCase() === 'textarea'
          ? textareaValue(el)!
          : (el.getAttribute('value') ?? '')
    }
    Object.assign(fields, {
      'id.3': 'china',
      'label.3': 'China',
      'colour.3': '#d35400',
      'aliases.3': 'China\r\nBeijing\r\n',
    })
    await crossSite(`/c/${cid}/manage/actors`, fields)
    const to = await posted(`/c/${cid}/manage/actors`, fields)
    expect(to.pathname).toBe(`/c/${cid}/manage/actors`)

    const after = (await t.library.storage.getCollection(cid))!.actors
    expect(after.map((a) => a.id)).toStrictEqual(['russia', 'north-korea', 'west', 'china'])
    expect(after.slice(0, 3)).toStrictEqual(before)
    expect(after[3]).toStrictEqual({
      id: 'china',
      label: 'China',
      colour: '#d35400',
      aliases: ['China', 'Beijing'],
    })

    // An invalid id: 422, the message, and the rows as typed.
    const bad = { ...fields, count: '5', 'id.4': 'Taiwan!', 'aliases.4': 'Taipei\nTaiwan' }
    const refused = await refusedForm(`/c/${cid}/manage/actors`, bad, 422)
    const [message] = formError(refused.doc)
    expect(message).toMatch(/^Not saved: actors.*Taiwan!/)
    expect(
      [...refused.doc.querySelectorAll('input[name^="id."]')].map((e) => e.getAttribute('value')),
    ).toStrictEqual(['russia', 'north-korea', 'west', 'china', 'Taiwan!', ''])
    expect(textareaValue(refused.doc.querySelector('textarea[name="aliases.4"]'))).toBe(
      'Taipei\nTaiwan',
    )

    // Removing one keeps the others and their colours.
    const removed = await posted(`/c/${cid}/manage/actors`, { ...fields, 'remove.1': '1' })
    expect(removed.pathname).toBe(`/c/${cid}/manage/actors`)
    const last = (await t.library.storage.getCollection(cid))!.actors
    expect(last.map((a) => [a.id, a.colour])).toStrictEqual([
      ['russia', '#c0392b'],
      ['west', '#1e8449'],
      ['china', '#d35400'],
    ])
  })
})

describe('pages of a collection', () => {
  it('link within the collection, and the root serves the default collection', async () => {
    const cid = await makeCollection('Links')
    await posted(`/c/${cid}/manage/paste`, { title: 'Link test', text: TEXTS.praise })
    await posted(`/c/${cid}/manage/paste`, { title: 'Other', text: TEXTS.threat })
    const overview = await html(await request(`/c/${cid}/`))
    const hrefs = [...overview.doc.querySelectorAll('a[href^="/"]')].map((a) =>
      a.getAttribute('href')!,
    )
    expect(hrefs).toContain(`/c/${cid}/articles/link-test`)
    expect(hrefs.some((h) => h.startsWith(`/c/${cid}/compare`))).toBe(true)
    // No link of the collection's pages leads to another collection's (the root's) page.
    const outside = hrefs.filter(
      (h) => !h.startsWith(`/c/${cid}/`) && !h.startsWith('/collections') && h !== '/',
    )
    expect(outside.filter((h) => !h.startsWith('/methods'))).toStrictEqual([])

    const article = await html(await request(`/c/${cid}/articles/link-test`))
    const articleLinks = [...article.doc.querySelectorAll('a[href^="/"]')].map((a) =>
      a.getAttribute('href')!,
    )
    expect(articleLinks.some((h) => h.startsWith(`/c/${cid}/compare`))).toBe(true)

    // The root is the default collection: the first made ("Kim–Putin 2024").
    const first = (await t.library.defaultCollection())!
    expect(first.id).toBe('kim-putin-2024')
    const root = await html(await request('/'))
    expect(root.text).toContain('Overview')
    const api = await request('/api/articles')
    expect(api.status).toBe(200)
    expect(((await api.json()) as { articles: unknown[] }).articles).toStrictEqual([])
    t.library.setDefaultCollection(cid)
    const now = (await (await request('/api/articles')).json()) as { articles: { id: string }[] }
    expect(now.articles.map((a) => a.id)).toStrictEqual(['link-test', 'other'])
    const rootPage = await html(await request('/'))
    const rootLinks = [...rootPage.doc.querySelectorAll('a[href^="/"]')].map((a) =>
      a.getAttribute('href')!,
    )
    expect(rootLinks).toContain('/articles/link-test')
  })
})

describe('the article picker of a large collection', () => {
  it('lists the chosen articles and the first 100 others, and posts within the collection', async () => {
    const cid = await makeCollection('Many articles')
    const drafts = Array.from({ length: 103 }, (_, i) => ({
      title: `Story ${i + 1}`,
      text: `Russia was mentioned in story number ${i + 1}.`,
      source: 'test',
    }))
    await t.library.addArticles(cid, drafts)
    const { doc } = await html(await request(`/c/${cid}/compare?ids=story-103,story-1`))
    const form = doc.querySelector('#compare-form')!
    expect(form.getAttribute('action')).toBe(`/c/${cid}/compare`)
    expect(form.getAttribute('hx-get')).toBe(`/c/${cid}/compare`)
    const listed = [...doc.querySelectorAll('.picker input[name="ids"]')].map((i) =>
      i.getAttribute('value'),
    )
    // The two chosen, and 98 others in collection order: 100 in all.
    expect(listed).toHaveLength(100)
    expect(listed.slice(0, 3)).toStrictEqual(['story-1', 'story-2', 'story-3'])
    expect(listed.at(-1)).toBe('story-103')
    expect(listed.at(-2)).toBe('story-99')
    expect(text(doc, '.picker-menu .hint')).toStrictEqual([
      'The first 100 of 103 articles (and the chosen ones). To compare others, tick them on the overview, which lists them all, a page at a time.',
    ])
  })
})

describe('links within a collection', () => {
  it('leave no root-relative link to a collection page on its pages', async () => {
    const cid = await makeCollection('Links stay inside')
    await t.library.addArticles(cid, [
      { title: 'One', text: 'Russia was praised warmly.', source: 'test' },
      { title: 'Two', text: 'North Korea was condemned.', source: 'test' },
    ])
    const pages = [
      '/',
      '/articles/one',
      '/articles/one?actor=russia',
      '/compare?ids=one,two',
      '/terms?q=russia',
      '/trends',
      '/manage',
      '/teach',
    ]
    const outside: string[] = []
    for (const path of pages) {
      const { doc } = await html(await request(`/c/${cid}${path}`))
      for (const el of doc.querySelectorAll('[href], [action], [hx-get], [hx-post]')) {
        for (const attr of ['href', 'action', 'hx-get', 'hx-post']) {
          const url = el.getAttribute(attr)
          if (!url || !url.startsWith('/')) continue
          // Shared by every collection: the assets, the Methods page and the list of collections.
          if (/^\/(assets|methods|collections)(\/|$|\?|#)/.test(url)) continue
          if (!url.startsWith(`/c/${cid}/`)) outside.push(`${path}: ${attr}="${url}"`)
        }
      }
    }
    expect(outside).toStrictEqual([])
  })
})

describe('the address a printout ends with', () => {
  it('is the collection page’s own', async () => {
    const cid = await makeCollection('Printed')
    await t.library.addArticles(cid, [
      { title: 'One', text: 'Russia was praised warmly.', source: 'test' },
    ])
    const { doc } = await html(await request(`http://localhost/c/${cid}/terms?q=russia`))
    expect(text(doc, '#print-source')[0]).toMatch(
      new RegExp(`^Framelens · http://localhost/c/${cid}/terms\\?q=russia · `),
    )
  })
})
