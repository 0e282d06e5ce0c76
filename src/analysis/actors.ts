/**
 * Actors in a text: where each is named, how prominently, and the tone of the words that
 * evaluate it.
 *
 * Tone toward an actor is built from clauses, not sentences. The words of a clause evaluate who
 * acts in it, not who is on the receiving end: a mention right after a target preposition
 * ("against", "for", "to", "toward", "with", "on", "at", optionally followed by "the"), or
 * the object of a causative verb ("making the West nervous"), is a *target* mention ("hatred of the dictators for the West", "bad news for the Western world").
 * A clause's scored words go to the actor named nearest to each word among its agent (non-target)
 * mentions, ties to each tied actor; an actor named in a clause only as a target gets none of its
 * words (the clause is still listed in its evidence, with score 0). Words inside a name are never
 * counted: a name is not an evaluation. Words in direct quotations are someone else's voice: they
 * are listed and summed apart (`quotedScore`), and the tone and label are the author's own.
 * The actor's tone is the mean own-voice score of the clauses that name it; an actor never named
 * is absent (null), which is not neutral.
 */
import type { Links, Reference } from './attribution.js'
import { PhraseMatcher } from './phrase-matcher.js'
import { normalizeText, tokenize } from './text.js'
import type { Segmentation } from './segment.js'
import { isQuotedSpeech, round3 } from './tone.js'
import type {
  Actor,
  ActorEvidence,
  ActorFraming,
  Mention,
  ScoredWord,
  Token,
  ToneLabel,
} from './types.js'
import { lowerBound } from './search.js'

/**
 * Mean clause scores at or beyond these thresholds are labelled negative or positive; between
 * them, neutral. Most clauses that name an actor are plain narration with no tone word, so the
 * means are small: ±0.15 is one mild word (|value| 2, AFINN's commonest strength) net for every
 * 13 clauses that name the actor. Chosen by reading the bundled corpus against hand labels
 * (tests/analysis/hand-labels.test.ts); the tone itself is always shown beside the label.
 */
export const TONE_THRESHOLDS = { negative: -0.15, positive: 0.15 } as const

/** Prepositions after which a named actor is the target of the clause, not its agent. */
export const TARGET_PREPOSITIONS = new Set([
  'against',
  'for',
  'to',
  'toward',
  'towards',
  'with',
  'on',
  'at',
])
/**
 * Causative verbs: in "Putin enjoys making the West nervous" the adjective is the state Putin
 * causes, so the West is a target there too.
 */
export const CAUSATIVE_VERBS = new Set([
  'make',
  'makes',
  'made',
  'making',
  'leave',
  'leaves',
  'left',
  'leaving',
  'keep',
  'keeps',
  'kept',
  'keeping',
])
/** Words that may stand between the preposition and the name: "with the then-U.S. President Trump". */
const TITLE_WORDS = new Set(
  (
    'the a an then president prime minister leader mr mrs ms dr gen chairman secretary spokesman ' +
    'spokeswoman foreign defense defence state former'
  ).split(' '),
)

/**
 * Whether the mention whose first token is `i` follows a target preposition, looking back over
 * title words, hyphens and full stops, and through an earlier name of the same actor that
 * the mention continues ("with then-U.S. President Donald Trump": both names are targets).
 */
function isTargetMention(
  tokens: Token[],
  i: number,
  previous: { last: number; target: boolean } | undefined,
): boolean {
  let j = i - 1
  while (j >= 0) {
    const t = tokens[j]!
    if (previous && j === previous.last) return previous.target
    if (TITLE_WORDS.has(t.lower) || t.text === '-' || t.text === '.') j--
    else break
  }
  return (
    j >= 0 && (TARGET_PREPOSITIONS.has(tokens[j]!.lower) || CAUSATIVE_VERBS.has(tokens[j]!.lower))
  )
}

export function toneLabel(tone: number): ToneLabel {
  if (tone <= TONE_THRESHOLDS.negative) return 'negative'
  if (tone >= TONE_THRESHOLDS.positive) return 'positive'
  return 'neutral'
}

interface AliasRef {
  actor: string
  alias: string
}

/** Aliases and exclusions of a set of actors, compiled once and reused for every article. */
export class ActorMatcher {
  private readonly aliases: PhraseMatcher<AliasRef>
  private readonly exclusions: PhraseMatcher<string>

  constructor(readonly actors: readonly Actor[]) {
    this.aliases = new PhraseMatcher(
      actors.flatMap((a) =>
        a.aliases.map((alias) => [alias, { actor: a.id, alias }] as [string, AliasRef]),
      ),
    )
    this.exclusions = new PhraseMatcher(
      actors.flatMap((a) => a.exclude.map((phrase) => [phrase, a.id] as [string, string])),
    )
  }

