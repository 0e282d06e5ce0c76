/**
 * What the sourcing measure looks up, built once per article so every step stays linear: the
 * outlet, anonymous-source and speech-verb matches, which tokens are quoted speech (and the
 * unquoted words between two positions in O(1)), the actor named at a span, the sentence of a
 * token, and each sentence's source candidates (candidates.ts), built when first asked.
 */
import type { PhraseMatch } from '../../phrase-matcher.js'
import type { Segmentation } from '../../segment.js'
import type { Mention, Quotation, Source, Span, Token } from '../../types.js'
import { lowerBound } from '../../search.js'
import { groupBy, quoteIndexByToken, type CueContext } from '../cues.js'
import { sourceCandidates, type SourceCandidate } from './candidates.js'
import { anonymousMatcher, outletMatcher, verbMatcher } from './lexicon.js'

export interface SourcingIndex {
  ctx: CueContext
  text: string
  tokens: Token[]
  seg: Segmentation
  /** Outlets named, in text order. */
  outlets: PhraseMatch<string>[]
  /** Speech verbs, in text order ("so-called" left out). */
  verbs: PhraseMatch<string>[]
  /** The quotations that are speech (not scare quotes). */
  speech: Quotation[]
  /** Tokens strictly between two positions that are not inside a quotation. */
  gap: (from: number, to: number) => number
  /** Whether tokens first..last lie inside one quotation. */
  insideQuote: (m: { first: number; last: number }) => boolean
  /** The sentence of a token. */
  sentenceOf: (tokenIndex: number) => number
  /** The source candidates of a sentence, in text order. */
  candidates: (si: number) => SourceCandidate[]
  /** A candidate as a source, with the actor it names; no candidate: unattributed. */
  toSource: (c: SourceCandidate | null) => Source
}

/** Indexes one article for the sourcing measure; `mentions` and `quotes` in text order. */
export function indexSourcing(
  ctx: CueContext,
  mentions: Mention[],
  quotes: Quotation[],
): SourcingIndex {
  const { text, tokens, seg } = ctx
  const anonymous = anonymousMatcher.matchAll(text, tokens)
  const outlets = outletMatcher.matchAll(text, tokens)
  const verbs = verbMatcher.matchAll(text, tokens).filter((v) => v.values[0] === 'verb')
  const speech = quotes.filter((q) => q.kind !== 'scare')

  // Per token: the quotation (speech) it sits in, or -1.
  const quoteOfToken = quoteIndexByToken(tokens, speech)
  const quotedToken = quoteOfToken.map((q) => q >= 0)
  // Prefix sums of unquoted tokens, so the words between two positions cost O(1).
  const unquotedBefore = new Int32Array(tokens.length + 1)
  for (let k = 0; k < tokens.length; k++)
    unquotedBefore[k + 1] = unquotedBefore[k]! + (quotedToken[k] ? 0 : 1)
  /** Tokens strictly between two positions that are not inside a quotation. */
  const gap = (from: number, to: number) =>
    to - from <= 1 ? 0 : unquotedBefore[to]! - unquotedBefore[from + 1]!
  /** Whether tokens first..last lie inside one quotation. */
  const insideQuote = (m: { first: number; last: number }) =>
    quoteOfToken[m.first]! >= 0 && quoteOfToken[m.first] === quoteOfToken[m.last]
  // Mentions are in text order and do not overlap.
  const mentionAt = (s: Span): Mention | null => {
    const i = lowerBound(mentions, (m) => m.end > s.start)
    const m = mentions[i]
    return m && m.start < s.end ? m : null
  }
  const actorAt = (s: Span): string | null => mentionAt(s)?.actor ?? null
  const isAliasSpan = (s: Span) => {
    const m = mentionAt(s)
    return m !== null && m.start <= s.start && m.end >= s.end
  }

  const sentenceOf = (tokenIndex: number) =>
    Math.min(
      lowerBound(seg.sentences, (s) => s.last >= tokenIndex),
      seg.sentences.length - 1,
    )
  const anonymousBySentence = groupBy(anonymous, (m) => sentenceOf(m.first))
  const outletsBySentence = groupBy(outlets, (m) => sentenceOf(m.first))

  const candidateInputs = {
    ctx,
    quotedToken,
    isAliasSpan,
    anonymousBySentence,
    outletsBySentence,
  }
  const candidateCache = new Map<number, SourceCandidate[]>()
  const candidates = (si: number) => {
    let c = candidateCache.get(si)
    if (!c) candidateCache.set(si, (c = sourceCandidates(si, candidateInputs)))
    return c
  }

  const toSource = (c: SourceCandidate | null): Source =>
    c
      ? { kind: c.kind, text: c.text, span: { start: c.start, end: c.end }, actor: actorAt(c) }
      : { kind: 'unattributed', text: '', span: null, actor: null }

  return {
    ctx,
    text,
    tokens,
    seg,
    outlets,
    verbs,
    speech,
    gap,
    insideQuote,
    sentenceOf,
    candidates,
    toSource,
  }
}
