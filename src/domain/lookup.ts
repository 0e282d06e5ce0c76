/**
 * An article or an actor named by a request, looked up in the corpus store: the value when it
 * exists, a `DomainError` listing what does exist when it does not. An unknown article is
 * `not-found` (the thing asked for is missing); an unknown actor is `bad-request` (the page exists,
 * the parameter that narrows it is wrong).
 */
import type { Actor } from '../analysis/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { DomainError } from './errors.js'

/** The article with id `id`, or a `not-found` error naming the ids there are. */
export function requireArticle(store: CorpusStore, id: string): StoredArticle {
  const article = store.get(id)
  if (!article) {
    throw new DomainError(
      'not-found',
      `no article with id "${id}"; the ids are: ${store.articles.map((a) => a.id).join(', ')}`,
    )
  }
  return article
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
