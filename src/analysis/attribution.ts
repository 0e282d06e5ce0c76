/**
 * Who a clause's words are about, beyond the names in it. Tone toward an actor goes to the
 * nearest name in the clause (see actors.ts); this module adds the links a reader makes without
 * thinking, each of them a rule that can be shown next to the word it moved:
 *
 * - references: in a sentence that names no actor, a pronoun ("he", "his", "they") or a
 *   definite description ("the regime", "the Russian leader") stands for the subject of the
 *   sentence before it in the same paragraph;
 * - appositives and relative clauses attach to their head: in "Mr. Putin, a ruthless dictator,
 *   met Mr. Kim" the words between the commas are about Putin, and in "Moscow, which has been
 *   cynical" the relative clause is about Moscow;
 * - coordinated names share their predicate: in "Putin and Kim are two brutal dictators" both
 *   get "brutal" and "dictators";
 * - the object of a comparison ("more patient than Moscow") and the object of an evaluation
 *   ("hatred of the West") are on its receiving end, like the target of a preposition: the
 *   holder's words are not tone toward them.
 */
import { STOPWORDS } from './lexicons.js'
import type { Segmentation } from './segment.js'
import type { Mention, Span, Token } from './types.js'
import { lowerBound } from './search.js'

/** Pronouns that can stand for an actor: a state, a leader, a bloc. */
// Not "it"/"its": in news they stand for a deal, a war or a plan as often as for a state.
const PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their'])
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their'])

/** Heads of definite descriptions that name an actor already introduced ("the regime"). */
const DESCRIPTION_HEADS = new Set([
  'regime',
  'leader',
  'dictator',
  'president',
  'despot',
  'strongman',
  'autocrat',
  'duo',
  'pair',
  'allies',
  'kremlin',
])
/** Description heads that name several at once: they need a coordinated subject. */
const PLURAL_HEADS = new Set(['duo', 'pair', 'allies'])

/**
 * Whether a mention can be the subject a pronoun stands for: not a possessive ("Kim's
 * government") nor an adjective of nationality ("the Russian army", "North Korean leader"),
 * which modify another noun that is the real subject.
 */
