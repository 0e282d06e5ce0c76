/**
 * Voice and sourcing. Every step is linear in the article: matches and mentions are indexed by
 * sentence or token once (article-index.ts), a sentence's source candidates are built once and
 * shared by all its speech verbs (candidates.ts), and each verb looks only at the candidates next
 * to it (binary search, then at most SUBJECT_WINDOW words back; attributions.ts), so "Russia
 * said " a thousand times costs what it reads. Quotations are credited to the speech verb nearest
 * them, block quotes to the paragraph that introduces them (quotes.ts, block-quotes.ts).
 */
import { round3 } from '../../tone.js'
import type { Framing, Mention, Quotation, SourceKind, Span } from '../../types.js'
import type { CueContext } from '../cues.js'
import { indexSourcing } from './article-index.js'
import { attributeVerbs } from './attributions.js'
import { creditQuotes } from './quotes.js'

export { SUBJECT_WINDOW } from './attributions.js'

/** The voice-and-sourcing measure of one article; `mentions` and `quotes` in text order. */
export function sourcing(
  ctx: CueContext,
  mentions: Mention[],
  quotes: Quotation[],
  words: number,
): Framing['sourcing'] {
  const index = indexSourcing(ctx, mentions, quotes)
  const { outlets, speech } = index
  const attributed = attributeVerbs(index)
  const { attributions } = attributed
  const quoteInfos = creditQuotes(index, attributed)

  const byKind: Record<SourceKind, number> = { named: 0, anonymous: 0, outlet: 0, unattributed: 0 }
  for (const a of attributions) byKind[a.source.kind]++
  const byOutlet = new Map<string, Span[]>()
  for (const o of outlets) {
    const spans = byOutlet.get(o.values[0]!) ?? []
    spans.push({ start: o.start, end: o.end })
    byOutlet.set(o.values[0]!, spans)
  }
  const outletTerms = [...byOutlet]
    .map(([term, spans]) => ({ term, count: spans.length, spans }))
    .sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1))
  const quotedWords = speech.reduce((n, q) => n + q.words, 0)
  return {
    quotes: quoteInfos,
    attributions,
    byKind,
    outlets: outletTerms,
    quotedShare: words === 0 ? 0 : round3((Math.min(quotedWords, words) / words) * 100),
  }
}
