/**
 * Text from the corpus cannot forge or break the offline snapshot (issue 14, V3). Titles, outlets
 * and actor labels carry a literal `&quot;`, a `</script>` and a title crafted to close the
 * `data-chart` JSON early and add a dataset of its own (Russia at [4, 4, 4]), and an actor label
 * that would hide its bars. The snapshot is read back as a browser reads it (linkedom's HTML
 * parser; then headless Chromium itself when it is installed): every chart's `data-chart` parses
 * and equals the config the app builds for the same comparison, and every text and attribute
 * reads back exactly as written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ActorDef } from '../../src/analysis/index.js'
import {
  DECIMALS,
  actorToneInArticle,
  compareScales,
  frameShareRange,
  frameSharesInArticle,
  mentionsInArticle,
  roundTo,
  toneRatesInArticle,
} from '../../src/charts/index.js'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { createStore, type MemoryStore } from '../../src/corpus-store.js'
import { snapshotArtifact } from '../../src/export/artifacts.js'
import { EXPORT_CHARTS } from '../../src/export/charts.js'
import { chromiumAvailable, launchChromium } from '../browser/chromium.js'
import { parseHtml, text, type Doc } from '../app/helpers.js'

/** Ends the title's string and label arrays, then sets `datasets` before the real one. */
const FORGED_TITLE =
  'Deal&quot;]],&quot;datasets&quot;:[{&quot;label&quot;:&quot;Russia&quot;,&quot;data&quot;:[4,4,4]}]},&quot;junk&quot;:{&quot;a&quot;:[[&quot;'
const TITLES = [
  'Deal &quot;struck&quot;',
  FORGED_TITLE,
  '</title></script><script>alert(1)</script> & Co',
]
const OUTLETS = ['Daily &quot;Truth&quot; </script>', 'Post&quot;]],&quot;x&quot;:[&quot;', 'A & B']

const ACTORS: ActorDef[] = [
  {
    id: 'russia',
    label: 'Russia &quot;</script><script>alert(2)</script>',
    colour: '#c0392b',
    aliases: ['Russia', 'Moscow', 'Putin'],
  },
  {
    id: 'north-korea',
    label: 'North Korea &lt;b&gt;',
    colour: '#2c3e91',
    aliases: ['North Korea', 'Pyongyang', 'Kim'],
  },
  // Would add `"hidden": true` to its own datasets.
  {
    id: 'west',
    label: 'The West&quot;,&quot;hidden&quot;:true,&quot;x&quot;:&quot;',
    colour: '#1e8449',
    aliases: ['West', 'Washington', 'NATO'],
  },
]

const BODIES = [
  'Russia is a brutal and corrupt regime. The West acted wisely. Kim was proud.',
  'Kim praised Putin as a great friend. North Korea threatened the West with terrible weapons.',
  'Putin met Kim. Moscow was happy and Pyongyang was proud. NATO was angry.',
]

function hostileStore(): MemoryStore {
  const articles = TITLES.map((title, i) =>
    parseArticleText(
      // JSON strings are YAML double-quoted scalars: the front matter holds the text as it is.
      `---\ntitle: ${JSON.stringify(title)}\noutlet: ${JSON.stringify(OUTLETS[i])}\n---\n\n${BODIES[i]}\n`,
      `a${i + 1}.md`,
      'md',
    ),
  )
  return createStore(articles, ACTORS)
}

const store = hostileStore()
const IDS = ['a1', 'a2', 'a3']
const NOW = new Date('2025-05-11T09:30:00Z')

/**
 * The config the app builds for a chart of this comparison, from the chart's id: the overview's
 * `chart-<name>`, a column's `chart-<name>-<article>`, and `--actor-<actor>` for a chosen actor's.
 */
function expectedConfig(id: string, name: string): unknown {
  const articles = IDS.map((x) => store.get(x)!)
  const details = articles.map((a) => a.detail)
  const match = new RegExp(`^chart-${name}(?:-(a\\d))?(?:--actor-([a-z-]+))?$`).exec(id)
  if (!match) throw new Error(`unexpected chart id ${id}`)
  const [, articleId, actorId] = match
  const json = (config: unknown) => JSON.parse(JSON.stringify(config)) as unknown
  if (!articleId) {
    return json(
      EXPORT_CHARTS.get(name)!.spec(store, { articles, full: articles, compared: true }).config,
    )
  }
  const detail = store.get(articleId)!.detail
  const scales = compareScales(details, store.actors)
  const actor = store.actors.find((x) => x.id === actorId)
  switch (name) {
    case 'actor-tone':
      return json(actorToneInArticle(detail, store.actors, scales.tone).config)
    case 'mentions':
      return json(mentionsInArticle(detail, store.actors, scales.mentions).config)
    case 'tone-rates':
      return json(toneRatesInArticle(detail, scales.rates).config)
    case 'frame-shares':
      return json(frameSharesInArticle(detail, [actor!], frameShareRange(details, [actor!])).config)
  }
  throw new Error(`unexpected chart ${name}`)
}

