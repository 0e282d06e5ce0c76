/**
 * What an export produces, whoever asks: the HTTP routes (`/export/…`) and the CLI
 * (`npm run export`) both call these and only differ in where the bytes go. An artifact is the
 * whole body, built in memory before anything is sent or written, with its media type and a file
 * name. Bad requests throw a `DomainError` whose kind says what was wrong; the routes turn it
 * into an HTTP status, the CLI into an exit code.
 */
import type { ArticleEntry, CorpusStore, StoredArticle } from '../corpus-store.js'
import { parseCompareIds } from '../domain/compare.js'
import { DomainError } from '../domain/errors.js'
import { comparison, comparisonDocument } from '../view-models/compare.js'
import { displayDate } from '../../views/format.js'
import {
  fileStem,
  isPictureFormat,
  requireChart,
  resolveSelection,
  type ChartFormat,
  type ExportQuery,
  type Selection,
} from './charts.js'
import { renderChart } from './render.js'
import { renderSnapshot } from './snapshot.js'
import { actorRef, articleRef, toCsv, type DataDocument } from './table.js'

export interface Artifact {
  body: Buffer | string
  contentType: string
  /** A file name without folders, e.g. `framelens-actor-tone-alpha.png`. */
  filename: string
}

export const CONTENT_TYPES = {
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const

/** "11 May 2025": the export date as the pages write dates (UTC, so the same on every server). */
export const exportDate = (now: Date) => displayDate(now.toISOString().slice(0, 10))!

/** “Title” (Outlet, 2 Jan 2024): an article as the source line names it. */
function citation(article: ArticleEntry): string {
  const where = [article.meta.outlet, displayDate(article.meta.date)].filter(Boolean)
  return `“${article.digest.title}”${where.length > 0 ? ` (${where.join(', ')})` : ''}`
}

/** The source line of a picture: what was compared, when it was exported, and by what. */
export function sourceLine(store: CorpusStore, selection: Selection, now: Date): string {
  const list = (articles: readonly ArticleEntry[]) => articles.map(citation).join('; ')
  const { article, articles, compared } = selection
  let what: string
  if (article) {
    const others = articles.filter((a) => a !== article)
    what =
      `Article: ${citation(article)}.` +
      (compared && others.length > 0
        ? ` Axis shared with the other compared articles: ${list(others)}.`
        : '')
  } else if (compared) {
    what = `Articles compared: ${list(articles)}.`
  } else {
    const all = articles.length === store.articles.length ? 'All' : 'The'
    what = `${all} ${articles.length} articles of the corpus: ${list(articles)}.`
  }
  const term = selection.query ? ` Term: “${selection.query}”.` : ''
  return `Source: Framelens, exported ${exportDate(now)}. ${what}${term}`
}

/** One chart as PNG, SVG, CSV or JSON. */
export async function chartArtifact(
  store: CorpusStore,
  name: string,
  format: ChartFormat,
  query: ExportQuery,
  now: Date,
): Promise<Artifact> {
  const chart = requireChart(name)
  const selection = await resolveSelection(store, chart, query, format)
  const filename = `${fileStem(chart, selection, format)}.${format}`
  const spec = chart.spec(store, selection)

  if (isPictureFormat(format)) {
    const picture = await renderChart(spec, format as 'png' | 'svg', {
      ...chart.size(store, selection),
      categoryAxis: chart.categoryAxis,
      source: sourceLine(store, selection, now),
    })
    return { body: picture.body, contentType: CONTENT_TYPES[format], filename }
  }

  const table = chart.table(store, selection)
  if (format === 'csv') return { body: toCsv(table), contentType: CONTENT_TYPES.csv, filename }
  const document: DataDocument = {
    chart: chart.name,
    title: spec.title,
    definition: spec.howComputed,
    methods: `/methods#${spec.methods}`,
    exported: now.toISOString(),
    generator: 'Framelens',
    ...(selection.query !== undefined && { query: selection.query }),
    articles: selection.articles.map(articleRef),
    actors: store.actors.map(actorRef),
    ...table,
  }
  return {
    body: `${JSON.stringify(document, null, 2)}\n`,
    contentType: CONTENT_TYPES.json,
    filename,
  }
}

/** The compared articles named by `ids`, or a `bad-request` error when there are none. */
export async function requireComparison(
  store: CorpusStore,
  ids: readonly string[] | undefined,
): Promise<StoredArticle[]> {
  const articles = await parseCompareIds(store, ids)
  if (!articles) {
    throw new DomainError('bad-request', 'name the articles to compare: ids=first-id,second-id')
  }
  return articles
}

const comparisonStem = (articles: readonly StoredArticle[]) =>
  `framelens-compare-${articles.map((a) => a.id).join('_')}`.replace(/[^A-Za-z0-9._-]+/g, '-')

/**
 * The full analysis of a comparison: `/api/compare`'s document (ids, actors, shared scales, every
 * article's `ArticleAnalysis` with its front matter as `meta`, distinctive terms within the
 * comparison) plus when it was exported and by what.
 */
export async function analysisArtifact(
  store: CorpusStore,
  ids: readonly string[] | undefined,
  now: Date,
): Promise<Artifact> {
  const articles = await requireComparison(store, ids)
  const document = {
    generator: 'Framelens',
    exported: now.toISOString(),
    ...comparisonDocument(comparison(store, articles)),
  }
  return {
    body: `${JSON.stringify(document, null, 2)}\n`,
    contentType: CONTENT_TYPES.json,
    filename: `${comparisonStem(articles)}.json`,
  }
}

/** The comparison as one self-contained HTML file (see `renderSnapshot`). */
export async function snapshotArtifact(
  store: CorpusStore,
  ids: readonly string[] | undefined,
  now: Date,
): Promise<Artifact> {
  const articles = await requireComparison(store, ids)
  return {
    body: await renderSnapshot(store, articles, now),
    contentType: CONTENT_TYPES.html,
    filename: `${comparisonStem(articles)}.html`,
  }
}
