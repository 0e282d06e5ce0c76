/**
 * The overview's charts for a collection too large for a bar per article: how many articles
 * fall in each band of tone toward each actor (a histogram; an article that never names the
 * actor is in no band, since absent is not neutral), and each actor's share of all actor
 * mentions in the collection. Both are sums over the articles, so they stay one screen wide
 * however many articles there are.
 */
import type { Actor } from '../analysis/index.js'
import type { ArticleDigest } from '../domain/digest.js'
import {
  baseOptions,
  chartNumber,
  chartText,
  DECIMALS,
  fill,
  roundTo,
  type ChartSpec,
} from './spec.js'

/** Width of a tone band, and the outermost bands (tones beyond fall in them). */
export const TONE_BAND = 0.5
export const TONE_LIMIT = 3

/** The bands: "≤ −2.5", "−2.5 to −2", …, "≥ 2.5". */
export function toneBands(): { from: number; to: number; label: string }[] {
  const bands = []
  for (let from = -TONE_LIMIT; from < TONE_LIMIT; from += TONE_BAND) {
    const to = from + TONE_BAND
    const f = (x: number) => chartNumber(x, 1).replace('-', '−')
    const label =
      from === -TONE_LIMIT
        ? `below ${f(to)}`
        : to === TONE_LIMIT
          ? `${f(from)} and above`
          : `${f(from)} to ${f(to)}`
    bands.push({ from, to, label })
  }
  return bands
}

export function bandOf(tone: number): number {
  const i = Math.floor((tone + TONE_LIMIT) / TONE_BAND)
  return Math.min(Math.max(i, 0), (2 * TONE_LIMIT) / TONE_BAND - 1)
}

export function toneDistribution(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
): ChartSpec {
  const bands = toneBands()
  const counts = actors.map((x) => {
    const row = bands.map(() => 0)
    for (const a of articles) {
      const f = a.actors[x.id]
      if (f) row[bandOf(f.tone)]!++
    }
    return row
  })
  return {
    id: 'actor-tone-distribution',
    title: 'How many articles are kind or harsh about each actor (tone)',
    howComputed:
      'Each bar counts the articles whose tone toward the actor (the average score of the sentence parts that name it) falls in ' +
      `that band of ${TONE_BAND}; articles that never name the actor are not counted.`,
    methods: 'actor-tone',
    summary: actors
      .map(
        (x, i) =>
          `${x.label}: ` +
          bands
            .map((b, j) => (counts[i]![j] ? `${counts[i]![j]} ${b.label}` : ''))
            .filter(Boolean)
            .join(', '),
      )
      .join('; '),
    config: {
      type: 'bar',
      data: {
        labels: bands.map((b) => b.label),
        datasets: actors.map((x, i) => ({
          label: chartText(x.label),
          data: counts[i]!,
          backgroundColor: fill(x.colour),
          borderColor: x.colour,
          borderWidth: 1,
        })),
      },
      options: {
        ...baseOptions(),
        scales: {
          x: { title: { display: true, text: 'harsh ← tone toward the actor → kind' } },
          y: { beginAtZero: true, title: { display: true, text: 'articles' } },
        },
      },
    },
  }
}

export function mentionShareTotal(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
): ChartSpec {
  const mentions = actors.map((x) =>
    articles.reduce((s, a) => s + (a.actors[x.id]?.mentions ?? 0), 0),
  )
  const all = mentions.reduce((s, m) => s + m, 0)
  const shares = mentions.map((m) => (all > 0 ? (100 * m) / all : 0))
  return {
    id: 'mention-share-total',
    title: 'Share of all actor mentions',
    howComputed: `Each actor's mentions in all ${articles.length} articles, as a share of all actor mentions.`,
    methods: 'salience',
    summary: actors
      .map(
        (x, i) =>
          `${x.label} ${chartNumber(shares[i]!, DECIMALS.share)} % (${mentions[i]} mentions)`,
      )
      .join(', '),
    config: {
      type: 'bar',
      data: {
        labels: actors.map((x) => chartText(x.label)),
        datasets: [
          {
            label: '% of actor mentions',
            data: shares.map((s) => roundTo(s, DECIMALS.share)),
            backgroundColor: actors.map((x) => fill(x.colour)),
            borderColor: actors.map((x) => x.colour),
            borderWidth: 1,
          },
        ],
      },
      options: {
        ...baseOptions(),
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { min: 0, max: 100, title: { display: true, text: '% of actor mentions' } } },
      },
    },
  }
}
