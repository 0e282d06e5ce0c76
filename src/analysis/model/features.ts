/**
 * The features of the learned reading: what the engine's own output says about one actor, as
 * named numbers. Training (`scripts/train.ts`) and the Analyzer both call `actorFeatures`, so a
 * model sees at inference exactly the features it was trained on.
 *
 * Each body mention of the actor gets a vector; the actor's vector is their mean, so a linear
 * model's score for the actor is the mean of its scores for the mentions, and one sentence with
 * one mention (a NewsMTSC target) gets exactly that mention's vector. For a mention, in its
 * sentence:
 * - tone words (the engine's scored words, with negation and contrast already applied), summed
 *   apart by sign: within a near and a wide window before and after the name, in the name's
 *   clause (own voice and quoted speech apart) and in the whole sentence; the `sentiment`
 *   package's score of the sentence;
 * - negation: negated tone words in the clause and in the sentence, negators near the name;
 * - the mention's role: target (after a target preposition), first in its sentence, possessive,
 *   inside a quotation, credited as the source of a quotation or attribution;
 * - cue counts in the sentence: loaded-language categories, hedges, epithets naming the actor,
 *   quotations, other actors named;
 * - words: lower-cased words within a window before and after the name (and the two-word
 *   sequences right next to it) and in the whole sentence, with every actor name masked
 *   ("«actor»", "«other-actor»").
 *
 * Names are readable (`word:criticized`, `lexicon:before-3-neg`) because the pages show the
 * features that moved a reading; `describeFeature` says each in plain words.
 *
 * Linear in the article: what a whole sentence or clause contributes is summed once per sentence
 * or clause (and weighted by the actor's mentions there), and each mention looks only at the
 * tokens of its windows, so a sentence full of names costs no more than one with a single name.
 */
import { NEGATORS } from '../lexicons.js'
import { normalizeText, tokenize } from '../text.js'
import type { ArticleDetail, Mention, Quotation, ScoredWord, Span, Token } from '../types.js'
import { tokenAt } from '../search.js'

/** How features are computed; a model records the settings it was trained with. */
export interface FeatureSettings {
  /** Tone words within this many tokens of the name count as near. */
  near: number
  /** Tone words and negators within this many tokens count as in the wide window. */
  wide: number
  /** Words within this many tokens of the name are features (`word:`, `before:`, `after:`). */
  words: number
  /** Whether those words count as near the name (`word:`), whatever the side. */
  nearWords: boolean
  /** Whether they count by side too (`before:`, `after:`). */
  sideWords: boolean
  /** Whether the two words right before and right after the name count as pairs (`before2:`). */
  bigrams: boolean
  /** Whether every word of the sentence is a feature too (`sentence:`). */
  sentenceWords: boolean
  /** Lexicon sums pass through log(1 + x), so one very long sentence does not dominate. */
  squash: boolean
}

/** The settings the bundled model was trained with (data/models records its own). */
export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  near: 3,
  wide: 6,
  words: 4,
  nearWords: true,
  sideWords: true,
  bigrams: true,
  sentenceWords: true,
  squash: true,
}

/** What a masked actor name becomes among the words. */
export const THIS_ACTOR = '«actor»'
export const OTHER_ACTOR = '«other-actor»'

/** Punctuation that is kept as a word feature: quotation marks and the marks of tone. */
const KEPT_PUNCT = new Set(['"', '?', '!'])

/** A feature vector by name. */
export type Features = Map<string, number>

/** First and last token (inclusive) of a span. */
function tokenRange(tokens: readonly Token[], span: Span): { first: number; last: number } {
  const first = tokenAt(tokens, span.start)
  let last = tokenAt(tokens, span.end) - 1
  if (last < first) last = first
  return { first, last }
}

/** Tone-word sums of a sentence or a clause, words inside names left out. */
interface ToneSums {
  pos: number
  neg: number
  /** In a clause: the quoted-speech part of pos and neg. */
  quotedPos: number
  quotedNeg: number
  /** Negated tone words. */
  negated: number
}

/** What one sentence holds, summed once for every mention in it. */
interface SentenceSummary {
  tone: ToneSums
  /** Loaded-language categories and hedges (`cue:…`), with their counts. */
  cues: Map<string, number>
  /** Whether a quotation of speech (not a scare quote) overlaps the sentence. */
  speech: boolean
  /** Mentions in the sentence, by actor. */
  mentions: Map<string, number>
  /** The word forms of the tokens outside every name, computed when first asked for. */
  words: Set<string> | null
}

