/**
 * The exportable charts: one registry, keyed by the spec's own id (`ChartSpec.id`), so a view that
 * holds a spec already knows the name to export it by. Each entry says which articles the chart is
 * about (its scope, and so which query parameters it takes), builds the spec with the functions of
 * `src/charts` exactly as the page does (a comparison's column through `COLUMN_CHARTS` of
 * src/view-models/compare.ts, which pairs each chart with its shared range for the page too), and
 * builds the table of the numbers behind it from the same analyses.
 *
 * Scopes and parameters (URLs in `exportUrl`, the same in the CLI):
 * - `articles` (the overview's charts): no `ids` = every article of the corpus; `ids=a,b` = the
 *   2 to 5 articles of a comparison.
 * - `article` (an article page's charts, a comparison's columns): `id=a` draws that article as on
 *   its page; `id=a&ids=a,b,c` draws it with the comparison's shared axis ranges, as in a column
 *   of /compare. The data (CSV/JSON) covers every article named, one column per article, so
 *   `ids=a,b,c` alone gives the data of the whole comparison in one file.
 * - `term` (the term explorer's chart): `q=term`, over the corpus or `ids`.
 * `actor=x` narrows frame-shares to one actor, as the comparison does for its chosen actor, and
 * names the actor of the comparison's headline chart (`actor-across-articles`; the first actor
 * when left out).
 *
 * This module is pure (no canvas). The URLs and formats live in ./urls.ts, which imports nothing,
 * so a view can link to an export without importing the registry.
 */
import { FRAMES, kwic, type Actor } from '../analysis/index.js'
import type { ActorDigest } from '../domain/digest.js'
import {
  actorToneByArticle,
  documentToneByArticle,
  mentionShareByArticle,
  sentenceTone,
  termHitsByArticle,
  wrapLabel,
  type ChartSpec,
} from '../charts/index.js'
import { compareScales } from '../charts/scales.js'
import type { ArticleEntry, CorpusStore, StoredArticle } from '../corpus-store.js'
import { parseCompareIds } from '../domain/compare.js'
import { DomainError } from '../domain/errors.js'
import { requireActor, requireArticle } from '../domain/lookup.js'
import { MAX_QUERY_LENGTH } from '../domain/terms.js'
import {
  COLUMN_CHARTS,
  comparedColumnContext,
  headlineChart,
  type ColumnChartName,
} from '../view-models/compare.js'
import type { Cell, DataColumn, DataTable } from './table.js'
import { isPictureFormat, type ChartFormat, type ExportQuery } from './urls.js'

export {
  CHART_FORMATS,
  DATA_FORMATS,
  PICTURE_FORMATS,
  compareExportUrl,
  exportUrl,
  isPictureFormat,
  type ChartFormat,
  type ExportQuery,
} from './urls.js'

export type ChartScope = 'articles' | 'article' | 'term'
export type ExportPage = 'overview' | 'article' | 'compare' | 'terms'

/** The articles (and term, actor) an export is about, checked against the corpus. */
export interface Selection {
  /** Every article the data covers, in the order named (corpus order for the whole corpus). */
  articles: readonly ArticleEntry[]
  /** For a chart of one article (`scope: 'article'`): the same articles, with whole analyses. */
  full: readonly StoredArticle[]
  /** The one article a picture of an `article` chart draws. */
  article?: StoredArticle
  /** True when the articles were named with `ids`: a comparison, with shared axis ranges. */
  compared: boolean
  actor?: Actor
  query?: string
  /** For a term chart: the query's occurrences in each article of `articles` that has any. */
  hits?: ReadonlyMap<string, number>
}

export interface PictureSize {
  /** CSS pixels; a PNG has twice as many. */
  width: number
  /** CSS pixels of the chart; the definition and the source line are added below it. */
  chartHeight: number
}

