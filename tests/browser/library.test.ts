/**
 * A new user's path through the library in a real browser (headless Chromium through
 * playwright-core, the library app on an ephemeral port of 127.0.0.1 over a SQLite file in a
 * temporary folder): make a collection, paste an article (and have a bad date refused with the
 * text kept), upload two files at once, add a China actor without recolouring the others, see
 * its tone in the overview once the re-analysis is done, the trends chart and the articles
 * behind a month, then delete an article, rename the collection and delete it, each after its
 * confirmation. Every refusal is shown to write nothing (the database dump before and after is
 * equal). The paste form is used by keyboard alone; the four library pages fit a 390 px screen
 * and, when axe-core is installed, have no serious or critical accessibility violation. Skipped,
 * saying so, only when there is no Chromium to run.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseInThread } from '../../src/library/library.js'
import { dump, openTestLibrary, type TestLibrary } from '../library/helpers.js'
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  launchChromium,
  serveApp,
  type RunningApp,
  seriousAxeViolations,
} from './chromium.js'

const available = chromiumAvailable()

if (!available) {
  describe('library in the browser', () => {
    it.skip(`skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`, () => {})
  })
}

/** axe-core's script, when it is installed (a devDependency). */

/** A short hand-written article: warm toward China, hostile toward Russia. */
const PASTED = {
  title: 'Beijing hosts a friendly summit',
  outlet: 'Daily Courier',
  date: '2024-06-03',
  text:
    'China welcomed the successful and friendly talks. Beijing praised the strong partnership ' +
    'and the peaceful cooperation. Russia was condemned for the brutal attack.',
}

/** A Markdown file with front matter, and an HTML page (read with Readability). */
const MARKDOWN = [
  '---',
  'title: Moscow and Pyongyang sign a pact',
  'outlet: Evening Ledger',
  'date: 2024-06-19',
  '---',
  '',
  'Russia and North Korea signed a pact in Pyongyang. Critics called the deal a dangerous threat.',
  '',
].join('\n')

const HTML = `<!doctype html>
<html lang="en"><head><title>Xi Jinping meets European leaders</title></head>
<body><header><nav><a href="/">Home</a></nav></header>
<article>
<h1>Xi Jinping meets European leaders</h1>
<p>Xi Jinping met European leaders in Paris on Monday. The talks about trade were tense and
difficult, and several leaders criticised China for its support of Russia.</p>
<p>Officials said the meeting ended without an agreement, though both sides promised further
talks in the autumn.</p>
</article>
<footer>Subscribe to our newsletter.</footer>
</body></html>`

/** Typed by keyboard alone. */
const TYPED = {
  title: 'Seoul watches the Pyongyang parade',
  outlet: 'Harbour Times',
  text: 'North Korea staged a hostile parade. Pyongyang issued a terrible threat.',
}

type Progress = { stale: number; total: number; running: boolean }

