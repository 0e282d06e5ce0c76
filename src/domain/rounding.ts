/**
 * The one rounding of every number a reader sees: the tables (views/format.ts) and the charts
 * (src/charts: their data, tooltips and text alternatives) both round here, so a chart never
 * says −0.37 where the table beside it says −0.38.
 *
 * Why the two disagreed: the tables printed with `toFixed`, which rounds a half away from zero
 * (−0.375 → −0.38), while the charts used `Math.round(x * 100) / 100`, which rounds a half up,
 * towards +∞ (−0.375 → −0.37). The engine rounds its outputs to three decimals, so halves at the
 * second decimal are common, and every negative one came out differently. `roundTo` is defined
 * by `toFixed`, so it agrees with the printed digits by construction.
 */

/** Decimals each kind of number is shown with, on the pages and in the charts alike. */
export const DECIMALS = {
  /** Tone toward an actor (mean clause score), a sentence's or an evidence score. */
  tone: 2,
  /** A percentage: share of mentions, of frame cues. */
  share: 1,
  /** A rate per 1,000 words: document tone, positive and negative words. */
  per1000: 1,
} as const

/**
 * `x` rounded to `digits` decimals as `x.toFixed(digits)` prints it (a half away from zero), as a
 * number; never −0, so a value that rounds to nothing has no sign.
 */
export function roundTo(x: number, digits: number): number {
  const r = Number(x.toFixed(digits))
  return r === 0 ? 0 : r
}
