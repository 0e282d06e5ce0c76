/**
 * The library's analyses run in worker threads (src/pool), so a large upload or a background
 * re-analysis never blocks the server's thread and uses every core. A refusal of the engine
 * (an article over a limit) comes back as the engine's own `AnalysisLimitError`, as it would
 * in this thread; the pool's time budget and queue refusals pass through for the routes to turn
 * into 503 Retry-After.
 */
import { AnalysisLimitError } from '../analysis/index.js'
import { ArticleLimitError, type AnalyzePool } from '../pool/analyze-pool.js'
import type { AnalyseFn } from './library.js'

export function analyseInPool(pool: AnalyzePool): AnalyseFn {
  return async (actors, inputs) => {
    try {
      return await pool.analyzeFull(inputs.map((input) => ({ input, actors })))
    } catch (err) {
      if (err instanceof ArticleLimitError) {
        const title = inputs[err.index]?.title
        const who = inputs.length > 1 && title ? `"${title}": ` : ''
        throw new AnalysisLimitError(`${who}${err.message}`, 'article-words')
      }
      throw err
    }
  }
}
