/**
 * Framing beyond tone: how each actor is named, which frames the article leans on, its loaded
 * language, whose voice carries the claims (quotes, attributions, sources) and how much is
 * hedged. Every measure is a cue lexicon in data/lexicons (see each file's "about") matched with
 * the same phrase matcher as the aliases, and every hit keeps its offsets so it can be shown.
 */
import { FRAMES, HEDGES, LOADED_CATEGORIES, NAMING_EPITHETS, SOURCING } from './lexicons.js'
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js'
import type { Segmentation, TokenRange } from './segment.js'
import type { Links } from './attribution.js'
import { negationScopes, round3 } from './tone.js'
import type {
  Actor,
  Attribution,
  CategoryCount,
  CueHit,
  Framing,
  Mention,
  NamingTerm,
  Quotation,
  QuoteInfo,
  Source,
  SourceKind,
  Span,
  Token,
} from './types.js'
import { lowerBound, tokenAt } from './search.js'

const frameMatcher = new PhraseMatcher<string>(
  FRAMES.flatMap((f) => f.cues.map((c) => [c, f.id] as [string, string])),
)
const loadedMatcher = new PhraseMatcher<string>(
  LOADED_CATEGORIES.flatMap((c) => c.cues.map((cue) => [cue, c.id] as [string, string])),
)
const hedgeMatcher = new PhraseMatcher<string>(HEDGES.map((c) => [c, 'hedge'] as [string, string]))
const epithetMatcher = new PhraseMatcher<string>(
  NAMING_EPITHETS.map((c) => [c, 'epithet'] as [string, string]),
)
// "so-called" is listed so that its "called" is not read as a speech verb.
const verbMatcher = new PhraseMatcher<string>([
  ...SOURCING.attributionVerbs.map((v) => [v, 'verb'] as [string, string]),
  ['so-called', 'not-a-verb'],
])
const anonymousMatcher = new PhraseMatcher<string>(
  SOURCING.anonymous.map((a) => [a, 'anonymous'] as [string, string]),
)
const outletMatcher = new PhraseMatcher<string>(
  SOURCING.outlets.flatMap((o) =>
    [o.name, ...o.aliases].map((alias) => [alias, o.name] as [string, string]),
  ),
)

/** Possessives before an epithet mean it names someone else: "Putin praised his new BFF". */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your'])
/** How far (in tokens) an epithet may stand from the name it describes. */
export const EPITHET_WINDOW = 4
/** How far before a speech verb (in words outside quotations) its subject may stand. */
export const SUBJECT_WINDOW = 8
/** Lower-case words that may sit inside a source's name: "Kremlin spokesman Dmitry Peskov". */
const ROLE_WORDS = new Set(
  (
    'spokesman spokeswoman spokesperson adviser advisor presidential president minister foreign ' +
    'defense defence secretary leader chief official ambassador envoy general senator of the'
  ).split(' '),
)
const PREPOSITIONS = new Set(
  'in on at from with to for of against about over into by through during near toward towards'.split(
    ' ',
  ),
)
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i'])

/** The text between offsets, from the original article. */
type Slice = (span: Span) => string

interface Context {
  original: string
  text: string
  tokens: Token[]
  seg: Segmentation
  slice: Slice
}

