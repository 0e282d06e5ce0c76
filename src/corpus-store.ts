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
  readonly tokens: Token[]
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

/** One article for `storeFromAnalysed`: what was read, and its analysis (made now or stored). */
export interface AnalysedEntry {
  id: string
  meta: ArticleMeta
  removed: RemovedPassage[]
  analysed: AnalysedArticle
}

/** What a collection adds to a store: its name and id, and where its analyses stand. */
export interface StoreContext {
  /** The files that were refused, listed on the overview. */
  refused?: readonly InputError[]
}

/**
 * Builds the store from analyses already made (by `createStore`, or read back from the database
 * by the library): only the corpus-level measures (distinctive terms) are computed here, so
 * serving a stored collection never re-runs the engine. The tokens keyword-in-context needs are
 * made the first time a search asks for them.
 */
export function storeFromAnalysed(
  entries: readonly AnalysedEntry[],
  actors: readonly Actor[],
  context: StoreContext = {},
): CorpusStore {
  const details = withDistinctiveTerms(entries.map((e) => e.analysed))
  const articles: StoredArticle[] = entries.map((entry, i) => {
    const detail = details[i]!
    let tokens: Token[] | undefined
    return {
      id: entry.id,
      meta: entry.meta,
      detail,
      removed: entry.removed,
      terms: entry.analysed.terms,
      // kwic needs the tokens of the normalised text; the analysis does not keep them.
      get tokens() {
        return (tokens ??= tokenize(normalizeText(detail.text)))
      },
    }
  })
  const byId = new Map(articles.map((a) => [a.id, a]))

  return {
    actors,
    analyzer: new Analyzer(actors),
    articles,
    refused: context.refused ?? [],
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

/** An article's metadata as the store keeps it, from what the reader parsed. */
export function metaOf(article: {
  headline: boolean
  outlet?: string
  date?: string
  url?: string
  author?: string
}): ArticleMeta {
  return {
    headline: article.headline,
    ...(article.outlet !== undefined && { outlet: article.outlet }),
    ...(article.date !== undefined && { date: article.date }),
    ...(article.url !== undefined && { url: article.url }),
    ...(article.author !== undefined && { author: article.author }),
  }
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
  const entries: AnalysedEntry[] = []
  for (const article of parsed) {
    try {
      const analysed = analyzer.analyze({
        id: article.id,
        title: article.title,
        headline: article.headline,
        text: article.text,
      })
      entries.push({ id: article.id, meta: metaOf(article), removed: article.removed, analysed })
    } catch (err) {
      if (!(err instanceof AnalysisLimitError)) throw err
      const file = article.file ?? article.id
      refused.push(new InputError(`${file}: ${err.message}`, file))
    }
  }
  if (entries.length === 0 && refused.length > 0) {
    throw new InputErrors(refused, source.name ?? 'the corpus')
  }
  return storeFromAnalysed(entries, actors, { refused })
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
