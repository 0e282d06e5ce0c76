/**
 * The worker thread behind `AnalyzePool`: receives articles with their actor sets, analyses them
 * with the pure engine and posts back the summaries in the CLI's shape. An input beyond the
 * engine's limits comes back as a `limit` failure naming the article, never as a crash.
 */
import { parentPort } from 'node:worker_threads'
import {
  AnalysisLimitError,
  Analyzer,
  summarize,
  withDistinctiveTerms,
  type Actor,
  type AnalysedArticle,
} from '../analysis/index.js'
import type { AnalyzeJob, AnalyzeReply } from './protocol.js'

/** Compiled analysers by actor set, so a steady stream of default-actor requests compiles once. */
const analyzers = new Map<string, Analyzer>()
const ANALYZER_CACHE = 8

function analyzerFor(actors: readonly Actor[]): Analyzer {
  const key = JSON.stringify(actors)
  let analyzer = analyzers.get(key)
  if (!analyzer) {
    analyzer = new Analyzer(actors)
    if (analyzers.size >= ANALYZER_CACHE) analyzers.delete(analyzers.keys().next().value!)
    analyzers.set(key, analyzer)
  }
  return analyzer
}

function run(job: AnalyzeJob): AnalyzeReply {
  const analysed: AnalysedArticle[] = []
  for (const [index, article] of job.articles.entries()) {
    try {
      analysed.push(analyzerFor(job.actorSets[article.actorSet]!).analyze(article.input))
    } catch (err) {
      if (err instanceof AnalysisLimitError)
        return { id: job.id, ok: false, kind: 'limit', index, message: err.message }
      throw err
    }
  }
  if (job.full) return { id: job.id, ok: true, analysed }
  return { id: job.id, ok: true, articles: withDistinctiveTerms(analysed).map(summarize) }
}

parentPort!.on('message', (job: AnalyzeJob) => {
  let reply: AnalyzeReply
  try {
    reply = run(job)
  } catch (err) {
    reply = { id: job.id, ok: false, kind: 'bug', index: -1, message: String(err) }
  }
  parentPort!.postMessage(reply)
})
