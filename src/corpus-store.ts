/**
 * The analysed corpus the dashboard serves, in two forms with one interface (`CorpusStore`):
 * - `storeFromAnalysed` (and `createStore`, `loadStore` over a folder): every article analysed
 *   once and held whole in memory, for the CLI, the exports and tests;
 * - `storeFromDigests`: a stored collection, held as each article's digest (its numbers, see
 *   src/domain/digest.ts), with the whole analysis read from the database when a page shows the
 *   article (`load`), so memory and the work of a page do not grow with the collection.
 * A request only looks things up and never re-runs the analysis. Pages that list articles read
 * `articles` (digests); pages that show evidence `await store.load(ids)`. A file that cannot be
 * used (unreadable, bad front matter, over a limit of the loader or of the engine) is refused, not
 * fatal: the store keeps it in `refused` and serves the others.
 */
import {
  AnalysisLimitError,
  Analyzer,
  distinctiveTerms,
  kwic,
  mergeCounts,
  normalizeText,
  sumCounts,
  tokenize,
  withDistinctiveTerms,
  wordForm,
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
import { digestOf, type ArticleDigest } from './domain/digest.js'

/** What is known about an article besides its analysis: where it came from. */
export interface ArticleMeta {
  outlet?: string
  date?: string
  url?: string
  author?: string
  /** False when the title stands in for a missing headline (the lead's opening words). */
  headline: boolean
}

/**
 * An article as listings see it: where it came from and the digest of its analysis (the numbers,
 * without the evidence). Every article of a store is one of these in memory.
 */
export interface ArticleEntry {
  id: string
  meta: ArticleMeta
  digest: ArticleDigest
}

/** An article with its whole analysis, as `CorpusStore.load` gives it for the pages that show it. */
export interface StoredArticle extends ArticleEntry {
  detail: ArticleDetail
  /** Scraped boilerplate the loader took out of the body, for the article page. */
  removed: RemovedPassage[]
  terms: Map<string, number>
  readonly tokens: Token[]
}

/** Keyword-in-context lines of one article for a query. */
export interface ArticleKwic {
  article: ArticleEntry
  lines: KwicLine[]
}

/** One page of a keyword-in-context search. */
export interface TermSearch {
  /** The page's articles that may hold the query, in corpus order, those with no line included. */
  results: ArticleKwic[]
  /**
   * Every article that may hold the query: for a stored collection, those the full-text index
   * finds (each word, or a word beginning like it); in memory, every article.
   */
  candidates: number
  page: number
  pages: number
}

export interface LoadOptions {
  /** Fill in `detail.keywords.distinctive` against the whole corpus. */
  distinctive?: boolean
}

/** Articles a page of the terms search reads. */
export const TERMS_PAGE_SIZE = 25

export interface CorpusStore {
  actors: readonly Actor[]
  analyzer: Analyzer
  /** In corpus order (file-name order, or the order of insertion). */
  articles: readonly ArticleEntry[]
  /** The files that were not loaded, each with its reason (the message names the file). */
  refused: readonly InputError[]
  get(id: string): ArticleEntry | undefined
  /**
   * The whole analyses of these articles, in the order given; ids not in the store are skipped.
   * Their terms distinctive against the whole corpus are filled in when `distinctive` is asked
   * for (always, in memory): over a stored collection that first reads every article's term
   * counts summed, which only the article page and the JSON of an article need.
   */
  load(ids: readonly string[], options?: LoadOptions): Promise<StoredArticle[]>
  /** Keyword in context for `query`: page `page` (from 1) of the articles that may hold it. */
  searchTerms(query: string, page?: number): Promise<TermSearch>
}

/** A store that holds every article whole, in memory (`storeFromAnalysed`). */
export interface MemoryStore extends CorpusStore {
  articles: readonly StoredArticle[]
  get(id: string): StoredArticle | undefined
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

/** A whole article from its analysis, `detail` being the analysis with distinctive terms set. */
function fullArticle(entry: AnalysedEntry, detail: ArticleDetail, digest: ArticleDigest) {
  let tokens: Token[] | undefined
  const article: StoredArticle = {
    id: entry.id,
    meta: entry.meta,
    digest,
    detail,
    removed: entry.removed,
    terms: entry.analysed.terms,
    // kwic needs the tokens of the normalised text; the analysis does not keep them.
    get tokens() {
      return (tokens ??= tokenize(normalizeText(detail.text)))
    },
  }
  return article
}

/** Terms distinctive of each of `articles` against the others of them (not the corpus). */
export function distinctiveAmong(
  articles: readonly StoredArticle[],
): Map<string, DistinctiveTerm[]> {
  const total = mergeCounts(articles.map((a) => a.terms))
  return new Map(articles.map((a) => [a.id, distinctiveTerms(a.terms, total)]))
}

function pageOf(page: number | undefined, candidates: number) {
  const pages = Math.max(1, Math.ceil(candidates / TERMS_PAGE_SIZE))
  const at = Math.min(Math.max(1, Math.floor(page ?? 1)), pages)
  return { page: at, pages, from: (at - 1) * TERMS_PAGE_SIZE }
}

const kwicOf = (article: StoredArticle, query: string): ArticleKwic => ({
  article,
  lines: kwic(article.id, article.detail.text, article.tokens, query),
})

/**
 * Builds the store from analyses already made (by `createStore`, or read back from a file):
 * only the corpus-level measures (distinctive terms) are computed here. Everything is held in
 * memory, so `load` answers at once: for the CLI, the exports and tests. A stored collection is
 * served by `storeFromDigests` instead, which holds only the digests.
 */
export function storeFromAnalysed(
  entries: readonly AnalysedEntry[],
  actors: readonly Actor[],
  context: StoreContext = {},
): MemoryStore {
  const details = withDistinctiveTerms(entries.map((e) => e.analysed))
  const articles: StoredArticle[] = entries.map((entry, i) =>
    fullArticle(entry, details[i]!, digestOf(details[i]!)),
  )
  const byId = new Map(articles.map((a) => [a.id, a]))
  const pick = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined)

  return {
    actors,
    analyzer: new Analyzer(actors),
    articles,
    refused: context.refused ?? [],
    get: (id) => byId.get(id),
    load: async (ids) => pick(ids),
    async searchTerms(query, page) {
      const at = pageOf(page, articles.length)
      return {
        results: articles.slice(at.from, at.from + TERMS_PAGE_SIZE).map((a) => kwicOf(a, query)),
        candidates: articles.length,
        page: at.page,
        pages: at.pages,
      }
    },
  }
}

/** Where a store of digests reads what it does not hold. */
export interface ArticleSource {
  /** The whole analyses of these articles (any order; those no longer there left out). */
  fetch(ids: readonly string[]): Promise<AnalysedEntry[]>
  /** Each term's count summed over every article. */
  termTotals(): Promise<Map<string, number>>
  /** The ids of the articles that hold every word of `words` or a word beginning with it. */
  search(words: readonly string[]): Promise<string[]>
}

/** Whole articles a store of digests keeps after loading them, the most recently used. */
const LOADED_CACHE = 64

/**
 * The words the full-text index is asked for so that it finds every article `kwic` may match:
 * for each word of the query, the part its Porter2 stem shares with it, less a final "i" or "e"
 * the stemmer may have written ("studies" → "studi" → "stud", which "study" begins with too).
 * A form the stemmer reaches by changing more than the ending would be missed: Porter2 keeps
 * the start of a word, so this costs only words it leaves irregular.
 */
export function indexPrefixes(query: string): string[] {
  return tokenize(normalizeText(query))
    .filter((t) => t.kind !== 'punct')
    .map((t) => {
      const stem = wordForm(t.lower)
      let n = 0
      while (n < stem.length && n < t.lower.length && stem[n] === t.lower[n]) n++
      const common = t.lower.slice(0, n).replace(/[ie]$/u, '')
      return common === '' ? t.lower : common
    })
}

/**
 * A store that holds only the digests of a stored collection: pages that list articles read
 * them from memory, and the whole analyses are read from the database for the articles a page
 * shows (`load`), through a small cache. Distinctive terms against the collection need every
 * article's term counts: they are read once, when an article page first asks.
 */
export function storeFromDigests(
  entries: readonly ArticleEntry[],
  actors: readonly Actor[],
  source: ArticleSource,
  context: StoreContext = {},
): CorpusStore {
  const byId = new Map(entries.map((a) => [a.id, a]))
  const order = new Map(entries.map((a, i) => [a.id, i]))
  const cache = new Map<string, StoredArticle>()
  let corpus: Promise<{ counts: Map<string, number>; total: number }> | undefined
  // Read when an article page first needs them, and kept (a failed read is tried again).
  const corpusTerms = () => {
    corpus ??= source.termTotals().then((counts) => ({ counts, total: sumCounts(counts) }))
    corpus.catch(() => (corpus = undefined))
    return corpus
  }

  async function load(ids: readonly string[], options: LoadOptions = {}): Promise<StoredArticle[]> {
    const wanted = [...new Set(ids)].filter((id) => byId.has(id))
    const missing = wanted.filter((id) => !cache.has(id))
    const [fetched, terms] = await Promise.all([
      missing.length > 0 ? source.fetch(missing) : [],
      options.distinctive && entries.length > 1 ? corpusTerms() : undefined,
    ])
    for (const entry of fetched) {
      cache.set(entry.id, fullArticle(entry, entry.analysed.detail, byId.get(entry.id)!.digest))
    }
    const out: StoredArticle[] = []
    for (const id of ids) {
      const article = cache.get(id)
      if (!article) continue
      // Most recently used last: the first key is the one to drop.
      cache.delete(id)
      cache.set(id, article)
      out.push(terms ? withDistinctive(article, terms) : article)
    }
    while (cache.size > Math.max(LOADED_CACHE, wanted.length)) {
      cache.delete(cache.keys().next().value!)
    }
    return out
  }

  /** The article with its terms distinctive against the collection (a copy; the cache keeps none). */
  function withDistinctive(
    article: StoredArticle,
    corpus: { counts: Map<string, number>; total: number },
  ): StoredArticle {
    const { detail } = article
    const distinctive = distinctiveTerms(article.terms, corpus.counts, undefined, corpus.total)
    const withTerms: ArticleDetail = { ...detail, keywords: { ...detail.keywords, distinctive } }
    // Not a spread: that would call the `tokens` getter, tokenising the text for nothing.
    return {
      id: article.id,
      meta: article.meta,
      digest: article.digest,
      detail: withTerms,
      removed: article.removed,
      terms: article.terms,
      get tokens() {
        return article.tokens
      },
    }
  }

  return {
    actors,
    analyzer: new Analyzer(actors),
    articles: entries,
    refused: context.refused ?? [],
    get: (id) => byId.get(id),
    load,
    async searchTerms(query, page) {
      const words = indexPrefixes(query)
      const found = words.length === 0 ? [] : await source.search(words)
      const ids = found.filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!)
      const at = pageOf(page, ids.length)
      const shown = await load(ids.slice(at.from, at.from + TERMS_PAGE_SIZE))
      return {
        results: shown.map((a) => kwicOf(a, query)),
        candidates: ids.length,
        page: at.page,
        pages: at.pages,
      }
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
): MemoryStore {
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
): Promise<MemoryStore> {
  const [corpus, defs] = await Promise.all([
    loadCorpus(corpusDir),
    actorsFile ? readActorsFile(actorsFile) : loadDefaultActors(),
  ])
  return createStore(corpus.articles, defs, { refused: corpus.refused, name: corpusDir })
}
