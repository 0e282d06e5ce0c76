/**
 * The overview's charts: every article of the corpus on one axis. Colours come from the actor
 * definitions, so an actor looks the same in every chart, table and highlight. Headlines are
 * wrapped into lines, never cut, and each bar's tooltip title is the whole headline on one line.
 */
import { TONE_THRESHOLDS, type Actor } from '../analysis/index.js'
import type { ActorDigest, ArticleDigest } from '../domain/digest.js'
import { symmetricRange, tickStep } from './scales.js'
import {
  DECIMALS,
  baseOptions,
  chartNumber,
  chartText,
  fill,
  roundTo,
  signColour,
  wrapLabel,
  type ChartPoint,
  type ChartSpec,
} from './spec.js'

const tone = (x: number) => roundTo(x, DECIMALS.tone)
const share = (x: number) => roundTo(x, DECIMALS.share)
const per1000 = (x: number) => roundTo(x, DECIMALS.per1000)

/** The caption of every tone-toward-an-actor chart, with the label thresholds from the engine. */
export const ACTOR_TONE_HOW =
  `The average score of the sentence parts (clauses) that name the actor, counting only the ` +
  `words that judge it; ≤ ${TONE_THRESHOLDS.negative} is labelled negative, ≥ ${TONE_THRESHOLDS.positive} positive. ` +
  `No bar: the actor is absent (never named).`

/** The text a screen reader gets for a by-article chart: each article, then each actor's value. */
function byArticleSummary(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
  describe: (framing: ActorDigest) => string,
): string {
  return articles
    .map(
      (a) =>
        `${a.title}: ` +
        actors
          .map((x) => {
            const f = a.actors[x.id]
            return `${x.label} ${f ? describe(f) : 'absent'}`
          })
          .join(', '),
    )
    .join('. ')
}

/** What each bar is (article and actor) for click-through; null where the actor is absent. */
function actorPoints(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
): (ChartPoint | null)[][] {
  return actors.map((x) =>
    articles.map((a): ChartPoint | null =>
      a.actors[x.id] ? { article: a.id, actor: x.id } : null,
    ),
  )
}

/** Grouped bars: tone toward each actor (one colour per actor) in each article. */
export function actorToneByArticle(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
): ChartSpec {
  const range = symmetricRange(
    [1, ...articles.flatMap((a) => actors.map((x) => a.actors[x.id]?.tone ?? 0))],
    0.5,
  )
  return {
    id: 'actor-tone-by-article',
    title: 'How kind or harsh the words about each actor are, by article (tone)',
    howComputed: ACTOR_TONE_HOW,
    methods: 'actor-tone',
    summary: byArticleSummary(
      articles,
      actors,
      (f) => `${chartNumber(f.tone, DECIMALS.tone)} (${f.label})`,
    ),
    config: {
      type: 'bar',
      data: {
        labels: articles.map((a) => wrapLabel(a.title, 26, 2)),
        datasets: actors.map((x) => ({
          label: chartText(x.label),
          // null, not 0, for an absent actor: no bar is drawn, and absent is not neutral.
          data: articles.map((a) => {
            const f = a.actors[x.id]
            return f ? tone(f.tone) : null
          }),
          backgroundColor: fill(x.colour),
          borderColor: x.colour,
          borderWidth: 1,
          // A tone of exactly 0 still shows as a sliver, so only an absent actor has no bar.
          minBarLength: 3,
        })),
      },
      options: {
        ...baseOptions(),
        // Horizontal bars: headlines are long and read better as lines beside the bars than
        // as slanted ticks under them, and tone reads left (negative) to right (positive).
        indexAxis: 'y',
        scales: {
          x: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: 'harsh ← tone → kind' },
          },
          // Every article keeps its label: Chart.js would otherwise skip some when they crowd.
          y: { ticks: { autoSkip: false } },
        },
      },
    },
    points: actorPoints(articles, actors),
    tooltips: articles.map((a) => chartText(a.title)),
  }
}

/** Stacked bars: each actor's share of all actor mentions in each article (adds up to 100 %). */
export function mentionShareByArticle(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
): ChartSpec {
  return {
    id: 'mention-share-by-article',
    title: 'Share of mentions by actor',
    howComputed:
      'Mentions of each actor (any of its aliases, exclusions left out) as a percentage of all actor mentions in the article.',
    methods: 'salience',
    summary: byArticleSummary(
      articles,
      actors,
      (f) => `${chartNumber(f.share, DECIMALS.share)} % (${f.mentions} mentions)`,
    ),
    config: {
      type: 'bar',
      data: {
        labels: articles.map((a) => wrapLabel(a.title, 26, 2)),
        datasets: actors.map((x) => ({
          label: chartText(x.label),
          data: articles.map((a) => {
            const f = a.actors[x.id]
            return f ? share(f.share) : null
          }),
          backgroundColor: fill(x.colour),
          borderColor: x.colour,
          borderWidth: 1,
        })),
      },
      options: {
        ...baseOptions(),
        indexAxis: 'y',
        scales: {
          x: {
            stacked: true,
            min: 0,
            max: 100,
            title: { display: true, text: '% of actor mentions' },
          },
          y: { stacked: true, ticks: { autoSkip: false } },
        },
      },
    },
    points: actorPoints(articles, actors),
    tooltips: articles.map((a) => chartText(a.title)),
  }
}

/** One bar per article: the document's tone per 1,000 words, coloured by sign. */
export function documentToneByArticle(articles: readonly ArticleDigest[]): ChartSpec {
  const values = articles.map((a) => per1000(a.tone.per1000))
  const range = symmetricRange(values, 10)
  return {
    id: 'document-tone-by-article',
    title: 'How kind or harsh the words are overall, per 1,000 words (document tone)',
    howComputed:
      'All word values added up (from the AFINN-165 word list and the news additions, a “not” and a “but” applied), per 1,000 words.',
    methods: 'document-tone',
    summary: articles
      .map((a) => `${a.title}: ${chartNumber(a.tone.per1000, DECIMALS.per1000)}`)
      .join('. '),
    config: {
      type: 'bar',
      data: {
        labels: articles.map((a) => wrapLabel(a.title, 26, 2)),
        datasets: [
          {
            label: 'tone per 1,000 words',
            data: values,
            backgroundColor: values.map(signColour),
            borderWidth: 0,
          },
        ],
      },
      options: {
        ...baseOptions(),
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: {
          x: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: 'tone per 1,000 words' },
          },
          y: { ticks: { autoSkip: false } },
        },
      },
    },
    points: [articles.map((a) => ({ article: a.id }))],
    tooltips: articles.map((a) => chartText(a.title)),
  }
}

/** Hits of a keyword-in-context query per article. */
export function termHitsByArticle(
  counts: readonly { id: string; title: string; count: number }[],
  query: string,
): ChartSpec {
  return {
    id: 'term-hits-by-article',
    title: `“${query}” per article`,
    howComputed:
      'Occurrences of the query as whole words in any of their forms (dictator also finds dictators, Russia finds Russia’s), case-insensitive.',
    methods: 'kwic',
    summary: counts.map((c) => `${c.title}: ${c.count}`).join('. '),
    config: {
      type: 'bar',
      data: {
        labels: counts.map((c) => wrapLabel(c.title, 26, 2)),
        datasets: [
          { label: 'occurrences', data: counts.map((c) => c.count), backgroundColor: '#555555cc' },
        ],
      },
      options: {
        ...baseOptions(),
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { min: 0, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
      },
    },
    points: [counts.map((c) => ({ article: c.id }))],
    tooltips: counts.map((c) => chartText(c.title)),
  }
}
