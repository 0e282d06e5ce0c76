/**
 * Mentions: where the actors' aliases stand (or the mentions the input gives), each placed in its
 * clause and sentence, and the actors the headline names.
 */
import { givenMentions, locateMentions } from '../actors.js'
import { normalizeText, tokenize } from '../text.js'
import type { Mention } from '../types.js'
import { asPublished, stage } from './document.js'

export const mentions = stage({
  name: 'mentions',
  reads: ['input', 'text', 'tokens', 'seg', 'matcher'],
  writes: ['mentions', 'titleMentions'],
  run: ({ input, text, tokens, seg, matcher }) => {
    const found = input.mentions
      ? givenMentions(text, tokens, input.mentions)
      : matcher.findMentions(text, tokens)
    const mentions = locateMentions(
      found.map((m) => asPublished(input.text, m)),
      seg,
    )
    let titleMentions: Mention[] = []
    if (input.headline !== false && input.title) {
      const t = normalizeText(input.title)
      titleMentions = matcher
        .findMentions(t, tokenize(t))
        .map((m) => ({ ...m, clause: -1, sentence: -1 }))
    }
    return { mentions, titleMentions }
  },
})
