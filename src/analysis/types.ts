/**
 * The shapes that flow out of the analysis engine. Every span is a pair of character offsets
 * (`start` inclusive, `end` exclusive, in UTF-16 code units, the unit of JavaScript strings) into
 * the text that was analysed, so `text.slice(start, end)` gives back the exact words.
 */
import type { ModelReading } from './model/reading.js'

export type { Contribution, ModelReading } from './model/reading.js'

/** A half-open character range into the analysed text. */
export interface Span {
  start: number
  end: number
}

/** An actor as a user defines it: in `data/actors.json`, an `--actors` file or a JSONL line. */
export interface ActorDef {
  id: string
  label?: string
  colour?: string
  aliases: string[]
  exclude?: string[]
}

/** An actor with every optional field filled in. */
export interface Actor {
  id: string
  label: string
  colour: string
  aliases: string[]
  exclude: string[]
}

/** One article to analyse. `text` is the body after boilerplate removal. */
export interface ArticleInput {
  id: string
  title?: string
  /** false when the title is not a headline (made from the lead): it then counts for nothing. */
  headline?: boolean
  text: string
  /**
   * Mentions given by offset instead of found by alias (an annotated data set names its
   * targets this way). Each span must lie on word boundaries and name one of the actors.
   */
  mentions?: readonly { actor: string; start: number; end: number }[]
}

export type TokenKind = 'word' | 'number' | 'punct'

export interface Token extends Span {
  /** The token as written. */
  text: string
  /** Lower case, curly apostrophes straightened. */
  lower: string
  kind: TokenKind
}

export interface Sentence extends Span {
  paragraph: number
}

export interface Clause extends Span {
  sentence: number
  /** How much the clause's words count in tone: 1, or more after "but"/"yet", less before. */
  weight: number
}

/** Where a tone value came from: the AFINN-165 list shipped with `sentiment`, or our additions. */
export type LexiconSource = 'afinn' | 'news'

/** One word (or lexicon phrase) that carries tone, as it counts in its clause. */
export interface ScoredWord extends Span {
  text: string
  /** Value in the lexicon (-5..+5). */
  base: number
  source: LexiconSource
  /** True when a negator ("not", "never", "n't", "without" …) has it in scope: × -0.74. */
  negated: boolean
  /** Offsets of the negator, when negated. */
  negator?: Span
  /** Contrast weight of its clause (0.5 before "but", 1.5 after, else 1); 0 in a scare quote. */
  weight: number
  /**
   * Inside quotation marks: 'scare' (one or two words, "winning": held at a distance, counts 0)
   * or 'direct' (quoted speech: someone else's words, counted in the document's tone but not in
   * the author's tone toward an actor); null in the author's own words.
   */
  quoted: 'scare' | 'direct' | 'block' | null
  /** base × (negated ? -0.74 : 1) × weight, rounded to 3 decimals */
  value: number
  clause: number
  /** In an actor's evidence: how the word reached that actor when not by the nearest name. */
  why?: string
}

/** A span in quotation marks. */
export interface Quotation extends Span {
  words: number
  kind: 'scare' | 'direct' | 'block'
}

export interface DocumentTone {
  /** Sum of every scored word's value. */
  score: number
  /** score per 1,000 words. */
  per1000: number
  /** Words whose value is positive, per 1,000 words (GDELT-style). */
  positivePer1000: number
  /** Words whose value is negative, per 1,000 words. */
  negativePer1000: number
  /** Share of words that carry any tone, in percent (GDELT's polarity is close to this). */
  polarity: number
  positiveWords: number
  negativeWords: number
}

export interface SentenceTone extends Span {
  /** Framelens' score: sum of the sentence's scored words (negation scope, contrast weights). */
  score: number
  /** What the `sentiment` package alone gives the sentence with the same lexicon. */
  sentimentScore: number
}

export interface Mention extends Span {
  actor: string
  /** The alias that matched, as written in the actor definition. */
  alias: string
  text: string
  /** Named right after a target preposition (against, for, to, with …): on the receiving end. */
  target: boolean
  clause: number
  sentence: number
}

export type ToneLabel = 'negative' | 'neutral' | 'positive'

/** One clause that mentions an actor, with the scored words attributed to that actor. */
export interface ActorEvidence extends Span {
  text: string
  /** Clause score toward this actor in the author's own voice: the sum of `words[].value` outside direct quotes. */
  score: number
  /** The sum of the values of the attributed words inside direct quotations. */
  quotedScore: number
  /** The names in the clause, and the pronouns or descriptions read as the actor (`via` says how). */
  mentions: (Span & { target: boolean; via?: string })[]
  /** The words attributed to the actor; `why` says how, when not by the nearest name. */
  words: ScoredWord[]
}

