/**
 * The block-quote rule: a paragraph that introduces a quotation set as its own paragraph. The
 * quotations stage asks it, and the sourcing measure credits a block quote to the paragraph's
 * outlet or speech verb.
 */
import type { Segmentation, TokenRange } from '../../segment.js'
import type { Token } from '../../types.js'
import { outletMatcher, verbMatcher } from './lexicon.js'

/**
 * Whether paragraph `pi` introduces a block quote: it ends with an outlet credit in brackets
 * ("(Associated Press)", "(NY Times)") or with a colon after an attribution verb
 * ("The Economist notes:", "He added:").
 */
export function introducesBlockQuote(text: string, tokens: Token[], p: TokenRange): boolean {
  const last = tokens[p.last]!
  if (last.text === ')') {
    let open = p.last - 1
    while (open > p.first && tokens[open]!.text !== '(') open--
    if (tokens[open]!.text !== '(' || open === p.last - 1) return false
    const m = outletMatcher.longestAt(text, tokens, open + 1, p.last)
    return m !== null && m.last === p.last - 1
  }
  if (last.text === ':') {
    // The last sentence of the paragraph must hold an attribution verb.
    let from = p.last - 1
    while (from > p.first && !['.', '!', '?'].includes(tokens[from - 1]!.text)) from--
    return verbMatcher.matchAll(text, tokens, from, p.last).length > 0
  }
  return false
}

/** The block-quote rule as `quotations` takes it: does paragraph `pi` introduce one? */
export function blockQuoteIntros(
  text: string,
  tokens: Token[],
  seg: Segmentation,
): (pi: number) => boolean {
  return (pi) => introducesBlockQuote(text, tokens, seg.paragraphs[pi]!)
}
