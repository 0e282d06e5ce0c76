/**
 * Keywords: the most frequent content words of an article, the words distinctive of it against
 * the rest of a corpus (Dunning's log-likelihood, G²), and keyword-in-context lines.
 *
 * A term is a word in lower case with a possessive 's dropped (Russia's → russia), at least two
 * letters long, not a number and not a stop word. Single words only: phrases are not counted.
 */
import { STOPWORDS, stemWord } from './lexicons.js'
import { normalizeText, termKey, tokenize } from './text.js'
import { round3 } from './tone.js'
import type { DistinctiveTerm, KwicLine, Term, Token } from './types.js'

export const TOP_TERMS = 15
export const DISTINCTIVE_TERMS = 15
/** G² above 3.84 means p < 0.05 with one degree of freedom. */
export const DISTINCTIVE_MIN_G2 = 3.84
export const DISTINCTIVE_MIN_COUNT = 2

/** The term a token counts as, or null when it is not a content word. */
export function tokenTerm(tok: Token): string | null {
  if (tok.kind !== 'word') return null
  const key = termKey(tok.lower)
  if (key.length < 2 || STOPWORDS.has(key) || STOPWORDS.has(tok.lower)) return null
  if (!/\p{L}/u.test(key)) return null
  return key
}

/** How often each term occurs in the tokens. */
export function termCounts(tokens: Token[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const tok of tokens) {
    const term = tokenTerm(tok)
    if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  return counts
}

const byCountThenTerm = (a: Term, b: Term) =>
  b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)

/** The `n` most frequent terms, ties in alphabetical order. */
export function topTerms(counts: Map<string, number>, n = TOP_TERMS): Term[] {
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort(byCountThenTerm)
    .slice(0, n)
}

function xlnx(o: number, e: number): number {
  return o === 0 ? 0 : o * Math.log(o / e)
}

/**
 * Dunning's log-likelihood for a term seen `a` times in a text of `c` terms and `b` times in a
 * reference of `d` terms (Rayson & Garside 2000 formulation).
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d)
  const e2 = (d * (a + b)) / (c + d)
  return 2 * (xlnx(a, e1) + xlnx(b, e2))
}

export function sumCounts(counts: Map<string, number>): number {
  let n = 0
  for (const v of counts.values()) n += v
  return n
}

/**
 * Terms used relatively more in `own` than in the rest of the corpus (`corpus` minus `own`),
 * significant at p < 0.05 and seen at least twice, strongest first.
 */
export function distinctiveTerms(
  own: Map<string, number>,
  corpus: Map<string, number>,
  n = DISTINCTIVE_TERMS,
  corpusTotal = sumCounts(corpus),
): DistinctiveTerm[] {
  const c = sumCounts(own)
  const d = corpusTotal - c
  if (c === 0 || d <= 0) return []
  const out: DistinctiveTerm[] = []
  for (const [term, a] of own) {
    if (a < DISTINCTIVE_MIN_COUNT) continue
    const b = (corpus.get(term) ?? 0) - a
    if (a / c <= b / d) continue
    const g2 = logLikelihood(a, b, c, d)
    if (g2 < DISTINCTIVE_MIN_G2) continue
    out.push({ term, count: a, restCount: b, logLikelihood: round3(g2) })
  }
  return out
    .sort((x, y) => y.logLikelihood - x.logLikelihood || (x.term < y.term ? -1 : 1))
    .slice(0, n)
}

/** Adds up several term-count maps. */
export function mergeCounts(all: Iterable<Map<string, number>>): Map<string, number> {
  const total = new Map<string, number>()
  for (const counts of all) for (const [t, v] of counts) total.set(t, (total.get(t) ?? 0) + v)
  return total
}

/**
 * Stems already computed, by term key: a search stems every word of every article, and a corpus
 * has a few thousand distinct words. Cleared when it grows past the cap, so it stays bounded.
 */
const stems = new Map<string, string>()
const STEM_CACHE_MAX = 50_000

/** The form a word is matched by in keyword in context: its term key's Porter2 stem. */
export function wordForm(lower: string): string {
  const key = termKey(lower)
  let stem = stems.get(key)
  if (stem === undefined) {
    if (stems.size >= STEM_CACHE_MAX) stems.clear()
    stem = stemWord(key)
    stems.set(key, stem)
  }
  return stem
}

/**
 * Keyword in context: each occurrence of `query` (one or more words, each matched by its word
 * form, so "dictator" finds "dictators", "sanction" finds "sanctioned" and "Russia" finds
 * "Russia's"; a phrase's words in sequence) with up to `width` characters either side, cut at
 * word boundaries. `kwicForms` says which forms of the query were found.
 */
export function kwic(
  articleId: string,
  text: string,
  tokens: Token[],
  query: string,
  width = 60,
): KwicLine[] {
  const keys = tokenize(normalizeText(query))
    .filter((t) => t.kind !== 'punct')
    .map((t) => wordForm(t.lower))
  if (keys.length === 0) return []
  const words = tokens.filter((t) => t.kind !== 'punct')
  const lines: KwicLine[] = []
  for (let i = 0; i + keys.length <= words.length; i++) {
    let ok = true
    for (let k = 0; k < keys.length && ok; k++) ok = wordForm(words[i + k]!.lower) === keys[k]
    if (!ok) continue
    const start = words[i]!.start
    const end = words[i + keys.length - 1]!.end
    lines.push({
      articleId,
      start,
      end,
      left: contextBefore(text, start, width),
      match: text.slice(start, end),
      right: contextAfter(text, end, width),
    })
  }
  return lines
}

/** One form of a query as found in the text, lower case, with how often it occurs. */
export interface KwicForm {
  form: string
  count: number
}

/**
 * The distinct forms that keyword-in-context lines matched ("dictator", "dictators"), lower case
 * with quotes straightened and spaces collapsed, most frequent first, ties alphabetically: what
 * the Terms page shows as "matched …", so a reader sees what the word-form match took in.
 */
export function kwicForms(lines: Iterable<KwicLine>): KwicForm[] {
  const counts = new Map<string, number>()
  for (const line of lines) {
    const form = normalizeText(line.match).toLowerCase().replace(/\s+/g, ' ')
    counts.set(form, (counts.get(form) ?? 0) + 1)
  }
  return [...counts]
    .map(([form, count]) => ({ form, count }))
    .sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0))
}

function contextBefore(text: string, at: number, width: number): string {
  let from = Math.max(0, at - width)
  const para = text.lastIndexOf('\n', at - 1)
  if (para >= from) from = para + 1
  else if (from > 0) {
    const space = text.indexOf(' ', from)
    if (space !== -1 && space < at) from = space + 1
  }
  return text.slice(from, at)
}

function contextAfter(text: string, at: number, width: number): string {
  let to = Math.min(text.length, at + width)
  const para = text.indexOf('\n', at)
  if (para !== -1 && para <= to) to = para
  else if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > at) to = space
  }
  return text.slice(at, to)
}
