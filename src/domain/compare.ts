/**
 * A comparison's articles: how many a comparison takes and how a list of ids names them. The
 * Compare page, `/api/compare`, the exports and the `export` CLI all read ids through
 * `parseCompareIds`, so one list of ids means the same articles wherever it is given.
 */
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { DomainError } from './errors.js'
import { requireArticles } from './lookup.js'

/** 2 to 5 articles: fewer is not a comparison, more columns do not fit side by side. */
export const COMPARE_MIN = 2
/** The most articles a comparison takes (see `COMPARE_MIN`). */
export const COMPARE_MAX = 5

/**
 * The articles of `ids`: given as `ids=a,b,c` (the canonical, shareable form) or as repeated
 * `ids=a&ids=b` (what a form of checkboxes sends without JavaScript), or both. Returns undefined
 * when no ids are given at all (the comparison page then asks for a choice).
 *
 * Ids are file names, so one may hold a comma. A value that is exactly an article's id names that
 * article (`ids=a%2Cb&ids=c`, as `idsQuery` writes ids with a comma and a form sends them); any
 * other value is a list, split on commas. The one exception is a lone value whose every part is an
 * article too: a comparison needs two articles, so `ids=a,b` compares `a` and `b` even when an
 * article is called "a,b".
 *
 * Throws a `bad-request` error for an empty or repeated id or a count outside
 * `COMPARE_MIN`..`COMPARE_MAX`, and `not-found` for an id that is no article.
 */
export async function parseCompareIds(
  store: CorpusStore,
  values: readonly string[] | undefined,
): Promise<StoredArticle[] | undefined> {
  if (!values || values.length === 0) return undefined
  const ids = values.flatMap((v) => idsOfValue(store, v, values.length === 1))
  if (ids.some((id) => id === '')) {
    throw new DomainError(
      'bad-request',
      'the ids list has an empty entry; write ids=first-id,second-id',
    )
  }
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw new DomainError('bad-request', `the ids list names "${id}" twice`)
    seen.add(id)
  }
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    throw new DomainError(
      'bad-request',
      `choose ${COMPARE_MIN} to ${COMPARE_MAX} articles to compare; ${ids.length === 1 ? '1 was' : `${ids.length} were`} given`,
    )
  }
  return requireArticles(store, ids)
}

/** The ids one `ids` value names (see `parseCompareIds`); `lone` when it is the only value. */
function idsOfValue(store: CorpusStore, value: string, lone: boolean): string[] {
  const parts = value.split(',').map((id) => id.trim())
  if (store.get(value) === undefined) return parts
  if (lone && parts.length > 1 && parts.every((id) => store.get(id) !== undefined)) return parts
  return [value]
}
