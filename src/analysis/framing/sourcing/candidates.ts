/**
 * Who may be a source in a sentence: anonymous sources, outlets, names (runs of capitalised
 * words with role words inside) and pronouns, outside quotations, adjacent ones merged into the
 * most specific kind. A sentence's candidates are built once and shared by all its speech verbs.
 */
import type { PhraseMatch } from '../../phrase-matcher.js'
import type { SourceKind, Span, Token } from '../../types.js'
import type { CueContext } from '../cues.js'

/** Lower-case words that may sit inside a source's name: "Kremlin spokesman Dmitry Peskov". */
const ROLE_WORDS = new Set(
  (
    'spokesman spokeswoman spokesperson adviser advisor presidential president minister foreign ' +
    'defense defence secretary leader chief official ambassador envoy general senator of the'
  ).split(' '),
)
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i'])

export interface SourceCandidate extends Span {
  kind: SourceKind
  text: string
  first: number
  last: number
}

/** What candidates are built from: the sentence's matches and what is quoted or an alias. */
export interface CandidateInputs {
  ctx: CueContext
  quotedToken: boolean[]
  isAliasSpan: (s: Span) => boolean
  anonymousBySentence: Map<number, PhraseMatch<string>[]>
  outletsBySentence: Map<number, PhraseMatch<string>[]>
}

/** Candidate sources in sentence `si`, outside quotations, adjacent ones merged. */
export function sourceCandidates(si: number, inputs: CandidateInputs): SourceCandidate[] {
  const { ctx, quotedToken, isAliasSpan, anonymousBySentence, outletsBySentence } = inputs
  const { tokens, seg } = ctx
  const range = seg.sentences[si]!
  const found: SourceCandidate[] = []
  const taken = new Set<number>()
  const push = (kind: SourceKind, m: { first: number; last: number }) => {
    for (let k = m.first; k <= m.last; k++) if (taken.has(k) || quotedToken[k]) return
    for (let k = m.first; k <= m.last; k++) taken.add(k)
    const start = tokens[m.first]!.start
    const end = tokens[m.last]!.end
    found.push({
      kind,
      first: m.first,
      last: m.last,
      start,
      end,
      text: ctx.slice({ start, end }),
    })
  }
  const within = (m: { first: number; last: number }) =>
    m.first >= range.first && m.last <= range.last
  for (const m of anonymousBySentence.get(si) ?? []) if (within(m)) push('anonymous', m)
  for (const m of outletsBySentence.get(si) ?? []) if (within(m)) push('outlet', m)
  // Names: runs of capitalised words (role words may sit inside). A lone capitalised word at
  // the sentence start is only a name when it is an actor alias.
  for (let i = range.first; i <= range.last; i++) {
    if (taken.has(i) || !isCapitalisedWord(tokens[i]!)) continue
    let j = i
    while (
      j + 1 <= range.last &&
      !taken.has(j + 1) &&
      (isCapitalisedWord(tokens[j + 1]!) || ROLE_WORDS.has(tokens[j + 1]!.lower)) &&
      tokens[j]!.end + 1 >= tokens[j + 1]!.start
    )
      j++
    while (j > i && !isCapitalisedWord(tokens[j]!)) j--
    const span = { start: tokens[i]!.start, end: tokens[j]!.end }
    if (!(i === range.first && j === i && !isAliasSpan(span))) push('named', { first: i, last: j })
    i = j
  }
  for (let i = range.first; i <= range.last; i++)
    if (PRONOUNS.has(tokens[i]!.lower)) push('unattributed', { first: i, last: i })
  found.sort((x, y) => x.first - y.first)
  // "a U.S. official anonymously": adjacent candidates are one source, of the most specific kind.
  const merged: SourceCandidate[] = []
  for (const c of found) {
    const prev = merged[merged.length - 1]
    if (
      prev &&
      c.first === prev.last + 1 &&
      prev.kind !== 'unattributed' &&
      c.kind !== 'unattributed'
    ) {
      const kind =
        prev.kind === 'anonymous' || c.kind === 'anonymous'
          ? 'anonymous'
          : prev.kind === 'outlet' || c.kind === 'outlet'
            ? 'outlet'
            : 'named'
      merged[merged.length - 1] = {
        ...prev,
        kind,
        last: c.last,
        end: c.end,
        text: ctx.slice({ start: prev.start, end: c.end }),
      }
    } else merged.push(c)
  }
  return merged
}

function isCapitalisedWord(t: Token): boolean {
  if (t.kind !== 'word') return false
  const c = t.text[0]!
  return c !== c.toLowerCase()
}