/** Hits of a cue lexicon over the whole text, each placed in its clause and sentence. */
function cueHits(ctx: Context, matcher: PhraseMatcher<string>, withNegation = false): CueHit[] {
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

function cueOf(ctx: Context, m: PhraseMatch<string>): string {
  return ctx.text.slice(m.start, m.end).toLowerCase().replace(/'s$/, '')
}

function counts(
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

/**
 * Whether paragraph `pi` introduces a block quote: it ends with an outlet credit in brackets
 * ("(Associated Press)", "(NY Times)") or with a colon after an attribution verb
 * ("The Economist notes:", "He added:").
 */
export function introducesBlockQuote(text: string, tokens: Token[], p: TokenRange): boolean {
  const last = tokens[p.last]!
  if (last.text === ')') {
    let open = p.last - 1
    while (open > p.first && tokens[open]!.text !== '(') open--
    if (tokens[open]!.text !== '(' || open === p.last - 1) return false
    const m = outletMatcher.longestAt(text, tokens, open + 1, p.last)
    return m !== null && m.last === p.last - 1
  }
  if (last.text === ':') {
    // The last sentence of the paragraph must hold an attribution verb.
    let from = p.last - 1
    while (from > p.first && !['.', '!', '?'].includes(tokens[from - 1]!.text)) from--
    return verbMatcher.matchAll(text, tokens, from, p.last).length > 0
  }
  return false
}

/** The block-quote rule as `quotations` takes it: does paragraph `pi` introduce one? */
export function blockQuoteIntros(
  text: string,
  tokens: Token[],
  seg: Segmentation,
): (pi: number) => boolean {
  return (pi) => introducesBlockQuote(text, tokens, seg.paragraphs[pi]!)
}

/**
 * Framing measures for one article. `mentions` are the article's actor mentions (with clause
 * numbers) and `quotes` its quotations, both in text order.
 */
export function analyseFraming(input: {
  original: string
  text: string
  tokens: Token[]
  seg: Segmentation
  actors: readonly Actor[]
  /** The article's actor mentions (with clause numbers), in text order. */
  mentions: Mention[]
  /** Its quotations, in text order. */
  quotes: Quotation[]
  words: number
  /** Pronouns, appositives and coordinated names (attribution.ts). */
  links: Links
}): Framing {
  const { original, text, tokens, seg, actors, mentions, quotes, words, links } = input
  const ctx: Context = { original, text, tokens, seg, slice: (s) => original.slice(s.start, s.end) }
  return {
    naming: naming(ctx, actors, mentions, quotes, links),
    frames: frames(ctx, actors, mentions, words),
    loaded: loaded(ctx, words),
    sourcing: sourcing(ctx, mentions, quotes, words),
    hedging: hedging(ctx, words),
  }
}

/** Epithets that name several at once: "the two dictators", "the duo". */
function isPluralEpithet(cue: string): boolean {
  return /s$/.test(cue) || ['duo', 'pair', 'comrades-in-arms', 'axis'].includes(cue)
}

function naming(
  ctx: Context,
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
    } else byTerm.set(key, { term, kind, count: 1, spans: [{ start: span.start, end: span.end }] })
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

function frames(
  ctx: Context,
  actors: readonly Actor[],
  mentions: Mention[],
  words: number,
): Framing['frames'] {
  const ids = FRAMES.map((f) => f.id)
  const hits = cueHits(ctx, frameMatcher)
  const byActor: Framing['frames']['byActor'] = {}
  for (const a of actors) {
    const clauses = new Set(mentions.filter((m) => m.actor === a.id).map((m) => m.clause))
    if (clauses.size === 0) {
      byActor[a.id] = null
      continue
    }
    const own = hits.filter((h) => clauses.has(h.clause))
    byActor[a.id] = { total: own.length, frames: counts(own, ids, words) }
  }
  return { article: counts(hits, ids, words), total: hits.length, byActor, hits }
}

function loaded(ctx: Context, words: number): Framing['loaded'] {
  const hits = cueHits(ctx, loadedMatcher)
  return {
    categories: counts(
      hits,
      LOADED_CATEGORIES.map((c) => c.id),
      words,
    ),
    total: hits.length,
    per1000: words === 0 ? 0 : round3((hits.length / words) * 1000),
    hits,
  }
}

function hedging(ctx: Context, words: number): Framing['hedging'] {
  const hits = cueHits(ctx, hedgeMatcher, true)
  const bySentence = new Map<number, CueHit[]>()
  for (const h of hits) {
    const inSentence = bySentence.get(h.sentence)
    if (inSentence) inSentence.push(h)
    else bySentence.set(h.sentence, [h])
  }
  const claims = [...bySentence].map(([si, hs]) => {
    const s = ctx.seg.sentences[si]!
    return { start: s.start, end: s.end, text: ctx.slice(s), cues: hs.map((h) => h.cue) }
  })
  return {
    count: hits.length,
    per1000: words === 0 ? 0 : round3((hits.length / words) * 1000),
    hits,
    claims,
  }
}

/** Index of the token that contains (or starts after) a character offset, at most the last. */
function binarySearchToken(tokens: Token[], offset: number): number {
  return Math.max(0, Math.min(tokenAt(tokens, offset), tokens.length - 1))
}

interface SourceCandidate extends Span {
  kind: SourceKind
  text: string
  first: number
  last: number
}

/**
 * For each token, the index in `quotes` of the first quotation that holds it whole, or -1.
 * Each quotation is visited once from its first token, so the cost is the quoted text's length.
 */
function quoteIndexByToken(tokens: Token[], quotes: readonly Span[]): number[] {
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
function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const k = key(item)
    const g = groups.get(k)
    if (g) g.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/**
 * Voice and sourcing. Every step is linear in the article: matches and mentions are indexed by
 * sentence or token once, a sentence's source candidates are built once and shared by all its
 * speech verbs, and each verb looks only at the candidates next to it (binary search, then at
 * most SUBJECT_WINDOW words back), so "Russia said " a thousand times costs what it reads.
 */
function sourcing(
  ctx: Context,
  mentions: Mention[],
  quotes: Quotation[],
  words: number,
): Framing['sourcing'] {
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

  /** Candidate sources in a sentence, outside quotations, adjacent ones merged. */
  const buildCandidates = (si: number): SourceCandidate[] => {
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
      if (!(i === range.first && j === i && !isAliasSpan(span)))
        push('named', { first: i, last: j })
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
  const candidateCache = new Map<number, SourceCandidate[]>()
  const candidates = (si: number) => {
    let c = candidateCache.get(si)
    if (!c) candidateCache.set(si, (c = buildCandidates(si)))
    return c
  }

  /**
   * The source of an attribution verb: the candidate that contains it ("the officials said") or
   * the nearest before it (the subject), within SUBJECT_WINDOW words outside quotations; after it only for
   * "according to X", a passive "by X", or an inverted "…, said Putin." (name then punctuation).
   * Candidates are sorted and disjoint, so each lookup is a binary search.
   */
  const sourceOfVerb = (
    verb: PhraseMatch<string>,
    cands: SourceCandidate[],
  ): SourceCandidate | null => {
    const firstEndingAtVerb = lowerBound(cands, (c) => c.last >= verb.first)
    const containing = cands[firstEndingAtVerb]
    if (containing && containing.first <= verb.first) return containing
    const verbText = text.slice(verb.start, verb.end).toLowerCase()
    const after = cands[lowerBound(cands, (c) => c.first > verb.last)]
    if (after && gap(verb.last, after.first) <= 2) {
      const next = tokens[after.last + 1]
      const prev = tokens[verb.first - 1]
      // '"…," said Putin.': the verb follows a comma or a closing quote, the name ends the clause
      const inverted =
        (prev?.text === ',' || prev?.text === '"') &&
        gap(verb.last, after.first) === 0 &&
        (!next || [',', '.', '!', '?', ';'].includes(next.text))
      if (verbText.startsWith('according') || tokens[verb.last + 1]?.lower === 'by' || inverted)
        return after
    }
    // The subject: the nearest candidate before the verb that is not the object of a
    // preposition ("Kim called the war in Ukraine … and said": Kim, not Ukraine).
    for (let i = firstEndingAtVerb - 1; i >= 0; i--) {
      const c = cands[i]!
      if (gap(c.last, verb.first) > SUBJECT_WINDOW) break
      if (!PREPOSITIONS.has(tokens[c.first - 1]?.lower ?? '')) return c
    }
    return null
  }

  const toSource = (c: SourceCandidate | null): Source =>
    c
      ? { kind: c.kind, text: c.text, span: { start: c.start, end: c.end }, actor: actorAt(c) }
      : { kind: 'unattributed', text: '', span: null, actor: null }

  // Attributions, in order. A pronoun source ("he added") takes the last named source of the
  // same or the previous paragraph; a coordinated verb ("vowed … and said") shares its subject.
  const attributions: Attribution[] = []
  const verbSources = new Map<PhraseMatch<string>, Source>()
  const attributedBySentence = new Map<number, PhraseMatch<string>[]>()
  let lastNamed = null as { source: Source; paragraph: number } | null
  let previous = null as { sentence: number; source: Source } | null
  for (const v of verbs) {
    if (insideQuote(v)) continue
    const si = sentenceOf(v.first)
    const paragraph = seg.sentences[si]!.paragraph
    let source = toSource(sourceOfVerb(v, candidates(si)))
    const coordinated =
      tokens[v.first - 1]?.lower === 'and' && previous !== null && previous.sentence === si
    if (coordinated && previous) source = previous.source
    else if (
      source.kind === 'unattributed' &&
      source.text &&
      lastNamed &&
      paragraph - lastNamed.paragraph <= 1
    )
      source = {
        ...lastNamed.source,
        text: `${source.text} (${lastNamed.source.text})`,
        span: source.span,
      }
    if (source.kind === 'named' && !coordinated) lastNamed = { source, paragraph }
    verbSources.set(v, source)
    const inSentence = attributedBySentence.get(si)
    if (inSentence) inSentence.push(v)
    else attributedBySentence.set(si, [v])
    previous = { sentence: si, source }
    attributions.push({
      start: v.start,
      end: v.end,
      verb: text.slice(v.start, v.end).toLowerCase(),
      source,
    })
  }
  const verbsIn = (si: number) => attributedBySentence.get(si) ?? []

  const quoteInfos: QuoteInfo[] = []
  for (const q of speech) {
    let source: Source = { kind: 'unattributed', text: '', span: null, actor: null }
    if (q.kind === 'block') {
      // The credit or the introducing attribution sits in the paragraph before.
      const found = lowerBound(seg.paragraphs, (p) => p.end >= q.start)
      const pi = seg.paragraphs[found] && seg.paragraphs[found].start <= q.start ? found : -1
      const intro = seg.paragraphs[pi - 1]
      if (intro) {
        const inIntro = (o: PhraseMatch<string>) => o.first >= intro.first && o.last <= intro.last
        const credit = outlets
          .slice(
            lowerBound(outlets, (o) => o.first >= intro.first),
            lowerBound(outlets, (o) => o.first > intro.last),
          )
          .filter(inIntro)
          .pop()
        const introVerb = verbsIn(sentenceOf(intro.last)).at(-1)
        if (introVerb) source = verbSources.get(introVerb)!
        else if (credit)
          source = toSource({
            kind: 'outlet',
            first: credit.first,
            last: credit.last,
            start: credit.start,
            end: credit.end,
            text: ctx.slice(credit),
          })
      }
    } else {
      // The verb nearest the quote in a sentence it touches; failing that, the sentence after
      // or before ("He added:").
      const s1 = sentenceOf(binarySearchToken(tokens, q.start))
      const s2 = sentenceOf(binarySearchToken(tokens, q.end - 1))
      for (const si of [...new Set([s1, s2, s2 + 1, s1 - 1])]) {
        const vs = verbsIn(si)
        if (vs.length === 0) continue
        const v = vs.reduce((a, b) => (dist(b, q) < dist(a, q) ? b : a))
        source = verbSources.get(v)!
        break
      }
    }
    quoteInfos.push({
      start: q.start,
      end: q.end,
      kind: q.kind === 'block' ? 'block' : 'direct',
      words: q.words,
      source,
    })
  }

  const byKind: Record<SourceKind, number> = { named: 0, anonymous: 0, outlet: 0, unattributed: 0 }
  for (const a of attributions) byKind[a.source.kind]++
  const byOutlet = new Map<string, Span[]>()
  for (const o of outlets) {
    const spans = byOutlet.get(o.values[0]!) ?? []
    spans.push({ start: o.start, end: o.end })
    byOutlet.set(o.values[0]!, spans)
  }
  const outletTerms = [...byOutlet]
    .map(([term, spans]) => ({ term, count: spans.length, spans }))
    .sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1))
  const quotedWords = speech.reduce((n, q) => n + q.words, 0)
  return {
    quotes: quoteInfos,
    attributions,
    byKind,
    outlets: outletTerms,
    quotedShare: words === 0 ? 0 : round3((Math.min(quotedWords, words) / words) * 100),
  }
}

function dist(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0
}

function isCapitalisedWord(t: Token): boolean {
  if (t.kind !== 'word') return false
  const c = t.text[0]!
  return c !== c.toLowerCase()
}
