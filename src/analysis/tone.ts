/**
 * Tone: which words carry it, with negation scope and contrast, and the document-level measures.
 *
 * A word's value starts as its lexicon value (AFINN-165, or Framelens' news additions). A negator
 * in the same clause, at most NEGATION_SCOPE words before it and with no punctuation between,
 * flips and damps it by NEGATION_FACTOR ("not a good idea" is negative, which `sentiment` alone
 * gets wrong because it only looks one word back; "not bad" is mildly positive, not as good as
 * "good" — VADER's N_SCALAR, Hutto & Gilbert 2014). The clause's contrast weight then scales it: clauses before "but"
 * count half, clauses from "but" on count one and a half (after VADER, Hutto & Gilbert 2014).
 * A word or two in quotation marks ('who is really "winning"', the two "powerhouses") is a scare
 * quote: the writer holds the word at a distance, so it is listed but counts 0.
 */
import { NEGATION_SCOPE, NEGATORS, NOT_NEGATIONS, toneEntries, type ToneEntry } from './lexicons.js'
import { PhraseMatcher } from './phrase-matcher.js'
import type { TokenRange } from './segment.js'
import type { Clause, DocumentTone, Quotation, ScoredWord, Span, Token } from './types.js'

const toneMatcher = new PhraseMatcher<ToneEntry>(toneEntries())

/** A negated word's value is its lexicon value times this (VADER's N_SCALAR). */
export const NEGATION_FACTOR = -0.74

/**
 * A negated negative word is damped, not flipped into praise: "was not damaged" says nothing
 * good, and "not bad" is faint praise at most. Its value is times this, where a negated positive
 * ("not good") flips with NEGATION_FACTOR. Chosen on the NewsMTSC dev split (README, Evaluation).
 */
export const NEGATED_NEGATIVE_FACTOR = 0

/** Punctuation that closes a negation's scope. */
const SCOPE_BREAKS = new Set([',', ';', ':', '.', '!', '?', '—', '(', ')', '[', ']', '…'])

/** Quotations of at most this many words are scare quotes. */
export const SCARE_QUOTE_MAX_WORDS = 2

/** Whether a scored word's quotation makes it someone else's voice (not the author's). */
export function isQuotedSpeech(quoted: ScoredWord['quoted']): boolean {
  return quoted === 'direct' || quoted === 'block'
}

/**
 * Quotations, outermost only, in text order:
 * - double quotation marks paired within a paragraph. The original text tells opening “ from
 *   closing ” (nested quotes close the inner one first); a straight " opens or closes by turns.
 *   Single quotes are ignored: inside a quotation they mark a quote within it. A quotation left
 *   open runs to the last closing mark of its paragraph, or to the paragraph end (news style for
 *   a quote that goes on). Around 1–2 words it is a scare quote, otherwise direct speech;
 * - block quotes: a paragraph that starts with ">" (Markdown), or the paragraph right after one
 *   that ends with an outlet credit in brackets ("(Associated Press)") or with a colon after an
 *   attribution ("The Economist notes:"). `isIntro(p)` decides the latter from the paragraph.
 */
export function quotations(
  original: string,
  tokens: Token[],
  paragraphs: TokenRange[],
  isIntro: (paragraph: number) => boolean = () => false,
): Quotation[] {
  const spans: Quotation[] = []
  const wordsBetween = (first: number, last: number) => {
    let words = 0
    for (let k = first; k <= last; k++) if (tokens[k]!.kind !== 'punct') words++
    return words
  }
  paragraphs.forEach((p, pi) => {
    const first = tokens[p.first]!
    if (first.text === '>' || (pi > 0 && isIntro(pi - 1))) {
      spans.push({
        start: first.start,
        end: tokens[p.last]!.end,
        words: wordsBetween(p.first, p.last),
        kind: 'block',
      })
      return
    }
    const stack: number[] = []
    let lastClose = -1
    let outerOpen = -1
    const closeOuter = (open: number, close: number) => {
      const words = wordsBetween(open + 1, close - 1)
      if (words === 0) return
      spans.push({
        start: tokens[open]!.start,
        end: tokens[Math.min(close, p.last)]!.end,
        words,
        kind: words <= SCARE_QUOTE_MAX_WORDS ? 'scare' : 'direct',
      })
    }
    for (let i = p.first; i <= p.last; i++) {
      if (tokens[i]!.text !== '"') continue
      const c = original[tokens[i]!.start]
      const opens = c === '\u201C' || c === '\u201E' || (c !== '\u201D' && stack.length === 0)
      if (opens) {
        if (stack.length === 0) outerOpen = i
        stack.push(i)
      } else if (stack.length > 0) {
        stack.pop()
        lastClose = i
        if (stack.length === 0) closeOuter(outerOpen, i)
      }
    }
    if (stack.length > 0) closeOuter(outerOpen, lastClose > outerOpen ? lastClose : p.last + 1)
  })
  return spans
}

