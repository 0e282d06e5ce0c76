/**
 * Quotations: direct speech, scare quotes and block quotes (tone.ts). Whether a paragraph
 * introduces a block quote is the sourcing lexicon's call (framing/sourcing/block-quotes.ts).
 */
import { blockQuoteIntros } from '../framing/sourcing/block-quotes.js'
import { quotations } from '../tone.js'
import { stage } from './document.js'

export const quotes = stage({
  name: 'quotes',
  reads: ['input', 'text', 'tokens', 'seg'],
  writes: ['quotes'],
  run: ({ input, text, tokens, seg }) => ({
    quotes: quotations(input.text, tokens, seg.paragraphs, blockQuoteIntros(text, tokens, seg)),
  }),
})
