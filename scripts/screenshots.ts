/**
 * Takes the README's screenshots: serves the dashboard on the bundled corpus, opens the overview
 * and a comparison in headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) and writes
 * PNGs to docs/screenshots/. Then a collection of one's own: eight short hand-written articles
 * over three months and three outlets, with a China actor added to the default ones, stored in a
 * throw-away SQLite file and served by the library app; its trends page and its articles page.
 * Run with `npm run screenshots`; `npm run screenshots -- library` takes only the library's.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { createApp } from '../src/app.js'
import { loadStore } from '../src/corpus-store.js'
import { loadDefaultActors } from '../src/corpus/actors.js'
import { analyseInThread, Library } from '../src/library/library.js'
import { createLibraryApp } from '../src/library-app.js'
import { SqliteStorage } from '../src/store/index.js'
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

/** The collection of the library's screenshots: short articles, written for it. */
const CLASS_ARTICLES = [
  {
    title: 'Beijing hosts a friendly trade summit',
    outlet: 'Daily Courier',
    date: '2024-04-04',
    text: 'China welcomed the successful and friendly talks. Beijing praised the strong partnership and the peaceful cooperation with its neighbours.',
  },
  {
    title: 'Moscow courts Pyongyang',
    outlet: 'Evening Ledger',
    date: '2024-04-18',
    text: 'Russia sent a delegation to Pyongyang. Critics condemned the dangerous deal, and North Korea praised the visit as a great success.',
  },
  {
    title: 'A missile test alarms the region',
    outlet: 'Harbour Times',
    date: '2024-04-29',
    text: 'North Korea fired a missile in a reckless and hostile test. China called for calm and urged restraint, while Russia blocked a statement at the UN.',
  },
  {
    title: 'Xi Jinping meets European leaders in Paris',
    outlet: 'Daily Courier',
    date: '2024-05-07',
    text: 'Xi Jinping met European leaders in Paris. The talks were tense and difficult, and several leaders criticised China for its support of Russia.',
  },
  {
    title: 'Grain deal brings relief',
    outlet: 'Evening Ledger',
    date: '2024-05-21',
    text: 'China and Russia signed a grain deal that farmers welcomed as a relief. Beijing praised the fair and stable agreement.',
  },
  {
    title: 'Sanctions tighten on Pyongyang',
    outlet: 'Harbour Times',
    date: '2024-06-03',
    text: 'North Korea faced tough new sanctions after the illegal arms transfers. Officials condemned the brutal crackdown in Pyongyang.',
  },
  {
    title: 'Putin and Kim sign a pact',
    outlet: 'Daily Courier',
    date: '2024-06-19',
    text: 'Vladimir Putin and Kim Jong Un signed a defence pact in Pyongyang. Washington warned of a grave threat; Beijing stayed silent and cautious.',
  },
  {
    title: 'China brokers a fragile truce',
    outlet: 'Evening Ledger',
    date: '2024-06-27',
    text: 'China helped broker a fragile truce that diplomats praised as a hopeful step. Russia dismissed the effort as weak and pointless.',
  },
]

const CHINA = {
  id: 'china',
  label: 'China',
  aliases: ['China', 'Chinese', 'Beijing', 'Xi Jinping'],
}

/** A collection of one's own with a China actor: its trends over time, and its articles page. */
async function libraryShots(browser: Browser) {
  const dir = await mkdtemp(join(tmpdir(), 'framelens-screenshots-'))
  const storage = new SqliteStorage(join(dir, 'library.db'))
  await storage.migrate()
  const library = new Library(storage, analyseInThread)
  const server = await serveApp(createLibraryApp(library, { defaultActors: loadDefaultActors }))
  try {
    const collection = await library.createCollection({
      name: "Monday's class",
      actors: [...(await loadDefaultActors()), CHINA],
    })
    await library.addArticles(
      collection.id,
      CLASS_ARTICLES.map((a) => ({ ...a, headline: true, source: 'pasted' })),
    )
    const page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      deviceScaleFactor: 1,
    })
    const shots: [string, string][] = [
      ['library-trends.png', `/c/${collection.id}/trends`],
      ['library-manage.png', `/c/${collection.id}/manage`],
    ]
    for (const [file, path] of shots) {
      await page.goto(server.url + path)
      if (file === 'library-trends.png') await chartsDrawn(page)
      await page.screenshot({ path: OUT + file, fullPage: true })
      console.log(`docs/screenshots/${file} ← ${path}`)
    }
  } finally {
    await server.close()
    await library.idle()
    await storage.close()
    await rm(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (!chromiumAvailable()) {
    console.error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    )
    process.exit(1)
  }
  await mkdir(OUT, { recursive: true })
  const browser = await launchChromium()
  try {
    await libraryShots(browser)
    if (process.argv[2] !== 'library') await dashboardShots(browser)
  } finally {
    await browser.close()
  }
}

/** The overview, a comparison and an article of the bundled corpus, and the overview on a phone. */
async function dashboardShots(browser: Browser) {
  const store = await loadStore()
  const server = await serveApp(createApp(store))
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
    await server.close()
  }
}

await main()