interface ReadChart {
  id: string
  name: string
  source: string
}

/** Each chart's config as a browser decodes it, parsed, next to what the app builds. */
function checkCharts(charts: ReadChart[]) {
  expect(charts.length).toBeGreaterThan(10)
  for (const chart of charts) {
    let config: unknown
    expect(() => (config = JSON.parse(chart.source)), chart.id).not.toThrow()
    expect(config, chart.id).toEqual(expectedConfig(chart.id, chart.name))
  }
}

const readCharts = (doc: Doc): ReadChart[] =>
  [...doc.querySelectorAll('fl-chart')].map((el) => ({
    id: el.getAttribute('id')!,
    name: el.getAttribute('data-chart-name')!,
    source: el.getAttribute('data-chart')!,
  }))

const snapshot = async () => String((await snapshotArtifact(store, [IDS.join(',')], NOW)).body)

describe('the snapshot of articles whose text looks like markup or JSON', () => {
  it('has every chart parse, with the numbers of the analysis and not the forged ones', async () => {
    const doc = parseHtml(await snapshot())
    const charts = readCharts(doc)
    checkCharts(charts)
    // The chart the forged title aimed at: Russia's bars are its tone in each article.
    const tone = charts.filter((c) => c.name === 'actor-tone-by-article')
    expect(tone.length).toBe(1)
    const { data } = JSON.parse(tone[0]!.source) as {
      data: { labels: string[][]; datasets: { label: string; data: unknown[]; hidden?: boolean }[] }
    }
    expect(data.labels.map((lines) => lines.join(' '))).toEqual(TITLES)
    expect(data.datasets.map((d) => d.label)).toEqual(ACTORS.map((x) => x.label))
    // Rounded as the tables print tone (two decimals).
    expect(data.datasets[0]!.data).toEqual(
      IDS.map((id) => roundTo(store.get(id)!.detail.actors.russia!.tone, DECIMALS.tone)),
    )
    expect(data.datasets.some((d) => d.hidden !== undefined)).toBe(false)
  })

  it('reads back every title, outlet and label as written, and runs only its own scripts', async () => {
    const html = await snapshot()
    const doc = parseHtml(html)
    expect(doc.querySelector('title')!.textContent).toBe(
      `Framelens snapshot: ${TITLES.map((t) => `“${t}”`).join(' | ')}`,
    )
    expect(text(doc, '.snapshot-articles strong')).toEqual(TITLES)
    expect(text(doc, '.snapshot-articles .meta')).toEqual(OUTLETS)
    expect(text(doc, 'nav.snapshot-actors a')).toEqual(ACTORS.map((x) => x.label))
    // Attributes too: each column names its article, each actor link its actor.
    const titles = [...doc.querySelectorAll('.cmp-cell[data-title]')].map((el) =>
      el.getAttribute('data-title'),
    )
    expect(titles.length).toBeGreaterThan(IDS.length)
    expect(new Set(titles)).toEqual(new Set(TITLES))
    const labels = [...doc.querySelectorAll('table.cmp-actors th a[title]')].map((el) =>
      el.getAttribute('title'),
    )
    expect(new Set(labels)).toEqual(new Set(ACTORS.map((x) => `Show the evidence for ${x.label}`)))
    // Chart.js and the chart element: no script came out of a title or a label.
    expect(doc.querySelectorAll('script').length).toBe(2)
    expect(doc.querySelectorAll('main script, b').length).toBe(0)
    expect(html.match(/<\/script/gi)?.length).toBe(2)
  })
})

const available = chromiumAvailable()

describe.skipIf(!available)('the same snapshot in headless Chromium', () => {
  it('parses every chart config as the app built it, and draws each chart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'framelens-hostile-'))
    const browser = await launchChromium()
    try {
      const file = join(dir, 'snapshot.html')
      await writeFile(file, await snapshot())
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (err) => errors.push(err.message))
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text())
      })
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`)
        void dialog.dismiss()
      })
      await page.goto(pathToFileURL(file).href)
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('fl-chart')].map((el) => ({
          id: el.id,
          name: el.getAttribute('data-chart-name')!,
          source: el.getAttribute('data-chart')!,
        })),
      )
      checkCharts(charts)
      // Each one drawn: a Chart.js instance per element, none refused by the element's parser.
      await page.waitForFunction(
        (count) =>
          (
            window as unknown as { __framelensLiveCharts?: () => number }
          ).__framelensLiveCharts?.() === count,
        charts.length,
        { timeout: 10_000 },
      )
      expect(await page.title()).toBe(
        `Framelens snapshot: ${TITLES.map((t) => `“${t}”`).join(' | ')}`,
      )
      expect(errors).toEqual([])
    } finally {
      await browser.close()
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
