/** The messages between `AnalyzePool` and its worker threads (plain, structured-cloneable data). */
import type { Actor, AnalysedArticle, ArticleAnalysis, ArticleInput } from '../analysis/index.js'

/** One request's articles; each names its actor set by index, so shared sets are sent once. */
export interface AnalyzeJob {
  id: number
  actorSets: Actor[][]
  articles: { input: ArticleInput; actorSet: number }[]
  /**
   * Each article's whole analysis (spans and term counts, for the store) instead of the
   * summaries of a set analysed together (with distinctive terms among them, for the API).
   */
  full?: boolean
}

export type AnalyzeReply =
  | { id: number; ok: true; articles: ArticleAnalysis[] }
  | { id: number; ok: true; analysed: AnalysedArticle[] }
  | { id: number; ok: false; kind: 'limit' | 'bug'; index: number; message: string }
