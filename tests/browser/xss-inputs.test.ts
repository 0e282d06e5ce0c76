/**
 * Issue 13's XSS suite for the inputs library-xss.test.ts leaves out: a corpus folder (as
 * CORPUS_DIR imports it, and as the bare corpus app reads it) whose folder name, file names,
 * YAML front matter (title, outlet, author, url, date, an unused key), actor labels and aliases
 * and article bodies carry script, event-handler and htmx payloads; every query parameter of every
 * page given such payloads, `javascript:` URLs and values that cannot be read; and the exports —
 * each chart's SVG opened in Chromium as a document of its own (no Content Security Policy to
 * help) and as an <img>, its PNG as an <img>, its CSV and JSON as attachments, and the offline
 * snapshot. Rendered in Chromium, no payload runs (each would call `window.__xss`, a trap the
 * test defines before any page script), no dialog opens, no request leaves for another host or
 * for a URL a payload names (`/xss-probe/…`), and no element carries an `on*` or `hx-on*`
 * attribute, or a URL attribute pointing at a payload's target, that came from the data. Unknown
 * or malformed values give a page or a 4xx, never a 5xx, and never reflect markup unescaped.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { loadDefaultActors, parseActorDefs } from '../../src/corpus/actors.js'
import { DEFAULT_CORPUS_DIR } from '../../src/corpus/load-corpus.js'
import { loadStore, type CorpusStore } from '../../src/corpus-store.js'
import { categoriesOf } from '../../src/domain/measures.js'
import { EXPORT_CHART_NAMES } from '../../src/export/charts.js'
import { idsQuery } from '../../src/export/urls.js'
import { importFolder } from '../../src/library/bootstrap.js'
import { slugify } from '../../src/library/drafts.js'
import { analyseInThread } from '../../src/library/library.js'
import { openTestLibrary, type TestLibrary } from '../library/helpers.js'
import { launchChromium, serveApp, type RunningApp } from './chromium.js'

/**
 * Everything a text could do once it is markup, each part naming `tag` (where it came from): an
 * attribute broken out of, a script, event handlers, an htmx request on load and an `hx-on`
 * handler, and an image that fetches a probe URL. Short enough for a 200-character field.
 */
const payload = (tag: string) =>
  `"'><script>__xss('${tag}')</script><img src=/xss-probe/${tag} onerror=__xss('${tag}')>` +
  `<svg onload=__xss('${tag}')><a hx-get=/xss-probe/${tag} hx-trigger=load hx-on:click=__xss('${tag}')>${tag}</a>`

/** The longer markup an article body can carry on top of `payload`. */
const bodyExtras = (tag: string) => [
  `<script src="http://xss.invalid/${tag}.js"></script>`,
  `<iframe src="javascript:__xss('${tag}-iframe')"></iframe>`,
  `<a href="javascript:__xss('${tag}-href')">click</a>`,
  `[a markdown link](javascript:__xss('${tag}-md'))`,
  `<form action="http://xss.invalid/${tag}"><button formaction="http://xss.invalid/b">go</button></form>`,
  `<link rel="stylesheet" href="http://xss.invalid/${tag}.css">`,
  `<div hx-on::load="__xss('${tag}-hxon')" data-hx-on:click="__xss('${tag}-data')">x</div>`,
  // Last: they would take the control page away.
  `<base href="http://xss.invalid/">`,
  `<meta http-equiv="refresh" content="0;url=http://xss.invalid/${tag}-refresh">`,
  `<div hx-get="/xss-probe/${tag}-div" hx-trigger="load" hx-swap="outerHTML">y</div>`,
]
const bodyPayload = (tag: string) => [payload(tag), ...bodyExtras(tag)].join(' ')

/**
 * A file name's payload: no "/" (the one byte a name cannot hold besides NUL), so tags are left
 * open, and the htmx request is relative.
 */
const namePayload = (tag: string) =>
  `${tag} "q" 'a' & <img src=x onerror=__xss('${tag}')> <svg onload=__xss('${tag}')> ` +
  `<a hx-get=xss-probe-${tag} hx-trigger=load hx-on:click=__xss('${tag}')>x<a>`

