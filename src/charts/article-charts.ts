/**
 * Charts of one article: on its own page, and as the columns of a comparison, where the caller
 * passes ranges shared by every column (`compareScales`) so equal bars mean equal numbers.
 * Values are rounded as the tables print them (`roundTo`), so a tooltip matches its table cell.
 */
import type { Actor, ArticleDetail } from '../analysis/index.js'
import type { ActorDigest, ArticleDigest } from '../domain/digest.js'
import { ACTOR_TONE_HOW } from './corpus-charts.js'
import { symmetricRange, tickStep, zeroToMax } from './scales.js'
import {
  DECIMALS,
  SIGN_COLOURS,
  baseOptions,
  chartNumber,
  chartText,
  fill,
  roundTo,
  signColour,
  type AxisRange,
  type ChartSpec,
} from './spec.js'

const fmt = (x: number, digits: number = DECIMALS.tone) => chartNumber(x, digits)

/** Absent actors keep their place on the axis, named as absent, so a gap is never read as 0. */
function actorLabel(article: ArticleDigest, actor: Actor): string | string[] {
  const label = chartText(actor.label)
  return article.actors[actor.id] ? label : [label, '(absent)']
}

/** What differs between the per-actor bar charts of an article. */
interface ActorBars {
  id: string
  title: string
  howComputed: string
  methods: string
  /** The dataset's label, and the value of a bar (null: the actor is absent). */
  label: string
  value: (framing: ActorDigest) => number
  /** How an actor reads in the chart's text summary. */
  describe: (framing: ActorDigest) => string
  axisTitle: string
  /** Whole numbers on the axis (counts). */
  integer: boolean
  /** A bar of value 0 still shows (tone 0 is not absence). */
  minBarLength?: number
}

/** One bar per actor, coloured by actor; absent actors keep their place, named as absent. */
function actorBars(
  article: ArticleDigest,
  actors: readonly Actor[],
  range: AxisRange,
  c: ActorBars,
): ChartSpec {
  return {
    id: c.id,
    title: c.title,
    howComputed: c.howComputed,
    methods: c.methods,
    summary: actors
      .map((x) => {
        const f = article.actors[x.id]
        return `${x.label}: ${f ? c.describe(f) : 'absent'}`
      })
      .join(', '),
    config: {
      type: 'bar',
      data: {
        labels: actors.map((x) => actorLabel(article, x)),
        datasets: [
          {
            label: c.label,
            data: actors.map((x) => {
              const f = article.actors[x.id]
              return f ? c.value(f) : null
            }),
            backgroundColor: actors.map((x) => fill(x.colour)),
            borderColor: actors.map((x) => x.colour),
            borderWidth: 1,
            ...(c.minBarLength !== undefined ? { minBarLength: c.minBarLength } : {}),
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
            ticks: c.integer
              ? { precision: 0, stepSize: tickStep(range) }
              : { stepSize: tickStep(range) },
            title: { display: true, text: c.axisTitle },
          },
        },
      },
    },
    points: [
      actors.map((x) => (article.actors[x.id] ? { article: article.id, actor: x.id } : null)),
    ],
  }
}

/** Bars per actor: tone toward each actor in this article. */
export function actorToneInArticle(
  article: ArticleDigest,
  actors: readonly Actor[],
  range: AxisRange = symmetricRange(
    [1, ...actors.map((x) => article.actors[x.id]?.tone ?? 0)],
    0.5,
  ),
): ChartSpec {
  return actorBars(article, actors, range, {
    id: 'actor-tone',
    title: 'How kind or harsh the words about each actor are (tone)',
    howComputed: ACTOR_TONE_HOW,
    methods: 'actor-tone',
    label: 'tone',
    value: (f) => roundTo(f.tone, DECIMALS.tone),
    describe: (f) => `${fmt(f.tone)} (${f.label})`,
    axisTitle: 'harsh ← tone → kind',
    integer: false,
    // A tone of exactly 0 still shows as a sliver, so only an absent actor has no bar.
    minBarLength: 3,
  })
}

