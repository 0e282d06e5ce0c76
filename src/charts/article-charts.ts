/**
 * Charts of one article: on its own page, and as the columns of a comparison, where the caller
 * passes ranges shared by every column (`compareScales`) so equal bars mean equal numbers.
 */
import type { Actor, ArticleAnalysis, ArticleDetail } from '../analysis/index.js'
import { ACTOR_TONE_HOW } from './corpus-charts.js'
import { symmetricRange, tickStep, zeroToMax } from './scales.js'
import {
  SIGN_COLOURS,
  baseOptions,
  fill,
  signColour,
  type AxisRange,
  type ChartSpec,
} from './spec.js'

const fmt = (x: number) => (Math.round(x * 100) / 100).toString()

/** Absent actors keep their place on the axis, named as absent, so a gap is never read as 0. */
function actorLabel(article: ArticleAnalysis, actor: Actor): string | string[] {
  return article.actors[actor.id] ? actor.label : [actor.label, '(absent)']
}

/** Bars per actor: tone toward each actor in this article. */
export function actorToneInArticle(
  article: ArticleAnalysis,
  actors: readonly Actor[],
  range: AxisRange = symmetricRange(
    [1, ...actors.map((x) => article.actors[x.id]?.tone ?? 0)],
    0.5,
  ),
): ChartSpec {
  return {
    id: 'actor-tone',
    title: 'Tone toward each actor',
    howComputed: ACTOR_TONE_HOW,
    methods: 'actor-tone',
    summary: actors
      .map((x) => {
        const f = article.actors[x.id]
        return `${x.label}: ${f ? `${fmt(f.tone)} (${f.label})` : 'absent'}`
      })
      .join(', '),
    config: {
      type: 'bar',
      data: {
        labels: actors.map((x) => actorLabel(article, x)),
        datasets: [
          {
            label: 'tone',
            data: actors.map((x) => article.actors[x.id]?.tone ?? null),
            backgroundColor: actors.map((x) => fill(x.colour)),
            borderColor: actors.map((x) => x.colour),
            borderWidth: 1,
            // A tone of exactly 0 still shows as a sliver, so only an absent actor has no bar.
            minBarLength: 3,
          },
        ],
      },
      options: {
        ...baseOptions(),
        plugins: { legend: { display: false } },
        scales: {
          y: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: 'tone (mean clause score)' },
          },
        },
      },
    },
    points: [
      actors.map((x) => (article.actors[x.id] ? { article: article.id, actor: x.id } : null)),
    ],
  }
}

/** Bars per actor: how many times each actor is named. */
export function mentionsInArticle(
  article: ArticleAnalysis,
  actors: readonly Actor[],
  range: AxisRange = zeroToMax(
    actors.map((x) => article.actors[x.id]?.mentions ?? 0),
    5,
  ),
): ChartSpec {
  return {
    id: 'mentions',
    title: 'Mentions of each actor',
    howComputed:
      'Times any alias of the actor is named in the body (exclusions such as “South Korea” for North Korea left out).',
    methods: 'salience',
    summary: actors
      .map((x) => {
        const f = article.actors[x.id]
        return `${x.label}: ${f ? `${f.mentions} (${fmt(f.share)} %)` : 'absent'}`
      })
      .join(', '),
    config: {
      type: 'bar',
      data: {
        labels: actors.map((x) => actorLabel(article, x)),
        datasets: [
          {
            label: 'mentions',
            data: actors.map((x) => article.actors[x.id]?.mentions ?? null),
            backgroundColor: actors.map((x) => fill(x.colour)),
            borderColor: actors.map((x) => x.colour),
            borderWidth: 1,
          },
        ],
      },
      options: {
        ...baseOptions(),
        plugins: { legend: { display: false } },
        scales: {
          y: {
            min: range.min,
            max: range.max,
            ticks: { precision: 0, stepSize: tickStep(range) },
            title: { display: true, text: 'mentions' },
          },
        },
      },
    },
    points: [
      actors.map((x) => (article.actors[x.id] ? { article: article.id, actor: x.id } : null)),
    ],
  }
}

/** Positive and negative words per 1,000 words (negative drawn below 0) and the net tone. */
export function toneRatesInArticle(
  article: ArticleAnalysis,
  range: AxisRange = symmetricRange(
    [article.tone.positivePer1000, article.tone.negativePer1000, article.tone.per1000],
    10,
  ),
): ChartSpec {
  const { positivePer1000, negativePer1000, per1000 } = article.tone
  return {
    id: 'tone-rates',
    title: 'Document tone per 1,000 words',
    howComputed:
      'Positive and negative scored words per 1,000 words (GDELT-style), and the net tone: the sum of all word values per 1,000 words.',
    methods: 'document-tone',
    summary: `positive words ${fmt(positivePer1000)}, negative words ${fmt(negativePer1000)}, net tone ${fmt(per1000)} per 1,000 words`,
    config: {
      type: 'bar',
      data: {
        labels: ['positive words', 'negative words', 'net tone'],
        datasets: [
          {
            label: 'per 1,000 words',
            data: [positivePer1000, -negativePer1000, per1000],
            backgroundColor: [SIGN_COLOURS.positive, SIGN_COLOURS.negative, signColour(per1000)],
            borderWidth: 0,
          },
        ],
      },
      options: {
        ...baseOptions(),
        plugins: { legend: { display: false } },
        scales: {
          y: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: 'per 1,000 words' },
          },
        },
      },
    },
  }
}

/** One bar per sentence (Framelens' score) with the `sentiment` package's own score as a line. */
export function sentenceTone(detail: ArticleDetail): ChartSpec {
  const scores = detail.sentenceSpans.map((s) => s.score)
  const range = symmetricRange([...scores, ...detail.sentenceSpans.map((s) => s.sentimentScore)], 2)
  return {
    id: 'sentence-tone',
    title: 'Tone sentence by sentence',
    howComputed:
      'Bars: sum of the scored words of each sentence (negation scope, contrast, scare quotes). Line: what the sentiment package alone gives the same sentence.',
    methods: 'sentence-tone',
    summary: `${scores.length} sentences; most negative ${fmt(Math.min(0, ...scores))}, most positive ${fmt(Math.max(0, ...scores))}`,
    config: {
      type: 'bar',
      data: {
        labels: scores.map((_, i) => String(i + 1)),
        datasets: [
          {
            type: 'bar',
            label: 'Framelens score',
            data: scores,
            backgroundColor: scores.map(signColour),
            borderWidth: 0,
            order: 2,
          },
          {
            type: 'line',
            label: 'sentiment package',
            data: detail.sentenceSpans.map((s) => s.sentimentScore),
            borderColor: '#333333',
            backgroundColor: '#333333',
            borderWidth: 1,
            pointRadius: 2,
            order: 1,
          },
        ],
      },
      options: {
        ...baseOptions(),
        scales: {
          x: { title: { display: true, text: 'sentence' } },
          y: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: 'score' },
          },
        },
      },
    },
  }
}
