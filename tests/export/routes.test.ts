/**
 * `/export/…` as curl sees it: each format with its media type and an attachment file name that
 * says what it holds, and JSON errors with a status that says what was wrong (404 for a chart,
 * format or article that does not exist, 400 for ids or parameters that cannot be read), like the
 * JSON API's.
 */
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { EXPORT_CHART_NAMES } from '../../src/export/charts.js'
import { compareExportUrl, exportUrl } from '../../src/export/urls.js'
import { exportRoutes } from '../../src/routes/export.js'
import { fixtureStore } from '../app/fixtures.js'
import { parseSvg, pngSize } from './helpers.js'

const store = fixtureStore()
const app = createApp(store)

async function expectError(path: string, status: number, message: RegExp) {
  const res = await app.request(path)
  expect(res.status, path).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/json')
  const body = (await res.json()) as { error: { status: number; message: string } }
  expect(body.error.status).toBe(status)
  expect(body.error.message).toMatch(message)
}

describe('downloads', () => {
  it.each([
    ['png', 'image/png'],
    ['svg', 'image/svg+xml; charset=utf-8'],
    ['csv', 'text/csv; charset=utf-8; header=present'],
    ['json', 'application/json; charset=utf-8'],
  ])(
    '%s: media type and an attachment named after the chart and the articles',
    async (format, type) => {
      const res = await app.request(`/export/actor-tone-by-article.${format}?ids=alpha,beta`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="framelens-actor-tone-by-article-alpha_beta.${format}"`,
      )
      expect(res.headers.get('cache-control')).toBe('no-store')
    },
  )

  it('names the whole corpus "all", one article by its id, and a term by itself', async () => {
    const names = await Promise.all(
      [
        '/export/mention-share-by-article.png',
        '/export/actor-tone.svg?id=beta&ids=alpha,beta',
        '/export/actor-tone.csv?ids=alpha,beta',
        '/export/term-hits-by-article.json?q=sanctions',
      ].map(async (path) => (await app.request(path)).headers.get('content-disposition')),
    )
    expect(names).toEqual([
      'attachment; filename="framelens-mention-share-by-article-all.png"',
      'attachment; filename="framelens-actor-tone-beta.svg"',
      'attachment; filename="framelens-actor-tone-alpha_beta.csv"',
      'attachment; filename="framelens-term-hits-by-article-sanctions-all.json"',
    ])
  })

  it('serves a valid PNG and SVG of every chart (HEAD too, for a link checker)', async () => {
    const query: Record<string, string> = {
      'term-hits-by-article': '?q=Kim',
      'actor-tone-by-article': '',
      'mention-share-by-article': '',
      'document-tone-by-article': '',
      'actor-across-articles': '?ids=alpha,beta&actor=west',
    }
    for (const name of EXPORT_CHART_NAMES) {
      const q = query[name] ?? '?id=beta'
      const png = await app.request(`/export/${name}.png${q}`)
      expect(png.status, name).toBe(200)
      expect(pngSize(Buffer.from(await png.arrayBuffer())).width).toBeGreaterThan(0)
      const svg = await app.request(`/export/${name}.svg${q}`)
      expect(parseSvg(await svg.text()).texts.length).toBeGreaterThan(5)
    }
    const head = await app.request('/export/actor-tone.png?id=beta', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/png')
  })

  it('builds the URLs the routes parse', async () => {
    expect(exportUrl('actor-tone', 'png', { id: 'alpha', ids: ['alpha', 'beta'] })).toBe(
      '/export/actor-tone.png?id=alpha&ids=alpha,beta',
    )
    expect(exportUrl('term-hits-by-article', 'csv', { q: 'North Korea' })).toBe(
      '/export/term-hits-by-article.csv?q=North%20Korea',
    )
    expect(compareExportUrl('html', ['alpha', 'beta'])).toBe('/export/compare.html?ids=alpha,beta')
    const res = await app.request(exportUrl('frame-shares', 'json', { id: 'beta', actor: 'west' }))
    expect(res.status).toBe(200)
  })

  it('accepts ids as a form of checkboxes sends them (ids=a&ids=b), as /compare does', async () => {
    const res = await app.request('/export/actor-tone.json?ids=alpha&ids=beta')
    expect(res.status).toBe(200)
    expect(
      ((await res.json()) as { articles: { id: string }[] }).articles.map((a) => a.id),
    ).toEqual(['alpha', 'beta'])
  })

  it('prints the injected date, so a test or a reproducible build can fix it', async () => {
    const fixed = new Hono().route(
      '/export',
      exportRoutes(store, { now: () => new Date('2024-02-29T12:00:00Z') }),
    )
    const res = await fixed.request('/export/actor-tone.json?id=alpha')
    expect(((await res.json()) as { exported: string }).exported).toBe('2024-02-29T12:00:00.000Z')
    const svg = await (await fixed.request('/export/actor-tone.svg?id=alpha')).text()
    expect(parseSvg(svg).allText).toContain('exported 29 Feb 2024')
  })
})

describe('errors, as JSON', () => {
  it('404: a chart, a format or an article that does not exist', async () => {
    await expectError(
      '/export/pie.png',
      404,
      /no chart "pie"; the charts are: actor-tone-by-article/,
    )
    await expectError('/export/actor-tone.gif?id=alpha', 404, /no export format "\.gif"/)
    await expectError('/export/actor-tone.png?id=nope', 404, /no article with id "nope"/)
    await expectError('/export/actor-tone-by-article.png?ids=alpha,nope', 404, /"nope"/)
    await expectError('/export/compare.csv?ids=alpha,beta', 404, /no chart "compare"/)
    await expectError('/export/', 404, /nothing at \/export/)
    await expectError('/export/a/b.png', 404, /nothing at/)
    await expectError('/export/actor-tone', 404, /name a file/)
  })

  it('400: ids that are not 2 to 5 distinct articles', async () => {
    await expectError('/export/actor-tone-by-article.png?ids=alpha', 400, /choose 2 to 5 articles/)
    await expectError(
      '/export/actor-tone-by-article.csv?ids=alpha,beta,gamma,delta,epsilon,zeta',
      400,
      /choose 2 to 5/,
    )
    await expectError('/export/actor-tone-by-article.svg?ids=alpha,alpha', 400, /twice/)
    await expectError('/export/actor-tone-by-article.json?ids=alpha,,beta', 400, /empty entry/)
    await expectError('/export/compare.json', 400, /name the articles to compare/)
    await expectError('/export/compare.html?ids=alpha', 400, /choose 2 to 5/)
  })

  it('400: parameters that do not fit the chart', async () => {
    await expectError('/export/actor-tone.png', 400, /chart of one article/)
    await expectError(
      '/export/actor-tone.png?ids=alpha,beta',
      400,
      /draws one article.*actor-tone-by-article/,
    )
    await expectError('/export/actor-tone.png?id=gamma&ids=alpha,beta', 400, /not one of the/)
    await expectError('/export/actor-tone-by-article.png?id=alpha', 400, /several articles/)
    await expectError('/export/term-hits-by-article.png', 400, /needs a term/)
    await expectError(`/export/term-hits-by-article.png?q=${'x'.repeat(101)}`, 400, /at most 100/)
    await expectError('/export/frame-shares.png?id=alpha&actor=mars', 400, /no actor with id/)
  })
})
