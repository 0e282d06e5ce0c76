/**
 * Every exportable chart as PNG and SVG, read back as an image viewer and an XML tool would: the
 * PNG has 2× the picture's CSS size, is opaque white at its corners (a solid background, not
 * transparency) and is drawn on (many colours, a fair share of non-white pixels), and the SVG has
 * the same CSS size and carries, as text, the title, each legend label, the definition of the
 * measure and the source line (articles, export date, "Framelens").
 */
import { describe, expect, it } from 'vitest'
import { chartArtifact, exportDate } from '../../src/export/artifacts.js'
import {
  EXPORT_CHARTS,
  EXPORT_CHART_NAMES,
  resolveSelection,
  type ExportQuery,
} from '../../src/export/charts.js'
import { renderChart, PNG_PIXEL_RATIO } from '../../src/export/render.js'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { createStore } from '../../src/corpus-store.js'
import { ACTOR_DEFS, fixtureArticles, fixtureStore } from '../app/fixtures.js'
import { collapse, decodePng, parseSvg, pngSize } from './helpers.js'

const store = fixtureStore()
const NOW = new Date('2025-05-11T09:30:00Z')
const label = (id: string) => ACTOR_DEFS.find((a) => a.id === id)!.label!

/** Each chart with the query a page would use, and the legend labels its picture must show. */
const CASES: { chart: string; query: ExportQuery; legend: string[] }[] = [
  {
    chart: 'actor-tone-by-article',
    query: { ids: ['alpha,beta,gamma'] },
    legend: ['Russia', 'North Korea', 'The West'],
  },
  { chart: 'actor-tone-by-article', query: {}, legend: ['Russia', 'North Korea', 'The West'] },
  {
    chart: 'mention-share-by-article',
    query: { ids: ['alpha,beta'] },
    legend: ['Russia', 'North Korea', 'The West'],
  },
  // Every fixture article but zeta has a sign; the legend names the signs drawn.
  { chart: 'document-tone-by-article', query: {}, legend: ['positive', 'negative'] },
  // beta names all three actors, so each has a bar and a legend entry in its colour.
  { chart: 'actor-tone', query: { id: 'beta' }, legend: ['Russia', 'North Korea', 'The West'] },
  {
    chart: 'actor-tone',
    query: { id: 'alpha', ids: ['alpha,beta'] },
    legend: [label('russia'), label('west')],
  },
  { chart: 'mentions', query: { id: 'beta' }, legend: ['Russia', 'North Korea', 'The West'] },
  { chart: 'tone-rates', query: { id: 'alpha' }, legend: ['positive', 'negative'] },
  {
    // alpha has a brutal sentence and a generous one: both signs.
    chart: 'sentence-tone',
    query: { id: 'alpha' },
    legend: ['Framelens score: positive', 'Framelens score: negative', 'sentiment package'],
  },
  { chart: 'frame-shares', query: { id: 'alpha' }, legend: ['whole article'] },
  {
    chart: 'frame-shares',
    query: { id: 'beta', ids: ['alpha,beta'], actor: 'north-korea' },
    legend: ['whole article', 'sentence parts naming North Korea'],
  },
  { chart: 'term-hits-by-article', query: { q: 'sanctions' }, legend: ['occurrences'] },
  // The comparison's headline: one actor's tone (bars) and mentions (diamonds) across articles.
  {
    chart: 'actor-across-articles',
    query: { ids: ['alpha,beta'], actor: 'west' },
    legend: ['tone toward The West', 'mentions of The West'],
  },
]

describe('the cases cover the registry', () => {
  it('has at least one case per exportable chart', () => {
    expect(new Set(CASES.map((c) => c.chart))).toEqual(new Set(EXPORT_CHART_NAMES))
  })
})