/** Markup that must never reach an HTML response as markup (only escaped). */
const RAW_MARKUP = [/<script>__xss/i, /<img[\s/]src=[x/]/i, /<svg onload/i, /<a hx-get/i]

/** A collection's name is at most 100 characters, so the folder's payload is a short one. */
const FOLDER = `F "q" & <img src=x onerror=__xss('folder')> <a hx-get=xss-probe-f hx-on:click=__xss(1)>`
const COLLECTION_ID = slugify(FOLDER, 40)

/** The markdown article: every front-matter field a payload. */
const FRONT_MATTER_FILE = `${namePayload('fname1')}.md`
/** A plain-text article: the first line is its headline. */
const TEXT_FILE = `${namePayload('fname2')}.txt`
/** An HTML page, read through Readability. */
const HTML_FILE = `${namePayload('fname3')}.html`

const yaml = (fields: Record<string, string | number>) =>
  ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), '---'].join('\n')

const BODY_WORDS =
  'Russia praised North Korea warmly. The West condemned the brutal deal. Putin met Kim.'

async function writeCorpus(dir: string) {
  await mkdir(dir)
  await writeFile(
    join(dir, FRONT_MATTER_FILE),
    `${yaml({
      title: `Title ${payload('title')}`,
      outlet: `Outlet ${payload('outlet')}`,
      author: `Author ${payload('author')}`,
      url: `https://example.org/a?x="><script>__xss('url')</script><img/src=x/onerror=__xss('url')>`,
      date: '2024-06-19',
      seed: `${payload('extra')}`,
    })}\n\n${BODY_WORDS}\n\n${bodyPayload('body1')}\n\nChina welcomed Russia.\n`,
  )
  await writeFile(
    join(dir, TEXT_FILE),
    `Headline ${payload('headline')}\n\n${BODY_WORDS} ${bodyPayload('body2')} Kim praised Russia.\n`,
  )
  await writeFile(
    join(dir, HTML_FILE),
    `<!doctype html><html><head><title>Page ${payload('htmltitle')}</title>` +
      `<script>__xss('htmlscript')</script></head><body><article><h1>Heading</h1>` +
      `<p>${BODY_WORDS} The talks were long and the summit was friendly, the officials said.</p>` +
      `<p>Putin thanked Kim. &lt;script&gt;__xss('htmltext')&lt;/script&gt; ` +
      `&lt;img src=/xss-probe/htmltext onerror=__xss('htmltext')&gt;</p>` +
      `<p onclick="__xss('htmlattr')">The West said the deal was a threat to peace.</p>` +
      `</article></body></html>\n`,
  )
  // A spreadsheet formula as a title: the CSV must keep it text.
  await writeFile(
    join(dir, 'formula.md'),
    `${yaml({ title: '=HYPERLINK("http://xss.invalid/csv","x")', outlet: '@SUM(1+1)' })}\n\n${BODY_WORDS}\n`,
  )
  // Refused files: their names and reasons are listed on the overview.
  await writeFile(
    join(dir, `${namePayload('refused1')}.md`),
    `${yaml({ title: 'Bad url', url: "javascript:__xss('url2')" })}\n\n${BODY_WORDS}\n`,
  )
  await writeFile(
    join(dir, `${namePayload('refused2')}.md`),
    `${yaml({ title: 'Bad date', date: `<script>__xss('date')</script>` })}\n\n${BODY_WORDS}\n`,
  )
  await writeFile(join(dir, `${namePayload('refused3')}.txt`), '')
  // The bundled articles, so the lessons of /teach (which name them) are served too.
  for (const name of await readdir(DEFAULT_CORPUS_DIR)) {
    await copyFile(join(DEFAULT_CORPUS_DIR, name), join(dir, name))
  }
}

/**
 * The default actors, with payloads in every label and exclusion; an alias may hold only words and
 * . - ' (anything else is refused as a name that can never match), so its payload is a quote.
 */
async function payloadActors() {
  return (await loadDefaultActors()).map((a) => ({
    ...a,
    label: `${a.label} <img src=x onerror=__xss('label')>`,
    aliases: [...a.aliases, `${a.id}' x'-y.`],
    exclude: [...(a.exclude ?? []), `<svg onload=__xss('exclude')>`],
  }))
}

interface Visit {
  path: string
  /** Sent as htmx sends it: the fragment, not the page. */
  partial?: boolean
  /**
   * `page` (the default): opened in Chromium from the server, with its scripts, its policy and
   * htmx. `parse`: its markup put into a blank page with no policy and nothing loaded, where any
   * handler or script that got through would run at once: a cheaper check for the many variants.
   */
  render?: 'page' | 'parse'
}

/** One Chromium tab that visits pages one after the other, collecting what it finds. */
class Tab {
  found: string[] = []
  private where = ''
  private inFlight = 0
  private quietSince = Date.now()

  private constructor(
    private readonly page: Page,
    private readonly blank: Page,
    private readonly base: string,
  ) {
    const host = new URL(base).host
    for (const p of [page, blank]) {
      p.on('dialog', (d) => {
        this.found.push(`${this.where}: a dialog opened`)
        void d.dismiss()
      })
      p.on('request', (r) => {
        const problem = requestProblem(r.url(), host)
        if (problem) this.found.push(`${this.where}: ${problem}`)
      })
    }
    page.on('request', () => void this.inFlight++)
    const done = () => {
      if (--this.inFlight === 0) this.quietSince = Date.now()
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
  }

  static async open(context: BrowserContext, base: string) {
    return new Tab(await context.newPage(), await context.newPage(), base)
  }

  async visit(v: Visit) {
    this.where = `${v.partial ? '[htmx] ' : ''}${v.path}`
    const headers: Record<string, string> = v.partial ? { 'HX-Request': 'true' } : {}
    const response = await fetch(this.base + v.path, { headers, redirect: 'manual' })
    const body = await response.text()
    if (response.status >= 500) this.found.push(`${this.where}: status ${response.status}`)
    const type = response.headers.get('content-type') ?? ''
    // An attachment (an export, a lesson file) is a download and JSON is data: no page to show.
    if (!type.startsWith('text/html') || response.headers.has('content-disposition')) return
    for (const raw of RAW_MARKUP) {
      if (raw.test(body)) this.found.push(`${this.where}: raw ${raw.source}`)
    }
    // An error page or a redirect is checked as markup; a page that answers is opened as such.
    if (v.render === 'parse' || response.status >= 300) {
      await this.blank.setContent(body)
      for (const s of await inspectPage(this.blank)) this.found.push(`${this.where}: ${s}`)
      return
    }
    await this.page.setExtraHTTPHeaders(headers)
    await this.page.goto(this.base + v.path)
    await this.idle()
    for (const s of await inspectPage(this.page)) this.found.push(`${this.where}: ${s}`)
  }

  /**
   * Until the page has loaded and no request has been in flight for 150 ms (what a payload would
   * send goes out on load): `networkidle` waits 500 ms, too long for a few hundred pages.
   */
  private async idle() {
    await this.page.waitForLoadState('load')
    while (this.inFlight > 0 || Date.now() - this.quietSince < 150) {
      await new Promise((r) => setTimeout(r, 25))
    }
  }

  async close() {
    await this.page.close()
    await this.blank.close()
  }
}

/** Runs `visits` in a few tabs at once; every finding. */
async function visitAll(context: BrowserContext, base: string, visits: Visit[], tabs = 4) {
  let next = 0
  const open = await Promise.all(Array.from({ length: tabs }, () => Tab.open(context, base)))
  await Promise.all(
    open.map(async (tab) => {
      while (next < visits.length) await tab.visit(visits[next++]!)
    }),
  )
  await Promise.all(open.map((tab) => tab.close()))
  return open.flatMap((tab) => tab.found)
}

/** Why a request must not have been made: another host, or a URL a payload names. */
function requestProblem(url: string, host: string): string | undefined {
  if (/^(data|blob|about):/.test(url)) return undefined
  const u = new URL(url)
  if (u.host !== host) return `a request to ${url}`
  // A payload's own target: a path segment that starts with xss-probe (an id that merely holds
  // the words is one encoded segment starting otherwise).
  if (u.pathname.split('/').some((s) => s.startsWith('xss-probe'))) return `a request to ${url}`
  return undefined
}

/** What ran or was smuggled into the page's DOM (see the file's comment). */
async function inspectPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __xssHits?: string[] }
    const found = (w.__xssHits ?? []).map((tag) => `payload ${tag} ran`)
    const all = [...document.querySelectorAll('*')]
    for (const el of all) {
      for (const a of el.attributes) {
        const name = a.name.toLowerCase()
        const value = a.value.trim()
        let bad = false
        if (/^(on|hx-on|data-hx-on)/.test(name)) bad = true
        else if (/^(href|src|action|formaction|xlink:href|data)$/.test(name)) {
          if (/^(javascript|vbscript):/i.test(value)) bad = true
          else if (name !== 'href' && /xss\.invalid/.test(value)) bad = true
          else if (/(^|\/)xss-probe/.test(value.split(/[?#]/)[0]!)) bad = true
        } else if (/^(data-)?hx-/.test(name)) {
          // An htmx request or setting: its URL's path must not be a payload's target, and no
          // other htmx attribute may hold a payload's code.
          if (/^(data-)?hx-(get|post|put|patch|delete)$/.test(name)) {
            if (/(^|\/)xss-probe|xss\.invalid/.test(value.split(/[?#]/)[0]!)) bad = true
          } else if (/__xss|xss-probe/.test(value) && !/^(data-)?hx-push-url$/.test(name)) {
            bad = true
          }
        }
        if (bad) found.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`)
      }
    }
    for (const s of document.querySelectorAll('script')) {
      if (/__xss/.test(s.textContent ?? '') || /xss\.invalid/.test(s.src)) {
        found.push(`<script> with ${s.src || (s.textContent ?? '').slice(0, 40)}`)
      }
    }
    for (const el of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv]')) {
      if (/xss/.test(el.outerHTML)) found.push(el.outerHTML.slice(0, 80))
    }
    return found
  })
}

