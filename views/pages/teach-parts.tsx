/**
 * Pieces the teaching pages share (issue 12): plain names with the technical one on hover or
 * focus, an article's text with nothing on it (no score, highlight or chart), and the notes that
 * say where the tool is unreliable.
 */
import type { Child, FC } from 'hono/jsx'
import type { ArticleDetail } from '../../src/analysis/index.js'
import type { StoredArticle } from '../../src/corpus-store.js'
import { displayDate, num } from '../format.js'
import { TEACH_CSS, glossaryUrl } from '../teach-urls.js'
import { Plain } from '../components/plain.js'

/** The teaching stylesheet; a `<link>` in the body, so the shared layout needs no change. */
export const TeachStyles: FC = () => <link rel="stylesheet" href={TEACH_CSS} />

/** Outlet and date, or nothing; never a number of the analysis. */
export const Byline: FC<{ article: Pick<StoredArticle, 'meta'> }> = ({ article }) => {
  const parts = [article.meta.outlet, displayDate(article.meta.date)].filter(Boolean)
  return parts.length > 0 ? <p class="byline">{parts.join(' · ')}</p> : null
}

/** The article's title and paragraphs as plain text. */
export const PlainArticle: FC<{ article: StoredArticle; level?: 2 | 3 }> = ({
  article,
  level = 2,
}) => {
  const { detail } = article
  const heading = <>“{detail.title}”</>
  return (
    // Focusable: on screen it scrolls within its box, and a keyboard user must be able to scroll it.
    <article class="teach-article" aria-labelledby={`art-${article.id}`} tabindex={0}>
      {level === 2 ? (
        <h2 id={`art-${article.id}`}>{heading}</h2>
      ) : (
        <h3 id={`art-${article.id}`}>{heading}</h3>
      )}
      <Byline article={article} />
      {detail.paragraphs.map((p) => (
        <p>{detail.text.slice(p.start, p.end)}</p>
      ))}
    </article>
  )
}

/** Where the tool is unreliable for this article, said at the spot. */
export const ReliabilityNotes: FC<{ detail: ArticleDetail; actor?: string }> = ({
  detail,
  actor,
}) => {
  const notes: Child[] = []
  const sarcasm = detail.framing.loaded.categories['ridicule-sarcasm']?.count ?? 0
  if (sarcasm > 0 || /^oh,? (good|great)\b/i.test(detail.title))
    notes.push(
      <>
        <strong>Sarcasm warning:</strong> this article mocks or jokes (
        {detail.framing.loaded.hits
          .filter((h) => h.category === 'ridicule-sarcasm')
          .map((h) => `“${h.text}”`)
          .join(', ') || `“${detail.title}”`}
        ). Framelens reads words at face value, so a sarcastic “good” counts as good.
      </>,
    )
  notes.push(
    <>
      Framelens has a value for{' '}
      <Plain tech="polarity: share of words with a lexicon value">
        {num(detail.tone.polarity, 0)}&nbsp;% of the words
      </Plain>{' '}
      in this article; every other word counts as neutral.
    </>,
  )
  if (detail.words < 150)
    notes.push(
      <>
        This article is short ({detail.words} words): a single word changes its scores a lot, so
        they are not stable.
      </>,
    )
  if (actor) {
    const f = detail.actors[actor]
    if (f?.model && f.model.label !== f.label)
      notes.push(
        <>
          A second, learned reading of this article (a computer model trained on news that counts
          quotes too) says <strong>{f.model.label}</strong>, not {f.label}: the two methods
          disagree, so treat the result with care.
        </>,
      )
  }
  return (
    <ul class="reliability" aria-label="How far to trust this">
      {notes.map((n) => (
        <li>{n}</li>
      ))}
    </ul>
  )
}

/** A link to the glossary entry of a term. */
export const GlossaryLink: FC<{ term: string; children?: Child }> = ({ term, children }) => (
  <a href={glossaryUrl(term)}>{children ?? term}</a>
)
