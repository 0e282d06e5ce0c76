/**
 * The comparison's view model: what the Compare page, `/api/compare`, the JSON and chart exports
 * and the offline snapshot show of 2 to 5 articles, computed once per request. It sits above the
 * charts, the domain and the engine and below the views, the routes and the exports, so each of
 * them reads the same numbers and no two decide them apart.
 *
 * Two levels, because the snapshot shows one comparison once per actor:
 * - `Comparison` holds what does not depend on a chosen actor: the articles, the shared axis
 *   ranges, the column charts drawn on them, the tables' shared maxima and the distinctive terms.
 * - `CompareModel` adds the chosen actor: its frames chart (on a range that holds its clauses),
 *   its framing per column and its evidence grouped by what it does to the tone.
 *
 * Which chart of a column uses which shared range is decided here only (`COLUMN_CHARTS`): the page
 * draws a column with it and the chart exports draw the same column with it. The headline chart
 * (the chosen actor across every column, `headlineChart`) is paired with its ranges here too.
 */
import type { Actor, ActorEvidence, ActorFraming, DistinctiveTerm } from '../analysis/index.js'
import {
  actorToneInArticle,
  compareScales,
  frameShareRange,
  frameSharesInArticle,
  mentionsInArticle,
  toneRatesInArticle,
  type AxisRange,
  type ChartSpec,
  type CompareScales,
} from '../charts/index.js'
import { actorAcrossArticles, headlineSentence } from '../charts/headline-chart.js'
import type { ArticleDigest } from '../domain/digest.js'
import { distinctiveAmong, type CorpusStore, type StoredArticle } from '../corpus-store.js'
import type { CueQuery } from '../domain/measures.js'
import { articleSummary, type ArticleSummary } from '../domain/summary.js'
import { hedgingMax, loadedMax } from './tables.js'

// ---------------------------------------------------------------------------------------------
// Column charts and their shared ranges

/** The charts of one column, by the names they export under (`src/export/charts.ts`). */
export type ColumnChartName = 'actor-tone' | 'mentions' | 'tone-rates' | 'frame-shares'

/** What a column chart draws besides its article. */
export interface ColumnChartContext {
  actors: readonly Actor[]
  /** The actors whose clauses the frames chart shows beside the whole article. */
  frameActors: readonly Actor[]
  /**
   * The comparison's shared ranges of tone, mentions and tone rates; none on an article page,
   * where each axis fits its own data.
   */
  scales?: CompareScales
  /** The shared range of frame shares (`frameShareRange` over the compared articles). */
  frameRange?: AxisRange
}

/**
 * The context of a column of the comparison of `articles`: every range shared, the frames' over
 * the clauses of `frameActors` (the chart exports draw one column with it; `compareModel` builds
 * the same ranges from a `Comparison`).
 */
export function comparedColumnContext(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
  frameActors: readonly Actor[],
): ColumnChartContext {
  return {
    actors,
    frameActors,
    scales: compareScales(articles, actors),
    frameRange: frameShareRange(articles, frameActors),
  }
}

/** Each column chart with the shared range it is drawn on: the one place that pairs them. */
export const COLUMN_CHARTS: Readonly<
  Record<ColumnChartName, (article: ArticleDigest, context: ColumnChartContext) => ChartSpec>
> = {
  'actor-tone': (a, c) => actorToneInArticle(a, c.actors, c.scales?.tone),
  mentions: (a, c) => mentionsInArticle(a, c.actors, c.scales?.mentions),
  'tone-rates': (a, c) => toneRatesInArticle(a, c.scales?.rates),
  'frame-shares': (a, c) => frameSharesInArticle(a, c.frameActors, c.frameRange),
}

/**
 * The headline chart of a comparison: `actor` across every compared article, tone on the
 * comparison's shared tone range and mentions on its shared mentions range (as the columns draw
 * them), so the headline and the columns read alike. The page and the export both build it here.
 */
export function headlineChart(
  articles: readonly ArticleDigest[],
  actor: Actor,
  scales: CompareScales,
): ChartSpec {
  return actorAcrossArticles(articles, actor, scales.tone, scales.mentions)
}

// ---------------------------------------------------------------------------------------------
// The comparison, whatever actor is chosen

/** One column of a comparison, alike for every chosen actor. */
export interface ComparisonColumn {
  article: StoredArticle
  /** The charts that show every actor alike, on the comparison's shared ranges. */
  charts: Record<Exclude<ColumnChartName, 'frame-shares'>, ChartSpec>
  /** Words used significantly more here than in the other columns. */
  distinctive: DistinctiveTerm[]
}

/** A comparison of 2 to 5 articles before an actor is chosen (see the module comment). */
export interface Comparison {
  articles: StoredArticle[]
  ids: string[]
  actors: readonly Actor[]
  /** The shared ranges of tone, mentions and tone rates (the JSON documents' `scales`). */
  scales: CompareScales
  /** The largest value of the per-1,000 tables, so their bars share one length scale. */
  tableMax: { loaded: number; hedging: number }
  distinctive: Map<string, DistinctiveTerm[]>
  columns: ComparisonColumn[]
}

