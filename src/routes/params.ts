/**
 * Query parameters as the pages and the API accept them, checked once here so handlers get
 * typed values: an article (404 when unknown), an actor (400 when unknown: the page exists, the
 * parameter is wrong) and the list of articles to compare.
 */
import type { Actor } from '../analysis/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { COMPARE_MAX, COMPARE_MIN } from '../../views/pages/compare.js'
import { httpError } from './errors.js'

export function requireArticle(store: CorpusStore, id: string): StoredArticle {
  const article = store.get(id)
  if (!article) {
    throw httpError(
      404,
      `no article with id "${id}"; the ids are: ${store.articles.map((a) => a.id).join(', ')}`,
    )
  }
  return article
}

export function requireActor(store: CorpusStore, id: string): Actor {
  const actor = store.actors.find((a) => a.id === id)
  if (!actor) {
    throw httpError(
      400,
      `no actor with id "${id}"; the actors are: ${store.actors.map((a) => a.id).join(', ')}`,
    )
  }
  return actor
}

/**
 * The articles of `ids`: given as `ids=a,b,c` (the canonical, shareable form) or as repeated
 * `ids=a&ids=b` (what a form of checkboxes sends without JavaScript), or both. Returns undefined
 * when no ids are given at all (the comparison page then asks for a choice).
 */
export function parseCompareIds(
  store: CorpusStore,
  values: readonly string[] | undefined,
): StoredArticle[] | undefined {
  if (!values || values.length === 0) return undefined
  const ids = values.flatMap((v) => v.split(',')).map((id) => id.trim())
  if (ids.some((id) => id === '')) {
    throw httpError(400, 'the ids list has an empty entry; write ids=first-id,second-id')
  }
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw httpError(400, `the ids list names "${id}" twice`)
    seen.add(id)
  }
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    throw httpError(
      400,
      `choose ${COMPARE_MIN} to ${COMPARE_MAX} articles to compare; ${ids.length === 1 ? '1 was' : `${ids.length} were`} given`,
    )
  }
  return ids.map((id) => requireArticle(store, id))
}
