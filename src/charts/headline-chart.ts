/**
 * The comparison's headline chart: one actor across every compared article, its tone as bars and
 * its mentions as points on a second axis, with one plain sentence that says who is harder on the
 * actor ("“A” is more hostile to Russia than “B”: −0.56 vs −0.23, from 25 vs 19 mentions"). The
 * Compare page opens with it, so a reader gets the A-against-B answer before the columns; the
 * chart export draws the same spec (src/export/charts.ts, `actor-across-articles`).
 */
import type { Actor } from '../analysis/index.js'
import type { ArticleDigest } from '../domain/digest.js'
import { symmetricRange, tickStep, zeroToMax } from './scales.js'
import {
  DECIMALS,
  SIGN_COLOURS,
  baseOptions,
  chartText,
  fill,
  roundTo,
  wrapLabel,
  type AxisRange,
  type ChartSpec,
} from './spec.js'

/**
 * Two decimals, a real minus sign and a "+", as the tables write tone (views/format.ts `signed`,
 * both rounding with `roundTo`).
 */
export function headlineNumber(x: number): string {
  const r = roundTo(x, DECIMALS.tone)
  const s = Math.abs(r).toFixed(DECIMALS.tone)
  return r < 0 ? `\u2212${s}` : r > 0 ? `+${s}` : s
}

/** An article as the sentence names it: its title in quotes. */
const named = (a: ArticleDigest) => `“${a.title}”`

/**
 * The plain sentence under the headline chart: the most and the least hostile article toward
 * `actor` (the two ends when more than two are compared), then the articles that never name it.
 */
export function headlineSentence(articles: readonly ArticleDigest[], actor: Actor): string {
  const present = articles.filter((a) => a.actors[actor.id])
  const absent = articles.filter((a) => !a.actors[actor.id])
  const absentText =
    absent.length === 0
      ? ''
      : ` ${absent.map(named).join(' and ')} never name${absent.length === 1 ? 's' : ''} ${actor.label}.`
  if (present.length === 0) return `None of the compared articles names ${actor.label}.`
  if (present.length === 1) {
    const f = present[0]!.actors[actor.id]!
    return (
      `Only ${named(present[0]!)} names ${actor.label}: tone ${headlineNumber(f.tone)}, ` +
      `from ${f.mentions} mention${f.mentions === 1 ? '' : 's'}.${absentText}`
    )
  }
  const sorted = [...present].sort((a, b) => a.actors[actor.id]!.tone - b.actors[actor.id]!.tone)
  const low = sorted[0]!
  const high = sorted[sorted.length - 1]!
  const lf = low.actors[actor.id]!
  const hf = high.actors[actor.id]!
  const numbers =
    `${headlineNumber(lf.tone)} vs ${headlineNumber(hf.tone)}, ` +
    `from ${lf.mentions} vs ${hf.mentions} mentions`
  const ends = present.length > 2 ? ` (the two ends of ${present.length})` : ''
  if (headlineNumber(lf.tone) === headlineNumber(hf.tone)) {
    return `${named(low)} and ${named(high)} are as hard on ${actor.label}${ends}: ${numbers}.${absentText}`
  }
  // Below zero the lower tone is the more hostile; at or above zero, the less favourable.
  const verb = lf.tone < 0 ? 'more hostile to' : 'less favourable to'
  return `${named(low)} is ${verb} ${actor.label} than ${named(high)}${ends}: ${numbers}.${absentText}`
}

/**
 * Tone toward `actor` (bars, bottom axis, on `toneRange` when the comparison shares one) and its
 * mentions (diamonds, top axis) in each of `articles`, in the order compared. Horizontal, so the
 * articles' titles read as wrapped lines at the left on a phone as on a laptop, none skipped.
 */
export function actorAcrossArticles(
  articles: readonly ArticleDigest[],
  actor: Actor,
  toneRange: AxisRange = symmetricRange(
    [1, ...articles.map((a) => a.actors[actor.id]?.tone ?? 0)],
    0.5,
  ),
  mentionRange: AxisRange = zeroToMax(
    articles.map((a) => a.actors[actor.id]?.mentions ?? 0),
    5,
  ),
): ChartSpec {
  const tones = articles.map((a) => {
    const f = a.actors[actor.id]
    return f ? roundTo(f.tone, DECIMALS.tone) : null
  })
  const mentions = articles.map((a) => a.actors[actor.id]?.mentions ?? 0)
  return {
    id: 'actor-across-articles',
    title: `${actor.label}: how kind or harsh the words are (tone), and mentions, in each compared article`,
    howComputed:
      'Bars: how kind or harsh the words about the actor are, the average score of the sentence parts that name it (bottom axis). Diamonds: how many times the article names it (top axis). No bar: the article never names it.',
    methods: 'actor-tone',
    summary: headlineSentence(articles, actor),
    config: {
      type: 'bar',
      data: {
        labels: articles.map((a) =>
          a.actors[actor.id]
            ? wrapLabel(a.title, 26, 2)
            : [...wrapLabel(a.title, 26, 2), '(absent)'],
        ),
        datasets: [
          {
            type: 'bar',
            label: `tone toward ${actor.label}`,
            data: tones,
            backgroundColor: fill(actor.colour),
            borderColor: actor.colour,
            borderWidth: 1,
            minBarLength: 3,
            pointStyle: 'rect',
            xAxisID: 'x',
            order: 2,
          },
          {
            type: 'line',
            label: `mentions of ${actor.label}`,
            data: mentions,
            showLine: false,
            pointStyle: 'rectRot',
            pointRadius: 7,
            pointHoverRadius: 8,
            borderColor: SIGN_COLOURS.neutral,
            backgroundColor: '#333333',
            xAxisID: 'x1',
            order: 1,
          },
        ],
      },
      options: {
        ...baseOptions(),
        indexAxis: 'y',
        // Each legend entry drawn as its mark (a bar's square, the mentions' diamond).
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
        scales: {
          y: { ticks: { autoSkip: false } },
          x: {
            position: 'bottom',
            min: toneRange.min,
            max: toneRange.max,
            ticks: { stepSize: tickStep(toneRange) },
            title: { display: true, text: 'harsh ← tone → kind' },
          },
          x1: {
            position: 'top',
            min: mentionRange.min,
            max: mentionRange.max,
            grid: { drawOnChartArea: false },
            ticks: { precision: 0, stepSize: tickStep(mentionRange) },
            title: { display: true, text: 'mentions' },
          },
        },
      },
    },
    // The axis wraps each title into lines; the tooltip gives it whole, on one line.
    tooltips: articles.map((a) => chartText(a.title)),
    points: [
      articles.map((a) => (a.actors[actor.id] ? { article: a.id, actor: actor.id } : null)),
      articles.map((a) => (a.actors[actor.id] ? { article: a.id, actor: actor.id } : null)),
    ],
  }
}