  /** Every mention in the text, in order, without the ones inside an exclusion of their actor. */
  findMentions(text: string, tokens: Token[]): Omit<Mention, 'clause' | 'sentence'>[] {
    const excluded = this.exclusions.size > 0 ? this.exclusions.matchAll(text, tokens) : []
    const mentions: Omit<Mention, 'clause' | 'sentence'>[] = []
    const previous = new Map<string, { last: number; target: boolean }>()
    let x = 0
    for (const m of this.aliases.matchAll(text, tokens)) {
      while (x < excluded.length && excluded[x]!.end <= m.start) x++
      const seen = new Set<string>()
      for (const ref of m.values) {
        if (seen.has(ref.actor)) continue
        seen.add(ref.actor)
        // Exclusion matches do not overlap, so only the first one ending after m.start can hold m.
        const e = excluded[x]
        const isExcluded =
          e !== undefined && e.start <= m.start && e.end >= m.end && e.values.includes(ref.actor)
        if (isExcluded) continue
        const target = isTargetMention(tokens, m.first, previous.get(ref.actor))
        previous.set(ref.actor, { last: m.last, target })
        mentions.push({
          actor: ref.actor,
          alias: ref.alias,
          text: text.slice(m.start, m.end),
          start: m.start,
          end: m.end,
          target,
        })
      }
    }
    return mentions
  }
}

/**
 * Mentions given by offset (e.g. the targets of an annotated data set), in text order, with
 * the same target rule as aliases. A span is widened to the tokens it touches.
 */
export function givenMentions(
  text: string,
  tokens: Token[],
  spans: readonly { actor: string; start: number; end: number }[],
): Omit<Mention, 'clause' | 'sentence'>[] {
  const previous = new Map<string, { last: number; target: boolean }>()
  return [...spans]
    .sort((a, b) => a.start - b.start)
    .flatMap((span) => {
      const first = lowerBound(tokens, (t) => t.end > span.start)
      let last = first
      while (last + 1 < tokens.length && tokens[last + 1]!.start < span.end) last++
      const f = tokens[first]
      if (!f || f.start >= span.end) return []
      const start = f.start
      const end = tokens[last]!.end
      const target = isTargetMention(tokens, first, previous.get(span.actor))
      previous.set(span.actor, { last, target })
      const t = text.slice(start, end)
      return [{ actor: span.actor, alias: t, text: t, start, end, target }]
    })
}

/**
 * The aliases of an actor that can never match their own text: written alone, the matcher does
 * not find them as a mention of that actor (punctuation inside a name, such as "Kim (Jong Un)",
 * or an exclusion that covers the alias). Such an alias would silently report the actor absent.
 */
export function unmatchableAliases(actor: Actor): string[] {
  const matcher = new ActorMatcher([actor])
  return actor.aliases.filter((alias) => {
    const text = normalizeText(alias)
    const tokens = tokenize(text)
    const words = tokens.filter((t) => t.kind !== 'punct')
    if (words.length === 0) return true
    return !matcher
      .findMentions(text, tokens)
      .some((m) => m.start <= words[0]!.start && m.end >= words[words.length - 1]!.end)
  })
}

/** Places each mention in its clause and sentence (both lists are in text order). */
export function locateMentions(
  mentions: Omit<Mention, 'clause' | 'sentence'>[],
  seg: Segmentation,
): Mention[] {
  const out: Mention[] = []
  let c = 0
  for (const m of mentions) {
    while (c < seg.clauses.length - 1 && seg.clauses[c]!.end <= m.start) c++
    const clause = seg.clauses[c]!
    out.push({ ...m, clause: c, sentence: clause.sentence })
  }
  return out
}

/**
 * Salience and tone toward each actor. `scored` and `mentions` are in text order; `lead` is the
 * span of the first paragraph; `titleActors` the ids named in the headline.
 */
