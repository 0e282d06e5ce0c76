/** The messages between `AnalyzePool` and its worker threads (plain, structured-cloneable data). */
import type { Actor, ArticleAnalysis, ArticleInput } from '../analysis/index.js'

/** One request's articles; each names its actor set by index, so shared sets are sent once. */
export interface AnalyzeJob {
  id: number
  actorSets: Actor[][]
  articles: { input: ArticleInput; actorSet: number }[]
}

export type AnalyzeReply =
  | { id: number; ok: true; articles: ArticleAnalysis[] }
  | { id: number; ok: false; kind: 'limit' | 'bug'; index: number; message: string }
