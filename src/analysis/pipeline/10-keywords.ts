/**
 * Keywords: the article's term counts and top terms. Distinctive terms need the other articles,
 * so `withDistinctiveTerms` (analyze.ts) adds them from the counts of a whole corpus.
 */
import { termCounts, topTerms } from '../keywords.js'
import { stage } from './document.js'

export const keywords = stage({
  name: 'keywords',
  reads: ['tokens'],
  writes: ['terms', 'topTerms'],
  run: ({ tokens }) => {
    const terms = termCounts(tokens)
    return { terms, topTerms: topTerms(terms) }
  },
})