describe.each(CASES)('$chart $query', ({ chart: name, query, legend }) => {
  const chart = EXPORT_CHARTS.get(name)!

  it('PNG: 2× the CSS size, opaque white corners, drawn on', async () => {
    const selection = await resolveSelection(store, chart, query, 'png')
    const size = chart.size(store, selection)
    const png = await chartArtifact(store, name, 'png', query, NOW)
    const svg = await chartArtifact(store, name, 'svg', query, NOW)
    const body = png.body as Buffer
    const { width, height } = pngSize(body)
    const svgDoc = parseSvg(svg.body.toString())
    expect(width).toBe(size.width * PNG_PIXEL_RATIO)
    // The caption and the source line are added below the chart, so the SVG says the height.
    expect(svgDoc.width).toBe(size.width)
    expect(height).toBe(svgDoc.height * PNG_PIXEL_RATIO)
    expect(svgDoc.height).toBeGreaterThan(size.chartHeight)

    const image = await decodePng(body)
    expect(image.width).toBe(width)
    for (const [x, y] of [
      [0, 0],
      [width - 1, 0],
      [0, height - 1],
      [width - 1, height - 1],
    ] as const) {
      expect(image.pixel(x, y), `pixel ${x},${y}`).toEqual([255, 255, 255, 255])
    }
    // Bars in actor or sign colours, grey grid lines, antialiased text: far more than a few.
    expect(image.colours).toBeGreaterThan(50)
    expect(image.inked).toBeGreaterThan(0.02)
  })

  it('SVG: title, legend labels, the definition and the source line as text', async () => {
    const selection = await resolveSelection(store, chart, query, 'svg')
    const spec = chart.spec(store, selection)
    const svg = await chartArtifact(store, name, 'svg', query, NOW)
    expect(svg.contentType).toBe('image/svg+xml; charset=utf-8')
    const doc = parseSvg(svg.body.toString())
    expect(doc.allText).toContain(collapse(spec.title))
    expect(doc.title).toBe(spec.title)
    for (const entry of legend) expect(doc.texts, `legend "${entry}"`).toContain(entry)
    // Wrapped over lines, never cut: the whole sentence is there.
    expect(doc.allText).toContain(collapse(spec.howComputed))
    expect(doc.allText).toContain(`Source: Framelens, exported ${exportDate(NOW)}.`)
    for (const article of selection.articles) {
      expect(doc.allText).toContain(`“${article.digest.title}”`)
    }
    expect(doc.allText).toContain(chart.categoryAxis)
  })
})

describe('long text', () => {
  it('wraps a long definition and source over lines inside the width instead of cutting them', async () => {
    const chart = EXPORT_CHARTS.get('actor-tone-by-article')!
    const selection = await resolveSelection(store, chart, {}, 'svg')
    const spec = chart.spec(store, selection)
    spec.howComputed = 'A very long definition that goes on and on. '.repeat(12).trim()
    const source = `Source: ${'“A headline that is far too long to fit on one line” (Outlet); '.repeat(6)}`
    const picture = await renderChart(spec, 'svg', { width: 600, chartHeight: 400, source })
    const doc = parseSvg(picture.body.toString())
    expect(doc.allText).toContain(collapse(spec.howComputed))
    expect(doc.allText).toContain(collapse(source))
    // Several lines each, and the picture grows to hold them.
    const lines = doc.texts.filter((t) => /definition|headline/.test(t))
    expect(lines.length).toBeGreaterThan(4)
    expect(picture.height).toBeGreaterThan(400 + lines.length * 15)
  })

  it('draws whole headlines as axis labels, not the page’s three-line cut with an ellipsis', async () => {
    const title =
      'Russian President Vladimir Putin touched down in the hermit kingdom of North Korea for talks that Washington watched with alarm'
    const long = createStore(
      [
        parseArticleText(`---\ntitle: ${title}\n---\n\nPutin met Kim.\n`, 'long.md', 'md'),
        ...fixtureArticles().slice(0, 2),
      ],
      ACTOR_DEFS,
    )
    const chart = EXPORT_CHARTS.get('actor-tone-by-article')!
    const selection = await resolveSelection(long, chart, {}, 'svg')
    const labels = chart.spec(long, selection).config.data.labels as string[][]
    expect(labels[0]!.join(' ')).toBe(title)
    expect(labels[0]!.join(' ')).not.toContain('…')
    const svg = await chartArtifact(long, 'actor-tone-by-article', 'svg', {}, NOW)
    expect(parseSvg(svg.body.toString()).allText).toContain(title)
  })
})
