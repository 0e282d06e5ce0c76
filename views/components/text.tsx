/**
 * Article text with its highlights: actor mentions underlined in the actor's colour, scored words
 * shaded by sign with their value on hover and on keyboard focus (each is a tab stop with a
 * title, and the stylesheet shows the title on focus), negated words and their negators marked,
 * quotations set apart. Used for the whole article and for single evidence clauses.
 */
import type { FC } from 'hono/jsx'
import type { Actor, ArticleDetail, Quotation, ScoredWord } from '../../src/analysis/index.js'
import { NEGATION_FACTOR } from '../../src/analysis/tone.js'
import { compact } from '../format.js'
import { resolveMarks, textRuns, type Mark } from '../highlight.js'

const SOURCE_NAMES = { afinn: 'AFINN-165', news: 'news additions' } as const

/** The explanation of one scored word's value, e.g. "good +3 (AFINN-165), negated ×−0.74 = −2.22". */
export function wordExplanation(w: ScoredWord): string {
  const parts = [`${w.text}: ${compact(w.base)} (${SOURCE_NAMES[w.source]})`]
  if (w.negated) parts.push(`negated ×${compact(NEGATION_FACTOR).replace('+', '')}`)
  if (w.quoted === 'scare') parts.push('in scare quotes: counts 0')
  else if (w.weight !== 1) parts.push(`clause weight ×${w.weight}`)
  if (w.quoted === 'direct') parts.push('inside a direct quote')
  return `${parts.join(', ')} = ${compact(w.value)}`
}

function wordClass(w: ScoredWord): string {
  const sign = w.value < 0 ? 'neg' : w.value > 0 ? 'pos' : 'zero'
  return ['w', sign, w.negated ? 'negated' : '', w.quoted ? `quoted-${w.quoted}` : '']
    .filter(Boolean)
    .join(' ')
}

const MarkElement: FC<{ mark: Mark; text: string; actors: ReadonlyMap<string, Actor> }> = ({
  mark,
  text,
  actors,
}) => {
  const content = text.slice(mark.start, mark.end)
  if (mark.kind === 'mention') {
    const actor = actors.get(mark.mention.actor)
    const label = actor?.label ?? mark.mention.actor
    return (
      <span
        class={mark.mention.target ? 'mention target' : 'mention'}
        data-actor={mark.mention.actor}
        style={actor ? `--actor:${actor.colour}` : undefined}
        title={mark.mention.target ? `${label} (named as the target of the clause)` : label}
      >
        {content}
      </span>
    )
  }
  if (mark.kind === 'negator') {
    return (
      <span class="negator" title="negator: flips the tone of the words in its scope">
        {content}
      </span>
    )
  }
  return (
    <mark
      class={wordClass(mark.word)}
      tabindex={0}
      title={wordExplanation(mark.word)}
      data-value={String(mark.word.value)}
    >
      {content}
    </mark>
  )
}

/** `text[from, to)` with its marks and quotations. */
export const HighlightedRange: FC<{
  text: string
  from: number
  to: number
  marks: readonly Mark[]
  quotations?: readonly Quotation[]
  actors: ReadonlyMap<string, Actor>
}> = ({ text, from, to, marks, quotations, actors }) => (
  <>
    {textRuns(from, to, marks, quotations).map((run) => {
      const children: (string | ReturnType<typeof MarkElement>)[] = []
      let at = run.start
      for (const mark of run.marks) {
        if (mark.start > at) children.push(text.slice(at, mark.start))
        children.push(<MarkElement mark={mark} text={text} actors={actors} />)
        at = mark.end
      }
      if (at < run.end) children.push(text.slice(at, run.end))
      return run.quote ? (
        <span class={`quote quote-${run.quote}`}>{children}</span>
      ) : (
        <>{children}</>
      )
    })}
  </>
)

/** The whole cleaned text, one `<p>` per paragraph. */
export const ArticleText: FC<{ detail: ArticleDetail; actors: readonly Actor[] }> = ({
  detail,
  actors,
}) => {
  const byId = new Map(actors.map((a) => [a.id, a]))
  const marks = resolveMarks(detail.mentions, detail.scoredWords)
  return (
    <div class="article-text">
      {detail.paragraphs.map((p) => (
        <p>
          <HighlightedRange
            text={detail.text}
            from={p.start}
            to={p.end}
            marks={marks}
            quotations={detail.quotations}
            actors={byId}
          />
        </p>
      ))}
    </div>
  )
}

/** The key to the highlights, shown above the text. */
export const HighlightLegend: FC<{ actors: readonly Actor[] }> = ({ actors }) => (
  <ul class="legend" aria-label="Key to the highlights">
    {actors.map((a) => (
      <li>
        <span class="mention" style={`--actor:${a.colour}`}>
          {a.label}
        </span>
      </li>
    ))}
    <li>
      <mark class="w neg">negative word</mark>
    </li>
    <li>
      <mark class="w pos">positive word</mark>
    </li>
    <li>
      <span class="negator">negator</span> <mark class="w pos negated">negated word</mark>
    </li>
    <li>
      <span class="quote quote-direct">“quoted speech”</span>
    </li>
  </ul>
)
