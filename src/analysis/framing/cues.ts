/**
 * What the framing measures share: a cue lexicon's hits placed in their clauses, the counts and
 * shares of each category, and the token and quotation lookups that naming and sourcing both use.
 * Each measure (naming.ts, frames.ts, loaded.ts, hedging.ts, sourcing/) owns its lexicon's
 * matcher; nothing here knows which lexicon it runs.
 */
import type { PhraseMatcher, PhraseMatch } from '../phrase-matcher.js'
import type { Segmentation } from '../segment.js'
import { negationScopes, round3 } from '../tone.js'
import type { CategoryCount, CueHit, Span, Token } from '../types.js'
import { tokenAt } from '../search.js'

/** The text between offsets, from the original article. */
export type Slice = (span: Span) => string

/** What every measure reads of the article. */
export interface CueContext {
  original: string
  text: string
  tokens: Token[]
  seg: Segmentation
  slice: Slice
}

/** The context of an article: `original` is the text as published, `text` its normalised form. */
export function cueContext(doc: {
  input: { text: string }
  text: string
  tokens: Token[]
  seg: Segmentation
}): CueContext {
  const original = doc.input.text
  return {
    original,
    text: doc.text,
    tokens: doc.tokens,
    seg: doc.seg,
    slice: (s) => original.slice(s.start, s.end),
  }
}

/** Hits of a cue lexicon over the whole text, each placed in its clause and sentence. */
export function cueHits(
  ctx: CueContext,
  matcher: PhraseMatcher<string>,
  withNegation = false,
): CueHit[] {
  const hits: CueHit[] = []
  ctx.seg.clauses.forEach((clause, ci) => {
    const matches = matcher.matchAll(ctx.text, ctx.tokens, clause.first, clause.last + 1)
    if (matches.length === 0) return
    const negated = withNegation ? negationScopes(ctx.tokens, clause) : null
    for (const m of matches) {
      hits.push({
        start: m.start,
        end: m.end,
        category: m.values[0]!,
        cue: cueOf(ctx, m),
        text: ctx.slice(m),
        clause: ci,
        sentence: clause.sentence,
        negated: negated?.has(m.first) ?? false,
      })
    }
  })
  return hits
}

/** A hit's cue as the lexicon lists it: lower case, without a possessive. */
export function cueOf(ctx: CueContext, m: PhraseMatch<string>): string {
  return ctx.text.slice(m.start, m.end).toLowerCase().replace(/'s$/, '')
}

/** Each category's count, share of all hits (%) and rate per 1000 words. */
export function counts(
  hits: CueHit[],
  ids: readonly string[],
  words: number,
): Record<string, CategoryCount> {
  const n = new Map<string, number>(ids.map((id) => [id, 0]))
  for (const h of hits) n.set(h.category, (n.get(h.category) ?? 0) + 1)
  const total = hits.length
  return Object.fromEntries(
    ids.map((id) => {
      const count = n.get(id) ?? 0
      return [
        id,
        {
          count,
          share: total === 0 ? 0 : round3((count / total) * 100),
          per1000: words === 0 ? 0 : round3((count / words) * 1000),
        },
      ]
    }),
  )
}

/** Index of the token that contains (or starts after) a character offset, at most the last. */
export function binarySearchToken(tokens: Token[], offset: number): number {
  return Math.max(0, Math.min(tokenAt(tokens, offset), tokens.length - 1))
}

/**
 * For each token, the index in `quotes` of the first quotation that holds it whole, or -1.
 * Each quotation is visited once from its first token, so the cost is the quoted text's length.
 */
export function quoteIndexByToken(tokens: Token[], quotes: readonly Span[]): number[] {
  const at = new Array<number>(tokens.length).fill(-1)
  quotes.forEach((q, qi) => {
    for (let k = binarySearchToken(tokens, q.start); k < tokens.length; k++) {
      const t = tokens[k]!
      if (t.end > q.end) break
      if (t.start >= q.start && at[k] === -1) at[k] = qi
    }
  })
  return at
}

/** Groups items by a key that never decreases along the array (sentence, paragraph …). */
export function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const k = key(item)
    const g = groups.get(k)
    if (g) g.push(item)
    else groups.set(k, [item])
  }
  return groups
}
