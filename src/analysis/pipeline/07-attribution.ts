/**
 * Attribution links: pronouns and descriptions read as actors, appositives and coordinated names
 * (attribution.ts). It comes after tone because the object of an evaluation ("hatred of Kim")
 * follows a scored word.
 */
import { attribute } from '../attribution.js'
import { tokenAt } from '../search.js'
import { stage } from './document.js'

export const attribution = stage({
  name: 'attribution',
  reads: ['input', 'tokens', 'seg', 'actors', 'mentions', 'scored', 'quotes'],
  writes: ['links'],
  run: ({ input, tokens, seg, actors, mentions, scored, quotes }) => {
    const labels = new Map(actors.map((a) => [a.id, a.label]))
    const scoredAt = new Set(scored.map((w) => tokenAt(tokens, w.start)))
    const links = attribute(
      input.text,
      tokens,
      seg,
      mentions,
      scoredAt,
      (id) => labels.get(id) ?? id,
      quotes.filter((q) => q.kind !== 'scare'),
    )
    return { links }
  },
})