export interface ExportChart {
  name: string
  scope: ChartScope
  /** The pages that show the chart (where the views put download links). */
  pages: readonly ExportPage[]
  /** Title of the category axis, which the page leaves to the labels. */
  categoryAxis: string
  /** For an `article` chart: the `articles` chart that draws every compared article at once. */
  together?: string
  /** The chart as the page draws it; for `article` charts, of `selection.article`. */
  spec(store: CorpusStore, selection: Selection): ChartSpec
  size(store: CorpusStore, selection: Selection): PictureSize
  table(store: CorpusStore, selection: Selection): DataTable
}

// ---------------------------------------------------------------------------------------------
// Table helpers

const ARTICLE_COLUMNS: DataColumn[] = [
  { id: 'article', label: 'Article id' },
  { id: 'title', label: 'Title' },
  { id: 'outlet', label: 'Outlet' },
  { id: 'date', label: 'Date' },
]

function articleCells(a: ArticleEntry): Record<string, Cell> {
  return {
    article: a.id,
    title: a.digest.title,
    outlet: a.meta.outlet ?? null,
    date: a.meta.date ?? null,
  }
}

/** Per-article columns for tables whose rows are actors, measures or frames. */
const perArticle = (articles: readonly ArticleEntry[], fields: [string, string][]) =>
  articles.flatMap((a) =>
    fields.map(([field, what]) => ({
      id: `${a.id}:${field}`,
      label: `${a.digest.title} (${a.id}): ${what}`,
    })),
  )

/** One field of a per-actor table: its column suffix, what it is, and its value (null: absent). */
interface ActorField {
  field: string
  what: string
  value: (framing: ActorDigest | null) => Cell
}

/** Rows per actor, a column per compared article and field: the data of the one-article charts. */
function actorTable(
  actors: readonly Actor[],
  articles: readonly ArticleEntry[],
  fields: ActorField[],
  notes: string[],
): DataTable {
  return {
    columns: [
      { id: 'actor', label: 'Actor id' },
      { id: 'actor_label', label: 'Actor' },
      ...perArticle(
        articles,
        fields.map((f) => [f.field, f.what]),
      ),
    ],
    rows: actors.map((x) => ({
      actor: x.id,
      actor_label: x.label,
      ...Object.fromEntries(
        articles.flatMap((a) => {
          const framing = a.digest.actors[x.id] ?? null
          return fields.map((f) => [`${a.id}:${f.field}`, f.value(framing)])
        }),
      ),
    })),
    notes,
  }
}

const TONE_FIELD: ActorField = { field: 'tone', what: 'tone', value: (f) => (f ? f.tone : null) }
const TONE_LABEL_FIELD: ActorField = {
  field: 'tone_label',
  what: 'label',
  value: (f) => (f ? f.label : 'absent'),
}
const MENTIONS_FIELD: ActorField = {
  field: 'mentions',
  what: 'mentions',
  value: (f) => (f ? f.mentions : 0),
}
const SHARE_FIELD: ActorField = {
  field: 'share',
  what: '% of actor mentions',
  value: (f) => (f ? f.share : 0),
}

/** The same fields transposed: a row per article, a column per actor and field (by-article charts). */
function articleTable(
  actors: readonly Actor[],
  articles: readonly ArticleEntry[],
  fields: ActorField[],
  notes: string[],
): DataTable {
  return {
    columns: [
      ...ARTICLE_COLUMNS,
      ...actors.flatMap((x) =>
        fields.map((f) => ({ id: `${x.id}:${f.field}`, label: `${x.label}: ${f.what}` })),
      ),
    ],
    rows: articles.map((a) => ({
      ...articleCells(a),
      ...Object.fromEntries(
        actors.flatMap((x) => {
          const framing = a.digest.actors[x.id] ?? null
          return fields.map((f) => [`${x.id}:${f.field}`, f.value(framing)])
        }),
      ),
    })),
    notes,
  }
}

const ABSENT_NOTE =
  'An empty tone (null in JSON) and the label "absent": the article never names the actor. Absent is not neutral.'