function canBeSubject(m: Mention): boolean {
  return !/['’]s$/i.test(m.text) && !/(?:ian|ean|ern|ese|ish|ican)$/i.test(m.text)
}
/** Words allowed between "the" and the head: "the North Korean leader", "the aging dictator". */
const DESCRIPTION_MODIFIERS = new Set([
  'russian',
  'north',
  'korean',
  'western',
  'american',
  'chinese',
  'aging',
  'ageing',
  'young',
  'reclusive',
  'isolated',
  'two',
  'former',
])

/** Tokens an appositive may run to ("a ruthless dictator" is 3). */
export const APPOSITIVE_MAX_WORDS = 8

/** Why a word reached an actor other than by the nearest name in its clause. */
export interface AttributionRule {
  kind: 'pronoun' | 'description' | 'appositive' | 'relative' | 'coordination'
  /** The words the rule rests on: the pronoun, the appositive, the partner name. */
  span: Span
  /** A sentence for people: "“he” → Kim (the last actor named in the paragraph)". */
  why: string
}

/** A pronoun or description read as a mention of an actor. */
export interface Reference extends Mention {
  rule: AttributionRule
}

/** A stretch of a clause whose words are about one mention (appositive, relative clause). */
export interface Attachment extends Span {
  head: Mention
  rule: AttributionRule
}

const quoteText = (text: string, s: Span) => `“${text.slice(s.start, s.end)}”`

function isCapitalisedWord(t: Token): boolean {
  if (t.kind !== 'word') return false
  const c = t.text[0]!
  return c !== c.toLowerCase()
}

/**
 * Pronouns and definite descriptions in a sentence that names no actor, read as the subject of
 * the sentence before it in the same paragraph: its first name outside a prepositional phrase
 * ("Kim arrived on Tuesday. He is a cruel tyrant." → Kim), or the whole group when that subject
 * is coordinated ("Putin and Kim met. They …"). A sentence that names an actor itself is left to
 * its names; a capitalised word that is no actor's name in the pronoun's sentence (someone else
 * may be meant) blocks it. "They" needs a coordinated subject, "he" or "she" a single one.
 */
export function resolveReferences(
  text: string,
  tokens: Token[],
  seg: Segmentation,
  mentions: readonly Mention[],
  groups: ReadonlyMap<Mention, readonly Mention[]>,
  labelOf: (actor: string) => string,
  quoted: readonly boolean[] = [],
): Reference[] {
  const refs: Reference[] = []
  const bySentence = new Map<number, Mention[]>()
  // Quoted speech is someone else's: its names are no subject here, its pronouns not the author's.
  for (const m of mentions) {
    if (quoted[lowerBound(tokens, (t) => t.end > m.start)]) continue
    const list = bySentence.get(m.sentence)
    if (list) list.push(m)
    else bySentence.set(m.sentence, [m])
  }
  seg.sentences.forEach((sentence, si) => {
    const own = bySentence.get(si)
    let subject: Mention | undefined
    let from = sentence.first
    if (own) {
      // In a sentence that names actors, a pronoun after its subject stands for the subject:
      // "Kim vowed his support for Russia" (his → Kim, not the nearer Russia).
      subject = own.find((m) => !m.target)
      if (!subject || !canBeSubject(subject)) return
      from = lowerBound(tokens, (t) => t.start >= subject!.end)
    } else {
      const previous = seg.sentences[si - 1]
      if (!previous || previous.paragraph !== sentence.paragraph) return
      subject = bySentence.get(si - 1)?.find((m) => !m.target)
      if (!subject || !canBeSubject(subject)) return
    }
    const group = groups.get(subject) ?? [subject]
    const inName = (k: number) => {
      if (!own) return false
      const m = own[lowerBound(own, (m) => m.end > tokens[k]!.start)]
      return m !== undefined && m.start <= tokens[k]!.start
    }
    for (let k = from; k <= sentence.last; k++) {
      const t = tokens[k]!
      if (t.kind !== 'word' || inName(k) || quoted[k]) continue
      // Someone else may be meant: a name that is no actor's ("Peskov said he …").
      if (
        isCapitalisedWord(t) &&
        t.lower !== 'i' &&
        !(k === sentence.first && STOPWORDS.has(t.lower))
      )
        return
      let span: Span | null = null
      let kind: AttributionRule['kind'] = 'pronoun'
      const plural = PLURAL_PRONOUNS.has(t.lower)
      if (PRONOUNS.has(t.lower) && plural === group.length > 1)
        span = { start: t.start, end: t.end }
      else if (t.lower === 'the') {
        let j = k + 1
        while (j <= sentence.last && DESCRIPTION_MODIFIERS.has(tokens[j]!.lower)) j++
        const head = tokens[j]
        // "the leader of Iran" names someone else
        if (
          head &&
          j <= sentence.last &&
          DESCRIPTION_HEADS.has(head.lower) &&
          tokens[j + 1]?.lower !== 'of' &&
          PLURAL_HEADS.has(head.lower) === group.length > 1
        ) {
          span = { start: t.start, end: head.end }
          kind = 'description'
          k = j
        }
      }
      if (!span) continue
      const antecedent = group.map((m) => m.text).join(' and ')
      const who = [...new Set(group.map((m) => labelOf(m.actor)))].join(' and ')
      for (const m of group)
        refs.push({
          actor: m.actor,
          alias: text.slice(span.start, span.end),
          text: text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          target: false,
          clause: clauseOf(seg, k),
          sentence: si,
          rule: {
            kind,
            span,
            why: `${quoteText(text, span)} → ${who} (${antecedent}, the subject of ${own ? 'the sentence' : 'the sentence before'})`,
          },
        })
    }
  })
  return refs
}

function clauseOf(seg: Segmentation, tokenIndex: number): number {
  let lo = 0
  let hi = seg.clauses.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (seg.clauses[mid]!.last < tokenIndex) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Appositives and relative clauses: after a mention, a comma and "a/an/the" (appositive) or
 * "who/which/whose" (relative clause), up to the next comma, dash or the clause end.
 */
export function attachments(
  text: string,
  tokens: Token[],
  seg: Segmentation,
  mentions: readonly Mention[],
  tokenIndex: (offset: number) => number,
  labelOf: (actor: string) => string,
): Attachment[] {
  const out: Attachment[] = []
  for (const m of mentions) {
    const last = tokenIndex(m.end - 1)
    const comma = tokens[last + 1]
    const opener = tokens[last + 2]
    if (comma?.text !== ',' || !opener) continue
    const relative = ['who', 'which', 'whose'].includes(opener.lower)
    if (!relative && !['a', 'an', 'the'].includes(opener.lower)) continue
    const clause = seg.clauses[m.clause]
    if (!clause) continue
    let end = last + 2
    // An appositive is short; a long stretch is a new clause ("Putin, the man who …, said").
    const reach = relative ? clause.last : Math.min(clause.last, last + 2 + APPOSITIVE_MAX_WORDS)
    while (end + 1 <= reach && ![',', ';', '—', '(', ')'].includes(tokens[end + 1]!.text)) end++
    if (!relative && end === reach && reach < clause.last && tokens[reach + 1]!.text !== ',')
      continue
    const span = { start: opener.start, end: tokens[end]!.end }
    out.push({
      ...span,
      head: m,
      rule: {
        kind: relative ? 'relative' : 'appositive',
        span,
        why: `${relative ? 'relative clause' : 'appositive'} of ${m.text} (${labelOf(m.actor)}): ${quoteText(text, span)}`,
      },
    })
  }
  return out
}

/**
 * Groups of coordinated mentions: names joined by "and", "&" or commas with nothing else between
 * ("Putin and Kim", "Russia, China and Iran"). Returns, for each mention, its group (itself alone
 * when not coordinated).
 */
export function coordinationGroups(
  tokens: Token[],
  mentions: readonly Mention[],
  tokenIndex: (offset: number) => number,
): Map<Mention, Mention[]> {
  const groups = new Map<Mention, Mention[]>()
  let current: Mention[] = []
  let lastJoin: Join = 'none'
  const flush = () => {
    // Names joined by commas alone are no list ("Kim, Putin told reporters, …"): a list ends
    // with "and" ("Russia, China and Iran").
    const list = current.length > 1 && lastJoin === 'and'
    for (const m of current) groups.set(m, list ? current : [m])
    current = []
  }
  for (const m of mentions) {
    const prev = current[current.length - 1]
    const join =
      prev && prev.clause === m.clause
        ? joined(tokens, tokenIndex(prev.end - 1), tokenIndex(m.start))
        : 'none'
    if (join !== 'none') {
      current.push(m)
      lastJoin = join
    } else {
      flush()
      current = [m]
      lastJoin = 'none'
    }
  }
  flush()
  return groups
}

type Join = 'none' | 'comma' | 'and'

/** How two names are joined: by "and"/"&" (with a comma or "the"), by a comma alone, or not. */
function joined(tokens: Token[], from: number, to: number): Join {
  if (to - from < 2) return 'none'
  let join: Join = 'none'
  for (let k = from + 1; k < to; k++) {
    const t = tokens[k]!
    if (t.lower === 'and' || t.text === '&') join = 'and'
    else if (t.text === ',') join = join === 'and' ? 'and' : 'comma'
    else if (t.lower !== 'the') return 'none'
  }
  return join
}

/** The links of a text, computed once and read by tone (actors.ts) and naming (framing). */
export interface Links {
  /** Names and references in text order, targets marked (after "than", or "hatred of"). */
  mentions: (Mention | Reference)[]
  appositives: Attachment[]
  groups: Map<Mention, Mention[]>
}

/**
 * Builds the links: `mentions` are the alias mentions, `scoredAt` the token indexes of scored
 * words (the object of an evaluation follows one and "of").
 */
export function attribute(
  text: string,
  tokens: Token[],
  seg: Segmentation,
  mentions: readonly Mention[],
  scoredAt: ReadonlySet<number>,
  labelOf: (actor: string) => string,
  speech: readonly Span[] = [],
): Links {
  const tokenIndex = (offset: number) => lowerBound(tokens, (t) => t.end > offset)
  const named = mentions.map((m) =>
    isEvaluatedObject(tokens, tokenIndex(m.start), scoredAt) ? { ...m, target: true } : m,
  )
  const nameGroups = coordinationGroups(tokens, named, tokenIndex)
  const quoted = new Array<boolean>(tokens.length).fill(false)
  for (const q of speech)
    for (let k = tokenIndex(q.start); k < tokens.length && tokens[k]!.end <= q.end; k++)
      quoted[k] = true
  const references = resolveReferences(text, tokens, seg, named, nameGroups, labelOf, quoted)
  const all: (Mention | Reference)[] = [...named, ...references].sort((a, b) => a.start - b.start)
  return {
    mentions: all,
    appositives: attachments(text, tokens, seg, named, tokenIndex, labelOf),
    groups: coordinationGroups(tokens, all, tokenIndex),
  }
}

/** Words that may stand between a name and "than" or "of": "than the West", "of President Kim". */
const TITLE_WORDS = new Set(['the', 'a', 'an', 'president', 'leader', 'mr', 'ms', 'mrs', '.'])

/**
 * Whether the mention starting at token `i` is the object of a comparison ("more patient than
 * Moscow") or of an evaluation ("hatred of the West": "of" right after a scored word): then it
 * is on the receiving end, and the words of the clause are not its own.
 */
function isEvaluatedObject(tokens: Token[], i: number, scoredAt: ReadonlySet<number>): boolean {
  let j = i - 1
  while (j >= 0 && TITLE_WORDS.has(tokens[j]!.lower)) j--
  const before = tokens[j]
  if (!before) return false
  if (before.lower === 'than') return true
  return before.lower === 'of' && scoredAt.has(j - 1)
}