const q = encodeURIComponent
const JS = "javascript:__xss('js')"

/**
 * `param=payload` (opened as a page) and `param=javascript:…` (parsed) for each parameter, after
 * `fixed` (valid ones).
 */
function fuzz(path: string, params: string[], fixed = ''): Visit[] {
  const join = path.includes('?') ? '&' : '?'
  const pre = fixed ? `${fixed}&` : ''
  return params.flatMap((p): Visit[] => [
    { path: `${path}${join}${pre}${p}=${q(payload(`p-${p}`))}` },
    { path: `${path}${join}${pre}${p}=${q(JS)}`, render: 'parse' },
  ])
}

describe('corpus folders, query parameters and exports that try to run', () => {
  let dir: string
  let corpus: string
  let t: TestLibrary
  let bare: CorpusStore
  let library: RunningApp
  let corpusApp: RunningApp
  let browser: Browser
  let context: BrowserContext
  /** The payload articles' ids: in the library (slugs), in the bare app (file stems). */
  let slugs: string[]
  let stems: string[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'framelens-xss-inputs-'))
    corpus = join(dir, FOLDER)
    await writeCorpus(corpus)
    const actors = await payloadActors()
    const actorsFile = join(dir, 'actors.json')
    await writeFile(actorsFile, JSON.stringify({ actors }))

    // As `CORPUS_DIR=<folder> npm start` does: the folder becomes a collection named after it.
    t = await openTestLibrary('xss-inputs')
    await t.library.startBackground(analyseInThread)
    const imported = await importFolder(
      t.library,
      corpus,
      { id: COLLECTION_ID, name: FOLDER },
      async () => actors,
    )
    expect(imported.refused).toHaveLength(3)
    const stored = await t.library.storage.listArticles(COLLECTION_ID)
    slugs = stored.filter((a) => a.id.startsWith('fname')).map((a) => a.id)
    expect(slugs).toHaveLength(3)

    // The corpus app over the same folder: its ids are the file names themselves.
    bare = await loadStore(corpus, actorsFile)
    stems = [FRONT_MATTER_FILE, TEXT_FILE, HTML_FILE].map((f) => f.replace(/\.[a-z]+$/, ''))
    expect(stems.every((id) => bare.get(id) !== undefined)).toBe(true)

    library = await serveApp(t.app)
    corpusApp = await serveApp(createApp(bare))
    browser = await launchChromium()
    context = await browser.newContext()
    await context.addInitScript(() => {
      const w = window as unknown as { __xss: (tag: unknown) => void; __xssHits: string[] }
      w.__xssHits = []
      w.__xss = (tag) => void w.__xssHits.push(String(tag))
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await library?.close()
    await corpusApp?.close()
    await t?.cleanup()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('would be caught: the payloads pasted raw into a page are found', async () => {
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (r) => {
      const problem = requestProblem(r.url(), new URL(library.url).host)
      if (problem) requests.push(problem)
    })
    // Served at the test host (not about:blank), so relative URLs resolve as on a page.
    const raw = `<p>${payload('raw')}</p><p>${namePayload('name')}</p><p>${bodyExtras('body').slice(0, -2).join(' ')}</p>`
    await page.route(`${library.url}/__control`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: raw }),
    )
    await page.goto(`${library.url}/__control`)
    await page.waitForLoadState('networkidle')
    const found = await inspectPage(page)
    // No CSP here: the handlers run, and the scan sees every smuggled attribute.
    expect(found).toEqual(
      expect.arrayContaining([
        'payload raw ran',
        'payload name ran',
        '<img onerror="__xss(\'raw\')">',
        '<a hx-on:click="__xss(\'raw\')">',
        '<a hx-get="/xss-probe/raw">',
        '<iframe src="javascript:__xss(\'body-iframe\')">',
        '<a href="javascript:__xss(\'body-href\')">',
        '<div hx-on::load="__xss(\'body-hxon\')">',
        '<div data-hx-on:click="__xss(\'body-data\')">',
        '<a hx-get="xss-probe-name">',
      ]),
    )
    expect(requests.some((r) => r.includes('/xss-probe/raw'))).toBe(true)
    expect(requests.some((r) => r.includes('xss.invalid'))).toBe(true)
    await page.close()
  })

  it('refuses a colour that is not #rrggbb, so no actor colour carries markup or CSS', () => {
    for (const colour of ['red;background:url(http://xss.invalid)', '#123456"><script>']) {
      expect(() => parseActorDefs([{ id: 'x', colour, aliases: ['X'] }], 'actors')).toThrow(
        /colour written #rrggbb/,
      )
    }
  })

  it('runs nothing from the folder, its file names, front matter, actors and bodies', async () => {
    const cid = COLLECTION_ID
    const c = (path: string) => `/c/${cid}${path}`
    const [a1, a2, a3] = slugs
    const inLibrary: Visit[] = [
      '/collections',
      '/',
      c('/'),
      c('/?page=1'),
      c(`/?article=${a1}&actor=russia`),
    ].map((path): Visit => ({ path }))
    // Each article's page opened; its other views too for the first, parsed for the others.
    const articleViews = (id: string, i: number, path: (p: string) => string): Visit[] => [
      { path: path(`/articles/${id}`) },
      ...[
        `/articles/${id}?actor=west&layers=loaded,hedging,quotes,naming,frames`,
        `/articles/${id}/evidence?actor=russia`,
        `/articles/${id}/cues?measure=naming&actor=russia`,
        `/articles/${id}/cues?measure=loaded`,
      ].map((p): Visit => ({ path: path(p), render: i === 0 ? 'page' : 'parse' })),
    ]
    inLibrary.push(
      ...slugs.flatMap((id, i) => [
        ...articleViews(id, i, c),
        { path: c(`/manage/articles/${id}/edit`) },
        { path: c(`/manage/articles/${id}/delete`), render: 'parse' as const },
      ]),
      ...[
        c(`/compare?ids=${a1},${a2},${a3}`),
        c(`/compare?ids=${a1},${a2}&actor=west&article=${a1}&tone=russia`),
        c(
          `/compare?ids=${a1},${a2}&article=${a2}&measure=sources&category=${categoriesOf('sources')![0]}`,
        ),
        c('/terms?q=script'),
        c('/terms?q=onerror'),
        c('/terms?q=russia'),
        c('/trends'),
        c('/trends?by=week'),
        c('/trends?by=outlet'),
        c(`/trends?by=outlet&group=${q(`Outlet ${payload('outlet')}`)}`),
        c('/manage'),
        c('/manage/actors'),
        c('/manage/delete'),
        c('/methods'),
        c('/teach'),
        c('/teach/make'),
        c('/teach/who-is-the-villain'),
        c('/teach/who-is-the-villain/key'),
        c('/teach/who-is-the-villain/worksheet'),
        c(`/ask?label=China&names=${q(`China, ${payload('names')}`)}`),
      ].map((path): Visit => ({ path })),
    )
    const inCorpusApp: Visit[] = [
      ...stems.flatMap((id, i) => articleViews(q(id), i, (p) => p)),
      ...[
        '/',
        `/compare?${idsQuery(stems)}`,
        `/compare?${idsQuery(stems.slice(0, 2))}&article=${q(stems[1]!)}&tone=west`,
        '/terms?q=xss',
        '/methods',
        '/teach',
        '/teach/make',
        '/teach/whose-voice',
        `/api/articles/${q(stems[0]!)}`,
      ].map((path): Visit => ({ path })),
    ]
    const found = (
      await Promise.all([
        visitAll(context, library.url, inLibrary, 3),
        visitAll(context, corpusApp.url, inCorpusApp, 2),
      ])
    ).flat()
    expect(found).toStrictEqual([])

    // The data did arrive, escaped: the overview lists the refused files by name.
    const overview = await (await fetch(`${library.url}${c('/')}`)).text()
    expect(overview).toContain('refused1')
    expect(overview).toContain('&lt;img src=x onerror=__xss(')
  }, 120_000)

  it('runs nothing from any query parameter, and answers unreadable ones with a 4xx', async () => {
    const [a1, a2] = slugs as [string, string]
    const ids = `ids=${a1},${a2}`
    const bad = q(payload('path'))
    const visits: Visit[] = [
      // The overview and an article.
      ...fuzz('/', ['article', 'actor', 'page', 'unknown']),
      ...fuzz('/', ['page'], `article=${a1}&actor=russia`),
      ...fuzz(`/articles/${a1}`, ['layers', 'actor', 'measure', 'category', 'unknown']),
      ...fuzz(`/articles/${a1}`, ['category'], 'measure=naming&actor=russia'),
      ...fuzz(`/articles/${a1}`, ['actor'], 'measure=frames'),
      ...fuzz(`/articles/${a1}/evidence`, ['actor']),
      ...fuzz(`/articles/${a1}/cues`, ['measure', 'category', 'actor']),
      ...fuzz(`/articles/${a1}/cues`, ['category'], 'measure=sources'),
      // Compare: the ids and every part of an open evidence drawer.
      ...fuzz('/compare', ['ids', 'actor']),
      ...fuzz('/compare', ['actor', 'article', 'tone', 'measure', 'category', 'about'], ids),
      ...fuzz('/compare', ['tone'], `${ids}&article=${a1}`),
      ...fuzz('/compare', ['measure', 'category', 'about'], `${ids}&article=${a1}`),
      ...fuzz('/terms', ['q', 'unknown']),
      { path: `/terms?q=${'x'.repeat(5000)}` },
      ...fuzz('/methods', ['unknown']),
      // Teaching: the builder, a lesson's tools and its reveal.
      ...fuzz(
        '/teach/make',
        ['title', 'goal', 'intro', 'questions', 'articles', 'actors', 'spot'],
        'check=1',
      ),
      ...fuzz('/teach/make/lesson.json', ['title', 'articles']),
      ...fuzz('/teach/who-is-the-villain/what-if', ['article', 'find', 'replace', 'drop']),
      ...fuzz('/teach/who-is-the-villain/what-if', ['replace', 'drop'], 'find=Russia'),
      ...fuzz('/teach/who-is-the-villain/spot', ['article', 'kind', 'm', 'check']),
      ...fuzz('/teach/who-is-the-villain/spot', ['m'], 'kind=loaded&check=1'),
      ...fuzz('/teach/who-is-the-villain/reveal', [
        'p.putin-in-pyongyang.russia',
        'p.putin-in-pyongyang.west',
      ]),
      // The JSON API and the exports (their errors are JSON).
      ...fuzz('/api/compare', ['ids']),
      ...fuzz('/export/actor-tone-by-article.svg', ['ids', 'id', 'q', 'actor']),
      ...fuzz('/export/term-hits-by-article.svg', ['q']),
      ...fuzz('/export/frame-shares.csv', ['id', 'actor']),
      ...fuzz('/export/compare.json', ['ids']),
      ...fuzz('/export/compare.html', ['ids']),
      // The library's own pages.
      ...fuzz('/collections', ['done']),
      ...fuzz(`/c/${COLLECTION_ID}/manage`, ['done', 'form']),
      ...fuzz(`/c/${COLLECTION_ID}/manage/actors`, ['done']),
      ...fuzz(`/c/${COLLECTION_ID}/trends`, ['by', 'group']),
      ...fuzz(`/c/${COLLECTION_ID}/trends`, ['group'], 'by=outlet'),
      ...fuzz(`/c/${COLLECTION_ID}/ask`, ['label', 'names']),
      ...fuzz(`/c/${COLLECTION_ID}/ask`, ['names'], 'label=China'),
      ...fuzz(`/api/collections/${COLLECTION_ID}/articles`, ['offset', 'limit']),
      // A payload where a name or an id goes in the path.
      ...[
        `/${bad}`,
        `/articles/${bad}`,
        `/articles/${bad}/evidence?actor=russia`,
        `/assets/${bad}`,
        `/export/${bad}.svg`,
        `/export/${bad}`,
        `/teach/${bad}`,
        `/api/articles/${bad}`,
        `/c/${bad}/`,
        `/c/${bad}/trends`,
        `/c/${COLLECTION_ID}/manage/articles/${bad}/edit`,
        `/c/${COLLECTION_ID}/${bad}`,
      ].map((path) => ({ path })),
    ]
    const found = await visitAll(context, library.url, [
      ...visits,
      // The fragments htmx swaps in, errors included.
      ...visits
        .filter((v) => !/^\/(api|export)\//.test(v.path) && !v.path.includes('.json'))
        .map((v): Visit => ({ ...v, partial: true, render: 'parse' })),
    ])
    expect(found).toStrictEqual([])
  }, 120_000)

  it('exports SVG, PNG, CSV, JSON and the snapshot with the text escaped and nothing to run', async () => {
    const [s1, s2] = stems as [string, string]
    const base = corpusApp.url
    const compared = idsQuery([s1, s2])
    const exports: string[] = []
    for (const chart of EXPORT_CHART_NAMES) {
      for (const format of ['svg', 'png', 'csv', 'json']) {
        const query =
          chart === 'term-hits-by-article'
            ? `q=${q('__xss')}`
            : ['actor-tone', 'mentions', 'tone-rates', 'sentence-tone', 'frame-shares'].includes(
                  chart,
                )
              ? `${compared}&id=${q(s1)}${chart === 'frame-shares' ? '&actor=russia' : ''}`
              : compared
        exports.push(`/export/${chart}.${format}?${query}`)
      }
    }
    const found: string[] = []
    const page = await context.newPage()
    page.on('dialog', (d) => {
      found.push(`a dialog opened`)
      void d.dismiss()
    })
    const host = new URL(base).host
    page.on('request', (r) => {
      const problem = requestProblem(r.url(), host)
      if (problem) found.push(problem)
    })
    /** Serves `body` at a URL of the test host without the app's headers: nothing but itself. */
    let served = {
      body: Buffer.alloc(0),
      type: 'text/plain',
      headers: {} as Record<string, string>,
    }
    await page.route(`${base}/__view/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: served.type,
        body: served.body,
        headers: served.headers,
      }),
    )
    const fetched = await Promise.all(
      exports.map(async (path) => {
        const res = await fetch(base + path)
        return { path, res, body: Buffer.from(await res.arrayBuffer()) }
      }),
    )
    /** Every picture, to be shown as an <img> in one page at the end. */
    const images: { where: string; src: string }[] = []
    let svgs = 0
    for (const { path, res, body } of fetched) {
      const type = res.headers.get('content-type') ?? ''
      const where = path.slice(0, 60)
      if (res.status !== 200) {
        found.push(`${where}: status ${res.status} ${body.toString().slice(0, 200)}`)
        continue
      }
      if (res.headers.get('x-content-type-options') !== 'nosniff') found.push(`${where}: sniffable`)
      const disposition = res.headers.get('content-disposition') ?? ''
      if (!/^attachment; filename="framelens-[A-Za-z0-9._-]+"$/.test(disposition)) {
        found.push(`${where}: Content-Disposition ${disposition}`)
      }
      if (path.includes('.svg?')) {
        svgs++
        expect(type).toMatch(/^image\/svg\+xml/)
        const text = body.toString('utf8')
        // Markup is a real tag: escaped text (&lt;img … onerror=…) is not one.
        const tag =
          /<(script|foreignObject|iframe|a\b|image|use)|<[^>]*\s(on[a-z]+|hx-[a-z:-]+|href|xlink:href)\s*=|<[^>]*javascript:/i.exec(
            text,
          )
        if (tag) found.push(`${where}: markup in the SVG: ${tag[0].slice(0, 80)}`)
        // As a document of its own, with no policy to stop a script.
        served = { body, type: 'image/svg+xml', headers: {} }
        await page.goto(`${base}/__view/${svgs}.svg`)
        await page.waitForLoadState('load')
        for (const s of await inspectPage(page)) found.push(`${where} (document): ${s}`)
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll('text, tspan, title, desc')]
            .map((e) => e.textContent)
            .join(' '),
        )
        // The titles' and labels' payloads are there, as text.
        if (!/__xss/.test(shown)) found.push(`${where}: no payload text shown (escaped away?)`)
        images.push({ where, src: `data:image/svg+xml;base64,${body.toString('base64')}` })
      } else if (path.includes('.png?')) {
        expect(type).toBe('image/png')
        expect(body.subarray(1, 4).toString()).toBe('PNG')
        images.push({ where, src: `data:image/png;base64,${body.toString('base64')}` })
      } else if (path.includes('.csv?')) {
        expect(type).toMatch(/^text\/csv/)
        const text = body.toString('utf8')
        for (const line of text.split('\n')) {
          for (const cell of line.split(',')) {
            if (/^"?[=+@]/.test(cell)) found.push(`${where}: a formula cell ${cell}`)
          }
        }
      } else {
        expect(type).toMatch(/^application\/json/)
        JSON.parse(body.toString('utf8'))
      }
    }
    // Every picture as an image in a page: each loads, and nothing it holds reaches out.
    served = {
      body: Buffer.from(
        `<!doctype html>${images.map((i) => `<img alt="${i.where.replace(/"/g, '&quot;')}" src="${i.src}">`).join('')}`,
      ),
      type: 'text/html',
      headers: {},
    }
    await page.goto(`${base}/__view/images.html`)
    await page.waitForLoadState('load')
    const broken = await page.evaluate(() =>
      [...document.images].filter((i) => i.naturalWidth === 0).map((i) => i.alt),
    )
    for (const where of broken) found.push(`${where}: does not load as an image`)
    for (const s of await inspectPage(page)) found.push(`images: ${s}`)
    expect(svgs).toBe(EXPORT_CHART_NAMES.length)

    // The offline snapshot: opened as the downloaded file would be, and served as a document
    // with the policy it was served with.
    const snapshotPath = `/export/compare.html?${idsQuery(stems)}`
    const res = await fetch(base + snapshotPath)
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const raw of RAW_MARKUP) if (raw.test(html)) found.push(`snapshot: raw ${raw.source}`)
    await page.setContent(html)
    await page.waitForLoadState('load')
    for (const s of await inspectPage(page)) found.push(`snapshot (file): ${s}`)
    served = { body: Buffer.from(html), type: 'text/html', headers: {} }
    await page.goto(`${base}/__view/snapshot.html`)
    await page.waitForLoadState('load')
    for (const s of await inspectPage(page)) found.push(`snapshot (no headers): ${s}`)
    // The payloads are in it, as text.
    expect(await page.evaluate(() => document.body.textContent)).toContain("__xss('title')")
    await page.close()
    expect(found).toStrictEqual([])
  }, 90_000)
})
