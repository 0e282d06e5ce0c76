/**
 * The shared length scale of the framing tables' bars: the largest value over the articles shown
 * side by side, so equal bars mean equal rates in every column (the comparison) or against the
 * corpus (an article page).
 */
import type { ArticleDigest } from '../domain/digest.js'

/** The largest loaded-language rate (per 1,000 words) of any category in `articles`, or 0. */
export const loadedMax = (articles: readonly ArticleDigest[]) =>
  Math.max(
    0,
    ...articles.flatMap((a) => Object.values(a.framing.loaded.categories).map((c) => c.per1000)),
  )

/** The largest hedging rate (per 1,000 words) of `articles`, or 0. */
export const hedgingMax = (articles: readonly ArticleDigest[]) =>
  Math.max(0, ...articles.map((a) => a.framing.hedging.per1000))
