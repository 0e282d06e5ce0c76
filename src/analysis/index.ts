/** The analysis engine's public surface: pure functions and types, no I/O. */
export * from './types.js'
export { Analyzer, summarize, withDistinctiveTerms, type AnalysedArticle } from './analyze.js'
export { ActorMatcher, TONE_THRESHOLDS, toneLabel, unmatchableAliases } from './actors.js'
export { kwic, distinctiveTerms, logLikelihood, termCounts, topTerms } from './keywords.js'
export { LEXICON_INFO, sentimentPackageScore } from './lexicons.js'
export { normalizeText, tokenize } from './text.js'
export { segment } from './segment.js'
export { scoreClauses, documentTone, round3 } from './tone.js'
export {
  AnalysisLimitError,
  MAX_ACTORS,
  MAX_ALIASES,
  MAX_ALIAS_CHARS,
  MAX_ALIAS_WORDS,
  MAX_ARTICLE_WORDS,
  MAX_SENTENCE_TOKENS,
  aliasProblem,
  checkActorSet,
  type LimitName,
} from './limits.js'
