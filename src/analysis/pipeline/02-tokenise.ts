/** Tokenise: words, numbers and punctuation with offsets; refuses an article over the limit. */
import { checkArticleWords } from '../limits.js'
import { tokenize } from '../text.js'
import { stage } from './document.js'

export const tokenise = stage({
  name: 'tokenise',
  reads: ['text'],
  writes: ['tokens', 'words'],
  run: ({ text }) => {
    const tokens = tokenize(text)
    const words = tokens.reduce((n, t) => (t.kind === 'punct' ? n : n + 1), 0)
    checkArticleWords(words)
    return { tokens, words }
  },
})
