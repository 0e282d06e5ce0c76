/**
 * The collection a request is about, for code that builds URLs or names the collection while a
 * page renders. Every page of a collection lives under `/c/<id>`; the default collection's pages
 * are also served at the root, as they always were. Rather than thread the prefix through every
 * component and URL builder (there are dozens), the app runs each collection's request inside
 * `withScope`, and `scoped()` prefixes a root-relative URL with the current base. Outside any
 * scope (tests that build the app over one store, the CLI, the offline snapshot) the base is ""
 * and URLs are exactly what they were.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface Scope {
  /** "" for the root (the default collection), or "/c/<id>". */
  base: string
  /** The collection being shown, when the app serves collections. */
  collection?: {
    id: string
    name: string
    /** Articles whose analysis is being redone (stale), out of the collection's total. */
    stale: number
    total: number
  }
}

const storage = new AsyncLocalStorage<Scope>()

export function withScope<T>(scope: Scope, run: () => T): T {
  return storage.run(scope, run)
}

export function currentScope(): Scope {
  return storage.getStore() ?? { base: '' }
}

/** The URL of a collection page: `/c/<id>` + `path`. */
export const collectionPath = (id: string, path = '/') =>
  `/c/${encodeURIComponent(id)}${path === '/' ? '/' : path}`

/** A root-relative URL of the current collection (`/compare?…` → `/c/x/compare?…`). */
export function scoped(url: string): string {
  const { base } = currentScope()
  if (!base || !url.startsWith('/')) return url
  return url === '/' ? `${base}/` : base + url
}
