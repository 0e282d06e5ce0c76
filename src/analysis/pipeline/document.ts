/**
 * The document an analysis fills in, and the shape of a stage. One `ArticleDocument` starts with
 * what is given (the input, the compiled actor set, the model) and each stage of the pipeline
 * (index.ts) adds its fields. A stage declares the fields it `reads` and `writes`; its `run` sees
 * only the fields it reads (the types enforce it) and returns the fields it writes, so a new
 * measure is a new stage with its own fields, not another parameter threaded through the others.
 * tests/analysis/pipeline.test.ts checks that every stage reads only what is given or written
 * before it, and touches nothing it did not declare.
 */
import type { ActorMatcher } from '../actors.js'
import type { Links } from '../attribution.js'
import type { ToneModel } from '../model/reading.js'
import type { Segmentation } from '../segment.js'
import type {
  Actor,
  ActorFraming,
  ArticleDetail,
  ArticleInput,
  DocumentTone,
  Framing,
  Mention,
  Quotation,
  ScoredWord,
  SentenceTone,
  Term,
  Token,
} from '../types.js'

export interface ArticleDocument {
  // Given (`GIVEN`)
  input: ArticleInput
  actors: readonly Actor[]
  matcher: ActorMatcher
  model: ToneModel | null
  // 01-normalise: the text matching runs on (same offsets as `input.text`)
  text: string
  // 02-tokenise
  tokens: Token[]
  words: number
  // 03-segment: paragraphs, sentences, clauses
  seg: Segmentation
  // 04-quotes
  quotes: Quotation[]
  // 05-mentions: the actors' aliases in the text (or the given mentions) and in the headline
  mentions: Mention[]
  titleMentions: Mention[]
  // 06-tone
  scored: ScoredWord[]
  sentenceSpans: SentenceTone[]
  tone: DocumentTone
  // 07-attribution: pronouns, descriptions, appositives and coordinated names
  links: Links
  // 08-framing: one stage per measure
  naming: Framing['naming']
  frames: Framing['frames']
  loaded: Framing['loaded']
  sourcing: Framing['sourcing']
  hedging: Framing['hedging']
  // 09-actors: salience and tone toward each actor
  actorFraming: Record<string, ActorFraming | null>
  // 10-keywords
  terms: Map<string, number>
  topTerms: Term[]
  // 11-detail: the article's analysis as views and exports read it, before the model
  article: ArticleDetail
  // 12-model: with each present actor's learned reading
  detail: ArticleDetail
}

export type Field = keyof ArticleDocument

/** What the caller gives; every other field is written by a stage. */
export const GIVEN = ['input', 'actors', 'matcher', 'model'] as const satisfies readonly Field[]
export type Given = Pick<ArticleDocument, (typeof GIVEN)[number]>

/** One step of the pipeline: it sees the fields it reads and returns the fields it writes. */
export interface Stage<R extends Field = Field, W extends Field = Field> {
  name: string
  reads: readonly R[]
  writes: readonly W[]
  run(doc: Pick<ArticleDocument, R>): Pick<ArticleDocument, W>
}

/** Any stage, as the pipeline's list holds them. */
export interface AnyStage {
  name: string
  reads: readonly Field[]
  writes: readonly Field[]
  run(doc: ArticleDocument): Partial<ArticleDocument>
}

/** A stage, its types inferred from `reads` and `writes`. */
export function stage<R extends Field, W extends Field>(s: Stage<R, W>): Stage<R, W> {
  return s
}

/**
 * Matching runs on the normalised text; every text shown is sliced from the original (same
 * offsets), so quotes and dashes appear as published.
 */
export function asPublished<T extends { start: number; end: number; text: string }>(
  original: string,
  x: T,
): T {
  return { ...x, text: original.slice(x.start, x.end) }
}
