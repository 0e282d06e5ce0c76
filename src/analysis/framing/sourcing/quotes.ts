/**
 * Who is quoted: each quotation of speech credited to the speech verb nearest it in a sentence it
 * touches (or the next or previous sentence: "He added:"); a block quote to the attribution or
 * the outlet credit of the paragraph that introduces it.
 */
import type { PhraseMatch } from '../../phrase-matcher.js'
import type { QuoteInfo, Source, Span } from '../../types.js'
import { lowerBound } from '../../search.js'
import { binarySearchToken } from '../cues.js'
import type { SourcingIndex } from './article-index.js'
import type { Attributed } from './attributions.js'

/** Each quotation of speech with its source, in text order. */
export function creditQuotes(index: SourcingIndex, attributed: Attributed): QuoteInfo[] {
  const { ctx, tokens, seg, outlets, speech, sentenceOf, toSource } = index
  const { verbSources, verbsIn } = attributed
  const quoteInfos: QuoteInfo[] = []
  for (const q of speech) {
    let source: Source = { kind: 'unattributed', text: '', span: null, actor: null }
    if (q.kind === 'block') {
      // The credit or the introducing attribution sits in the paragraph before.
      const found = lowerBound(seg.paragraphs, (p) => p.end >= q.start)
      const pi = seg.paragraphs[found] && seg.paragraphs[found].start <= q.start ? found : -1
      const intro = seg.paragraphs[pi - 1]
      if (intro) {
        const inIntro = (o: PhraseMatch<string>) => o.first >= intro.first && o.last <= intro.last
        const credit = outlets
          .slice(
            lowerBound(outlets, (o) => o.first >= intro.first),
            lowerBound(outlets, (o) => o.first > intro.last),
          )
          .filter(inIntro)
          .pop()
        const introVerb = verbsIn(sentenceOf(intro.last)).at(-1)
        if (introVerb) source = verbSources.get(introVerb)!
        else if (credit)
          source = toSource({
            kind: 'outlet',
            first: credit.first,
            last: credit.last,
            start: credit.start,
            end: credit.end,
            text: ctx.slice(credit),
          })
      }
    } else {
      // The verb nearest the quote in a sentence it touches; failing that, the sentence after
      // or before ("He added:").
      const s1 = sentenceOf(binarySearchToken(tokens, q.start))
      const s2 = sentenceOf(binarySearchToken(tokens, q.end - 1))
      for (const si of [...new Set([s1, s2, s2 + 1, s1 - 1])]) {
        const vs = verbsIn(si)
        if (vs.length === 0) continue
        const v = vs.reduce((a, b) => (dist(b, q) < dist(a, q) ? b : a))
        source = verbSources.get(v)!
        break
      }
    }
    quoteInfos.push({
      start: q.start,
      end: q.end,
      kind: q.kind === 'block' ? 'block' : 'direct',
      words: q.words,
      source,
    })
  }
  return quoteInfos
}

function dist(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0
}
