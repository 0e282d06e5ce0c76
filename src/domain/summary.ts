/**
 * An article of the corpus as the JSON documents carry it (`/api/articles`, `/api/compare`, the
 * analysis export): the CLI's `ArticleAnalysis` plus the front matter that says where it came from.
 */
import { summarize, type ArticleAnalysis } from '../analysis/index.js'
import type { ArticleMeta, StoredArticle } from '../corpus-store.js'

/** An article of the corpus in the CLI's shape plus where it came from. */
export type ArticleSummary = ArticleAnalysis & { meta: ArticleMeta }

/** The summary of a stored article (see `ArticleSummary`). */
export function articleSummary(article: StoredArticle): ArticleSummary {
  return { ...summarize(article.detail), meta: article.meta }
}
