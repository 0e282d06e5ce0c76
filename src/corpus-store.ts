/**
 * The analysed corpus the dashboard serves: every article read, cleaned and analysed once when
 * the server starts, so a request only looks things up and never re-runs the analysis. It also
 * keeps what pages need beyond `ArticleDetail`: the front matter, the removed boilerplate, the
 * term counts (for distinctive terms within a comparison) and the tokens (for keyword in context).
 * A file that cannot be used (unreadable, bad front matter, over a limit of the loader or of the
 * engine) is refused, not fatal: the store keeps it in `refused` and serves the others.
 */
import {
  AnalysisLimitError,
  Analyzer,
  distinctiveTerms,
  kwic,
  mergeCounts,
  normalizeText,
  tokenize,
  withDistinctiveTerms,
  type Actor,
  type ActorDef,
  type ArticleDetail,
  type DistinctiveTerm,
  type KwicLine,
  type AnalysedArticle,
  type Token,
} from './analysis/index.js'
import { loadDefaultActors, readActorsFile, resolveActors } from './corpus/actors.js'
import type { ParsedArticle } from './corpus/article-file.js'
import type { RemovedPassage } from './corpus/boilerplate.js'
import { InputError, InputErrors } from './corpus/errors.js'
import { DEFAULT_CORPUS_DIR, loadCorpus } from './corpus/load-corpus.js'

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
  /** The files that were not loaded, each with its reason (the message names the file). */
  refused: readonly InputError[]
  get(id: string): StoredArticle | undefined
  /** Terms distinctive of each article against the other articles of `ids` (not the corpus). */
  distinctiveWithin(ids: readonly string[]): Map<string, DistinctiveTerm[]>
  /** Keyword in context for `query` in every article, articles without a hit included. */
  kwic(query: string): ArticleKwic[]
}

/** Where the articles given to `createStore` came from. */
export interface StoreSource {
  /** Files the loader already refused; the store's `refused` lists them first. */
  refused?: readonly InputError[]
  /** The corpus (its folder), for the error when no article is left. */
  name?: string
}

/**
 * Builds the store from articles already read and actor definitions already validated. An article
 * larger than the engine takes (`AnalysisLimitError`) is refused with an `InputError` naming its
 * file and the limit. Throws `InputErrors` listing every refused file when none is left.
 */
export function createStore(
  parsed: readonly ParsedArticle[],
  actorDefs: readonly ActorDef[],
  source: StoreSource = {},
): CorpusStore {
  const actors = resolveActors(actorDefs)
  const analyzer = new Analyzer(actors)
  const refused: InputError[] = [...(source.refused ?? [])]
  const kept: ParsedArticle[] = []
  const analysed: AnalysedArticle[] = []
  for (const article of parsed) {
    try {
      analysed.push(
        analyzer.analyze({
          id: article.id,
          title: article.title,
          headline: article.headline,
          text: article.text,
        }),
      )
      kept.push(article)
    } catch (err) {
      if (!(err instanceof AnalysisLimitError)) throw err
      const file = article.file ?? article.id
      refused.push(new InputError(`${file}: ${err.message}`, file))
    }
  }
  if (kept.length === 0 && refused.length > 0) {
    throw new InputErrors(refused, source.name ?? 'the corpus')
  }
  const details = withDistinctiveTerms(analysed)
  const articles: StoredArticle[] = kept.map((article, i) => ({
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
    refused,
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
 * `actorsFile` is given) and analyses everything. The files that could not be used are in the
 * store's `refused`, for the server to log and the overview to show. Throws the corpus layer's
 * `InputError` when the folder or the actors file cannot be used or when no article is left.
 */
export async function loadStore(
  corpusDir: string = DEFAULT_CORPUS_DIR,
  actorsFile?: string,
): Promise<CorpusStore> {
  const [corpus, defs] = await Promise.all([
    loadCorpus(corpusDir),
    actorsFile ? readActorsFile(actorsFile) : loadDefaultActors(),
  ])
  return createStore(corpus.articles, defs, { refused: corpus.refused, name: corpusDir })
}
