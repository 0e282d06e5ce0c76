/**
 * The download links the pages put under their charts, and the print footer: every chart a page
 * draws can be exported under its own name, its links ask for exactly what the page shows (the
 * column of a comparison on the comparison's scales, the chosen actor's frames, the term
 * searched), and each link answers with a file of the right type. The offline snapshot, which
 * reuses the comparison's markup, has no download links: nothing there would answer them.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { snapshotArtifact } from '../../src/export/artifacts.js'
import { EXPORT_CHART_NAMES } from '../../src/export/charts.js'
import { compareExportUrl, exportUrl, type ExportQuery } from '../../src/export/urls.js'
import { expectFragment, html, type Doc } from './helpers.js'
import { fixtureStore, HX_PARTIAL } from './fixtures.js'

const store = fixtureStore()
const app = createApp(store)

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

interface ChartDownloads {
  name: string
  /** Format → href of the figure's download links, in the order shown. */
  links: [string, string][]
  labels: string[]
}

/** Each `<fl-chart>` of the page with the download links of the figure around it. */
function chartDownloads(doc: Doc): ChartDownloads[] {
  return [...doc.querySelectorAll('fl-chart')].map((chart) => {
    const anchors = [...chart.closest('figure')!.querySelectorAll('.downloads a')]
    return {
      name: chart.getAttribute('data-chart-name') ?? '',
      links: anchors.map((a) => [a.getAttribute('data-format')!, a.getAttribute('href')!]),
      labels: anchors.map((a) => a.getAttribute('aria-label')!),
    }
  })
}

/** The links the figure of chart `name` must have: the four formats of one export query. */
const expectedLinks = (name: string, query: ExportQuery): [string, string][] =>
  (['png', 'svg', 'csv', 'json'] as const).map((f) => [f, exportUrl(name, f, query)])

