/**
 * Frames: the cues of each frame (data/lexicons/frames.json) in the whole article and in the
 * clauses that name each actor.
 */
import { FRAMES } from '../lexicons.js'
import { PhraseMatcher } from '../phrase-matcher.js'
import type { Actor, Framing, Mention } from '../types.js'
import { counts, cueHits, type CueContext } from './cues.js'

const frameMatcher = new PhraseMatcher<string>(
  FRAMES.flatMap((f) => f.cues.map((c) => [c, f.id] as [string, string])),
)

/** Frame cues in the article and, per actor, in the clauses that name it. */
export function frames(
  ctx: CueContext,
  actors: readonly Actor[],
  mentions: Mention[],
  words: number,
): Framing['frames'] {
  const ids = FRAMES.map((f) => f.id)
  const hits = cueHits(ctx, frameMatcher)
  const byActor: Framing['frames']['byActor'] = {}
  for (const a of actors) {
    const clauses = new Set(mentions.filter((m) => m.actor === a.id).map((m) => m.clause))
    if (clauses.size === 0) {
      byActor[a.id] = null
      continue
    }
    const at = hits.flatMap((h, i) => (clauses.has(h.clause) ? [i] : []))
    const own = at.map((i) => hits[i]!)
    byActor[a.id] = { total: own.length, frames: counts(own, ids, words), hits: at }
  }
  return { article: counts(hits, ids, words), total: hits.length, byActor, hits }
}
