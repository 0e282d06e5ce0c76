/** Tone: the scored words of each clause, each sentence's score, and the article's tone. */
import { sentimentPackageScore } from '../lexicons.js'
import { documentTone, round3, scoreClauses } from '../tone.js'
import { asPublished, stage } from './document.js'

export const tone = stage({
  name: 'tone',
  reads: ['input', 'text', 'tokens', 'words', 'seg', 'quotes'],
  writes: ['scored', 'sentenceSpans', 'tone'],
  run: ({ input, text, tokens, words, seg, quotes }) => {
    const scored = scoreClauses(text, tokens, seg.clauses, quotes).map((w) =>
      asPublished(input.text, w),
    )
    const sentenceScores = new Array<number>(seg.sentences.length).fill(0)
    for (const w of scored) sentenceScores[seg.clauses[w.clause]!.sentence]! += w.value
    const sentenceSpans = seg.sentences.map((s, si) => ({
      start: s.start,
      end: s.end,
      score: round3(sentenceScores[si]!),
      sentimentScore: sentimentPackageScore(text.slice(s.start, s.end)),
    }))
    return { scored, sentenceSpans, tone: documentTone(scored, words) }
  },
})
