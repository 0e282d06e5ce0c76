/**
 * An article or an actor named by a request, looked up in the corpus store: the value when it
 * exists, a `DomainError` listing what does exist when it does not. An unknown article is
 * `not-found` (the thing asked for is missing); an unknown actor is `bad-request` (the page exists,
 * the parameter that narrows it is wrong).
 */
import type { Actor } from '../analysis/index.js'
import type { ArticleEntry, CorpusStore, LoadOptions, StoredArticle } from '../corpus-store.js'
import { DomainError } from './errors.js'

/** The ids a `not-found` message lists: the first few of a large collection. */
const LISTED_IDS = 20

/** The article with id `id` (its digest), or a `not-found` error naming ids there are. */
export function requireEntry(store: CorpusStore, id: string): ArticleEntry {
  const article = store.get(id)
  if (!article) {
    const some = store.articles.slice(0, LISTED_IDS).map((a) => a.id)
    const more = store.articles.length - some.length
    throw new DomainError(
      'not-found',
      `no article with id "${id}"; the ids are: ${some.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    )
  }
  return article
}

/** The article with id `id` with its whole analysis, or a `not-found` error (`requireEntry`). */
export async function requireArticle(
  store: CorpusStore,
  id: string,
  options?: LoadOptions,
): Promise<StoredArticle> {
  requireEntry(store, id)
  const [article] = await store.load([id], options)
  // Deleted between the listing and the read: as missing as an unknown id.
  if (!article) throw new DomainError('not-found', `no article with id "${id}"`)
  return article
}

/** The articles with these ids with their whole analyses; `not-found` for the first unknown. */
export async function requireArticles(
  store: CorpusStore,
  ids: readonly string[],
): Promise<StoredArticle[]> {
  for (const id of ids) requireEntry(store, id)
  const loaded = await store.load(ids)
  if (loaded.length !== ids.length) {
    const found = new Set(loaded.map((a) => a.id))
    throw new DomainError('not-found', `no article with id "${ids.find((id) => !found.has(id))}"`)
  }
  return loaded
}

/** The actor with id `id`, or a `bad-request` error naming the actors there are. */
export function requireActor(store: CorpusStore, id: string): Actor {
  const actor = store.actors.find((a) => a.id === id)
  if (!actor) {
    throw new DomainError(
      'bad-request',
      `no actor with id "${id}"; the actors are: ${store.actors.map((a) => a.id).join(', ')}`,
    )
  }
  return actor
}