/** The comparison of `articles` (already checked: 2 to 5 of the corpus). */
export function comparison(store: CorpusStore, articles: StoredArticle[]): Comparison {
  const { actors } = store
  const ids = articles.map((a) => a.id)
  const details = articles.map((a) => a.detail)
  const scales = compareScales(details, actors)
  const distinctive = distinctiveAmong(articles)
  const context: ColumnChartContext = { actors, frameActors: [], scales }
  return {
    articles,
    ids,
    actors,
    scales,
    tableMax: { loaded: loadedMax(details), hedging: hedgingMax(details) },
    distinctive,
    columns: articles.map((article) => ({
      article,
      charts: {
        'actor-tone': COLUMN_CHARTS['actor-tone'](article.detail, context),
        mentions: COLUMN_CHARTS.mentions(article.detail, context),
        'tone-rates': COLUMN_CHARTS['tone-rates'](article.detail, context),
      },
      distinctive: distinctive.get(article.id) ?? [],
    })),
  }
}

/** The document `/api/compare` answers and the JSON export carries (after its own two fields). */
export interface ComparisonDocument {
  ids: string[]
  actors: readonly Actor[]
  scales: CompareScales
  articles: ArticleSummary[]
  distinctive: Record<string, DistinctiveTerm[]>
}

/** The comparison as JSON: every article's analysis with its front matter. */
export function comparisonDocument(c: Comparison): ComparisonDocument {
  return {
    ids: c.ids,
    actors: c.actors,
    scales: c.scales,
    articles: c.articles.map(articleSummary),
    distinctive: Object.fromEntries(c.distinctive),
  }
}

// ---------------------------------------------------------------------------------------------
// The comparison with an actor chosen

/** Evidence is aligned by what it does to the tone, so negative clauses face negative clauses. */
export type EvidenceGroupKey = 'negative' | 'positive' | 'zero'

const GROUPS: { key: EvidenceGroupKey; title: string; test: (e: ActorEvidence) => boolean }[] = [
  { key: 'negative', title: 'Clauses that count against', test: (e) => e.score < 0 },
  { key: 'positive', title: 'Clauses that count in favour', test: (e) => e.score > 0 },
  { key: 'zero', title: 'Clauses that name it without evaluating it', test: (e) => e.score === 0 },
]

/** The groups of evidence, in the order the rows show them. */
export const EVIDENCE_GROUPS: readonly { key: EvidenceGroupKey; title: string }[] = GROUPS.map(
  ({ key, title }) => ({ key, title }),
)

/** One column with the chosen actor. */
export interface CompareColumn extends ComparisonColumn {
  /** The chosen actor's frames beside the whole article's, on the comparison's frame range. */
  frames: ChartSpec
  /** The chosen actor's framing here; null when the article never names it. */
  framing: ActorFraming | null
  /** Its clauses by group (`EVIDENCE_GROUPS`); empty when the article never names it. */
  evidence: Record<EvidenceGroupKey, ActorEvidence[]>
}

/**
 * What the evidence drawer shows: the words behind a framing number of a column (`query`), or the
 * clauses behind a column's tone toward an actor (`tone`).
 */
export type CompareCue =
  | { article: StoredArticle; query: CueQuery; tone?: undefined }
  | { article: StoredArticle; tone: Actor; query?: undefined }

/** A comparison with its actor chosen: what the page and each actor's part of the snapshot show. */
export interface CompareModel extends Omit<Comparison, 'columns'> {
  /** The actor whose evidence is aligned across the columns. */
  actor: Actor
  /** Whether `actor` is the default (then left out of URLs, so one view has one URL). */
  actorIsDefault: boolean
  /** The range of the frames charts: every article, whole and in the chosen actor's clauses. */
  frameRange: AxisRange
  columns: CompareColumn[]
  /** The chosen actor across every column: the chart the page opens with. */
  headline: ChartSpec
  /** The headline chart's plain sentence ("“A” is more hostile to Russia than “B”: …"). */
  headlineSentence: string
  cue?: CompareCue
}

/**
 * `comparison` with `actor` chosen. The comparison's own parts are shared, not copied, so the
 * snapshot chooses each actor in turn from one comparison.
 */
export function compareModel(
  c: Comparison,
  actor: Actor,
  options: { actorIsDefault?: boolean; cue?: CompareCue } = {},
): CompareModel {
  const { columns, ...rest } = c
  const details = c.articles.map((a) => a.detail)
  const frameRange = frameShareRange(details, [actor])
  const context: ColumnChartContext = {
    actors: c.actors,
    frameActors: [actor],
    scales: c.scales,
    frameRange,
  }
  return {
    ...rest,
    actor,
    actorIsDefault: options.actorIsDefault ?? actor === c.actors[0],
    frameRange,
    headline: headlineChart(details, actor, c.scales),
    headlineSentence: headlineSentence(details, actor),
    ...(options.cue && { cue: options.cue }),
    columns: columns.map((column) => {
      const framing = column.article.detail.actors[actor.id] ?? null
      const evidence = Object.fromEntries(
        GROUPS.map((g) => [g.key, framing ? framing.evidence.filter(g.test) : []]),
      ) as Record<EvidenceGroupKey, ActorEvidence[]>
      return {
        ...column,
        frames: COLUMN_CHARTS['frame-shares'](column.article.detail, context),
        framing,
        evidence,
      }
    }),
  }
}
