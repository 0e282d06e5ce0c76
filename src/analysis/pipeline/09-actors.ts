/** Actors: salience and tone toward each actor (actors.ts), from its mentions and links. */
import { frameActors } from '../actors.js'
import { stage } from './document.js'

export const actors = stage({
  name: 'actors',
  reads: ['input', 'tokens', 'actors', 'seg', 'mentions', 'titleMentions', 'scored', 'links'],
  writes: ['actorFraming'],
  run: ({ input, tokens, actors, seg, mentions, titleMentions, scored, links }) => ({
    actorFraming: frameActors(
      input.text,
      tokens,
      actors,
      seg,
      mentions,
      scored,
      seg.paragraphs[0],
      new Set(titleMentions.map((m) => m.actor)),
      links,
    ),
  }),
})
