/**
 * The export URLs, built in one place and parsed by src/routes/export.ts: what a view needs to put
 * a download link next to a chart. It imports only the request's scope (a collection's exports
 * live under its prefix), so views can use it without pulling in the registry, the canvas or the
 * routes. The chart name is the spec's id (`ChartSpec.id`); which
 * parameters a chart takes is documented in ./charts.ts.
 */

import { scoped } from '../domain/scope.js'

export const PICTURE_FORMATS = ['png', 'svg'] as const
export const DATA_FORMATS = ['csv', 'json'] as const
export const CHART_FORMATS = [...PICTURE_FORMATS, ...DATA_FORMATS] as const
export type ChartFormat = (typeof CHART_FORMATS)[number]

export const isPictureFormat = (format: ChartFormat) => format === 'png' || format === 'svg'

/** The query of an export, as given (ids unsplit, as `c.req.queries('ids')` returns them). */
export interface ExportQuery {
  /** The article of a one-article chart. */
  id?: string
  /** The compared articles (2 to 5); omitted for the whole corpus. */
  ids?: readonly string[]
  /** The term of term-hits-by-article. */
  q?: string
  /** The one actor of frame-shares (the comparison's chosen actor). */
  actor?: string
  /** The page of the term explorer's results a term chart draws (from 1). */
  page?: number
}

/**
 * The articles of a comparison as a query: `ids=a,b` (joined by commas, the canonical form), or
 * one parameter per id (`ids=a%2Cb&ids=c`) when an id is not kept as it is by a list, which is
 * split on commas and trimmed. Each id is percent-encoded either way. `parseCompareIds`
 * (src/domain/compare.ts) reads both forms back to the same ids.
 */
export function idsQuery(ids: readonly string[]): string {
  const q = encodeURIComponent
  return ids.some((id) => id.includes(',') || id !== id.trim())
    ? ids.map((id) => `ids=${q(id)}`).join('&')
    : `ids=${ids.map(q).join(',')}`
}

/** `/export/<chart>.<format>?…`, in the canonical form (ids as `idsQuery` writes them). */
export function exportUrl(chart: string, format: ChartFormat, query: ExportQuery = {}): string {
  const q = encodeURIComponent
  const params = [
    query.q !== undefined ? `q=${q(query.q)}` : '',
    query.id !== undefined ? `id=${q(query.id)}` : '',
    query.ids && query.ids.length > 0 ? idsQuery(query.ids) : '',
    query.actor !== undefined ? `actor=${q(query.actor)}` : '',
    query.page !== undefined && query.page > 1 ? `page=${query.page}` : '',
  ].filter(Boolean)
  return scoped(`/export/${q(chart)}.${format}${params.length > 0 ? `?${params.join('&')}` : ''}`)
}

/** The comparison as one JSON document (every analysis) or one offline HTML file. */
export const compareExportUrl = (format: 'json' | 'html', ids: readonly string[]) =>
  scoped(`/export/compare.${format}?${idsQuery(ids)}`)