/** Asks for each URL once and checks it is a file of its extension's type. */
async function expectFiles(urls: Iterable<string>) {
  for (const url of new Set(urls)) {
    const res = await app.request(url)
    expect(res.status, url).toBe(200)
    const ext = new URL(url, 'http://x').pathname.split('.').pop()!
    expect(res.headers.get('content-type'), url).toBe(CONTENT_TYPES[ext])
    expect(res.headers.get('content-disposition'), url).toMatch(/^attachment; filename="framelens-/)
  }
}

async function page(path: string) {
  return (await html(await app.request(path))).doc
}

describe('download links under every chart', () => {
  it('the overview: the corpus charts, whole corpus, no query', async () => {
    const found = chartDownloads(await page('/'))
    expect(found.map((c) => c.name)).toEqual([
      'actor-tone-by-article',
      'mention-share-by-article',
      'document-tone-by-article',
    ])
    for (const c of found) expect(c.links).toEqual(expectedLinks(c.name, {}))
    await expectFiles(found.flatMap((c) => c.links.map(([, href]) => href)))
  })

  it('an article page: each chart of that article, by its id', async () => {
    const found = chartDownloads(await page('/articles/beta'))
    expect(found.map((c) => c.name)).toEqual([
      'actor-tone',
      'mentions',
      'tone-rates',
      'sentence-tone',
      'frame-shares',
    ])
    for (const c of found) expect(c.links).toEqual(expectedLinks(c.name, { id: 'beta' }))
    await expectFiles(found.flatMap((c) => c.links.map(([, href]) => href)))
  })

  it('a comparison: each column on the shared scales, frames of the chosen actor even by default', async () => {
    const doc = await page('/compare?ids=alpha,beta')
    const [headline, ...found] = chartDownloads(doc)
    // The headline chart first: the chosen actor (named even when it is the default) across both.
    expect(headline!.name).toBe('actor-across-articles')
    expect(headline!.links).toEqual(
      expectedLinks('actor-across-articles', { ids: ['alpha', 'beta'], actor: 'russia' }),
    )
    await expectFiles(headline!.links.map(([, href]) => href))
    expect(found).toHaveLength(8)
    const ids = ['alpha', 'beta']
    found.forEach((c, i) => {
      const id = ids[i % 2]!
      // Russia is the default actor: the page's URL leaves it out, the export must not.
      const query = c.name === 'frame-shares' ? { id, ids, actor: 'russia' } : { id, ids }
      expect(c.links, `${c.name} of ${id}`).toEqual(expectedLinks(c.name, query))
    })
    await expectFiles(found.flatMap((c) => c.links.map(([, href]) => href)))

    const whole = [...doc.querySelectorAll('.compare-downloads a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(whole).toEqual([compareExportUrl('json', ids), compareExportUrl('html', ids)])
    await expectFiles(whole as string[])
  })

  it('a comparison with another actor chosen: the frames follow it', async () => {
    const found = chartDownloads(await page('/compare?ids=gamma,alpha,beta&actor=west'))
    const frames = found.filter((c) => c.name === 'frame-shares')
    expect(frames.map((c) => c.links[0]![1])).toEqual(
      ['gamma', 'alpha', 'beta'].map((id) =>
        exportUrl('frame-shares', 'png', { id, ids: ['gamma', 'alpha', 'beta'], actor: 'west' }),
      ),
    )
  })

  it('the term explorer: the term searched', async () => {
    const found = chartDownloads(await page('/terms?q=sanctions'))
    expect(found.map((c) => c.name)).toEqual(['term-hits-by-article'])
    expect(found[0]!.links).toEqual(expectedLinks('term-hits-by-article', { q: 'sanctions' }))
    await expectFiles(found[0]!.links.map(([, href]) => href))
  })

  it('names every chart by a name the export knows, on every page', async () => {
    const docs = await Promise.all(
      ['/', '/articles/alpha', '/compare?ids=alpha,beta,gamma', '/terms?q=Kim'].map(page),
    )
    const names = docs.flatMap((doc) => chartDownloads(doc).map((c) => c.name))
    expect(names.length).toBe(3 + 5 + (1 + 12) + 1)
    for (const name of names) expect(EXPORT_CHART_NAMES).toContain(name)
  })

  it('are plain download links whose names say which chart and what comes out', async () => {
    const doc = await page('/compare?ids=alpha,beta')
    const figure = doc.querySelector('#chart-actor-tone-alpha')!.closest('figure')!
    const anchors = [...figure.querySelectorAll('.downloads a')]
    expect(anchors.map((a) => a.textContent)).toEqual(['PNG', 'SVG', 'CSV', 'JSON'])
    for (const a of anchors) {
      expect(a.hasAttribute('download')).toBe(true)
      expect([...a.attributes].some((attr) => attr.name.startsWith('hx-'))).toBe(false)
    }
    // Each name starts with the word on screen (axe's label-content-name-mismatch), then says
    // which chart and what comes out; the four sit behind one "Download" control per chart.
    expect(chartDownloads(doc)[1]!.labels).toEqual([
      'PNG picture of the chart “How kind or harsh the words about each actor are (tone)” for “Moscow and the West”',
      'SVG picture of the chart “How kind or harsh the words about each actor are (tone)” for “Moscow and the West”',
      'CSV data behind the chart “How kind or harsh the words about each actor are (tone)” for “Moscow and the West”',
      'JSON data behind the chart “How kind or harsh the words about each actor are (tone)” for “Moscow and the West”',
    ])
    const menu = figure.querySelector('details.downloads > summary')!
    expect(menu.textContent).toBe('Download')
    expect(menu.getAttribute('aria-label')).toBe(
      'Download the chart “How kind or harsh the words about each actor are (tone)” for “Moscow and the West”',
    )
    const overview = chartDownloads(await page('/'))[0]!
    expect(overview.labels[0]).toBe(
      'PNG picture of the chart “How kind or harsh the words about each actor are, by article (tone)”',
    )
  })

  it('come with the columns when htmx swaps them', async () => {
    const res = await app.request('/compare?ids=alpha&ids=gamma', { headers: HX_PARTIAL })
    const { text, doc } = await html(res)
    expectFragment(text)
    expect(chartDownloads(doc).every((c) => c.links.length === 4)).toBe(true)
    expect(doc.querySelector('.compare-downloads a')!.getAttribute('href')).toBe(
      compareExportUrl('json', ['alpha', 'gamma']),
    )
  })

  it('are left out of the offline snapshot, where no server would answer them', async () => {
    const snapshot = await snapshotArtifact(store, ['alpha', 'beta'], new Date('2024-05-01'))
    const body = String(snapshot.body)
    expect(body).toContain('<fl-chart')
    expect(body).not.toContain('class="downloads')
    expect(body).not.toContain('/export/')
  })
})

describe('the foot of a printout', () => {
  it('names the page by its canonical address, and where the measures are defined', async () => {
    const doc = await page('/compare?ids=alpha&ids=beta&actor=west')
    expect(doc.querySelector('#print-source')!.textContent).toBe(
      'Framelens · http://localhost/compare?ids=alpha,beta&actor=west · How each number is computed: http://localhost/methods',
    )
  })

  it('follows the address when htmx swaps the view and pushes a new one', async () => {
    const res = await app.request('/compare?ids=alpha&ids=gamma', { headers: HX_PARTIAL })
    const { doc } = await html(res)
    const source = doc.querySelector('#print-source')!
    expect(source.getAttribute('hx-swap-oob')).toBe('true')
    expect(source.textContent).toContain('http://localhost/compare?ids=alpha,gamma ·')
  })
})