export function frameActors(
  text: string,
  tokens: Token[],
  actors: readonly Actor[],
  seg: Segmentation,
  mentions: Mention[],
  scored: ScoredWord[],
  lead: { start: number; end: number } | undefined,
  titleActors: Set<string>,
  links: Links,
): Record<string, ActorFraming | null> {
  // Group scored words by clause once: linear in their number.
  const wordsByClause = new Map<number, ScoredWord[]>()
  for (const w of scored) {
    const list = wordsByClause.get(w.clause)
    if (list) list.push(w)
    else wordsByClause.set(w.clause, [w])
  }

  const labelOf = (id: string) => actors.find((a) => a.id === id)?.label ?? id
  const { mentions: all, appositives, groups } = links
  const appositivesByClause = new Map<number, typeof appositives>()
  for (const a of appositives) {
    const list = appositivesByClause.get(a.head.clause)
    if (list) list.push(a)
    else appositivesByClause.set(a.head.clause, [a])
  }
  const mentionsByClause = new Map<number, (Mention | Reference)[]>()
  for (const m of all) {
    const list = mentionsByClause.get(m.clause)
    if (list) list.push(m)
    else mentionsByClause.set(m.clause, [m])
  }

  const evidence = new Map<string, ActorEvidence[]>(actors.map((a) => [a.id, []]))
  for (const [ci, clauseMentions] of mentionsByClause) {
    const clause = seg.clauses[ci]!
    const named = [...new Set(clauseMentions.map((m) => m.actor))]
    const agents = clauseMentions.filter((m) => !m.target)
    const attached = appositivesByClause.get(ci) ?? []
    const attributed = new Map<string, ScoredWord[]>(named.map((id) => [id, []]))
    for (const w of wordsByClause.get(ci) ?? []) {
      const m = clauseMentions[lowerBound(clauseMentions, (m) => m.end > w.start)]
      if (m && m.start < w.end) continue // part of a name
      const attachment = attached.find((a) => a.start <= w.start && w.end <= a.end)
      if (attachment) {
        attributed.get(attachment.head.actor)!.push({ ...w, why: attachment.rule.why })
        continue
      }
      const nearest = nearestMentions(w, agents)
      const reached = new Map<string, string | undefined>()
      for (const n of nearest) reached.set(n.actor, 'rule' in n ? n.rule.why : undefined)
      for (const n of nearest)
        for (const partner of groups.get(n) ?? [])
          if (!partner.target && !reached.has(partner.actor))
            reached.set(
              partner.actor,
              `named together with ${n.text} (${labelOf(n.actor)}): the words are about both`,
            )
      for (const [id, why] of reached) attributed.get(id)!.push(why ? { ...w, why } : w)
    }
    for (const id of named) {
      const words = attributed.get(id)!
      evidence.get(id)?.push({
        start: clause.start,
        end: clause.end,
        text: text.slice(clause.start, clause.end),
        score: round3(words.reduce((s, w) => (isQuotedSpeech(w.quoted) ? s : s + w.value), 0)),
        quotedScore: round3(
          words.reduce((s, w) => (isQuotedSpeech(w.quoted) ? s + w.value : s), 0),
        ),
        mentions: clauseMentions
          .filter((m) => m.actor === id)
          .map((m) => ({
            start: m.start,
            end: m.end,
            target: m.target,
            ...('rule' in m && { via: m.rule.why }),
          })),
        words,
      })
    }
  }

  const total = mentions.length
  const result: Record<string, ActorFraming | null> = {}
  for (const actor of actors) {
    const own = mentions.filter((m) => m.actor === actor.id)
    const inTitle = titleActors.has(actor.id)
    if (own.length === 0 && !inTitle) {
      result[actor.id] = null
      continue
    }
    const ev = (evidence.get(actor.id) ?? []).sort((a, b) => a.start - b.start)
    const score = ev.reduce((s, e) => s + e.score, 0)
    const tone = ev.length === 0 ? 0 : round3(score / ev.length)
    const quoted = ev.reduce((s, e) => s + e.quotedScore, 0)
    const toneWithQuotes = ev.length === 0 ? 0 : round3((score + quoted) / ev.length)
    result[actor.id] = {
      mentions: own.length,
      share: total === 0 ? 0 : round3((own.length / total) * 100),
      inTitle,
      inLead: lead !== undefined && own.some((m) => m.start >= lead.start && m.end <= lead.end),
      firstMention: own[0]?.start ?? null,
      tone,
      score: round3(score),
      quotedScore: round3(quoted),
      toneWithQuotes,
      label: toneLabel(tone),
      labelWithQuotes: toneLabel(toneWithQuotes),
      evidence: ev,
    }
  }
  return result
}

/**
 * The mentions in the clause nearest the word (one per actor; several on a tie). Mentions
 * are in text order and never overlap the word, so only the mentions just before and just after
 * it (several when two actors share one name) can be nearest: a binary search, not a scan.
 */
function nearestMentions<T extends Mention>(w: ScoredWord, mentions: T[]): T[] {
  const after = lowerBound(mentions, (m) => m.start >= w.end)
  const near: T[] = []
  const lastBefore = mentions[after - 1]
  if (lastBefore) {
    let i = after - 1
    while (i > 0 && mentions[i - 1]!.end === lastBefore.end) i--
    for (; i < after; i++) near.push(mentions[i]!)
  }
  const firstAfter = mentions[after]
  for (let i = after; i < mentions.length && mentions[i]!.start === firstAfter!.start; i++)
    near.push(mentions[i]!)
  let best = Infinity
  let out: T[] = []
  for (const m of near) {
    const d = m.end <= w.start ? w.start - m.end : m.start - w.end
    if (d < best) {
      best = d
      out = [m]
    } else if (d === best && !out.some((o) => o.actor === m.actor)) {
      out.push(m)
    }
  }
  return out
}
