/**
 * `/export/…`: downloads that work without a browser (curl, wget, a script).
 *
 * - `GET /export/:chart.png|svg|csv|json` with `ids=a,b` (2 to 5 articles; omitted for the whole
 *   corpus on the overview's charts), `id=a` (one article's chart; with `ids` too, the column of
 *   that comparison, on its shared axis), `q=term` (term-hits-by-article), `actor=x`
 *   (frame-shares). The chart names are `EXPORT_CHART_NAMES` (src/export/charts.ts).
 * - `GET /export/compare.json?ids=a,b`: the full analysis of a comparison.
 * - `GET /export/compare.html?ids=a,b`: the comparison as one self-contained, offline HTML file.
 *
 * Every answer is an attachment with a `framelens-…` file name. Errors are JSON, as under /api
 * (`{error: {status, message}}`): 404 for an unknown chart, format or article, 400 for ids or
 * parameters that cannot be read. Errors leave through this sub-app's own handler because a
 * download link's error is read by a script or shown as text, never swapped into a page.
 */
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { InputError } from '../corpus/errors.js'
import type { CorpusStore } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import {
  analysisArtifact,
  chartArtifact,
  snapshotArtifact,
  type Artifact,
} from '../export/artifacts.js'
import { CHART_FORMATS, type ChartFormat, type ExportQuery } from '../export/charts.js'
import { DOMAIN_STATUS, httpError } from './errors.js'
import { whole } from './params.js'

export interface ExportOptions {
  /** The export date printed in pictures and files; the clock by default (tests fix it). */
  now?: () => Date
}

function jsonError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ error: { status, message } }, status)
}

function attachment(c: Context, artifact: Artifact) {
  const body = typeof artifact.body === 'string' ? artifact.body : new Uint8Array(artifact.body)
  return c.body(body, 200, {
    'Content-Type': artifact.contentType,
    'Content-Disposition': `attachment; filename="${artifact.filename}"`,
    // Each answer carries the date it was made: a cached copy would carry a stale one.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
}

const isChartFormat = (ext: string): ext is ChartFormat =>
  (CHART_FORMATS as readonly string[]).includes(ext)

export function exportRoutes(store: CorpusStore, options: ExportOptions = {}) {
  const app = new Hono()
  const now = options.now ?? (() => new Date())

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return jsonError(c, err.status as ContentfulStatusCode, err.message)
    }
    if (err instanceof DomainError) return jsonError(c, DOMAIN_STATUS[err.kind], err.message)
    if (err instanceof InputError) return jsonError(c, 400, err.message)
    console.error(err)
    return jsonError(c, 500, 'the server failed to make the export; the error is in its log')
  })

  app.get('/:file', async (c) => {
    const file = c.req.param('file')
    const dot = file.lastIndexOf('.')
    if (dot <= 0) {
      throw httpError(404, `name a file such as /export/actor-tone-by-article.png, not "${file}"`)
    }
    const name = file.slice(0, dot)
    const ext = file.slice(dot + 1)
    const ids = c.req.queries('ids')

    if (name === 'compare' && ext === 'json') {
      return attachment(c, await analysisArtifact(store, ids, now()))
    }
    if (name === 'compare' && ext === 'html') {
      return attachment(c, await snapshotArtifact(store, ids, now()))
    }
    if (!isChartFormat(ext)) {
      throw httpError(
        404,
        `no export format ".${ext}": a chart exports as ${CHART_FORMATS.join(', ')}; a comparison as compare.json or compare.html`,
      )
    }
    const query: ExportQuery = {
      ids,
      id: c.req.query('id'),
      q: c.req.query('q'),
      actor: c.req.query('actor'),
      page: whole(c.req.query('page'), 'page', 1, Number.MAX_SAFE_INTEGER, 1),
    }
    return attachment(c, await chartArtifact(store, name, ext, query, now()))
  })

  app.all('*', (c) => jsonError(c, 404, `nothing at ${c.req.path}`))

  return app
}
