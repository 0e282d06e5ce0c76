/**
 * Binary search over arrays in text order (tokens, mentions, clauses, spans): every stage that
 * looks something up by offset uses it, so the engine stays linear in the text.
 */
import type { Token } from './types.js'

/** First index in a sorted array for which `pred` holds (`pred` false then true), or length. */
export function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pred(items[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Index of the token that holds (or follows) a character offset; tokens.length past the end. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens, (t) => t.end > offset)
}
