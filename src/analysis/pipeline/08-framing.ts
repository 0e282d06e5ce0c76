/**
 * Framing beyond tone, one stage per measure (framing/): how each actor is named, which frames
 * the article leans on, its loaded language, whose voice carries the claims, how much is hedged.
 * Every measure is a cue lexicon of data/lexicons matched with the phrase matcher of the aliases,
 * and every hit keeps its offsets so it can be shown.
 */
import { cueContext } from '../framing/cues.js'
import { frames as frameCues } from '../framing/frames.js'
import { hedging as hedges } from '../framing/hedging.js'
import { loaded as loadedLanguage } from '../framing/loaded.js'
import { naming as namingTerms } from '../framing/naming.js'
import { sourcing as voiceAndSourcing } from '../framing/sourcing/index.js'
import { stage } from './document.js'

/** What every measure reads to find its cues. */
const CUE_FIELDS = ['input', 'text', 'tokens', 'seg'] as const

export const naming = stage({
  name: 'naming',
  reads: [...CUE_FIELDS, 'actors', 'mentions', 'quotes', 'links'],
  writes: ['naming'],
  run: (doc) => ({
    naming: namingTerms(cueContext(doc), doc.actors, doc.mentions, doc.quotes, doc.links),
  }),
})

export const frames = stage({
  name: 'frames',
  reads: [...CUE_FIELDS, 'actors', 'mentions', 'words'],
  writes: ['frames'],
  run: (doc) => ({ frames: frameCues(cueContext(doc), doc.actors, doc.mentions, doc.words) }),
})

export const loaded = stage({
  name: 'loaded',
  reads: [...CUE_FIELDS, 'words'],
  writes: ['loaded'],
  run: (doc) => ({ loaded: loadedLanguage(cueContext(doc), doc.words) }),
})

export const sourcing = stage({
  name: 'sourcing',
  reads: [...CUE_FIELDS, 'mentions', 'quotes', 'words'],
  writes: ['sourcing'],
  run: (doc) => ({
    sourcing: voiceAndSourcing(cueContext(doc), doc.mentions, doc.quotes, doc.words),
  }),
})

export const hedging = stage({
  name: 'hedging',
  reads: [...CUE_FIELDS, 'words'],
  writes: ['hedging'],
  run: (doc) => ({ hedging: hedges(cueContext(doc), doc.words) }),
})