/** Everything the features of one article's actors share, computed once. */
interface ArticleContext {
  detail: ArticleDetail
  tokens: readonly Token[]
  /** For each token inside a mention: the mention's index in `detail.mentions`. */
  mentionOf: Map<number, number>
  sentences: { first: number; last: number }[]
  summaries: SentenceSummary[]
  clauses: ToneSums[]
  /** Tone words outside names, by their first token and by their last token. */
  byFirst: Map<number, ScoredWord[]>
  byLast: Map<number, ScoredWord[]>
  /** Quotations of speech, in text order. */
  speech: Quotation[]
  /** The tokens of every span credited as the source of a quotation or an attribution. */
  sourceTokens: Set<number>
}

const emptySums = (): ToneSums => ({ pos: 0, neg: 0, quotedPos: 0, quotedNeg: 0, negated: 0 })

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function count<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n)
}

function articleContext(detail: ArticleDetail, tokens: readonly Token[]): ArticleContext {
  const mentionOf = new Map<number, number>()
  detail.mentions.forEach((m, mi) => {
    const r = tokenRange(tokens, m)
    for (let i = r.first; i <= r.last; i++) mentionOf.set(i, mi)
  })
  const summaries: SentenceSummary[] = detail.sentenceSpans.map(() => ({
    tone: emptySums(),
    cues: new Map(),
    speech: false,
    mentions: new Map(),
    words: null,
  }))
  const clauses = detail.clauses.map(emptySums)
  const byFirst = new Map<number, ScoredWord[]>()
  const byLast = new Map<number, ScoredWord[]>()
  for (const w of detail.scoredWords) {
    const r = tokenRange(tokens, w)
    if (mentionOf.has(r.first) || mentionOf.has(r.last)) continue // part of a name
    push(byFirst, r.first, w)
    push(byLast, r.last, w)
    const clause = clauses[w.clause]
    const sentence = summaries[detail.clauses[w.clause]?.sentence ?? -1]
    if (!clause || !sentence) continue
    const v = Math.abs(w.value)
    const quoted = w.quoted === 'direct' || w.quoted === 'block'
    if (w.negated) {
      clause.negated++
      sentence.tone.negated++
    }
    if (w.value > 0) {
      sentence.tone.pos += v
      if (quoted) clause.quotedPos += v
      else clause.pos += v
    } else if (w.value < 0) {
      sentence.tone.neg += v
      if (quoted) clause.quotedNeg += v
      else clause.neg += v
    }
  }
  const speech = detail.quotations.filter((q) => q.kind !== 'scare')
  for (const q of speech) {
    for (let s = sentenceAt(detail, q.start); s < summaries.length; s++) {
      if (detail.sentenceSpans[s]!.start >= q.end) break
      summaries[s]!.speech = true
    }
  }
  const { sourcing, loaded, hedging } = detail.framing
  const sourceTokens = new Set<number>()
  const seen = new Set<string>()
  for (const q of [...sourcing.quotes, ...sourcing.attributions]) {
    const span = q.source.span
    if (!span || seen.has(`${span.start}:${span.end}`)) continue
    seen.add(`${span.start}:${span.end}`)
    const r = tokenRange(tokens, span)
    for (let i = r.first; i <= r.last; i++) sourceTokens.add(i)
  }
  for (const h of loaded.hits)
    if (summaries[h.sentence]) count(summaries[h.sentence]!.cues, `cue:${h.category}`)
  for (const h of hedging.hits)
    if (summaries[h.sentence]) count(summaries[h.sentence]!.cues, 'cue:hedge')
  for (const m of detail.mentions)
    if (summaries[m.sentence]) count(summaries[m.sentence]!.mentions, m.actor)
  return {
    detail,
    tokens,
    mentionOf,
    sentences: detail.sentenceSpans.map((s) => tokenRange(tokens, s)),
    summaries,
    clauses,
    byFirst,
    byLast,
    speech,
    sourceTokens,
  }
}

/** The index of the sentence that holds an offset (the last one starting at or before it). */
function sentenceAt(detail: ArticleDetail, offset: number): number {
  let lo = 0
  let hi = detail.sentenceSpans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (detail.sentenceSpans[mid]!.start <= offset) lo = mid + 1
    else hi = mid
  }
  return Math.max(0, lo - 1)
}

/** Whether a span lies inside a quotation of speech (they are in text order and disjoint). */
function inSpeech(ctx: ArticleContext, span: Span): boolean {
  let lo = 0
  let hi = ctx.speech.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ctx.speech[mid]!.start <= span.start) lo = mid + 1
    else hi = mid
  }
  const q = ctx.speech[lo - 1]
  return q !== undefined && span.end <= q.end
}

