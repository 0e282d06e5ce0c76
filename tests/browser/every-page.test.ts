/**
 * Every page of the dashboard, as `npm start` serves it (the library app, the bundled collection
 * at the root), at a laptop's 1366 px and a phone's 390 px: nothing reaches past the window's
 * width, and axe-core finds no serious or critical violation (label-content-name-mismatch
 * included). The pages that need more than a URL to show (an open drawer, a reveal) are checked
 * where they are tested: compare-usability, library and teach.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDefaultActors } from '../../src/corpus/actors.js'
import { bootstrap, BUNDLED_COLLECTION } from '../../src/library/bootstrap.js'
import { openTestLibrary, type TestLibrary } from '../library/helpers.js'
import { launchChromium, seriousAxeViolations, serveApp, type RunningApp } from './chromium.js'

const C = `/c/${BUNDLED_COLLECTION.id}`
const FIVE = 'crab-dumplings,kim-going-to-russia,putin-in-pyongyang,two-reasons,vlad-kim-deal'

const PAGES = [
  '/',
  '/?article=crab-dumplings&actor=russia',
  '/articles/putin-in-pyongyang',
  '/articles/putin-in-pyongyang?measure=loaded&category=name-calling',
  '/compare',
  `/compare?ids=${FIVE}`,
  `/compare?ids=${FIVE}&actor=north-korea`,
  '/terms?q=dictator',
  '/methods',
  '/collections',
  `${C}/manage`,
  `${C}/manage/actors`,
  `${C}/trends`,
  `${C}/trends?by=outlet`,
  `${C}/ask?label=Ukraine&names=Ukraine,%20Kyiv`,
  '/teach',
  '/nowhere',
  '/articles/putin-in-pyongyang/what-if',
  `${C}/articles/putin-in-pyongyang/what-if?find=regime&replace=government&epithet=despot&swap=leader&drop=2`,
  '/teach/harshest-first',
]

const SIZES = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '390', viewport: { width: 390, height: 844 } },
]

describe('every page at 1366 and 390 px', () => {
  let library: TestLibrary
  let server: RunningApp
  let browser: Browser

  beforeAll(async () => {
    library = await openTestLibrary('every-page')
    await bootstrap(library.library, { actors: loadDefaultActors })
    server = await serveApp(library.app)
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await library?.cleanup()
  })

  async function check(page: Page) {
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }))
    const serious = await seriousAxeViolations(page)
    return { width, serious }
  }

  for (const size of SIZES) {
    it(`has no sideways scroll and no serious axe violation at ${size.name} px`, async () => {
      const found: string[] = []
      for (const path of PAGES) {
        const page = await browser.newPage({ viewport: size.viewport })
        await page.goto(server.url + path)
        await page.waitForLoadState('networkidle')
        const { width, serious } = await check(page)
        if (width.scroll > width.window) {
          found.push(`${path}: ${width.scroll} px wide in a ${width.window} px window`)
        }
        for (const v of serious) found.push(`${path}: ${v}`)
        await page.close()
      }
      expect(found).toEqual([])
    }, 240_000)
  }
})
