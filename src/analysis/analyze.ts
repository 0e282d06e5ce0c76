/**
 * The engine's entry points: analyse one article, or a corpus (which adds the terms distinctive
 * of each article against the others). Pure: text in, plain data out.
 */
import { ActorMatcher, frameActors, givenMentions, locateMentions } from './actors.js'
import { attribute } from './attribution.js'
import { checkActorSet, checkArticleWords, checkSentenceTokens } from './limits.js'
import { distinctiveTerms, mergeCounts, sumCounts, termCounts, topTerms } from './keywords.js'
import { sentimentPackageScore } from './lexicons.js'
import { segment } from './segment.js'
import { normalizeText, tokenize } from './text.js'
import { analyseFraming, blockQuoteIntros } from './framing.js'
import { documentTone, quotations, round3, scoreClauses } from './tone.js'
import type { Actor, ArticleAnalysis, ArticleDetail, ArticleInput, Mention } from './types.js'
import { NEWSMTSC_MODEL } from './model/bundled.js'
import type { ToneModel } from './model/reading.js'
import { tokenAt } from './search.js'

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
    const text = normalizeText(input.text)
    const tokens = tokenize(text)
    const words = tokens.reduce((n, t) => (t.kind === 'punct' ? n : n + 1), 0)
    checkArticleWords(words)
    const seg = segment(text, tokens)
    seg.sentences.forEach((s, si) => checkSentenceTokens(s.last - s.first + 1, si))
    const quotes = quotations(
      input.text,
      tokens,
      seg.paragraphs,
      blockQuoteIntros(text, tokens, seg),
    )
    // Matching runs on the normalised text; every text shown is sliced from the original (same
    // offsets), so quotes and dashes appear as published.
    const asPublished = <T extends { start: number; end: number; text: string }>(x: T): T => ({
      ...x,
      text: input.text.slice(x.start, x.end),
    })
    const scored = scoreClauses(text, tokens, seg.clauses, quotes).map(asPublished)
    const found = input.mentions
      ? givenMentions(text, tokens, input.mentions)
      : this.matcher.findMentions(text, tokens)
    const mentions = locateMentions(found.map(asPublished), seg)

    const title = input.title ?? input.id
    let titleMentions: Mention[] = []
    if (input.headline !== false && input.title) {
      const t = normalizeText(input.title)
      titleMentions = this.matcher
        .findMentions(t, tokenize(t))
        .map((m) => ({ ...m, clause: -1, sentence: -1 }))
    }

    const lead = seg.paragraphs[0]
    const labels = new Map(this.actors.map((a) => [a.id, a.label]))
    const scoredAt = new Set(scored.map((w) => tokenAt(tokens, w.start)))
    const links = attribute(
      input.text,
      tokens,
      seg,
      mentions,
      scoredAt,
      (id) => labels.get(id) ?? id,
      quotes.filter((q) => q.kind !== 'scare'),
    )
    const actors = frameActors(
      input.text,
      tokens,
      this.actors,
      seg,
      mentions,
      scored,
      lead,
      new Set(titleMentions.map((m) => m.actor)),
      links,
    )
    const terms = termCounts(tokens)
    const sentenceScores = new Array<number>(seg.sentences.length).fill(0)
    for (const w of scored) sentenceScores[seg.clauses[w.clause]!.sentence]! += w.value
    const sentenceSpans = seg.sentences.map((s, si) => {
      return {
        start: s.start,
        end: s.end,
        score: round3(sentenceScores[si]!),
        sentimentScore: sentimentPackageScore(text.slice(s.start, s.end)),
      }
    })

    const detail: ArticleDetail = {
      id: input.id,
      title,
      words,
      sentences: seg.sentences.length,
      tone: documentTone(scored, words),
      actors,
      keywords: { top: topTerms(terms), distinctive: [] },
      framing: analyseFraming({
        original: input.text,
        text,
        tokens,
        seg,
        actors: this.actors,
        mentions,
        quotes,
        words,
        links,
      }),
      text: input.text,
      paragraphs: seg.paragraphs.map(({ start, end }) => ({ start, end })),
      sentenceSpans,
      quotations: quotes,
      clauses: seg.clauses.map(({ start, end, sentence, weight }) => ({
        start,
        end,
        sentence,
        weight,
      })),
      scoredWords: scored,
      mentions,
      titleMentions,
    }
    if (this.model) detail.actors = this.model.readActors(detail, tokens)
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
