/**
 * The two charts of the trends page: the mean tone toward each actor per group (a month, a week
 * or an outlet), as lines over time or dots by outlet, and each actor's share of the mentions
 * per group, as stacked bars. They take plain numbers per group (the view model's, see
 * src/view-models/trends.ts); a group where an actor is never named has no point (null), since
 * absent is not neutral. Each point leads to the articles behind it.
 */
import type { Actor } from '../analysis/index.js'
import { symmetricRange, tickStep } from './scales.js'
import {
  baseOptions,
  chartNumber,
  chartText,
  DECIMALS,
  fill,
  roundTo,
  type ChartPoint,
  type ChartSpec,
} from './spec.js'

export interface TrendSeriesGroup {
  key: string
  label: string
  byActor: Record<string, { meanTone: number | null; articles: number; share: number }>
}

/** A point of a trend chart leads to its group's articles: `category` holds the group's key. */
const points = (groups: readonly TrendSeriesGroup[], actors: readonly Actor[]) =>
  actors.map((x) =>
    groups.map((g): ChartPoint | null =>
      g.byActor[x.id]?.articles ? { article: '', actor: x.id, category: g.key } : null,
    ),
  )

export function toneTrend(
  groups: readonly TrendSeriesGroup[],
  actors: readonly Actor[],
  overTime: boolean,
): ChartSpec {
  const values = groups.flatMap((g) => actors.map((x) => g.byActor[x.id]?.meanTone ?? 0))
  const range = symmetricRange([0.5, ...values], 0.5)
  return {
    id: 'tone-trend',
    title: overTime
      ? 'How kind or harsh the words about each actor are, over time (tone)'
      : 'How kind or harsh the words about each actor are, by outlet (tone)',
    howComputed:
      'Each point is the average of the articles’ tone toward the actor (each article’s average ' +
      'score of the sentence parts that name it), over the articles of that group that name it; the table gives how many.',
    methods: 'actor-tone',
    summary: actors
      .map(
        (x) =>
          `${x.label}: ` +
          groups
            .map((g) => {
              const a = g.byActor[x.id]
              return `${g.label} ${a?.meanTone == null ? 'not named' : `${chartNumber(a.meanTone, DECIMALS.tone)} (${a.articles} articles)`}`
            })
            .join(', '),
      )
      .join('; '),
    config: {
      type: 'line',
      data: {
        labels: groups.map((g) => chartText(g.label)),
        datasets: actors.map((x) => ({
          label: chartText(x.label),
          data: groups.map((g) => {
            const t = g.byActor[x.id]?.meanTone
            return t == null ? null : roundTo(t, DECIMALS.tone)
          }),
          borderColor: x.colour,
          backgroundColor: fill(x.colour),
          // Outlets are not a sequence: dots only. Over time the line breaks where the actor is
          // not named, rather than draw a trend through a month that says nothing of it.
          showLine: overTime,
          spanGaps: false,
          pointRadius: 5,
        })),
      },
      options: {
        ...baseOptions(),
        scales: {
          y: {
            min: range.min,
            max: range.max,
            ticks: { stepSize: tickStep(range) },
            title: { display: true, text: 'harsh ← average tone → kind' },
          },
        },
      },
    },
    points: points(groups, actors),
  }
}

export function mentionShareTrend(
  groups: readonly TrendSeriesGroup[],
  actors: readonly Actor[],
  overTime: boolean,
): ChartSpec {
  return {
    id: 'mention-share-trend',
    title: overTime ? 'Share of mentions over time' : 'Share of mentions by outlet',
    howComputed:
      'Each bar is split by the share of all actor mentions in that group’s articles that name ' +
      'each actor; it adds up to 100 % where any actor is named.',
    methods: 'salience',
    summary: groups
      .map(
        (g) =>
          `${g.label}: ` +
          actors
            .map((x) => `${x.label} ${chartNumber(g.byActor[x.id]?.share ?? 0, DECIMALS.share)} %`)
            .join(', '),
      )
      .join('; '),
    config: {
      type: 'bar',
      data: {
        labels: groups.map((g) => chartText(g.label)),
        datasets: actors.map((x) => ({
          label: chartText(x.label),
          data: groups.map((g) => roundTo(g.byActor[x.id]?.share ?? 0, DECIMALS.share)),
          backgroundColor: fill(x.colour),
          borderColor: x.colour,
          borderWidth: 1,
        })),
      },
      options: {
        ...baseOptions(),
        scales: {
          x: { stacked: true },
          y: {
            stacked: true,
            min: 0,
            max: 100,
            title: { display: true, text: '% of actor mentions' },
          },
        },
      },
    },
    points: points(groups, actors),
  }
}