/** Rounds to 3 decimals: the precision every reported ratio carries. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000 + 0 // + 0 turns -0 into 0
}

function isNegator(tokens: Token[], i: number): boolean {
  const t = tokens[i]!
  if (t.kind !== 'word') return false
  if (!NEGATORS.has(t.lower) && !t.lower.endsWith("n't")) return false
  const next = tokens[i + 1]
  if (next && NOT_NEGATIONS.some(([a, b]) => a === t.lower && b === next.lower)) return false
  return true
}

/**
 * For each token of the clause, the negator whose scope covers it: the following words up to
 * NEGATION_SCOPE, the clause end, a punctuation break or the next negator. Tokens in `skip`
 * (inside a lexicon phrase such as "does not work") are not negators.
 */
export function negationScopes(
  tokens: Token[],
  clause: TokenRange,
  skip: ReadonlySet<number> = new Set(),
): Map<number, Span> {
  const negatorOf = new Map<number, Span>()
  for (let i = clause.first; i <= clause.last; i++) {
    if (skip.has(i) || !isNegator(tokens, i)) continue
    const negator = { start: tokens[i]!.start, end: tokens[i]!.end }
    let words = 0
    for (let j = i + 1; j <= clause.last && words < NEGATION_SCOPE; j++) {
      const tok = tokens[j]!
      if (tok.kind === 'punct') {
        if (SCOPE_BREAKS.has(tok.text)) break
        continue
      }
      if (isNegator(tokens, j) && !skip.has(j)) break
      negatorOf.set(j, negator)
      words++
    }
  }
  return negatorOf
}

/**
 * Scores every tone word of every clause. Returns the words in text order, each with its
 * lexicon value, negation, clause weight and final value.
 */
export function scoreClauses(
  text: string,
  tokens: Token[],
  clauses: (Clause & TokenRange)[],
  quotes: Quotation[] = [],
): ScoredWord[] {
  const scored: ScoredWord[] = []
  let q = 0
  clauses.forEach((clause, ci) => {
    const matches = toneMatcher.matchAll(text, tokens, clause.first, clause.last + 1)
    // Tokens inside a lexicon phrase ("does not work", "can't stand") are not negators.
    const inPhrase = new Set<number>()
    for (const m of matches)
      if (m.last > m.first) for (let k = m.first; k <= m.last; k++) inPhrase.add(k)

    const negatorOf = negationScopes(tokens, clause, inPhrase)

    for (const m of matches) {
      if (m.first === m.last && isNegator(tokens, m.first)) continue // "no" negates; it is not scored too
      const entry = m.values[m.values.length - 1]!
      if (entry.value === 0) continue // neutral phrases ("kind of") only stop their words scoring
      const negator = negatorOf.get(m.first)
      const sign = negator ? (entry.value < 0 ? NEGATED_NEGATIVE_FACTOR : NEGATION_FACTOR) : 1
      while (q < quotes.length && quotes[q]!.end <= m.start) q++
      const quote = q < quotes.length && quotes[q]!.start <= m.start ? quotes[q]!.kind : null
      const weight = quote === 'scare' ? 0 : clause.weight
      scored.push({
        start: m.start,
        end: m.end,
        text: text.slice(m.start, m.end),
        base: entry.value,
        source: entry.source,
        negated: negator !== undefined,
        ...(negator ? { negator } : {}),
        weight,
        quoted: quote,
        value: round3(entry.value * sign * weight),
        clause: ci,
      })
    }
  })
  return scored
}

/** Document tone from the scored words and the word count (GDELT-style rates per 1,000 words). */
export function documentTone(scored: ScoredWord[], words: number): DocumentTone {
  let score = 0
  let positiveWords = 0
  let negativeWords = 0
  for (const w of scored) {
    score += w.value
    if (w.value > 0) positiveWords++
    else if (w.value < 0) negativeWords++
  }
  const per = (n: number) => (words === 0 ? 0 : round3((n / words) * 1000))
  return {
    score: round3(score),
    per1000: per(score),
    positivePer1000: per(positiveWords),
    negativePer1000: per(negativeWords),
    polarity: words === 0 ? 0 : round3(((positiveWords + negativeWords) / words) * 100),
    positiveWords,
    negativeWords,
  }
}
