/**
 * Framing charts: which frames an article leans on, as each frame's share of its frame cues,
 * for the whole article and for the clauses that name each actor given. On the comparison every
 * column gets the same axis (`frameShareRange` over all of them) so equal bars mean equal shares.
 *
 * A share of 0 is drawn as a sliver (`minBarLength`) and only an absent actor has no bar: an actor
 * named 22 times whose clauses carry none of a frame's cues used to have no bar for that frame,
 * which the caption said meant "absent", so a reader took a present actor for a missing one.
 */
import { FRAMES, type Actor } from '../analysis/index.js'
import type { ArticleDigest } from '../domain/digest.js'
import { tickStep, zeroToMax } from './scales.js'
import {
  DECIMALS,
  baseOptions,
  chartNumber,
  chartText,
  fill,
  roundTo,
  wrapLabel,
  type AxisRange,
  type ChartPoint,
  type ChartSpec,
} from './spec.js'

/** The bars of the whole article: neutral grey, so the actors' colours stay theirs alone. */
export const ARTICLE_FRAME_COLOUR = '#5a5a5a'

const SHARE_STEP = 10

/** Pixels a share of 0 is drawn with, so "0 %" and "absent" look different. */
const ZERO_BAR = 3

const fmt = (x: number) => chartNumber(x, DECIMALS.share)
const share = (x: number) => roundTo(x, DECIMALS.share)

function actorShares(article: ArticleDigest, actor: Actor): (number | null)[] {
  const frames = article.framing.frames.byActor[actor.id]
  // null, not 0, for an absent actor: no bar, and absent is not "no frame".
  return FRAMES.map((f) => (frames ? share(frames.frames[f.id]?.share ?? 0) : null))
}

/** One range from 0 that holds every share drawn in any of `articles`. */
export function frameShareRange(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[] = [],
): AxisRange {
  const shares = articles.flatMap((a) => [
    ...FRAMES.map((f) => a.framing.frames.article[f.id]?.share ?? 0),
    ...actors.flatMap((x) => actorShares(a, x).map((s) => s ?? 0)),
  ])
  const range = zeroToMax(shares, SHARE_STEP)
  return { min: 0, max: Math.min(100, range.max) }
}

/** Horizontal bars per frame: its share of the article's frame cues, and of each actor's clauses. */
export function frameSharesInArticle(
  article: ArticleDigest,
  actors: readonly Actor[] = [],
  range: AxisRange = frameShareRange([article], actors),
): ChartSpec {
  const { frames } = article.framing
  const articleShares = FRAMES.map((f) => share(frames.article[f.id]?.share ?? 0))
  const summaryOf = (label: string, shares: (number | null)[], total: number | null) =>
    total === null
      ? `${label}: absent`
      : `${label} (${total} cues): ` +
        FRAMES.map((f, i) => `${f.label} ${fmt(shares[i] ?? 0)} %`).join(', ')
  return {
    id: 'frame-shares',
    title: 'Angles of the story: share of their signal words (frames)',
    howComputed:
      'Each angle’s signal words (frame cues) as a percentage of all of them, in the whole article and in the sentence parts that name the actor. A sliver: 0 %; no bar at all for an actor: absent (never named).',
    methods: 'frames',
    summary: [
      summaryOf('whole article', articleShares, frames.total),
      ...actors.map((x) =>
        summaryOf(
          `sentence parts naming ${x.label}`,
          actorShares(article, x),
          frames.byActor[x.id]?.total ?? null,
        ),
      ),
    ].join('. '),
    config: {
      type: 'bar',
      data: {
        labels: FRAMES.map((f) => wrapLabel(f.label, 16, 2)),
        datasets: [
          {
            label: 'whole article',
            data: articleShares,
            backgroundColor: fill(ARTICLE_FRAME_COLOUR),
            borderColor: ARTICLE_FRAME_COLOUR,
            borderWidth: 1,
            minBarLength: ZERO_BAR,
          },
          ...actors.map((x) => ({
            label: chartText(`sentence parts naming ${x.label}`),
            data: actorShares(article, x),
            backgroundColor: fill(x.colour),
            borderColor: x.colour,
            borderWidth: 1,
            // A null (absent) gets no bar even so; only 0 becomes a sliver.
            minBarLength: ZERO_BAR,
          })),
        ],
      },
      options: {
        ...baseOptions(),
        indexAxis: 'y',
        scales: {
          x: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: '% of signal words (frame cues)' },
          },
          // Every frame keeps its label: Chart.js would otherwise skip some when they crowd.
          y: { ticks: { autoSkip: false } },
        },
      },
    },
    points: [
      FRAMES.map((f): ChartPoint => ({ article: article.id, category: f.id })),
      ...actors.map((x) =>
        FRAMES.map((f): ChartPoint | null =>
          frames.byActor[x.id] ? { article: article.id, actor: x.id, category: f.id } : null,
        ),
      ),
    ],
  }
}
