/** Shared test set-up: the default actors, resolved once, and a one-call analysis. */
import { Analyzer } from '../../src/analysis/index.js'
import type { ActorDef, ArticleDetail } from '../../src/analysis/index.js'
import { loadDefaultActors, resolveActors } from '../../src/corpus/actors.js'

export const defaultActors = resolveActors(await loadDefaultActors())
export const defaultAnalyzer = new Analyzer(defaultActors)

/** Analyses a tiny text with the default actors (or the given ones). */
export function analyse(text: string, actors?: ActorDef[], title?: string): ArticleDetail {
  const analyzer = actors ? new Analyzer(resolveActors(actors)) : defaultAnalyzer
  return analyzer.analyze({ id: 't', text, ...(title ? { title } : {}) }).detail
}

/** `word:value` for each scored word, in order: compact and exact. */
export function scores(d: ArticleDetail): string[] {
  return d.scoredWords.map((w) => `${w.text}:${w.value}${w.negated ? '(neg)' : ''}`)
}
