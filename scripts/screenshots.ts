/**
 * Takes the README's screenshots: serves the dashboard on the bundled corpus, opens the overview
 * and a comparison in headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) and writes
 * PNGs to docs/screenshots/. Run with `npm run screenshots`.
 */
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { createApp } from '../src/app.js'
import { loadStore } from '../src/corpus-store.js'
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  launchChromium,
  serveApp,
} from '../tests/browser/chromium.js'

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))

/** Waits until every <fl-chart> on the page has a live Chart.js instance. */
async function chartsDrawn(page: Page) {
  await page.waitForFunction(() => {
    const w = window as unknown as { __framelensLiveCharts?: () => number }
    const onScreen = document.querySelectorAll('fl-chart').length
    return (
      typeof w.__framelensLiveCharts === 'function' &&
      onScreen > 0 &&
      w.__framelensLiveCharts() === onScreen
    )
  })
}

async function main() {
  if (!chromiumAvailable()) {
    console.error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    )
    process.exit(1)
  }
  await mkdir(OUT, { recursive: true })
  const store = await loadStore()
  const server = await serveApp(createApp(store))
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    })
    const shots: [string, string][] = [
      ['overview.png', '/'],
      [
        'compare.png',
        `/compare?ids=${store.articles
          .slice(0, 3)
          .map((a) => a.id)
          .join(',')}`,
      ],
      ['article.png', `/articles/${store.articles[0]!.id}`],
    ]
    for (const [file, path] of shots) {
      await page.goto(server.url + path)
      await chartsDrawn(page)
      await page.screenshot({ path: OUT + file, fullPage: true })
      console.log(`docs/screenshots/${file} ← ${path}`)
    }
    // A narrow screen, to check that charts and tables fit a phone.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(server.url + '/')
    await chartsDrawn(page)
    await page.screenshot({ path: OUT + 'overview-narrow.png', fullPage: true })
    console.log('docs/screenshots/overview-narrow.png ← / at 390 px')
  } finally {
    await browser.close()
    await server.close()
  }
}

await main()
