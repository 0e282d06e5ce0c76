/**
 * The engine's entry points: analyse one article, or a corpus (which adds the terms distinctive
 * of each article against the others). Pure: text in, plain data out. One article's analysis is
 * the pipeline of pipeline/index.ts run over it.
 */
import { ActorMatcher } from './actors.js'
import { checkActorSet } from './limits.js'
import { distinctiveTerms, mergeCounts, sumCounts } from './keywords.js'
import type { Actor, ArticleAnalysis, ArticleDetail, ArticleInput } from './types.js'
import { NEWSMTSC_MODEL } from './model/bundled.js'
import type { ToneModel } from './model/reading.js'
import { runPipeline } from './pipeline/index.js'

/** An article's analysis with the term counts that corpus-level measures need. */
export interface AnalysedArticle {
  detail: ArticleDetail
  terms: Map<string, number>
}

/**
 * Compiles the actor set once; `analyze` is then linear in the length of each article. Input
 * beyond the limits of `limits.ts` throws `AnalysisLimitError` before any costly stage runs.
 * `model` gives each present actor a learned second reading (`ActorFraming.model`): the bundled
 * NewsMTSC model by default, none with `null`.
 */
export class Analyzer {
  private readonly matcher: ActorMatcher
  private readonly model: ToneModel | null

  constructor(
    readonly actors: readonly Actor[],
    options: { model?: ToneModel | null } = {},
  ) {
    checkActorSet(actors)
    this.matcher = new ActorMatcher(actors)
    this.model = options.model === undefined ? NEWSMTSC_MODEL : options.model
  }

  /** Everything about one article, with every span the views need to highlight it. */
  analyze(input: ArticleInput): AnalysedArticle {
    const { detail, terms } = runPipeline({
      input,
      actors: this.actors,
      matcher: this.matcher,
      model: this.model,
    })
    return { detail, terms }
  }

  /** Analyses every article and adds the terms distinctive of each against all the others. */
  analyzeCorpus(inputs: readonly ArticleInput[]): ArticleDetail[] {
    const analysed = inputs.map((input) => this.analyze(input))
    return withDistinctiveTerms(analysed)
  }
}

/** Fills in each article's distinctive terms against the rest of the set. */
export function withDistinctiveTerms(analysed: readonly AnalysedArticle[]): ArticleDetail[] {
  const corpus = mergeCounts(analysed.map((a) => a.terms))
  const total = sumCounts(corpus) // once, not once per article
  return analysed.map(({ detail, terms }) => ({
    ...detail,
    keywords: {
      ...detail.keywords,
      distinctive: analysed.length > 1 ? distinctiveTerms(terms, corpus, undefined, total) : [],
    },
  }))
}

/** The summary the CLI and `/api/analyze` return: no text, no span lists beyond the evidence. */
export function summarize(detail: ArticleDetail): ArticleAnalysis {
  const { id, title, words, sentences, tone, actors, keywords, framing } = detail
  return { id, title, words, sentences, tone, actors, keywords, framing }
}
