/** Segment: paragraphs, sentences and clauses; refuses a sentence over the token limit. */
import { checkSentenceTokens } from '../limits.js'
import { segment } from '../segment.js'
import { stage } from './document.js'

export const segmentation = stage({
  name: 'segment',
  reads: ['text', 'tokens'],
  writes: ['seg'],
  run: ({ text, tokens }) => {
    const seg = segment(text, tokens)
    seg.sentences.forEach((s, si) => checkSentenceTokens(s.last - s.first + 1, si))
    return { seg }
  },
})
