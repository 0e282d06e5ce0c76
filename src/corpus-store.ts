/**
 * The analysed corpus the dashboard serves: every article read, cleaned and analysed once when
 * the server starts, so a request only looks things up and never re-runs the analysis. It also
 * keeps what pages need beyond `ArticleDetail`: the front matter, the removed boilerplate, the
 * term counts (for distinctive terms within a comparison) and the tokens (for keyword in context).
 */
import {
  Analyzer,
  distinctiveTerms,
  kwic,
  normalizeText,
  tokenize,
  withDistinctiveTerms,
  type Actor,
  type ActorDef,
  type ArticleDetail,
  type DistinctiveTerm,
  type KwicLine,
  type Token,
} from './analysis/index.js'
import { mergeCounts } from './analysis/keywords.js'
import { loadDefaultActors, readActorsFile, resolveActors } from './corpus/actors.js'
import type { ParsedArticle } from './corpus/article-file.js'
import type { RemovedPassage } from './corpus/boilerplate.js'
import { DEFAULT_CORPUS_DIR, loadCorpusDir } from './corpus/load-corpus.js'

/** What is known about an article besides its analysis: where it came from. */
export interface ArticleMeta {
  outlet?: string
  date?: string
  url?: string
  author?: string
  /** False when the title stands in for a missing headline (the lead's opening words). */
  headline: boolean
}

export interface StoredArticle {
  id: string
  meta: ArticleMeta
  detail: ArticleDetail
  /** Scraped boilerplate the loader took out of the body, for the article page. */
  removed: RemovedPassage[]
  terms: Map<string, number>
  tokens: Token[]
}

/** Keyword-in-context lines of one article for a query. */
export interface ArticleKwic {
  article: StoredArticle
  lines: KwicLine[]
}

export interface CorpusStore {
  actors: readonly Actor[]
  analyzer: Analyzer
  /** In corpus order (file-name order). */
  articles: readonly StoredArticle[]
  get(id: string): StoredArticle | undefined
  /** Terms distinctive of each article against the other articles of `ids` (not the corpus). */
  distinctiveWithin(ids: readonly string[]): Map<string, DistinctiveTerm[]>
  /** Keyword in context for `query` in every article, articles without a hit included. */
  kwic(query: string): ArticleKwic[]
}

/** Builds the store from articles already read and actor definitions already validated. */
export function createStore(
  parsed: readonly ParsedArticle[],
  actorDefs: readonly ActorDef[],
): CorpusStore {
  const actors = resolveActors(actorDefs)
  const analyzer = new Analyzer(actors)
  const analysed = parsed.map((article) =>
    analyzer.analyze({
      id: article.id,
      title: article.title,
      headline: article.headline,
      text: article.text,
    }),
  )
  const details = withDistinctiveTerms(analysed)
  const articles: StoredArticle[] = parsed.map((article, i) => ({
    id: article.id,
    meta: {
      headline: article.headline,
      ...(article.outlet !== undefined && { outlet: article.outlet }),
      ...(article.date !== undefined && { date: article.date }),
      ...(article.url !== undefined && { url: article.url }),
      ...(article.author !== undefined && { author: article.author }),
    },
    detail: details[i]!,
    removed: article.removed,
    terms: analysed[i]!.terms,
    // kwic needs the tokens of the normalised text; the analysis does not keep them.
    tokens: tokenize(normalizeText(article.text)),
  }))
  const byId = new Map(articles.map((a) => [a.id, a]))

  return {
    actors,
    analyzer,
    articles,
    get: (id) => byId.get(id),
    distinctiveWithin(ids) {
      const chosen = ids
        .map((id) => byId.get(id))
        .filter((a): a is StoredArticle => a !== undefined)
      const total = mergeCounts(chosen.map((a) => a.terms))
      return new Map(chosen.map((a) => [a.id, distinctiveTerms(a.terms, total)]))
    },
    kwic(query) {
      return articles.map((article) => ({
        article,
        lines: kwic(article.id, article.detail.text, article.tokens, query),
      }))
    },
  }
}

/**
 * Reads a corpus folder and the actor definitions (the repository's `data/actors.json` unless
 * `actorsFile` is given) and analyses everything. Throws the corpus layer's `InputError` listing
 * every bad file, so a server never starts on half a corpus.
 */
export async function loadStore(
  corpusDir: string = DEFAULT_CORPUS_DIR,
  actorsFile?: string,
): Promise<CorpusStore> {
  const [parsed, defs] = await Promise.all([
    loadCorpusDir(corpusDir),
    actorsFile ? readActorsFile(actorsFile) : loadDefaultActors(),
  ])
  return createStore(parsed, defs)
}