/** Bars per actor: how many times each actor is named. */
export function mentionsInArticle(
  article: ArticleDigest,
  actors: readonly Actor[],
  range: AxisRange = zeroToMax(
    actors.map((x) => article.actors[x.id]?.mentions ?? 0),
    5,
  ),
): ChartSpec {
  return actorBars(article, actors, range, {
    id: 'mentions',
    title: 'Mentions of each actor',
    howComputed:
      'Times any alias of the actor is named in the body (exclusions such as “South Korea” for North Korea left out).',
    methods: 'salience',
    label: 'mentions',
    value: (f) => f.mentions,
    describe: (f) => `${f.mentions} (${fmt(f.share, DECIMALS.share)} %)`,
    axisTitle: 'mentions',
    integer: true,
  })
}

/** Positive and negative words per 1,000 words (negative drawn below 0) and the net tone. */
export function toneRatesInArticle(
  article: ArticleDigest,
  range: AxisRange = symmetricRange(
    [article.tone.positivePer1000, article.tone.negativePer1000, article.tone.per1000],
    10,
  ),
): ChartSpec {
  const rate = (x: number) => roundTo(x, DECIMALS.per1000)
  const positivePer1000 = rate(article.tone.positivePer1000)
  const negativePer1000 = rate(article.tone.negativePer1000)
  const per1000 = rate(article.tone.per1000)
  return {
    id: 'tone-rates',
    title: 'Kind and harsh words per 1,000 words (document tone)',
    howComputed:
      'Kind and harsh words (those with a value in the word list) per 1,000 words, and the balance (net tone): all word values added up, per 1,000 words (GDELT-style).',
    methods: 'document-tone',
    summary: `positive words ${positivePer1000}, negative words ${negativePer1000}, net tone ${per1000} per 1,000 words`,
    config: {
      type: 'bar',
      data: {
        labels: ['kind words', 'harsh words', 'balance (net tone)'],
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

/** The sentence as a tooltip shows it: its text on one line, flags spelled out. */
function sentenceText(detail: ArticleDetail, span: { start: number; end: number }): string {
  return chartText(detail.text.slice(span.start, span.end))
}

/** The sign datasets of the sentence chart: one colour each, so the legend names every colour. */
const SENTENCE_SIGNS = [
  { sign: 'negative', test: (x: number) => x < 0, colour: SIGN_COLOURS.negative },
  { sign: 'positive', test: (x: number) => x > 0, colour: SIGN_COLOURS.positive },
] as const

/**
 * One bar per sentence (Framelens' score) with the `sentiment` package's own score as a line.
 * The bars are one dataset per sign, drawn on the same slot (`grouped: false`), rather than one
 * dataset coloured bar by bar: Chart.js gives a dataset one legend swatch, so the legend can then
 * name both colours ("Framelens score: negative", "…: positive"). A sentence scoring 0 has no
 * bar. `tooltips[i]` is the text of sentence i + 1, for the tooltip title.
 */
export function sentenceTone(detail: ArticleDetail): ChartSpec {
  const scores = detail.sentenceSpans.map((s) => roundTo(s.score, DECIMALS.tone))
  const package_ = detail.sentenceSpans.map((s) => roundTo(s.sentimentScore, DECIMALS.tone))
  const range = symmetricRange([...scores, ...package_], 2)
  const signs = SENTENCE_SIGNS.filter((s) => scores.some(s.test))
  return {
    id: 'sentence-tone',
    title: 'How kind or harsh each sentence is (sentence tone)',
    howComputed:
      'Bars: the word values of each sentence added up (a “not” flips the words after it, “but” weighs what follows, scare quotes count nothing). Line: what a simpler tool, the sentiment package, gives the same sentence.',
    methods: 'sentence-tone',
    summary: `${scores.length} sentences; most negative ${fmt(Math.min(0, ...scores))}, most positive ${fmt(Math.max(0, ...scores))}`,
    config: {
      type: 'bar',
      data: {
        labels: scores.map((_, i) => String(i + 1)),
        datasets: [
          ...signs.map((s) => ({
            type: 'bar' as const,
            label: `Framelens score: ${s.sign}`,
            // null where the sentence has the other sign (or 0): no bar in this dataset.
            data: scores.map((x) => (s.test(x) ? x : null)),
            backgroundColor: s.colour,
            borderWidth: 0,
            grouped: false,
            order: 2,
          })),
          {
            type: 'line',
            label: 'sentiment package',
            data: package_,
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
            title: { display: true, text: 'word values added up' },
          },
        },
      },
    },
    tooltips: detail.sentenceSpans.map((s) => sentenceText(detail, s)),
  }
}
