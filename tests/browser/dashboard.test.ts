/**
 * The dashboard in a real browser (headless Chromium through playwright-core, the app on an
 * ephemeral port): charts are drawn, htmx swaps parts of the page without reloading it and keeps
 * the URL in step, back and forward restore the view, nothing is logged as an error, swaps never
 * leak Chart.js instances, and a chart's download links save a real PNG and SVG. Skipped, saying
 * so, only when there is no Chromium to run.
 */
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { loadStore, type MemoryStore } from '../../src/corpus-store.js'
import { EXPORT_CHARTS } from '../../src/export/charts.js'
import { parseSvg, pngSize } from '../export/helpers.js'
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  launchChromium,
  serveApp,
  type RunningApp,
} from './chromium.js'

const available = chromiumAvailable()

if (!available) {
  describe('browser tests', () => {
    it.skip(`skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`, () => {})
  })
}

type FramelensWindow = Window & { __framelensLiveCharts: () => number; __marker?: string }

describe.skipIf(!available)('dashboard in headless Chromium', () => {
  let store: MemoryStore
  let server: RunningApp
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    store = await loadStore()
    server = await serveApp(createApp(store))
    browser = await launchChromium()
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(path: string) {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    errors = []
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning')
        errors.push(`${msg.type()}: ${msg.text()}`)
    })
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
    await page.goto(server.url + path)
    await chartsSettled()
  }

  afterEach(async () => {
    expect(errors, 'console errors').toEqual([])
    await page?.close()
  })

  /** Every <fl-chart> on screen has exactly one live Chart instance, and no other instance lives. */
  async function chartsSettled() {
    await page.waitForFunction(() => {
      const w = window as unknown as FramelensWindow
      const onScreen = document.querySelectorAll('fl-chart').length
      return typeof w.__framelensLiveCharts === 'function' && w.__framelensLiveCharts() === onScreen
    })
  }

  const liveAndOnScreen = () =>
    page.evaluate(() => [
      (window as unknown as FramelensWindow).__framelensLiveCharts(),
      document.querySelectorAll('fl-chart').length,
    ])

  const path = () => {
    const url = new URL(page.url())
    return decodeURIComponent(url.pathname + url.search)
  }

  /** A marker on window disappears with a full page load, so its survival proves a swap. */
  const setMarker = () =>
    page.evaluate(() => ((window as unknown as FramelensWindow).__marker = 'still here'))
  const marker = () => page.evaluate(() => (window as unknown as FramelensWindow).__marker ?? null)

  const ids = () => store.articles.map((a) => a.id)

  it('draws every chart of the overview (no blank canvas)', async () => {
    await open('/')
    const painted = await page.$$eval('fl-chart canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
        let inked = 0
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++
        return { width: c.width, height: c.height, inked }
      }),
    )
    expect(painted).toHaveLength(3)
    for (const canvas of painted) {
      expect(canvas.width).toBeGreaterThan(100)
      expect(canvas.height).toBeGreaterThan(100)
      expect(canvas.inked).toBeGreaterThan(1000)
    }
    expect(await liveAndOnScreen()).toEqual([3, 3])
  })

  it('shows the evidence behind a bar when it is clicked, without reloading, and pushes the URL', async () => {
    await open('/')
    await setMarker()
    const first = ids()[0]!
    // The first bar of the first dataset: tone toward the first actor in the first article.
    const point = await page.evaluate(() => {
      const el = document.querySelector('#chart-actor-tone-by-article') as HTMLElement & {
        chart: {
          getDatasetMeta: (i: number) => {
            data: { getCenterPoint: () => { x: number; y: number } }[]
          }
        }
      }
      const rect = el.querySelector('canvas')!.getBoundingClientRect()
      const centre = el.chart.getDatasetMeta(0).data[0]!.getCenterPoint()
      return { x: rect.left + centre.x, y: rect.top + centre.y }
    })
    await page.mouse.click(point.x, point.y)
    await page.waitForSelector('#evidence .evidence-panel')
    expect(path()).toBe(`/?article=${first}&actor=${store.actors[0]!.id}`)
    expect(await marker()).toBe('still here')
    const clauses = await page.$$eval('#evidence .evidence', (els) => els.length)
    expect(clauses).toBe(store.get(first)!.detail.actors[store.actors[0]!.id]!.evidence.length)

    await page.goBack()
    await page.waitForSelector('#evidence .hint')
    expect(path()).toBe('/')
    await chartsSettled()
    expect(await liveAndOnScreen()).toEqual([3, 3])
  })

  it('swaps the compare columns when articles are chosen, updates the URL, and restores on back/forward', async () => {
    const [a, b, c] = ids()
    await open(`/compare?ids=${a},${b}`)
    await setMarker()
    expect(await page.getAttribute('.cmp-grid', 'data-ids')).toBe(`${a},${b}`)

    // With a comparison shown, the checkboxes are folded behind one control.
    await page.click('.picker-menu > summary')
    await page.check(`#compare-form input[value="${c}"]`)
    await page.waitForSelector(`.cmp-grid[data-ids="${a},${b},${c}"]`)
    expect(path()).toBe(`/compare?ids=${a},${b},${c}`)
    expect(await marker()).toBe('still here')
    await chartsSettled()
    // The headline, then four charts per column: tone, mentions, document tone, frames.
    expect(await liveAndOnScreen()).toEqual([13, 13])

    await page.selectOption('#compare-actor', 'west')
    await page.waitForSelector('.evidence-head:has-text("The West")')
    expect(path()).toBe(`/compare?ids=${a},${b},${c}&actor=west`)

    await page.goBack()
    await page.waitForSelector('.evidence-head:has-text("Russia")')
    expect(path()).toBe(`/compare?ids=${a},${b},${c}`)
    await page.goBack()
    await page.waitForSelector(`.cmp-grid[data-ids="${a},${b}"]`)
    expect(path()).toBe(`/compare?ids=${a},${b}`)
    // The restored page is the server's view of that URL: the third box is unchecked again.
    expect(await page.isChecked(`#compare-form input[value="${c}"]`)).toBe(false)
    await chartsSettled()
    expect(await liveAndOnScreen()).toEqual([9, 9])

    await page.goForward()
    await page.waitForSelector(`.cmp-grid[data-ids="${a},${b},${c}"]`)
    expect(path()).toBe(`/compare?ids=${a},${b},${c}`)
    expect(await page.isChecked(`#compare-form input[value="${c}"]`)).toBe(true)
    expect(await marker()).toBe('still here')
    await chartsSettled()
  })

  it('keeps one live chart per chart on screen after 20 swaps', async () => {
    const [a, b, c, d] = ids()
    await open(`/compare?ids=${a},${b}`)
    await setMarker()
    await page.click('.picker-menu > summary')
    const checked = new Set([a, b])
    for (let i = 0; i < 20; i++) {
      // c and d take turns: on, on, off, off, so the columns go 2 → 3 → 4 → 3 → 2 → …
      const extra = i % 2 === 0 ? c! : d!
      if (checked.has(extra)) checked.delete(extra)
      else checked.add(extra)
      const shown = ids()
        .filter((id) => checked.has(id))
        .join(',')
      // One step a swap, waited for on a condition and never on a clock: the box is clicked (its
      // change event is what htmx listens to), then the step ends when the new columns are in and
      // every chart on screen has its one live instance, so no swap starts while one is pending.
      await page.click(`#compare-form input[value="${extra}"]`)
      await page.waitForFunction((ids) => {
        const w = window as unknown as FramelensWindow
        const grid = document.querySelector(`.cmp-grid[data-ids="${ids}"]`)
        return (
          grid !== null &&
          w.__framelensLiveCharts() === document.querySelectorAll('fl-chart').length
        )
      }, shown)
      expect(path()).toBe(`/compare?ids=${shown}`)
    }
    const [live, onScreen] = await liveAndOnScreen()
    expect(live).toBe(onScreen)
    expect(onScreen).toBeGreaterThan(0)
    expect(await marker()).toBe('still here')
  })

  it('opens the words behind a frames count and a hedging rate in the drawer, without reloading', async () => {
    const all = ids()
    await open(`/compare?ids=${all.join(',')}`)
    await setMarker()
    expect(await page.isVisible('#cue-drawer')).toBe(false)
    const chartsBefore = await liveAndOnScreen()

    const article = 'two-reasons'
    const frames = store.get(article)!.detail.framing.frames
    await page.click(
      `.cmp-cell[data-section=frames][data-article=${article}] tr[data-category=security-defence] td a`,
    )
    await page.waitForSelector('#cues .cue-panel[data-measure=frames]')
    expect(path()).toBe(
      `/compare?ids=${all.join(',')}&article=${article}&measure=frames&category=security-defence`,
    )
    expect(await page.isVisible('#cue-drawer')).toBe(true)
    expect(await page.$$eval('#cues mark.cue-frames[data-hit]', (els) => els.length)).toBe(
      frames.article['security-defence']!.count,
    )

    await page.click(`.cmp-cell[data-section=hedging][data-article=${article}] .rate a`)
    await page.waitForSelector('#cues .cue-panel[data-measure=hedging]')
    expect(path()).toBe(`/compare?ids=${all.join(',')}&article=${article}&measure=hedging`)
    expect(await page.$$eval('#cues mark.cue-hedging[data-hit]', (els) => els.length)).toBe(
      store.get(article)!.detail.framing.hedging.count,
    )
    // A hit says what it is on keyboard focus too (a key press first: the clicks made the mouse
    // the last input, and :focus-visible follows the keyboard).
    await page.keyboard.press('Shift')
    const shown = await page.evaluate(() => {
      const mark = document.querySelector('#cues mark.cue-hedging') as HTMLElement
      mark.focus()
      return { title: mark.title, after: getComputedStyle(mark, '::after').content }
    })
    expect(shown.title).toMatch(/^Hedge: “.+”/)
    expect(shown.after).toBe(JSON.stringify(shown.title))

    expect(await marker()).toBe('still here')
    await chartsSettled()
    expect(await liveAndOnScreen()).toEqual(chartsBefore)

    // Back restores the previous evidence, and the close link empties the drawer.
    await page.goBack()
    await page.waitForSelector('#cues .cue-panel[data-measure=frames]')
    await page.click('#cue-drawer .close')
    await page.waitForFunction(() => document.querySelector('#cues')?.children.length === 0)
    expect(path()).toBe(`/compare?ids=${all.join(',')}`)
    expect(await page.isVisible('#cue-drawer')).toBe(false)
    await chartsSettled()
    const [live, onScreen] = await liveAndOnScreen()
    expect(live).toBe(onScreen)
  })

  it('opens a frame’s evidence when its bar is clicked, as the table’s count does', async () => {
    const [a, b] = ids()
    await open(`/compare?ids=${a},${b}`)
    await setMarker()
    const point = await page.evaluate((id) => {
      const el = document.querySelector(`#chart-frame-shares-${id}`) as HTMLElement & {
        chart: {
          getDatasetMeta: (i: number) => {
            data: { getCenterPoint: () => { x: number; y: number } }[]
          }
        }
      }
      el.scrollIntoView()
      const rect = el.querySelector('canvas')!.getBoundingClientRect()
      // The first frame's bar for the whole article.
      const bar = el.chart.getDatasetMeta(0).data[0]!.getCenterPoint()
      return { x: rect.left + bar.x, y: rect.top + bar.y }
    }, a!)
    await page.mouse.click(point.x, point.y)
    await page.waitForSelector('#cues .cue-panel[data-measure=frames]')
    expect(path()).toBe(
      `/compare?ids=${a},${b}&article=${a}&measure=frames&category=security-defence`,
    )
    expect(await marker()).toBe('still here')
  })

  it('turns text layers on and off in place, keeping the open evidence and the URL in step', async () => {
    await open('/articles/two-reasons?measure=hedging')
    await setMarker()
    expect(await page.$$eval('.article-text mark.cue-frames', (els) => els.length)).toBe(0)
    await page.check('#layer-frames')
    await page.waitForSelector('.article-text mark.cue-frames')
    expect(path()).toBe('/articles/two-reasons?measure=hedging&layers=loaded,hedging,quotes,frames')
    expect(await marker()).toBe('still here')
    // The evidence stayed open, and the box keeps the keyboard focus after the redraw.
    expect(await page.$$eval('#evidence mark.cue-hedging[data-hit]', (els) => els.length)).toBe(8)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('layer-frames')
    await page.uncheck('#layer-loaded')
    await page.waitForFunction(() => !document.querySelector('.article-text mark.cue-loaded'))
    expect(path()).toBe('/articles/two-reasons?measure=hedging&layers=hedging,quotes,frames')
    await chartsSettled()
  })

  it('shows a scored word’s value on keyboard focus as well as on hover', async () => {
    await open(`/articles/${ids()[0]}`)
    const shown = await page.evaluate(() => {
      const mark = document.querySelector('.article-text mark.w') as HTMLElement
      mark.focus()
      return { title: mark.title, after: getComputedStyle(mark, '::after').content }
    })
    expect(shown.title).toMatch(/=/)
    expect(shown.after).toBe(JSON.stringify(shown.title))
  })

  it('saves a chart of a compare column as PNG and SVG from its download links, staying on the page', async () => {
    const [a, b] = ids() as [string, string]
    await open(`/compare?ids=${a},${b}`)
    await setMarker()
    const links = page.locator(`figure:has(#chart-actor-tone-${b}) .downloads`)
    // The four links sit behind one "Download" control per chart.
    await links.locator('summary').click()

    /** Clicks the link of `format` and reads the file Chromium saved. */
    async function download(format: 'png' | 'svg') {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        links.locator(`a[data-format=${format}]`).click(),
      ])
      expect(file.suggestedFilename()).toBe(`framelens-actor-tone-${b}.${format}`)
      expect(await file.failure()).toBeNull()
      return readFile((await file.path())!)
    }

    const png = await download('png')
    // The picture of the column as the export registry sizes it, at twice the pixel density.
    const articles = [store.get(a)!, store.get(b)!]
    const size = EXPORT_CHARTS.get('actor-tone')!.size(store, {
      articles,
      full: articles,
      article: articles[1],
      compared: true,
    })
    const { width, height } = pngSize(png)
    expect(width).toBe(2 * size.width)
    // The chart, then its definition and source lines below it.
    expect(height).toBeGreaterThan(2 * size.chartHeight)

    const svg = parseSvg((await download('svg')).toString('utf8'))
    expect(svg.allText).toContain('How kind or harsh the words about each actor are (tone)')
    expect(svg.allText).toContain(store.get(b)!.detail.title)

    // Attachments: the page stays where it was, its charts alive.
    expect(await marker()).toBe('still here')
    expect(path()).toBe(`/compare?ids=${a},${b}`)
    await chartsSettled()
  })

  it('prints a comparison as a worksheet: no navigation, form or download links, its address at the foot', async () => {
    const [a, b, c] = ids()
    await open(`/compare?ids=${a},${b}`)
    // A swap changes the address; the foot of the printout must follow it.
    await page.click('.picker-menu > summary')
    await page.check(`#compare-form input[value="${c}"]`)
    await page.waitForSelector(`.cmp-grid[data-ids="${a},${b},${c}"]`)
    await page.emulateMedia({ media: 'print' })
    for (const hidden of ['header.site', '#compare-form', '.downloads', 'footer.site']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false)
    }
    expect(await page.isVisible('#print-source')).toBe(true)
    expect(await page.textContent('#print-source')).toContain(
      `${server.url}/compare?ids=${a},${b},${c} ·`,
    )
    // Three columns still fit side by side.
    const tops = await page.$$eval('.cmp-head', (els) =>
      els.map((el) => el.getBoundingClientRect().top),
    )
    expect(new Set(tops).size).toBe(1)
    await chartsSettled()
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('searches terms as you type, swapping only the results', async () => {
    await open('/terms')
    await setMarker()
    await page.fill('#q', 'dictator')
    await page.waitForSelector('.result-count')
    expect(path()).toBe('/terms?q=dictator')
    expect(await marker()).toBe('still here')
    const total = (await store.searchTerms('dictator')).results.reduce(
      (n, k) => n + k.lines.length,
      0,
    )
    expect(await page.getAttribute('.result-count', 'data-total')).toBe(String(total))
    await chartsSettled()
  })
})
