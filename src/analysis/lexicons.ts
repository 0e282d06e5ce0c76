/**
 * The word lists the engine reads, loaded once at import time from the package and from data
 * files (static imports, so the engine itself does no I/O). Each list says where it came from.
 *
 * AFINN-165 comes from the `sentiment` package. We register a *copy* of its English labels as
 * our own language: `sentiment.analyze(text, { extras })` would write extras into the module-wide
 * English labels and change every later call, so extras are never used.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Sentiment from 'sentiment'
import newsTone from '../../data/lexicons/news-tone.json' with { type: 'json' }
import negators from '../../data/lexicons/negators.json' with { type: 'json' }
import stopwords from '../../data/lexicons/stopwords.json' with { type: 'json' }
import type { LexiconSource } from './types.js'

const require = createRequire(import.meta.url)
// Read the file afresh rather than `require` it: sentiment merges its emoji scores into the
// cached labels object when it loads, so a required copy would depend on import order.
const afinnLabels = JSON.parse(
  readFileSync(require.resolve('sentiment/languages/en/labels.json'), 'utf8'),
) as Record<string, number>
const englishScoring = require('sentiment/languages/en/scoring-strategy.js') as {
  apply: (tokens: string[], cursor: number, tokenScore: number) => number
}

export interface ToneEntry {
  value: number
  source: LexiconSource
}

/** AFINN-165 as shipped by sentiment 5.0.2, frozen copy. */
export const AFINN: Readonly<Record<string, number>> = Object.freeze({ ...afinnLabels })
/** Framelens' news additions; they override AFINN where both list a word. */
export const NEWS_TONE: Readonly<Record<string, number>> = Object.freeze({ ...newsTone.words })

/** Every tone entry, phrase or word, with its source. */
export function toneEntries(): [string, ToneEntry][] {
  const entries = new Map<string, ToneEntry>()
  for (const [w, v] of Object.entries(AFINN)) entries.set(w, { value: v, source: 'afinn' })
  for (const [w, v] of Object.entries(NEWS_TONE)) entries.set(w, { value: v, source: 'news' })
  return [...entries]
}

export const NEGATORS: ReadonlySet<string> = new Set(negators.words)
export const NEGATION_SCOPE: number = negators.scope
export const NOT_NEGATIONS: readonly (readonly [string, string])[] = negators.notNegations.map(
  ([a, b]) => [a!, b!] as const,
)
export const STOPWORDS: ReadonlySet<string> = new Set(stopwords.words)

/** The name under which our copy of the labels is registered with `sentiment`. */
export const SENTIMENT_LANGUAGE = 'en-framelens'

const sentiment = new Sentiment()
sentiment.registerLanguage(SENTIMENT_LANGUAGE, {
  labels: Object.fromEntries(toneEntries().map(([w, e]) => [w, e.value])),
  scoringStrategy: englishScoring,
})

/**
 * What the `sentiment` package alone says of a sentence, with our labels: its one-word negation,
 * no phrases, no contrast. Shown beside Framelens' own score so the difference is visible.
 */
export function sentimentPackageScore(sentence: string): number {
  return sentiment.analyze(sentence, { language: SENTIMENT_LANGUAGE }).score
}

export const LEXICON_INFO = {
  afinn: { name: 'AFINN-165', size: Object.keys(AFINN).length, source: 'Nielsen 2011, via sentiment 5.0.2' },
  news: { name: 'Framelens news tone', size: Object.keys(NEWS_TONE).length, source: newsTone.source, about: newsTone.about },
  negators: { size: NEGATORS.size, scope: NEGATION_SCOPE, source: negators.source, about: negators.about },
  stopwords: { size: STOPWORDS.size, source: stopwords.source, about: stopwords.about },
} as const
