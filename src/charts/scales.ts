/**
 * Shared axis ranges. Charts put side by side (the columns of a comparison) are only comparable
 * when their axes are the same, so the range is computed once over every article shown and
 * fixed in each chart instead of letting Chart.js fit each axis to its own data.
 */
import type { Actor } from '../analysis/index.js'
import type { ArticleDigest } from '../domain/digest.js'
import type { AxisRange } from './spec.js'

/** The smallest multiple of `step` at or above `x`, and at least `step` (an axis never collapses). */
export function niceCeil(x: number, step: number): number {
  return Math.max(step, Math.ceil(x / step - 1e-9) * step)
}

/** A range centred on 0 that holds every value: tone reads as above or below neutral. */
export function symmetricRange(values: readonly number[], step: number): AxisRange {
  const m = niceCeil(Math.max(0, ...values.map(Math.abs)), step)
  // End on a tick: with ±12 and ticks every 5 the axis would end on odd labels (12, −12).
  const tick = tickStep({ min: -m, max: m })
  const end = niceCeil(m, tick)
  return { min: -end, max: end }
}

/** A range from 0 that holds every value (counts, rates). */
export function zeroToMax(values: readonly number[], step: number): AxisRange {
  // 5 % headroom: a bar that touches the top of the box reads as cut off.
  const max = niceCeil(Math.max(0, ...values) * 1.05, step)
  return { min: 0, max: niceCeil(max, tickStep({ min: 0, max })) }
}

// No 0.25: Chart.js labels it "0.3" (one decimal), which reads as a wrong tick.
const STEPS = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]

const MAX_INTERVALS = 8
const isMultiple = (x: number, step: number) => Math.abs(x / step - Math.round(x / step)) < 1e-9

/**
 * A round tick step giving at most 8 intervals over the range, preferably one that both ends
 * fall on: Chart.js's own choice on a fixed range can leave odd ticks (−80, −50, 0, 50, 80).
 */
export function tickStep(range: AxisRange): number {
  const span = range.max - range.min
  const fitting = STEPS.filter((step) => span / step <= MAX_INTERVALS)
  return (
    fitting.find((step) => isMultiple(range.min, step) && isMultiple(range.max, step)) ??
    fitting[0] ??
    Math.ceil(span / MAX_INTERVALS)
  )
}

/** Axis ranges shared by the columns of a comparison. */
export interface CompareScales {
  /** Tone toward an actor (mean clause score). */
  tone: AxisRange
  /** Mentions per actor. */
  mentions: AxisRange
  /** Positive, negative and net tone per 1,000 words. */
  rates: AxisRange
}

/** Steps chosen so ticks fall on round numbers for the ranges these measures take. */
const TONE_STEP = 0.5
const MENTIONS_STEP = 5
const RATES_STEP = 10

/** One range per measure over every article and actor of the comparison. */
export function compareScales(
  articles: readonly ArticleDigest[],
  actors: readonly Actor[],
): CompareScales {
  const framings = articles.flatMap((a) => actors.map((actor) => a.actors[actor.id] ?? null))
  const present = framings.filter((f) => f !== null)
  const tone = symmetricRange(
    // Keep the label thresholds' neighbourhood on screen even when every tone is near 0.
    [1, ...present.map((f) => f.tone)],
    TONE_STEP,
  )
  const mentions = zeroToMax(
    present.map((f) => f.mentions),
    MENTIONS_STEP,
  )
  const rates = symmetricRange(
    articles.flatMap((a) => [a.tone.positivePer1000, a.tone.negativePer1000, a.tone.per1000]),
    RATES_STEP,
  )
  return { tone, mentions, rates }
}