/** The whole-title labels of a by-article chart: the page cuts them at three lines, a picture has room. */
function withFullTitles(spec: ChartSpec, articles: readonly ArticleEntry[]): ChartSpec {
  spec.config.data.labels = articles.map((a) => wrapLabel(a.digest.title, 34, 12))
  return spec
}

const details = (selection: Selection) => selection.articles.map((a) => a.digest)

/** The article an `article` chart draws; the selection guarantees it for pictures. */
function drawn(selection: Selection): StoredArticle {
  return selection.article ?? selection.full[0]!
}

/** Frame-shares: the chosen actor, or (as on the article page) every actor the articles name. */
function frameActors(store: CorpusStore, selection: Selection, articles: readonly ArticleEntry[]) {
  if (selection.actor) return [selection.actor]
  return store.actors.filter((x) => articles.some((a) => a.digest.actors[x.id]))
}

/**
 * A chart of one column, drawn as the comparison draws it (`COLUMN_CHARTS` pairs each chart with
 * its shared range) when the articles were named as one, else as the article page draws it.
 */
function columnChart(name: ColumnChartName, store: CorpusStore, s: Selection): ChartSpec {
  const article = drawn(s)
  const frames = frameActors(store, s, [article])
  const context = s.compared
    ? comparedColumnContext(details(s), store.actors, frames)
    : { actors: store.actors, frameActors: frames }
  return COLUMN_CHARTS[name](article.digest, context)
}

const byArticleHeight = (articles: number, datasets: number) =>
  Math.max(360, 150 + articles * (16 * datasets + 34))

// ---------------------------------------------------------------------------------------------
// The registry