function add(f: Features, name: string, value: number): void {
  if (value !== 0) f.set(name, (f.get(name) ?? 0) + value)
}

/** The word a token stands for among the word features, or null for dropped punctuation. */
function wordForm(ctx: ArticleContext, i: number, actor: string): string | null {
  const mi = ctx.mentionOf.get(i)
  if (mi !== undefined) return ctx.detail.mentions[mi]!.actor === actor ? THIS_ACTOR : OTHER_ACTOR
  const t = ctx.tokens[i]!
  if (t.kind === 'number') return '#'
  if (t.kind === 'punct') return KEPT_PUNCT.has(t.text) ? t.text : null
  return t.lower
}

/** The forms of a sentence's tokens outside every name (names are added per actor). */
function sentenceWords(ctx: ArticleContext, si: number): Set<string> {
  const summary = ctx.summaries[si]!
  if (summary.words) return summary.words
  const words = new Set<string>()
  const { first, last } = ctx.sentences[si]!
  for (let i = first; i <= last; i++) {
    if (ctx.mentionOf.has(i)) continue
    const w = wordForm(ctx, i, '')
    if (w !== null) words.add(w)
  }
  summary.words = words
  return words
}

/**
 * The words on one side of a mention, nearest first, at most `n` tokens away: a name counts
 * once (its masked form), whatever its length.
 */
function sideWords(
  ctx: ArticleContext,
  from: number,
  step: 1 | -1,
  bound: number,
  n: number,
  actor: string,
): string[] {
  const out: string[] = []
  let lastMention = -1
  for (let i = from, d = 0; d < n && (step > 0 ? i <= bound : i >= bound); i += step, d++) {
    const mi = ctx.mentionOf.get(i)
    if (mi !== undefined && mi === lastMention) continue
    lastMention = mi ?? -1
    const w = wordForm(ctx, i, actor)
    if (w !== null) out.push(w)
  }
  return out
}

const isNegator = (t: Token) =>
  t.kind === 'word' && (NEGATORS.has(t.lower) || t.lower.endsWith("n't"))

/**
 * What the sentence as a whole says, the same for every mention in it: its tone-word sums, the
 * `sentiment` package's score, negated words, quotations, cues, epithets, other actors and
 * (with `sentenceWords`) its words. Added `weight` times: once for each of the actor's mentions.
 */
function addSentenceFeatures(
  f: Features,
  ctx: ArticleContext,
  si: number,
  actor: string,
  weight: number,
  epithets: number,
  settings: FeatureSettings,
): void {
  const summary = ctx.summaries[si]!
  const squash = (x: number) => (settings.squash ? Math.log1p(x) : x)
  const score = ctx.detail.sentenceSpans[si]!.sentimentScore
  if (summary.tone.pos > 0) add(f, 'lexicon:sentence-pos', weight * squash(summary.tone.pos))
  if (summary.tone.neg > 0) add(f, 'lexicon:sentence-neg', weight * squash(summary.tone.neg))
  if (score > 0) add(f, 'sentiment:sentence-pos', weight * squash(score))
  if (score < 0) add(f, 'sentiment:sentence-neg', weight * squash(-score))
  add(f, 'negation:sentence', weight * summary.tone.negated)
  if (summary.speech) add(f, 'quote:in-sentence', weight)
  for (const [cue, n] of summary.cues) add(f, cue, weight * n)
  add(f, 'cue:epithet', weight * epithets)
  let own = 0
  let others = 0
  for (const [id, n] of summary.mentions) {
    if (id === actor) own += n
    else others += n
  }
  add(f, 'context:other-actor', weight * others)
  if (!settings.sentenceWords) return
  for (const w of sentenceWords(ctx, si)) add(f, `sentence:${w}`, weight)
  if (others > 0) add(f, `sentence:${OTHER_ACTOR}`, weight)
  if (own > 1) add(f, `sentence:${THIS_ACTOR}`, weight)
}

