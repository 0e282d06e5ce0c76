/**
 * An article's outlet and date as one muted line, the way every list of articles (the overview,
 * the comparison's columns and form, the offline snapshot) says where an article came from.
 */
import type { FC } from 'hono/jsx'
import type { ArticleEntry } from '../../src/corpus-store.js'
import { displayDate } from '../format.js'

/** "Outlet · 2 Jan 2024", or a note that neither is known. */
export const ArticleMetaLine: FC<{ article: ArticleEntry }> = ({ article }) => {
  const parts = [article.meta.outlet, displayDate(article.meta.date)].filter(Boolean)
  return parts.length > 0 ? (
    <span class="meta">{parts.join(' · ')}</span>
  ) : (
    <span class="meta muted">outlet and date unknown</span>
  )
}