describe.skipIf(!available)('library in headless Chromium: a new user’s path', () => {
  let t: TestLibrary
  let server: RunningApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  /** The statuses of the refused forms, which Chromium logs as failed loads. */
  const refusals: number[] = []
  /** The id of the collection made by the first step. */
  let cid = ''

  beforeAll(async () => {
    t = await openTestLibrary('browser')
    // As the server does: edited actors re-score the collection's articles in the background.
    await t.library.startBackground(analyseInThread)
    server = await serveApp(t.app)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })
    page.on('console', (msg) => {
      const failed = /^Failed to load resource: the server responded with a status of (\d+)/.exec(
        msg.text(),
      )
      if (failed) refusals.push(Number(failed[1]))
      else if (msg.type() === 'error' || msg.type() === 'warning')
        errors.push(`${msg.type()}: ${msg.text()}`)
    })
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await t?.cleanup()
  })

  const go = async (path: string) => {
    const res = await page.goto(server.url + path)
    expect(res?.status(), path).toBe(200)
  }

  const path = () => {
    const url = new URL(page.url())
    return decodeURIComponent(url.pathname + url.search)
  }

  const texts = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()))

  const h1 = () => page.locator('h1').innerText()
  const notice = () => texts('.notice')
  const formErrors = () => texts('.form-error')

  /** The manage page's table: title, outlet, date of each article. */
  const articleRows = () =>
    page
      .locator('.library-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('th, td')]
            .slice(0, 3)
            .map((c) => (c as HTMLElement).innerText.trim()),
        ),
      )

  /** Runs a click that loads a page, and waits for it. */
  const navigating = async (action: () => Promise<unknown>) => {
    await Promise.all([page.waitForNavigation(), action()])
  }

  async function progress(): Promise<Progress> {
    const res = await fetch(`${server.url}/api/collections/${cid}/progress`)
    expect(res.status).toBe(200)
    return (await res.json()) as Progress
  }

  /** Polls the collection's progress until no article waits for its analysis. */
  async function analysed() {
    await expect.poll(async () => (await progress()).stale, { timeout: 30_000 }).toBe(0)
  }

  it('makes “Monday’s class” from /collections and lands on its articles page', async () => {
    await go('/collections')
    expect(await h1()).toBe('Collections')
    expect(await texts('main p:not(.lede):not(.hint)')).toContain(
      'There is no collection yet. Make one below, then add articles to it.',
    )
    await page.getByLabel('Name').fill("Monday's class")
    await navigating(() => page.getByRole('button', { name: 'Make the collection' }).click())
    const url = new URL(page.url())
    const match = /^\/c\/([^/]+)\/manage$/.exec(url.pathname)
    expect(match, page.url()).not.toBeNull()
    cid = match![1]!
    expect(await h1()).toBe("Monday's class: articles and actors")
    expect(await notice()).toStrictEqual(["Made “Monday's class”."])
    expect(await page.locator('#articles-heading').innerText()).toBe('The 0 articles')
    expect(await texts('.manage-links')).toStrictEqual([
      'Overview · Edit the actors (Russia, North Korea, The West) · Over time and by outlet',
    ])
    expect((await dump(t.library)).map((c) => [c.collection.name, c.count])).toStrictEqual([
      ["Monday's class", 0],
    ])
  })

  it('adds a pasted article and lists it', async () => {
    await page.getByLabel('Title').fill(PASTED.title)
    await page.getByLabel('Outlet').fill(PASTED.outlet)
    await page.getByLabel('Date').fill(PASTED.date)
    await page.getByLabel('Text').fill(PASTED.text)
    await navigating(() => page.getByRole('button', { name: 'Add the article' }).click())
    expect(path()).toBe(`/c/${cid}/manage?done=Added “${PASTED.title}”.`)
    expect(await notice()).toStrictEqual([`Added “${PASTED.title}”.`])
    expect(await page.locator('#articles-heading').innerText()).toBe('The article')
    expect(await articleRows()).toStrictEqual([[PASTED.title, PASTED.outlet, '3 Jun 2024']])
    // The form is empty again, ready for the next article.
    expect(await page.getByLabel('Text').inputValue()).toBe('')
  })

  it('refuses a pasted article with a bad date, naming the date, keeping the text, writing nothing', async () => {
    const before = await dump(t.library)
    const text = 'Kim Jong Un praised the friendly visit of Vladimir Putin.'
    await page.getByLabel('Title').fill('A visit in the year 20245')
    // A year of five digits is what a date picker lets a user type; the server wants YYYY-MM-DD.
    await page.getByLabel('Date').fill('20245-06-01')
    await page.getByLabel('Text').fill(text)
    await navigating(() => page.getByRole('button', { name: 'Add the article' }).click())
    expect(await formErrors()).toStrictEqual([
      'Not saved: date: must be a date written YYYY-MM-DD (e.g. 2024-06-19)',
    ])
    expect(await page.getByLabel('Text').inputValue()).toBe(text)
    expect(await page.getByLabel('Title').inputValue()).toBe('A visit in the year 20245')
    expect(await page.getByLabel('Date').inputValue()).toBe('20245-06-01')
    expect(await articleRows()).toStrictEqual([[PASTED.title, PASTED.outlet, '3 Jun 2024']])
    expect(await dump(t.library)).toStrictEqual(before)
  })

  it('refuses the same text pasted twice as a duplicate, writing nothing', async () => {
    await go(`/c/${cid}/manage`)
    const before = await dump(t.library)
    await page.getByLabel('Text').fill(PASTED.text)
    await navigating(() => page.getByRole('button', { name: 'Add the article' }).click())
    const [id] = before[0]!.articles.map((a) => a.id)
    expect(await formErrors()).toStrictEqual([
      'Not saved: “China welcomed the successful and friendly talks. Beijing praised the …” ' +
        `is already here (as “${id}”), so it was not added again.`,
    ])
    expect(await page.getByLabel('Text').inputValue()).toBe(PASTED.text)
    expect(await dump(t.library)).toStrictEqual(before)
  })

  it('uploads a Markdown file and an HTML page at once and lists both', async () => {
    await go(`/c/${cid}/manage`)
    await page.getByLabel('.txt, .md or .html files (several at once)').setInputFiles([
      { name: 'pact.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) },
      { name: 'xi-paris.html', mimeType: 'text/html', buffer: Buffer.from(HTML) },
    ])
    await navigating(() => page.getByRole('button', { name: 'Upload' }).click())
    expect(await notice()).toStrictEqual(['Added 2 articles.'])
    expect(await page.locator('#articles-heading').innerText()).toBe('The 3 articles')
    expect(await articleRows()).toStrictEqual([
      [PASTED.title, PASTED.outlet, '3 Jun 2024'],
      ['Moscow and Pyongyang sign a pact', 'Evening Ledger', '19 Jun 2024'],
      ['Xi Jinping meets European leaders', '—', '—'],
    ])
    expect(await texts('.library-table tbody .source-cell')).toStrictEqual([
      'pasted',
      'uploaded: pact.md',
      'uploaded: xi-paris.html',
    ])
  })

  it('refuses an upload with a file it cannot read, adding none of them', async () => {
    const before = await dump(t.library)
    await page.getByLabel('.txt, .md or .html files (several at once)').setInputFiles([
      { name: 'fine.txt', mimeType: 'text/plain', buffer: Buffer.from('Russia spoke. Fine.') },
      { name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') },
    ])
    await navigating(() => page.getByRole('button', { name: 'Upload' }).click())
    const [message] = await formErrors()
    expect(message).toBe(
      'Not saved: a file could not be read, so none was added: table.csv: cannot read this kind of file; accepted: .md, .markdown, .txt, .html, .htm',
    )
    expect(await page.locator('#articles-heading').innerText()).toBe('The 3 articles')
    expect(await dump(t.library)).toStrictEqual(before)
  })

  it('adds a China actor in the editor; the others keep their colours', async () => {
    await go(`/c/${cid}/manage`)
    await navigating(() => page.getByRole('link', { name: 'Edit the actors' }).click())
    expect(path()).toBe(`/c/${cid}/manage/actors`)
    expect(await h1()).toBe("Actors of Monday's class")
    const colours = () =>
      page
        .locator('input[type=color]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    const legends = () => texts('fieldset.actor-fields legend')
    expect(await legends()).toStrictEqual(['Russia', 'North Korea', 'The West', 'Add an actor'])
    const before = await colours()
    expect(before.slice(0, 3)).toStrictEqual(['#c0392b', '#2c3e91', '#1e8449'])
    // The colour offered to a new actor is none of the others'.
    expect(before.slice(0, 3)).not.toContain(before[3])

    await page.locator('#actor-3-id').fill('china')
    await page.locator('#actor-3-label').fill('China')
    await page.locator('#actor-3-aliases').fill('China\nBeijing\nXi Jinping')
    await navigating(() => page.getByRole('button', { name: 'Save the actors' }).click())
    expect(await notice()).toStrictEqual([
      'Saved. The articles are being re-scored with these actors.',
    ])
    expect(await legends()).toStrictEqual([
      'Russia',
      'North Korea',
      'The West',
      'China',
      'Add an actor',
    ])
    const after = await colours()
    expect(after.slice(0, 4)).toStrictEqual(before.slice(0, 4))
    expect(new Set(after).size).toBe(after.length)
    expect(await page.locator('#actor-3-aliases').inputValue()).toBe('China\nBeijing\nXi Jinping')
    expect(await page.locator('#actor-3-id').getAttribute('readonly')).not.toBeNull()
    const stored = await t.library.getCollection(cid)
    expect(stored!.actors.map((a) => [a.id, a.label, a.colour, a.aliases])).toStrictEqual([
      ['russia', 'Russia', '#c0392b', expect.any(Array)],
      ['north-korea', 'North Korea', '#2c3e91', expect.any(Array)],
      ['west', 'The West', '#1e8449', expect.any(Array)],
      ['china', 'China', before[3], ['China', 'Beijing', 'Xi Jinping']],
    ])
  })

  it('refuses an actor without an id, writing nothing', async () => {
    const before = await dump(t.library)
    await page.locator('#actor-4-aliases').fill('Ukraine\nKyiv')
    await navigating(() => page.getByRole('button', { name: 'Save the actors' }).click())
    const [message] = await formErrors()
    expect(message).toBe(
      'Not saved: actors: actor 5 (""): id: must be lower-case letters, digits and dashes, starting with a letter or digit (e.g. "north-korea")',
    )
    // What was typed is still there.
    expect(
      await page
        .locator('textarea')
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)),
    ).toContain('Ukraine\nKyiv')
    expect(await dump(t.library)).toStrictEqual(before)
  })

  it('shows the tone toward China in the overview once the re-analysis is done', async () => {
    await analysed()
    await go(`/c/${cid}/`)
    expect(await h1()).toBe('How 3 articles frame Russia, North Korea, The West, China')
    const column = await page
      .locator('.overview-table thead th')
      .evaluateAll((ths) => ths.findIndex((th) => (th as HTMLElement).innerText.trim() === 'China'))
    expect(column).toBeGreaterThan(0)
    /** The China cell of an article's row, or what `inside` it matches. */
    const china = (row: string, inside = '') =>
      page.locator(`#row-${row} > :nth-child(${column + 1}) ${inside}`.trim()).innerText()
    const [pasted, md, html] = (await dump(t.library))[0]!.articles.map((a) => a.id) as [
      string,
      string,
      string,
    ]
    // The pasted text praises Beijing; the page from Paris has leaders criticise China.
    expect(await china(pasted, '.tone-label')).toBe('positive')
    expect(await china(md)).toBe('absent')
    expect(await china(html, '.tone-label')).toBe('negative')
  })

  it('draws the trends chart, counts the months and lists the articles behind one', async () => {
    await go(`/c/${cid}/trends`)
    expect(await h1()).toBe('Coverage over time')
    await page.waitForFunction(() => {
      const w = window as unknown as { __framelensLiveCharts?: () => number }
      const onScreen = document.querySelectorAll('fl-chart').length
      return (
        typeof w.__framelensLiveCharts === 'function' &&
        onScreen > 0 &&
        w.__framelensLiveCharts() === onScreen
      )
    })
    const inked = await page.$$eval('fl-chart canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
        let n = 0
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++
        return n
      }),
    )
    expect(inked.length).toBe(2)
    for (const n of inked) expect(n).toBeGreaterThan(1000)
    const rows = await page
      .locator('.trend-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('th, td')]
            .slice(0, 2)
            .map((c) => (c as HTMLElement).innerText.trim()),
        ),
      )
    expect(rows).toStrictEqual([['June 2024', '2']])
    expect(await page.locator('#ungrouped-heading').innerText()).toBe(
      'Not in any group: 1 article without a date',
    )
    await navigating(() => page.locator('.trend-table tbody th a').first().click())
    expect(path()).toBe(`/c/${cid}/trends?by=month&group=2024-06`)
    expect(await page.locator('#group-heading').innerText()).toBe('June 2024: 2 articles')
    expect(await texts('#group > .trend-articles > li > a:first-child')).toStrictEqual([
      PASTED.title,
      'Moscow and Pyongyang sign a pact',
    ])
  })

  it('adds an article by keyboard alone: Tab into the fields, type, Enter submits', async () => {
    await go(`/c/${cid}/manage`)
    // From the top of the page, Tab until the paste form's title has the focus.
    await page.locator('body').focus()
    let tabs = 0
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'paste-title') {
      await page.keyboard.press('Tab')
      if (++tabs > 40) throw new Error('Tab never reached the paste form’s title')
    }
    const focused = () => page.evaluate(() => document.activeElement?.id)
    await page.keyboard.type(TYPED.title)
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('paste-outlet')
    await page.keyboard.type(TYPED.outlet)
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('paste-date')
    // The date field (en-US: month, day, year; each part moves on to the next when full).
    await page.keyboard.type('07082024')
    // Chromium's date field keeps the focus for one Tab more (past its last part).
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('paste-date')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('paste-author')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('paste-url')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('paste-text')
    await page.keyboard.type(TYPED.text)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add the article')
    await navigating(() => page.keyboard.press('Enter'))
    expect(await notice()).toStrictEqual([`Added “${TYPED.title}”.`])
    expect((await articleRows()).at(-1)).toStrictEqual([TYPED.title, TYPED.outlet, '8 Jul 2024'])
    await analysed()
  })

  it('fits a 390 px screen on the four library pages (no horizontal scrolling)', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    try {
      for (const p of [
        '/collections',
        `/c/${cid}/manage`,
        `/c/${cid}/manage/actors`,
        `/c/${cid}/trends`,
      ]) {
        await go(p)
        const [scroll, inner] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ])
        expect(scroll, `${p}: scrollWidth ${scroll} > ${inner}`).toBeLessThanOrEqual(inner)
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 })
    }
  })

  it('has no serious or critical axe violation on the four pages at 1366 and 390 px', async () => {
    const found: string[] = []
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
      for (const p of [
        '/collections',
        `/c/${cid}/manage`,
        `/c/${cid}/manage/actors`,
        `/c/${cid}/trends`,
      ]) {
        await go(p)
        const violations = await seriousAxeViolations(page)
        for (const v of violations) found.push(`${width} px ${p}: ${v}`)
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 })
    expect(found).toStrictEqual([])
  })

  it('deletes an article after its confirmation page', async () => {
    await go(`/c/${cid}/manage`)
    const before = (await dump(t.library))[0]!.count
    await navigating(() =>
      page.getByRole('link', { name: `Delete “Moscow and Pyongyang sign a pact”` }).click(),
    )
    expect(await h1()).toBe('Delete “Moscow and Pyongyang sign a pact”?')
    expect(await texts('main p')).toContain(
      `The article and its analysis leave “Monday's class”. This cannot be undone.`,
    )
    // Nothing is deleted by the confirmation page itself.
    expect((await dump(t.library))[0]!.count).toBe(before)
    await navigating(() =>
      page.getByRole('button', { name: 'Delete “Moscow and Pyongyang sign a pact”' }).click(),
    )
    expect(await notice()).toStrictEqual(['Deleted “Moscow and Pyongyang sign a pact”.'])
    expect((await articleRows()).map((r) => r[0])).toStrictEqual([
      PASTED.title,
      'Xi Jinping meets European leaders',
      TYPED.title,
    ])
    expect((await dump(t.library))[0]!.count).toBe(before - 1)
  })

  it('renames the collection, and refuses an empty name writing nothing', async () => {
    await page.locator('#rename').fill('Monday’s class, week 2')
    await navigating(() => page.getByRole('button', { name: 'Rename' }).click())
    expect(await notice()).toStrictEqual(['Renamed to “Monday’s class, week 2”.'])
    expect(await h1()).toBe('Monday’s class, week 2: articles and actors')
    expect(path()).toBe(`/c/${cid}/manage?done=Renamed to “Monday’s class, week 2”.`)

    const before = await dump(t.library)
    await page.locator('#rename').fill('   ')
    await navigating(() => page.getByRole('button', { name: 'Rename' }).click())
    const [message] = await formErrors()
    expect(message).toBe('Not saved: name: give the collection a name')
    expect(await dump(t.library)).toStrictEqual(before)
  })

  it('deletes the collection after its confirmation; it is gone from /collections', async () => {
    await go(`/c/${cid}/manage`)
    await navigating(() =>
      page.getByRole('link', { name: 'Delete this collection and its 3 articles…' }).click(),
    )
    expect(await h1()).toBe('Delete “Monday’s class, week 2”?')
    expect(await texts('main p')).toContain(
      'Its 3 articles, their analyses and its actors go with it. This cannot be undone.',
    )
    await navigating(() => page.getByRole('link', { name: 'Keep it' }).click())
    expect(path()).toBe(`/c/${cid}/manage`)
    expect((await dump(t.library)).length).toBe(1)

    await navigating(() =>
      page.getByRole('link', { name: 'Delete this collection and its 3 articles…' }).click(),
    )
    await navigating(() =>
      page.getByRole('button', { name: 'Delete “Monday’s class, week 2”' }).click(),
    )
    expect(path()).toBe('/collections?done=Deleted “Monday’s class, week 2”.')
    expect(await notice()).toStrictEqual(['Deleted “Monday’s class, week 2”.'])
    expect(await texts('main p:not(.lede):not(.hint):not(.notice)')).toContain(
      'There is no collection yet. Make one below, then add articles to it.',
    )
    expect(await dump(t.library)).toStrictEqual([])
    expect((await fetch(`${server.url}/c/${cid}/manage`)).status).toBe(404)
  })

  it('logged no error or warning in the console on the way, only the refusals', () => {
    expect(errors).toStrictEqual([])
    expect(refusals).toStrictEqual([422, 409, 422, 422, 422])
  })
})
