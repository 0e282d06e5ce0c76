/** The article's analysis as views and exports read it: the measures and every span they show. */
import { stage } from './document.js'

export const detail = stage({
  name: 'detail',
  reads: [
    'input',
    'words',
    'seg',
    'tone',
    'actorFraming',
    'topTerms',
    'naming',
    'frames',
    'loaded',
    'sourcing',
    'hedging',
    'sentenceSpans',
    'quotes',
    'scored',
    'mentions',
    'titleMentions',
  ],
  writes: ['article'],
  run: (doc) => {
    const { input, seg } = doc
    return {
      article: {
        id: input.id,
        title: input.title ?? input.id,
        words: doc.words,
        sentences: seg.sentences.length,
        tone: doc.tone,
        actors: doc.actorFraming,
        keywords: { top: doc.topTerms, distinctive: [] },
        framing: {
          naming: doc.naming,
          frames: doc.frames,
          loaded: doc.loaded,
          sourcing: doc.sourcing,
          hedging: doc.hedging,
        },
        text: input.text,
        paragraphs: seg.paragraphs.map(({ start, end }) => ({ start, end })),
        sentenceSpans: doc.sentenceSpans,
        quotations: doc.quotes,
        clauses: seg.clauses.map(({ start, end, sentence, weight }) => ({
          start,
          end,
          sentence,
          weight,
        })),
        scoredWords: doc.scored,
        mentions: doc.mentions,
        titleMentions: doc.titleMentions,
      },
    }
  },
})