const charts: ExportChart[] = [
  {
    name: 'actor-tone-by-article',
    scope: 'articles',
    pages: ['overview', 'compare'],
    categoryAxis: 'article',
    spec: (store, s) => withFullTitles(actorToneByArticle(details(s), store.actors), s.articles),
    size: (store, s) => ({
      width: 960,
      chartHeight: byArticleHeight(s.articles.length, store.actors.length),
    }),
    table: (store, s) =>
      articleTable(store.actors, s.articles, [TONE_FIELD, TONE_LABEL_FIELD], [ABSENT_NOTE]),
  },
  {
    name: 'mention-share-by-article',
    scope: 'articles',
    pages: ['overview', 'compare'],
    categoryAxis: 'article',
    spec: (store, s) => withFullTitles(mentionShareByArticle(details(s), store.actors), s.articles),
    size: (store, s) => ({
      width: 960,
      chartHeight: byArticleHeight(s.articles.length, 1),
    }),
    table: (store, s) =>
      articleTable(
        store.actors,
        s.articles,
        [SHARE_FIELD, MENTIONS_FIELD],
        ['Shares are percentages of all actor mentions in the article; they add up to 100.'],
      ),
  },
  {
    name: 'document-tone-by-article',
    scope: 'articles',
    pages: ['overview', 'compare'],
    categoryAxis: 'article',
    spec: (_store, s) => withFullTitles(documentToneByArticle(details(s)), s.articles),
    size: (_store, s) => ({ width: 960, chartHeight: byArticleHeight(s.articles.length, 1) }),
    table: (_store, s) => ({
      columns: [
        ...ARTICLE_COLUMNS,
        { id: 'words', label: 'Words' },
        { id: 'tone_per_1000', label: 'Tone per 1,000 words' },
        { id: 'positive_per_1000', label: 'Positive words per 1,000' },
        { id: 'negative_per_1000', label: 'Negative words per 1,000' },
      ],
      rows: s.articles.map((a) => ({
        ...articleCells(a),
        words: a.digest.words,
        tone_per_1000: a.digest.tone.per1000,
        positive_per_1000: a.digest.tone.positivePer1000,
        negative_per_1000: a.digest.tone.negativePer1000,
      })),
      notes: ['The chart draws tone per 1,000 words; the positive and negative rates add context.'],
    }),
  },
  {
    name: 'actor-across-articles',
    scope: 'articles',
    pages: ['compare'],
    categoryAxis: 'article',
    spec: (store, s) => {
      const spec = headlineChart(
        details(s),
        s.actor ?? store.actors[0]!,
        compareScales(details(s), store.actors),
      )
      return withFullTitles(spec, s.articles)
    },
    size: (_store, s) => ({ width: 960, chartHeight: byArticleHeight(s.articles.length, 2) }),
    table: (store, s) => {
      const actor = s.actor ?? store.actors[0]!
      return articleTable(
        [actor],
        s.articles,
        [TONE_FIELD, TONE_LABEL_FIELD, MENTIONS_FIELD],
        [ABSENT_NOTE],
      )
    },
  },
  {
    name: 'actor-tone',
    scope: 'article',
    together: 'actor-tone-by-article',
    pages: ['article', 'compare'],
    categoryAxis: 'actor',
    spec: (store, s) => columnChart('actor-tone', store, s),
    size: () => ({ width: 720, chartHeight: 440 }),
    table: (store, s) =>
      actorTable(store.actors, s.articles, [TONE_FIELD, TONE_LABEL_FIELD], [ABSENT_NOTE]),
  },
  {
    name: 'mentions',
    scope: 'article',
    together: 'mention-share-by-article',
    pages: ['article', 'compare'],
    categoryAxis: 'actor',
    spec: (store, s) => columnChart('mentions', store, s),
    size: () => ({ width: 720, chartHeight: 440 }),
    table: (store, s) =>
      actorTable(
        store.actors,
        s.articles,
        [MENTIONS_FIELD, SHARE_FIELD],
        ['Mentions 0: the article never names the actor (absent).'],
      ),
  },
  {
    name: 'tone-rates',
    scope: 'article',
    together: 'document-tone-by-article',
    pages: ['article', 'compare'],
    categoryAxis: 'measure',
    spec: (store, s) => columnChart('tone-rates', store, s),
    size: () => ({ width: 720, chartHeight: 440 }),
    table: (_store, s) => {
      const measures = [
        ['positive_per_1000', 'positive words per 1,000 words', 'positivePer1000'],
        ['negative_per_1000', 'negative words per 1,000 words', 'negativePer1000'],
        ['per_1000', 'net tone per 1,000 words', 'per1000'],
      ] as const
      return {
        columns: [
          { id: 'measure', label: 'Measure id' },
          { id: 'measure_label', label: 'Measure' },
          ...perArticle(s.articles, [['value', 'value']]),
        ],
        rows: measures.map(([id, label, key]) => ({
          measure: id,
          measure_label: label,
          ...Object.fromEntries(s.articles.map((a) => [`${a.id}:value`, a.digest.tone[key]])),
        })),
        notes: [
          'Negative words per 1,000 is a rate (≥ 0); the chart draws it below 0 so it reads as negative.',
        ],
      }
    },
  },
  {
    name: 'sentence-tone',
    scope: 'article',
    pages: ['article'],
    categoryAxis: 'sentence',
    spec: (_store, s) => sentenceTone(drawn(s).detail),
    size: () => ({ width: 1000, chartHeight: 440 }),
    table: (_store, s) => {
      const count = Math.max(0, ...s.full.map((a) => a.detail.sentenceSpans.length))
      return {
        columns: [
          { id: 'sentence', label: 'Sentence' },
          ...perArticle(s.full, [
            ['score', 'Framelens score'],
            ['sentiment', 'sentiment package score'],
          ]),
        ],
        rows: Array.from({ length: count }, (_, i) => ({
          sentence: i + 1,
          ...Object.fromEntries(
            s.full.flatMap((a) => {
              const span = a.detail.sentenceSpans[i]
              return [
                [`${a.id}:score`, span ? span.score : null],
                [`${a.id}:sentiment`, span ? span.sentimentScore : null],
              ]
            }),
          ),
        })),
        notes: ['Empty cells: the article has fewer sentences.'],
      }
    },
  },
  {
    name: 'frame-shares',
    scope: 'article',
    pages: ['article', 'compare'],
    categoryAxis: 'frame',
    spec: (store, s) => columnChart('frame-shares', store, s),
    size: (store, s) => {
      const datasets = 1 + frameActors(store, s, [drawn(s)]).length
      return { width: 800, chartHeight: 150 + FRAMES.length * (12 * datasets + 22) }
    },
    table: (store, s) => {
      const actors = frameActors(store, s, s.articles)
      return {
        columns: [
          { id: 'frame', label: 'Frame id' },
          { id: 'frame_label', label: 'Frame' },
          ...perArticle(s.articles, [
            ['article', 'whole article, % of frame cues'],
            ...actors.map((x): [string, string] => [
              x.id,
              `clauses naming ${x.label}, % of frame cues`,
            ]),
          ]),
        ],
        rows: FRAMES.map((f) => ({
          frame: f.id,
          frame_label: f.label,
          ...Object.fromEntries(
            s.articles.flatMap((a) => {
              const frames = a.digest.framing.frames
              return [
                [`${a.id}:article`, frames.article[f.id]?.share ?? 0],
                ...actors.map((x) => {
                  const own = frames.byActor[x.id]
                  return [`${a.id}:${x.id}`, own ? (own.frames[f.id]?.share ?? 0) : null]
                }),
              ]
            }),
          ),
        })),
        notes: ['Empty cells (null): the article never names the actor.'],
      }
    },
  },
  {
    name: 'term-hits-by-article',
    scope: 'term',
    pages: ['terms'],
    categoryAxis: 'article',
    spec: (store, s) =>
      withFullTitles(termHitsByArticle(termCounts(store, s), s.query ?? ''), s.articles),
    size: (_store, s) => ({
      width: 960,
      chartHeight: Math.max(320, 150 + s.articles.length * 44),
    }),
    table: (store, s) => {
      const counts = new Map(termCounts(store, s).map((c) => [c.id, c.count]))
      return {
        columns: [...ARTICLE_COLUMNS, { id: 'count', label: `Occurrences of “${s.query}”` }],
        rows: s.articles.map((a) => ({ ...articleCells(a), count: counts.get(a.id) ?? 0 })),
        notes: ['Whole-word matches, case-insensitive, as in the term explorer.'],
      }
    },
  },
]

