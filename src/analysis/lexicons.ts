/**
 * The word lists the engine reads, loaded once at import time from the package and from data
 * files (static imports, so the engine itself does no I/O). Each list says where it came from.
 *
 * AFINN-165 comes from the `sentiment` package. We register a *copy* of its English labels as
 * our own language: `sentiment.analyze(text, { extras })` would write extras into the module-wide
 * English labels and change every later call, so extras are never used.
 *
 * The word-form stemmer (Porter2, the English Snowball stemmer) comes from `wink-porter2-stemmer`:
 * it is language data too, and this is the one engine file that reads packages.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Sentiment from 'sentiment'
import newsTone from '../../data/lexicons/news-tone.json' with { type: 'json' }
import negators from '../../data/lexicons/negators.json' with { type: 'json' }
import senseTraps from '../../data/lexicons/sense-traps.json' with { type: 'json' }
import newsMtscWords from '../../data/lexicons/news-tone-newsmtsc.json' with { type: 'json' }
import stopwords from '../../data/lexicons/stopwords.json' with { type: 'json' }
import framesFile from '../../data/lexicons/frames.json' with { type: 'json' }
import loadedFile from '../../data/lexicons/loaded-language.json' with { type: 'json' }
import hedgesFile from '../../data/lexicons/hedges.json' with { type: 'json' }
import namingFile from '../../data/lexicons/naming.json' with { type: 'json' }
import sourcingFile from '../../data/lexicons/sourcing.json' with { type: 'json' }
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
// CommonJS without types: its one export is the function below.
const porter2 = require('wink-porter2-stemmer') as (word: string) => string

/**
 * The Porter2 stem of a lower-case word ("dictators" → "dictat", "sanctioned" → "sanction").
 * Porter2 rather than the original Porter stemmer: it keeps "news" apart from "new" and "general"
 * apart from "generous".
 */
export function stemWord(lower: string): string {
  return porter2(lower)
}

export interface ToneEntry {
  value: number
  source: LexiconSource
}

/** AFINN-165 as shipped by sentiment 5.0.2, frozen copy. */
export const AFINN: Readonly<Record<string, number>> = Object.freeze({ ...afinnLabels })
/** Framelens' news additions; they override AFINN where both list a word. */
/** Evaluative words AFINN lacks, proposed from NewsMTSC's training split and kept by hand. */
export const NEWSMTSC_WORDS: readonly {
  word: string
  value: number
  seen: string
  like: string
}[] = newsMtscWords.words

/** Phrases whose AFINN word has another sense here ("Supreme Leader", "grand jury"), valued whole. */
export interface SenseTrap {
  phrase: string
  value: number
  disarms: string
  why: string
}
/** data/lexicons/sense-traps.json: each phrase scores its value (mostly 0) instead of its words. */
export const SENSE_TRAPS: readonly SenseTrap[] = senseTraps.traps

export const NEWS_TONE: Readonly<Record<string, number>> = Object.freeze({ ...newsTone.words })

/** Every tone entry, phrase or word, with its source. */
export function toneEntries(): [string, ToneEntry][] {
  const entries = new Map<string, ToneEntry>()
  for (const [w, v] of Object.entries(AFINN)) entries.set(w, { value: v, source: 'afinn' })
  for (const [w, v] of Object.entries(NEWS_TONE)) entries.set(w, { value: v, source: 'news' })
  for (const w of NEWSMTSC_WORDS) entries.set(w.word, { value: w.value, source: 'news' })
  for (const t of SENSE_TRAPS) entries.set(t.phrase, { value: t.value, source: 'news' })
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

/** A category of a cue lexicon (a frame, a loaded-language technique). */
export interface CueCategory {
  id: string
  label: string
  description: string
  cues: string[]
}

/** Media Frames Corpus dimensions that fit this coverage (data/lexicons/frames.json). */
export const FRAMES: readonly CueCategory[] = framesFile.frames
/** A loaded-language category: its cues and the SemEval-2020 Task 11 techniques it stands for. */
export interface LoadedCategory extends CueCategory {
  /** The PTC technique labels it stands for, as the corpus writes them ("Name_Calling,Labeling"). */
  techniques: string[]
  /** Where its cues came from. */
  source: string
}

/** SemEval-2020 Task 11 techniques a lexicon can approximate (data/lexicons/loaded-language.json). */
export const LOADED_CATEGORIES: readonly LoadedCategory[] = loadedFile.categories
/** How the loaded-language cues were measured and pruned on PTC-dev, in words. */
export const LOADED_EVALUATION: Readonly<Record<'rule' | 'twoFold', string>> = loadedFile.evaluation
/** Hedging and speculation cues (data/lexicons/hedges.json). */
export const HEDGES: readonly string[] = hedgesFile.cues
/** Words and phrases that name or label a state or its leader (data/lexicons/naming.json). */
export const NAMING_EPITHETS: readonly string[] = namingFile.epithets
/** Attribution verbs, outlets and anonymous-source phrases (data/lexicons/sourcing.json). */
export const SOURCING: {
  attributionVerbs: readonly string[]
  outlets: readonly { name: string; aliases: readonly string[] }[]
  anonymous: readonly string[]
} = sourcingFile

const cueCount = (cats: readonly CueCategory[]) => cats.reduce((n, c) => n + c.cues.length, 0)

export const LEXICON_INFO = {
  afinn: {
    name: 'AFINN-165',
    size: Object.keys(AFINN).length,
    source: 'Nielsen 2011, via sentiment 5.0.2',
  },
  news: {
    name: 'Framelens news tone',
    size: Object.keys(NEWS_TONE).length,
    source: newsTone.source,
    about: newsTone.about,
  },
  newsMtsc: {
    name: 'Framelens news tone from NewsMTSC',
    size: NEWSMTSC_WORDS.length,
    source: newsMtscWords.source,
    about: newsMtscWords.about,
  },
  senseTraps: {
    name: 'Framelens sense traps',
    size: SENSE_TRAPS.length,
    source: senseTraps.source,
    about: senseTraps.about,
  },
  negators: {
    size: NEGATORS.size,
    scope: NEGATION_SCOPE,
    source: negators.source,
    about: negators.about,
  },
  stopwords: { size: STOPWORDS.size, source: stopwords.source, about: stopwords.about },
  frames: { size: cueCount(FRAMES), source: framesFile.source, about: framesFile.about },
  loaded: { size: cueCount(LOADED_CATEGORIES), source: loadedFile.source, about: loadedFile.about },
  hedges: { size: HEDGES.length, source: hedgesFile.source, about: hedgesFile.about },
  naming: { size: NAMING_EPITHETS.length, source: namingFile.source, about: namingFile.about },
  sourcing: {
    size:
      SOURCING.attributionVerbs.length +
      SOURCING.anonymous.length +
      SOURCING.outlets.reduce((n, o) => n + 1 + o.aliases.length, 0),
    source: sourcingFile.source,
    about: sourcingFile.about,
  },
} as const
