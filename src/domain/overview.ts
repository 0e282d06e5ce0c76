/**
 * How much of a collection the overview shows at once: its table a page at a time, and its
 * charts one bar per article only while a bar is wide enough to see and to click. Past that the
 * charts aggregate (how many articles at each tone, the actors' shares of all mentions) and the
 * trends page takes over, so the page's size depends on what it shows, not on the collection.
 */
import { DomainError } from './errors.js'

/** Rows of the overview's table per page. */
export const OVERVIEW_PAGE_SIZE = 50
/** Above this many articles the overview's charts aggregate instead of drawing a bar each. */
export const MAX_ARTICLE_BARS = 40

/** `?page=N` (1-based), checked against the number of pages; 1 when absent. */
export function parsePage(value: string | undefined, articles: number): number {
  const pages = pageCount(articles)
  if (value === undefined || value === '') return 1
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    throw new DomainError('bad-request', `page must be a whole number from 1 to ${pages}`)
  }
  const page = Number(value)
  if (page > pages) {
    throw new DomainError('not-found', `there are ${pages} pages of articles; no page ${page}`)
  }
  return page
}

export const pageCount = (articles: number) => Math.max(1, Math.ceil(articles / OVERVIEW_PAGE_SIZE))
