/**
 * Matching many phrases (actor aliases, lexicon phrases, exclusions) against a token stream in one
 * left-to-right pass. Phrases are compiled once into a trie keyed by word forms, so the cost per
 * article is linear in its tokens, not "one regular expression per alias per sentence".
 */
import { joinsPhrase, normalizeText, termKey, tokenize } from './text.js'
import type { Token } from './types.js'

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>
  values: V[]
}

export interface PhraseMatch<V> {
  /** Index of the first and last token (inclusive) in the token array. */
  first: number
  last: number
  start: number
  end: number
  values: V[]
}

const CASES = [false, true] as const

function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0)
  return (c >= 65 && c <= 90) || (c > 127 && text[0] !== text[0]!.toLowerCase())
}

/**
 * Abbreviations whose full stop may sit inside a name: titles and ranks ("Mr.", "Sen.", "Gen.")
 * and single-letter initials. A dot after any other word ends a phrase, so "the North. Korea"
 * never matches "North Korea".
 */
const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cmdr adm sgt cpl sen rep gov pres amb rev hon ' +
    'st jr sr messrs mme mlle'
  ).split(' '),
)

function isAbbreviation(t: Token): boolean {
  return t.kind === 'word' && (t.text.length === 1 || TITLE_ABBREVIATIONS.has(t.lower))
}

/** A capital initial with its dot ("V.", or "H.W." as one token), which a name may leave out. */
function isInitial(t: Token, next: Token | undefined): boolean {
  if (t.kind !== 'word') return false
  const s = t.text
  // Cheap tests first: this runs wherever a phrase stops matching.
  if (s.length === 1) return s !== s.toLowerCase() && next?.text === '.' && next.start === t.end
  return s.length >= 4 && s.charCodeAt(1) === 46 && /^(?:\p{Lu}\.)+$/u.test(s)
}

/** The case-sensitive key of a word: as written, possessive 's or 'S dropped. */
function exactKey(text: string): string {
  return text.endsWith("'s") || text.endsWith("'S") ? text.slice(0, -2) : text
}

/** True when every letter of the phrase is a capital (US, EU, NATO, U.S.): matched case-sensitively. */
function isAcronym(phrase: string): boolean {
  return /\p{L}/u.test(phrase) && phrase === phrase.toUpperCase()
}

/** The word keys of a phrase, written the way text tokens are keyed. */
export function phraseKeys(phrase: string, caseSensitive: boolean): string[] {
  return tokenize(normalizeText(phrase))
    .filter((t) => t.kind !== 'punct')
    .map((t) => (caseSensitive ? exactKey(t.text) : termKey(t.lower)))
}

/**
 * A set of phrases compiled to two tries: one case-insensitive, one for acronyms that must match
 * in capitals (so "US" is the United States and "us" is not).
 */
export class PhraseMatcher<V> {
  private readonly folded: TrieNode<V> = { next: new Map(), values: [] }
  private readonly exact: TrieNode<V> = { next: new Map(), values: [] }
  readonly size: number = 0

  constructor(entries: Iterable<[phrase: string, value: V]>) {
    let size = 0
    for (const [phrase, value] of entries) {
      const caseSensitive = isAcronym(phrase)
      const keys = phraseKeys(phrase, caseSensitive)
      if (keys.length === 0) continue
      let node = caseSensitive ? this.exact : this.folded
      for (const key of keys) {
        let child = node.next.get(key)
        if (!child) {
          child = { next: new Map(), values: [] }
          node.next.set(key, child)
        }
        node = child
      }
      node.values.push(value)
      size++
    }
    this.size = size
  }

  /**
   * Every longest, non-overlapping match, scanning left to right. `tokens` is the full token
   * array of `text`; punctuation tokens never start or join a match, except that hyphens and
   * apostrophes may stand between the words of a phrase.
   */
  matchAll(text: string, tokens: Token[], from = 0, to = tokens.length): PhraseMatch<V>[] {
    const matches: PhraseMatch<V>[] = []
    let i = from
    while (i < to) {
      const found = this.longestAt(text, tokens, i, to)
      if (found) {
        matches.push(found)
        i = found.last + 1
      } else {
        i++
      }
    }
    return matches
  }

  /** The longest phrase starting at token `i`, or null. */
  longestAt(text: string, tokens: Token[], i: number, to = tokens.length): PhraseMatch<V> | null {
    const t = tokens[i]
    if (!t || t.kind === 'punct') return null
    let best: PhraseMatch<V> | null = null
    for (const caseSensitive of CASES) {
      // Acronyms begin with a capital: skip the exact trie for any other token.
      if (caseSensitive && (this.exact.next.size === 0 || !startsUpper(t.text))) continue
      let node: TrieNode<V> = caseSensitive ? this.exact : this.folded
      let j = i
      let prev: Token | null = null
      // Where the gap before the next word starts: after an abbreviation's dot ("Mr. Trump").
      let joinFrom = -1
      while (j < to) {
        const tok = tokens[j]!
        if (tok.kind === 'punct') {
          // hyphens and apostrophes may sit inside a phrase; so may the dot of a title or an
          // initial written against it ("Sen. Schumer", "Vladimir V. Putin"); anything else ends it
          if (tok.text === '-' || tok.text === "'") {
            j++
            continue
          }
          if (tok.text === '.' && prev && prev.end === tok.start && isAbbreviation(prev)) {
            joinFrom = tok.end
            j++
            continue
          }
          break
        }
        if (prev && !joinsPhrase(text, joinFrom >= 0 ? joinFrom : prev.end, tok.start)) break
        joinFrom = -1
        const key = caseSensitive ? exactKey(tok.text) : termKey(tok.lower)
        const child = node.next.get(key)
        if (!child) {
          // A middle initial the alias leaves out: "Vladimir V. Putin" for "Vladimir Putin".
          if (prev && isInitial(tok, tokens[j + 1])) {
            prev = tok
            j++
            continue
          }
          break
        }
        node = child
        if (node.values.length > 0 && (!best || tok.end > best.end)) {
          best = { first: i, last: j, start: t.start, end: tok.end, values: node.values }
        }
        prev = tok
        j++
      }
    }
    return best
  }
}
