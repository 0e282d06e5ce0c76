/**
 * Every URL the pages link to, built in one place: the routes parse what these build, and the
 * pushed history entries (hx-push-url, HX-Push-Url) use the same canonical forms. A collection's
 * URLs carry its prefix (`/c/<id>/…`, see src/domain/scope.ts); the Methods page is one for all.
 */
import { idsQuery } from '../src/export/urls.js'
import { scoped } from '../src/domain/scope.js'
import { DEFAULT_LAYERS, type Layer } from '../src/domain/layers.js'
import type { CueQuery } from '../src/domain/measures.js'

const q = encodeURIComponent

export const overviewUrl = (focus?: { article: string; actor: string }) =>
  scoped(focus ? `/?article=${q(focus.article)}&actor=${q(focus.actor)}` : '/')

/** `measure=…&category=…&actor=…`, leaving out what is not set. */
export const cueQuery = (cue: CueQuery) =>
  [
    `measure=${q(cue.measure)}`,
    cue.category !== undefined ? `category=${q(cue.category)}` : '',
    cue.actor !== undefined ? `actor=${q(cue.actor)}` : '',
  ]
    .filter(Boolean)
    .join('&')

/** The text layers as a query value; undefined when they are the default (kept out of URLs). */
export function layersValue(layers: readonly Layer[] | undefined): string | undefined {
  if (!layers) return undefined
  const same =
    layers.length === DEFAULT_LAYERS.length && DEFAULT_LAYERS.every((l) => layers.includes(l))
  if (same) return undefined
  return layers.length > 0 ? layers.join(',') : 'none'
}

/** What an article page shows beyond the article: one evidence panel and the text layers. */
export interface ArticleView {
  /** The evidence behind the tone toward this actor… */
  actor?: string
  /** …or behind a framing measure (`actor` is then the actor the measure is about). */
  cue?: CueQuery
  layers?: readonly Layer[]
}

/** `/articles/id`, with `?actor=` (tone evidence) or the cue's query, and `layers` when not the default. */
export function articleUrl(id: string, view: string | ArticleView = {}): string {
  const v: ArticleView = typeof view === 'string' ? { actor: view } : view
  const layers = layersValue(v.layers)
  const params = [
    v.cue ? cueQuery(v.cue) : v.actor ? `actor=${q(v.actor)}` : '',
    layers !== undefined ? `layers=${q(layers).replace(/%2C/g, ',')}` : '',
  ].filter(Boolean)
  return scoped(`/articles/${q(id)}${params.length > 0 ? `?${params.join('&')}` : ''}`)
}

/** The article reader's what-if: edit the article's text and see every score move (nothing saved). */
export const articleWhatIfUrl = (id: string) => scoped(`/articles/${q(id)}/what-if`)

export const evidenceUrl = (id: string, actor: string) =>
  scoped(`/articles/${q(id)}/evidence?actor=${q(actor)}`)

/** The evidence partial behind one cell of a framing table. */
export const cuesUrl = (id: string, cue: CueQuery) =>
  scoped(`/articles/${q(id)}/cues?${cueQuery(cue)}`)

/**
 * The compared ids as `idsQuery` writes them: joined by commas (left readable), or one `ids`
 * parameter each when an id holds a comma. An open cue names its article and, since `actor` is
 * the chosen actor here, its own actor as `about`.
 */
export const compareUrl = (
  ids: readonly string[],
  actor?: string,
  cue?: { article: string } & CueQuery,
) =>
  scoped(
    `/compare?${idsQuery(ids)}${actor ? `&actor=${q(actor)}` : ''}` +
      (cue
        ? `&article=${q(cue.article)}&` +
          cueQuery({ measure: cue.measure, category: cue.category }) +
          (cue.actor !== undefined ? `&about=${q(cue.actor)}` : '')
        : ''),
  )

/** Where the article picker and the Terms search send their forms. */
export const compareFormUrl = () => scoped('/compare')

export const termsUrl = (query?: string, page?: number) =>
  scoped(query ? `/terms?q=${q(query)}${page && page > 1 ? `&page=${page}` : ''}` : '/terms')

export const methodsUrl = (anchor?: string) => `/methods${anchor ? `#${anchor}` : ''}`

export const apiArticleUrl = (id: string) => scoped(`/api/articles/${q(id)}`)

/** A page of `GET /api/articles`. */
export const apiArticlesUrl = (offset: number, limit: number) =>
  scoped(`/api/articles?offset=${offset}&limit=${limit}`)