/** Hits of the selection's query per article, as the term explorer counts them. */
function termCounts(_store: CorpusStore, selection: Selection) {
  const hits = selection.hits ?? new Map<string, number>()
  return selection.articles.map((a) => ({
    id: a.id,
    title: a.digest.title,
    count: hits.get(a.id) ?? 0,
  }))
}

/** Every exportable chart by name, in the order the pages show them. */
export const EXPORT_CHARTS: ReadonlyMap<string, ExportChart> = new Map(
  charts.map((c) => [c.name, c]),
)

/** The names `/export/:name.:format` and `--chart` accept. */
export const EXPORT_CHART_NAMES: readonly string[] = charts.map((c) => c.name)

/** The chart called `name`, or a `not-found` error listing the names. */
export function requireChart(name: string): ExportChart {
  const chart = EXPORT_CHARTS.get(name)
  if (!chart) {
    throw new DomainError(
      'not-found',
      `no chart "${name}"; the charts are: ${EXPORT_CHART_NAMES.join(', ')}`,
    )
  }
  return chart
}

/**
 * The articles an export covers, from its query, with the error a bad query deserves:
 * `bad-request` for a query that cannot be read (one id, a repeated id, a parameter the chart does
 * not take), `not-found` for an article that does not exist. The ids are parsed as the comparison page parses them.
 */