/** What is particular to one mention: its windows, its clause and its role. */
function addMentionFeatures(
  f: Features,
  ctx: ArticleContext,
  m: Mention,
  actor: string,
  settings: FeatureSettings,
): void {
  const { tokens } = ctx
  const sentence = ctx.sentences[m.sentence]!
  const { first, last } = tokenRange(tokens, m)
  const squash = (x: number) => (settings.squash ? Math.log1p(x) : x)

  // Tone words in the windows on each side, by sign, and in the mention's clause.
  const sums = new Map<string, number>()
  const window = (side: 'before' | 'after', distance: number, w: ScoredWord) => {
    const sign = w.value > 0 ? 'pos' : w.value < 0 ? 'neg' : null
    if (!sign) return
    const v = Math.abs(w.value)
    if (distance <= settings.near) count(sums, `lexicon:${side}-${settings.near}-${sign}`, v)
    count(sums, `lexicon:${side}-${settings.wide}-${sign}`, v)
  }
  for (let i = first - 1; i >= Math.max(sentence.first, first - settings.wide); i--)
    for (const w of ctx.byLast.get(i) ?? []) window('before', first - i, w)
  for (let i = last + 1; i <= Math.min(sentence.last, last + settings.wide); i++)
    for (const w of ctx.byFirst.get(i) ?? []) window('after', i - last, w)
  const clause = ctx.clauses[m.clause]
  if (clause) {
    count(sums, 'lexicon:clause-pos', clause.pos)
    count(sums, 'lexicon:clause-neg', clause.neg)
    count(sums, 'lexicon:clause-quoted-pos', clause.quotedPos)
    count(sums, 'lexicon:clause-quoted-neg', clause.quotedNeg)
    add(f, 'negation:clause', clause.negated)
  }
  for (const [name, v] of sums) if (v > 0) add(f, name, squash(v))

  // Negators near the name.
  const from = Math.max(sentence.first, first - settings.wide)
  const to = Math.min(sentence.last, last + settings.wide)
  for (let i = from; i <= to; i++)
    if ((i < first || i > last) && isNegator(tokens[i]!)) add(f, 'negation:near', 1)

  // The mention's role.
  if (m.target) add(f, 'role:target', 1)
  let k = sentence.first
  while (k < first && tokens[k]!.kind === 'punct') k++
  if (k === first) add(f, 'role:first-in-sentence', 1)
  const next = tokens[last + 1]
  if (tokens[last]!.lower.endsWith("'s") || (next?.text === "'" && next.start === m.end))
    add(f, 'role:possessive', 1)
  if (inSpeech(ctx, m)) add(f, 'role:quoted', 1)
  for (let i = first; i <= last; i++) {
    if (!ctx.sourceTokens.has(i)) continue
    add(f, 'role:source', 1)
    break
  }

  // Words near the name (present or not).
  const left = sideWords(ctx, first - 1, -1, sentence.first, settings.words, actor)
  const right = sideWords(ctx, last + 1, 1, sentence.last, settings.words, actor)
  const words = new Set<string>()
  if (settings.sideWords) {
    for (const w of left) words.add(`before:${w}`)
    for (const w of right) words.add(`after:${w}`)
  }
  if (settings.nearWords) for (const w of [...left, ...right]) words.add(`word:${w}`)
  if (settings.bigrams) {
    if (left.length >= 2) words.add(`before2:${left[1]} ${left[0]}`)
    if (right.length >= 2) words.add(`after2:${right[0]} ${right[1]}`)
  }
  for (const w of words) add(f, w, 1)
}

/**
 * A reader of actor features for one analysed article: the shared work is done once, then each
 * actor's vector costs only its own mentions. `tokens` are the article's tokens, when the caller
 * already has them.
 */
export function featureReader(
  detail: ArticleDetail,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
  tokens: readonly Token[] = tokenize(normalizeText(detail.text)),
): (actor: string) => Features {
  let ctx: ArticleContext | null = null
  return (actor) => {
    const own = detail.mentions.filter((m) => m.actor === actor)
    const mean: Features = new Map()
    if (own.length === 0) return mean
    ctx ??= articleContext(detail, tokens)
    const epithets = new Map<number, number>()
    for (const term of detail.framing.naming[actor] ?? []) {
      if (term.kind !== 'epithet') continue
      for (const s of term.spans) count(epithets, sentenceAt(detail, s.start))
    }
    const perSentence = new Map<number, number>()
    for (const m of own) {
      count(perSentence, m.sentence)
      addMentionFeatures(mean, ctx, m, actor, settings)
    }
    for (const [si, n] of perSentence)
      addSentenceFeatures(mean, ctx, si, actor, n, epithets.get(si) ?? 0, settings)
    for (const [name, v] of mean) mean.set(name, v / own.length)
    return mean
  }
}

/**
 * The features of one actor in an analysed article: the mean of its body mentions' vectors.
 * Empty when the article's body never names the actor (a title alone gives no sentence to read).
 */
export function actorFeatures(
  detail: ArticleDetail,
  actor: string,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
  tokens?: readonly Token[],
): Features {
  return featureReader(detail, settings, tokens)(actor)
}
