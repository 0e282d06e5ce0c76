/**
 * Hedging: the hedges of data/lexicons/hedges.json, each marked when it falls in a negation's
 * scope, and the sentences that hold them (the hedged claims).
 */
import { HEDGES } from '../lexicons.js'
import { PhraseMatcher } from '../phrase-matcher.js'
import { round3 } from '../tone.js'
import type { CueHit, Framing } from '../types.js'
import { cueHits, type CueContext } from './cues.js'

const hedgeMatcher = new PhraseMatcher<string>(HEDGES.map((c) => [c, 'hedge'] as [string, string]))

export function hedging(ctx: CueContext, words: number): Framing['hedging'] {
  const hits = cueHits(ctx, hedgeMatcher, true)
  const bySentence = new Map<number, CueHit[]>()
  for (const h of hits) {
    const inSentence = bySentence.get(h.sentence)
    if (inSentence) inSentence.push(h)
    else bySentence.set(h.sentence, [h])
  }
  const claims = [...bySentence].map(([si, hs]) => {
    const s = ctx.seg.sentences[si]!
    return { start: s.start, end: s.end, text: ctx.slice(s), cues: hs.map((h) => h.cue) }
  })
  return {
    count: hits.length,
    per1000: words === 0 ? 0 : round3((hits.length / words) * 1000),
    hits,
    claims,
  }
}
