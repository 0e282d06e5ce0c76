/**
 * Screenshots of a lesson before and after the reveal (issue 12), at 1366 and 390 px, into
 * docs/screens/: teach-before.png, teach-after.png, and the 390 px ones with `-390`. Serves the
 * bundled corpus with the teaching routes (tests/teach/app.ts) in headless Chromium.
 * Run with `npx tsx scripts/teach-screenshots.ts`.
 */
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { launchChromium, serveApp } from '../tests/browser/chromium.js'
import { bundledStore, teachApp } from '../tests/teach/app.js'

const OUT = fileURLToPath(new URL('../docs/screens/', import.meta.url))
const LESSON = 'who-is-the-villain'

async function main() {
  await mkdir(OUT, { recursive: true })
  const server = await serveApp(teachApp(await bundledStore()))
  const browser = await launchChromium()
  try {
    for (const width of [1366, 390]) {
      const suffix = width === 1366 ? '' : '-390'
      const page = await browser.newPage({
        viewport: { width, height: width === 1366 ? 1000 : 844 },
      })
      await page.goto(`${server.url}/teach/${LESSON}`)
      await page.waitForFunction(() => 'htmx' in window)
      await page.screenshot({ path: `${OUT}teach-before${suffix}.png`, fullPage: false })
      // Answer: Russia hostile, the others favourable, then reveal.
      for (const radio of await page.locator('fieldset.predict').all()) {
        const actor = (await radio.locator('legend strong').textContent()) ?? ''
        await radio
          .locator(`input[value="${actor === 'Russia' ? 'hostile' : 'favourable'}"]`)
          .check()
      }
      await page.click('.predict-form button')
      await page.waitForSelector('#reveal .reveal-item')
      await page.locator('#reveal').scrollIntoViewIfNeeded()
      await page.evaluate(() => document.querySelector('#reveal')!.scrollIntoView())
      await page.screenshot({ path: `${OUT}teach-after${suffix}.png`, fullPage: false })
      await page.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(`screenshots written to ${OUT}`)
}

await main()
