/**
 * The comparison snapshot: one HTML file that needs nothing else. Read as text, it references no
 * file and no host (no `src`, no stylesheet link, no dashboard URL left in a link). Opened from a
 * file:// URL in headless Chromium with the network off (offline, and every non-file request
 * aborted and recorded), it draws every visible chart, shows highlighted evidence for each actor,
 * and logs no error. Skipped, saying so, only when there is no Chromium to run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotArtifact } from '../../src/export/artifacts.js'
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../browser/chromium.js'
import { ACTOR_DEFS, fixtureStore } from '../app/fixtures.js'
import { parseHtml, text } from '../app/helpers.js'

const store = fixtureStore()
const IDS = ['alpha', 'beta', 'gamma']
const NOW = new Date('2025-05-11T09:30:00Z')

describe('the snapshot as a file', () => {
  it('inlines everything: no script src, no stylesheet link, no dashboard link left', async () => {
    const { body, filename, contentType } = await snapshotArtifact(store, [IDS.join(',')], NOW)
    const html = String(body)
    expect(filename).toBe('framelens-compare-alpha_beta_gamma.html')
    expect(contentType).toBe('text/html; charset=utf-8')
    const doc = parseHtml(html)
    expect(doc.querySelectorAll('script[src], link[href], img[src], iframe').length).toBe(0)
    const hrefs = [...doc.querySelectorAll('[href]')].map((el) => el.getAttribute('href')!)
    for (const href of hrefs) expect(href, href).toMatch(/^(#|https?:\/\/)/)
    expect(doc.querySelectorAll('[hx-get], [hx-target], [hx-swap-oob]').length).toBe(0)
    // Chart.js itself, the chart element, and the chart configs in their attributes.
    expect(html).toContain('customElements.define(')
    expect(html).toMatch(/Chart\.js v4/)
    expect(doc.querySelectorAll('fl-chart[data-chart]').length).toBeGreaterThan(6)
    // What was compared, when, and by what.
    expect(doc.querySelector('h1')?.textContent).toContain('Comparison of 3 articles')
    expect(html).toContain('Exported from Framelens on 11 May 2025')
    expect(text(doc, '.snapshot-articles strong')).toEqual(
      IDS.map((id) => store.get(id)!.detail.title),
    )
    // The comparison page's tables, once for every actor: tone and mentions per actor, and the
    // distinctive terms; each actor's section has its frames and evidence only.
    expect(doc.querySelectorAll('.snapshot-comparison table.cmp-actors').length).toBe(IDS.length)
    expect(doc.querySelectorAll('section.snapshot-actor table.cmp-actors').length).toBe(0)
    expect(html).toContain('Words typical of each article, against the other columns')
    // One section per actor, each with its evidence, and no id used twice.
    for (const actor of ACTOR_DEFS) {
      expect(doc.querySelector(`section#actor-${actor.id}`), actor.id).not.toBeNull()
    }
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.getAttribute('id'))
    expect(new Set(ids).size).toBe(ids.length)
  })
})

const available = chromiumAvailable()

if (!available) {
  describe('snapshot in a browser', () => {
    it.skip(`skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`, () => {})
  })
}

type SnapshotWindow = Window & { __framelensLiveCharts: () => number }

describe.skipIf(!available)('the snapshot in headless Chromium with the network off', () => {
  let dir: string
  let url: string
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const blocked: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'framelens-snapshot-'))
    const { body, filename } = await snapshotArtifact(store, [IDS.join(',')], NOW)
    const file = join(dir, filename)
    await writeFile(file, body)
    url = pathToFileURL(file).href
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.setOffline(true)
    await context.route('**', (route) => {
      const requested = route.request().url()
      if (requested.startsWith('file:')) return route.continue()
      blocked.push(requested)
      return route.abort()
    })
    page = await context.newPage()
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text())
    })
    page.on('pageerror', (err) => errors.push(err.message))
    await page.goto(url)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  /** For each visible chart: whether its canvas has any painted pixel. */
  const visibleChartsPainted = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('fl-chart canvas')]
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .map((c) => {
          const canvas = c as HTMLCanvasElement
          if (canvas.width === 0 || canvas.height === 0) return false
          // Read a copy: reading the chart's own context makes Chromium warn about readbacks.
          const copy = document.createElement('canvas')
          copy.width = canvas.width
          copy.height = canvas.height
          const ctx = copy.getContext('2d', { willReadFrequently: true })!
          ctx.drawImage(canvas, 0, 0)
          const { data } = ctx.getImageData(0, 0, copy.width, copy.height)
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true
          return false
        }),
    )

  it('draws every chart on screen, one Chart.js instance per chart, with nothing fetched', async () => {
    await page.waitForFunction(
      () =>
        typeof (window as unknown as SnapshotWindow).__framelensLiveCharts === 'function' &&
        (window as unknown as SnapshotWindow).__framelensLiveCharts() ===
          document.querySelectorAll('fl-chart').length,
    )
    const painted = await visibleChartsPainted()
    // The three charts of all articles, the columns' three charts each, the first actor's frames.
    expect(painted.length).toBeGreaterThanOrEqual(3 + 3 * 4)
    expect(painted.every(Boolean)).toBe(true)
    expect(blocked).toEqual([])
    expect(errors).toEqual([])
  })

  it('shows the first actor’s evidence with its words highlighted', async () => {
    const first = ACTOR_DEFS[0]!.id
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('section.snapshot-actor')]
        .filter((s) => (s as HTMLElement).offsetParent !== null)
        .map((s) => s.id),
    )
    expect(visible).toEqual([`actor-${first}`])
    const marks = await page
      .locator(`#actor-${first} .evidence-list mark`)
      .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)
    expect(marks).toBeGreaterThan(0)
  })

  it('switches to another actor through its link, and draws that section’s charts', async () => {
    await page.click('nav.snapshot-actors a[href="#actor-north-korea"]')
    await page.waitForFunction(() => location.hash === '#actor-north-korea')
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('section.snapshot-actor')]
        .filter((s) => (s as HTMLElement).offsetParent !== null)
        .map((s) => s.id),
    )
    expect(visible).toEqual(['actor-north-korea'])
    // Charts that were created hidden are drawn once their section shows (Chart.js resizes).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#actor-north-korea fl-chart canvas')].every(
        (c) => (c as HTMLCanvasElement).width > 0,
      ),
    )
    const painted = await visibleChartsPainted()
    expect(painted.length).toBeGreaterThanOrEqual(3 * 4)
    expect(painted.every(Boolean)).toBe(true)
    const marks = await page.locator('#actor-north-korea .evidence-list mark').count()
    expect(marks).toBeGreaterThan(0)
    expect(blocked).toEqual([])
    expect(errors).toEqual([])
  })
})
