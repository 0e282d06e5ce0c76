/** Loaded language: the cues of each category of data/lexicons/loaded.json, and their rate. */
import { LOADED_CATEGORIES } from '../lexicons.js'
import { PhraseMatcher } from '../phrase-matcher.js'
import { round3 } from '../tone.js'
import type { Framing } from '../types.js'
import { counts, cueHits, type CueContext } from './cues.js'

const loadedMatcher = new PhraseMatcher<string>(
  LOADED_CATEGORIES.flatMap((c) => c.cues.map((cue) => [cue, c.id] as [string, string])),
)

export function loaded(ctx: CueContext, words: number): Framing['loaded'] {
  const hits = cueHits(ctx, loadedMatcher)
  return {
    categories: counts(
      hits,
      LOADED_CATEGORIES.map((c) => c.id),
      words,
    ),
    total: hits.length,
    per1000: words === 0 ? 0 : round3((hits.length / words) * 1000),
    hits,
  }
}
