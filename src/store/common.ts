/**
 * What the two engines share above SQL: the conflict errors' wording, the checks a batch of
 * articles must pass before it touches the database, how a patch is applied, how paging options
 * and a search query are read. Kept here, once, so the engines cannot disagree on them.
 */
import type { ArticlePatch, ArticleRecord, ListOptions, NewArticle } from './types.js'
import { StoreConflictError } from './types.js'

export function duplicateId(collectionId: string, id: string): StoreConflictError {
  return new StoreConflictError(
    `Collection "${collectionId}" already has an article with id "${id}".`,
    'duplicate-id',
  )
}

export function duplicateLesson(collectionId: string, id: string): StoreConflictError {
  return new StoreConflictError(
    `Collection "${collectionId}" already has a lesson with id "${id}".`,
    'duplicate-id',
  )
}

export function duplicateText(
  collectionId: string,
  id: string,
  existingId: string,
): StoreConflictError {
  return new StoreConflictError(
    `Article "${id}" has the same text as article "${existingId}" in collection "${collectionId}".`,
    'duplicate-text',
    existingId,
  )
}

export function duplicateCollection(id: string): StoreConflictError {
  return new StoreConflictError(`There is already a collection with id "${id}".`, 'duplicate-id')
}

export function missingCollection(id: string): StoreConflictError {
  return new StoreConflictError(`There is no collection with id "${id}".`, 'missing-collection')
}

/** Throws for two articles of one batch with the same id or the same text. */
export function checkBatch(collectionId: string, articles: readonly NewArticle[]): void {
  const ids = new Set<string>()
  const hashes = new Map<string, string>()
  for (const a of articles) {
    if (ids.has(a.id)) throw duplicateId(collectionId, a.id)
    ids.add(a.id)
    const holder = hashes.get(a.textHash)
    if (holder !== undefined) throw duplicateText(collectionId, a.id, holder)
    hashes.set(a.textHash, a.id)
  }
}

const OPTIONAL = ['outlet', 'date', 'url', 'author'] as const

/**
 * The record after `patch`. A required field given as undefined is left as it was; an optional
 * one (outlet, date, url, author) given as undefined is removed, which is the only way to clear
 * it through `ArticlePatch`.
 */
export function applyPatch(record: ArticleRecord, patch: ArticlePatch): ArticleRecord {
  const next: ArticleRecord = { ...record }
  for (const [key, value] of Object.entries(patch) as [keyof ArticlePatch, unknown][]) {
    if (value !== undefined) Object.assign(next, { [key]: value })
    else if ((OPTIONAL as readonly string[]).includes(key))
      delete next[key as (typeof OPTIONAL)[number]]
  }
  return next
}

/** Offset and limit as whole numbers ≥ 0; limit null means no limit. */
export function paging(options: ListOptions = {}): { offset: number; limit: number | null } {
  const whole = (n: number | undefined, name: string): number | undefined => {
    if (n === undefined) return undefined
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0`)
    return n
  }
  return {
    offset: whole(options.offset, 'offset') ?? 0,
    limit: whole(options.limit, 'limit') ?? null,
  }
}

/**
 * The words of a search query as the user typed them, split at white space; pieces without a
 * letter or digit (`"`, `*`, `-`, `(`) are dropped, since no index holds them. An empty result
 * means the query has nothing to search for.
 */
export function searchWords(query: string): string[] {
  return query.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

export const now = (): string => new Date().toISOString()
