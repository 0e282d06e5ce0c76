/**
 * Naming: the words an article uses for each actor, its aliases as written and the epithets
 * (data/lexicons/naming.json) that describe it. An epithet goes to the name it stands beside, so
 * each term keeps its spans and can be shown where it is used.
 */
import { NAMING_EPITHETS } from '../lexicons.js'
import { PhraseMatcher } from '../phrase-matcher.js'
import type { Links } from '../attribution.js'
import { normalizeText, termKey } from '../text.js'
import type { Actor, Mention, NamingTerm, Quotation, Span } from '../types.js'
import { lowerBound } from '../search.js'
import { binarySearchToken, cueHits, groupBy, quoteIndexByToken, type CueContext } from './cues.js'

const epithetMatcher = new PhraseMatcher<string>(
  NAMING_EPITHETS.map((c) => [c, 'epithet'] as [string, string]),
)

/** Possessives before an epithet mean it names someone else: "Putin praised his new BFF". */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your'])
/** How far (in tokens) an epithet may stand from the name it describes. */
export const EPITHET_WINDOW = 4

/**
 * A naming term as the engine keys it for views and queries, with hyphens and spaces alike and a
 * possessive dropped, so "Kim Jong Un" (an alias) and "kim jong-un" (as an article writes it) are
 * one term. Every `NamingTerm` carries its own (`key`).
 */
export function namingKey(term: string): string {
  return termKey(normalizeText(term).toLowerCase())
    .replace(/[-\s]+/g, ' ')
    .trim()
}

/** Epithets that name several at once: "the two dictators", "the duo". */
function isPluralEpithet(cue: string): boolean {
  return /s$/.test(cue) || ['duo', 'pair', 'comrades-in-arms', 'axis'].includes(cue)
}

/** The terms that name each actor; null for an actor the article does not name. */
export function naming(
  ctx: CueContext,
  actors: readonly Actor[],
  mentions: Mention[],
  quotes: Quotation[],
  links: Links,
): Record<string, NamingTerm[] | null> {
  const speech = quotes.filter((q) => q.kind !== 'scare')
  const quoteOfToken = quoteIndexByToken(ctx.tokens, speech)
  const tokenIndex = (offset: number) => binarySearchToken(ctx.tokens, offset)
  /** The quotation that holds a span whole (the first in text order), or -1. */
  const quoteOf = (s: Span) => {
    const q = quoteOfToken[tokenIndex(s.start)] ?? -1
    return q >= 0 && speech[q]!.end >= s.end ? q : -1
  }
  const terms = new Map<string, Map<string, NamingTerm>>(actors.map((a) => [a.id, new Map()]))
  const add = (actor: string, term: string, kind: NamingTerm['kind'], span: Span) => {
    const byTerm = terms.get(actor)!
    const key = `${kind}:${term}`
    const t = byTerm.get(key)
    if (t) {
      t.count++
      t.spans.push({ start: span.start, end: span.end })
    } else
      byTerm.set(key, {
        term,
        kind,
        count: 1,
        spans: [{ start: span.start, end: span.end }],
        key: namingKey(term),
      })
  }
  for (const m of mentions) add(m.actor, m.text.toLowerCase().replace(/['’]s$/, ''), 'alias', m)
  // Pronouns and descriptions count as names here: "He is a cruel tyrant" names Kim.
  const mentionsByClause = groupBy(links.mentions, (m) => m.clause)

  // Epithets: an appositive's go to its head ("Mr. Putin, a ruthless dictator, met Mr. Kim");
  // others to the nearest mention in the same clause, at most EPITHET_WINDOW tokens away, and a
  // plural one to every name coordinated with it ("Putin and Kim are two brutal dictators").
  for (const hit of cueHits(ctx, epithetMatcher)) {
    const inClause = mentionsByClause.get(hit.clause) ?? []
    const holder = inClause[lowerBound(inClause, (m) => m.end >= hit.end)]
    if (holder && holder.start <= hit.start) {
      // The epithet is an alias here, or a description read as an actor ("the dictator" → Putin).
      if ('rule' in holder) add(holder.actor, hit.cue, 'epithet', hit)
      continue
    }
    const first = tokenIndex(hit.start)
    const before = ctx.tokens[first - 1]
    const beforeThat = ctx.tokens[first - 2]
    if (
      before &&
      (POSSESSIVES.has(before.lower) || (beforeThat && POSSESSIVES.has(beforeThat.lower)))
    )
      continue
    const appositive = links.appositives.find(
      (a) => a.rule.kind === 'appositive' && a.start <= hit.start && hit.end <= a.end,
    )
    if (appositive) {
      add(appositive.head.actor, hit.cue, 'epithet', hit)
      continue
    }
    const last = tokenIndex(hit.end - 1)
    let best: Mention | null = null
    let bestDistance = Infinity
    const hitQuote = quoteOf(hit)
    // Mentions of the clause within the window: a binary search, then a walk while in reach.
    const near = lowerBound(inClause, (m) => tokenIndex(m.end - 1) >= first - EPITHET_WINDOW)
    for (let i = near; i < inClause.length; i++) {
      const m = inClause[i]!
      const mFirst = tokenIndex(m.start)
      if (mFirst > last + EPITHET_WINDOW) break
      // Across a quotation mark only "the US as 'evil forces'": the name before the quote.
      const mQuote = quoteOf(m)
      if (mQuote !== hitQuote && !(hitQuote >= 0 && m.end <= speech[hitQuote]!.start)) continue
      const mLast = tokenIndex(m.end - 1)
      const d = mLast < first ? first - mLast : mFirst > last ? mFirst - last : 0
      if (d <= EPITHET_WINDOW && d < bestDistance) {
        best = m
        bestDistance = d
      }
    }
    if (!best) continue
    const group = isPluralEpithet(hit.cue) ? (links.groups.get(best) ?? [best]) : [best]
    for (const actor of new Set(group.map((m) => m.actor))) add(actor, hit.cue, 'epithet', hit)
  }

  const named = new Set(mentions.map((m) => m.actor))
  return Object.fromEntries(
    actors.map((a) => [
      a.id,
      named.has(a.id)
        ? [...terms.get(a.id)!.values()].sort(
            (x, y) =>
              (x.kind === y.kind ? 0 : x.kind === 'epithet' ? -1 : 1) ||
              y.count - x.count ||
              (x.term < y.term ? -1 : 1),
          )
        : null,
    ]),
  )
}