export async function resolveSelection(
  store: CorpusStore,
  chart: ExportChart,
  query: ExportQuery,
  format: ChartFormat,
): Promise<Selection> {
  const compared = await parseCompareIds(store, query.ids)
  const actor = query.actor !== undefined ? requireActor(store, query.actor) : undefined
  const base = { ...(actor && { actor }) }

  if (chart.scope === 'articles' || chart.scope === 'term') {
    if (query.id !== undefined) {
      throw new DomainError(
        'bad-request',
        `${chart.name} shows several articles: name them with ids (ids=a,b; --ids a,b), not id, or give no ids for the whole corpus`,
      )
    }
    const q = (query.q ?? '').trim()
    if (chart.scope === 'term') {
      if (q === '')
        throw new DomainError('bad-request', `${chart.name} needs a term (q=word; --q word)`)
      if (q.length > MAX_QUERY_LENGTH) {
        throw new DomainError(
          'bad-request',
          `the term is ${q.length} characters long; at most ${MAX_QUERY_LENGTH}`,
        )
      }
    }
    if (compared) {
      const hits = chart.scope === 'term' ? termHits(compared, q) : undefined
      return {
        ...base,
        articles: compared,
        full: [],
        compared: true,
        ...(hits && { query: q, hits }),
      }
    }
    if (chart.scope === 'articles') {
      checkPictureSize(chart, store.articles.length, format)
      return { ...base, articles: store.articles, full: [], compared: false }
    }
    // The term explorer's chart: the articles of its page (`page`, from 1).
    const search = await store.searchTerms(q, query.page)
    const found = search.results.filter((r) => r.lines.length > 0)
    return {
      ...base,
      articles: search.results.map((r) => r.article),
      full: [],
      compared: false,
      query: q,
      hits: new Map(found.map((r) => [r.article.id, r.lines.length])),
    }
  }

  const article = query.id !== undefined ? await requireArticle(store, query.id) : undefined
  if (article && compared && !compared.includes(article)) {
    throw new DomainError(
      'bad-request',
      `id=${article.id} is not one of the compared ids (${query.ids?.join(',')})`,
    )
  }
  if (!article && !compared) {
    throw new DomainError(
      'bad-request',
      `${chart.name} is a chart of one article: name it with id (id=a; --id a)`,
    )
  }
  if (!article && isPictureFormat(format)) {
    throw new DomainError(
      'bad-request',
      `a picture of ${chart.name} draws one article: name one of the ids as id too (id=a; --id a), its column of the comparison` +
        (chart.together
          ? `, or export ${chart.together} for every compared article in one picture`
          : ''),
    )
  }
  return {
    ...base,
    articles: compared ?? [article!],
    full: compared ?? [article!],
    compared: !!compared,
    ...(article && { article }),
  }
}

/** The most articles a picture (PNG, SVG) of a by-article chart draws: a bar each must show. */
export const MAX_PICTURE_ARTICLES = 200

/** A `too-large` error for a picture of more articles than fit (CSV and JSON take any number). */
function checkPictureSize(chart: ExportChart, articles: number, format: ChartFormat): void {
  if (isPictureFormat(format) && articles > MAX_PICTURE_ARTICLES) {
    throw new DomainError(
      'too-large',
      `a picture of ${chart.name} draws at most ${MAX_PICTURE_ARTICLES} articles and the corpus has ${articles}: name the articles with ids (ids=a,b), or export its data as CSV or JSON`,
    )
  }
}

/** Occurrences of `query` in each of `articles` (whole analyses) that holds it. */
function termHits(articles: readonly StoredArticle[], query: string): Map<string, number> {
  const hits = new Map<string, number>()
  for (const a of articles) {
    const n = kwic(a.id, a.detail.text, a.tokens, query).length
    if (n > 0) hits.set(a.id, n)
  }
  return hits
}

/** A name for files: the chart, then what it is about (`all` for the whole corpus). */
export function fileStem(chart: ExportChart, selection: Selection, format: ChartFormat): string {
  const parts = [chart.name]
  if (selection.query) parts.push(selection.query)
  if (chart.scope === 'article' && isPictureFormat(format)) parts.push(drawn(selection).id)
  else if (selection.compared || chart.scope === 'article')
    parts.push(selection.articles.map((a) => a.id).join('_'))
  else parts.push('all')
  const stem = `framelens-${parts.join('-')}`
  return stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 180)
}