export interface ActorFraming {
  mentions: number
  /** This actor's mentions as a share of every actor mention in the article, in percent. */
  share: number
  /** Named in the title. */
  inTitle: boolean
  /** Named in the lead (first paragraph of the body). */
  inLead: boolean
  /** Offset of the first mention in the body, or null when only the title names it. */
  firstMention: number | null
  /** Mean own-voice clause score over the clauses that mention the actor. */
  tone: number
  /** Sum of the own-voice clause scores. */
  score: number
  /** Sum of the scores of attributed words inside direct quotations (not in `tone`). */
  quotedScore: number
  /** The tone with quoted words counted too: (score + quotedScore) / clauses. */
  toneWithQuotes: number
  labelWithQuotes: ToneLabel
  label: ToneLabel
  /**
   * The learned second reading (src/analysis/model), beside `label`, which it never replaces.
   * Its construct is NewsMTSC's: quoted speech counts. Absent when no model is loaded or the
   * body never names the actor.
   */
  model?: ModelReading
  evidence: ActorEvidence[]
}

export interface Term {
  term: string
  count: number
}

export interface DistinctiveTerm extends Term {
  /** Count in the rest of the corpus. */
  restCount: number
  /** Dunning's log-likelihood (G²) of the term's frequency here against the rest. */
  logLikelihood: number
}

export interface ArticleAnalysis {
  id: string
  title: string
  words: number
  sentences: number
  tone: DocumentTone
  /** null means the actor is never named: absent, which is not neutral. */
  actors: Record<string, ActorFraming | null>
  keywords: {
    top: Term[]
    distinctive: DistinctiveTerm[]
  }
  /** Naming, frames, loaded language, voice and sourcing, hedging. */
  framing: Framing
}

/** Everything the views need to highlight an article: the analysis plus its spans. */
export interface ArticleDetail extends ArticleAnalysis {
  text: string
  paragraphs: Span[]
  sentenceSpans: SentenceTone[]
  quotations: Quotation[]
  clauses: Clause[]
  scoredWords: ScoredWord[]
  mentions: Mention[]
  titleMentions: Mention[]
}

export interface KwicLine extends Span {
  articleId: string
  left: string
  match: string
  right: string
}

/** A word or phrase of a cue lexicon found in the text. */
export interface CueHit extends Span {
  /** The category (frame id, loaded-language category, 'hedge', 'epithet' …). */
  category: string
  /** The lexicon entry that matched, as written in the lexicon. */
  cue: string
  text: string
  clause: number
  sentence: number
  /** In the scope of a negator ("not likely"). */
  negated: boolean
}

/** How an article names one actor: the aliases it uses and the epithets it attaches. */
export interface NamingTerm {
  /** Lower-cased form, e.g. "kremlin", "dictator". */
  term: string
  kind: 'alias' | 'epithet'
  count: number
  spans: Span[]
  /**
   * The term as views and queries compare it (`namingKey`): hyphens and spaces alike, possessive
   * dropped, so "Kim Jong Un" and "kim jong-un" are one term.
   */
  key: string
}

export interface CategoryCount {
  count: number
  /** Share of all hits of the measure, in percent. */
  share: number
  per1000: number
}

export interface FrameAnalysis {
  /** Every frame id, with its hits in the whole article. */
  article: Record<string, CategoryCount>
  total: number
  /**
   * Per actor: frame hits in the clauses that name it, counted and as indexes into `hits` (in
   * text order); null when the actor is absent.
   */
  byActor: Record<
    string,
    { total: number; frames: Record<string, CategoryCount>; hits: number[] } | null
  >
  hits: CueHit[]
}

export interface LoadedLanguage {
  categories: Record<string, CategoryCount>
  total: number
  per1000: number
  hits: CueHit[]
}

export type SourceKind = 'named' | 'anonymous' | 'outlet' | 'unattributed'

/** Who a quotation or attribution is credited to. */
export interface Source {
  kind: SourceKind
  /** The words that name the source ("Kremlin spokesman Dmitry Peskov", "a U.S. official"). */
  text: string
  span: Span | null
  /** The actor the source belongs to, when it names one. */
  actor: string | null
}

export interface QuoteInfo extends Span {
  kind: 'direct' | 'block'
  words: number
  source: Source
}

export interface Attribution extends Span {
  /** The attribution verb or phrase ("said", "according to"). */
  verb: string
  source: Source
}

export interface Sourcing {
  quotes: QuoteInfo[]
  attributions: Attribution[]
  /** How many attributions (speech verbs) credit each kind of source. */
  byKind: Record<SourceKind, number>
  /** Outlets and agencies named anywhere in the text, with counts and where. */
  outlets: (Term & { spans: Span[] })[]
  /** Share of the article's words inside quotations, in percent. */
  quotedShare: number
}

export interface Hedging {
  count: number
  per1000: number
  hits: CueHit[]
  /** The sentences that carry at least one hedge. */
  claims: (Span & { text: string; cues: string[] })[]
}

export interface Framing {
  naming: Record<string, NamingTerm[] | null>
  frames: FrameAnalysis
  loaded: LoadedLanguage
  sourcing: Sourcing
  hedging: Hedging
}
