/**
 * The analysis engine's public surface: pure functions and types, no I/O. Everything outside
 * src/analysis imports the engine through this file only (the lint step enforces it), so the
 * constants the Methods page prints and the lexicons the views label cues with are exported here
 * too, and the modules behind it can be split or renamed without touching a view.
 */
export * from './types.js'
export { Analyzer, summarize, withDistinctiveTerms, type AnalysedArticle } from './analyze.js'
export {
  ActorMatcher,
  TARGET_PREPOSITIONS,
  TONE_THRESHOLDS,
  toneLabel,
  unmatchableAliases,
} from './actors.js'
export {
  DISTINCTIVE_MIN_COUNT,
  DISTINCTIVE_MIN_G2,
  DISTINCTIVE_TERMS,
  TOP_TERMS,
  kwic,
  kwicForms,
  wordForm,
  type KwicForm,
  distinctiveTerms,
  logLikelihood,
  mergeCounts,
  sumCounts,
  termCounts,
  topTerms,
} from './keywords.js'
export {
  FRAMES,
  HEDGES,
  LEXICON_INFO,
  LOADED_CATEGORIES,
  LOADED_EVALUATION,
  NAMING_EPITHETS,
  SENSE_TRAPS,
  SOURCING,
  sentimentPackageScore,
  type CueCategory,
  type LoadedCategory,
} from './lexicons.js'
export { normalizeText, termKey, tokenize } from './text.js'
export {
  CONTRAST_WEIGHT_AFTER,
  CONTRAST_WEIGHT_BEFORE,
  CONTRAST_WORDS,
  segment,
} from './segment.js'
export {
  NEGATED_NEGATIVE_FACTOR,
  NEGATION_FACTOR,
  SCARE_QUOTE_MAX_WORDS,
  isQuotedSpeech,
  scoreClauses,
  documentTone,
  round3,
} from './tone.js'
export { EPITHET_WINDOW, namingKey } from './framing/naming.js'
export { SUBJECT_WINDOW } from './framing/sourcing/index.js'
export { NEWSMTSC_MODEL, TOP_CONTRIBUTIONS, describeFeature } from './model/index.js'
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
