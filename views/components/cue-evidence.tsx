/**
 * The evidence behind one number of the framing tables: the sentences holding its hits, each hit
 * framed and titled with its category and cue (a tab stop, like the scored words). Swapped into
 * the article page's evidence region or the comparison's evidence drawer, and a page of its own
 * at `/articles/:id/cues`.
 */
import type { FC } from 'hono/jsx'
import {
  FRAMES,
  LOADED_CATEGORIES,
  type Actor,
  type ArticleDetail,
  type Span,
} from '../../src/analysis/index.js'
import { MEASURE_INFO, passages, type CueSelection } from '../cues.js'
import { resolveCues, resolveMarks } from '../highlight.js'
import { articleUrl, methodsUrl } from '../urls.js'
import { ViewState } from './evidence.js'
import { FramingTitle } from './framing.js'
import { Plain } from './plain.js'
import { HighlightedRange } from './text.js'

const descriptions = new Map(
  [...FRAMES, ...LOADED_CATEGORIES].map((c) => [`${c.id}`, c.description] as const),
)

/** The paragraphs a passage spans, each cut to the passage. */
function paragraphPieces(paragraphs: readonly Span[], passage: Span): Span[] {
  return paragraphs
    .filter((p) => p.start < passage.end && p.end > passage.start)
    .map((p) => ({ start: Math.max(p.start, passage.start), end: Math.min(p.end, passage.end) }))
}

export const CuePanel: FC<{
  detail: ArticleDetail
  selection: CueSelection
  actors: readonly Actor[]
}> = ({ detail, selection, actors }) => {
  const { query, hits } = selection
  const info = MEASURE_INFO[query.measure]
  const byId = new Map(actors.map((a) => [a.id, a]))
  const actor = query.actor !== undefined ? byId.get(query.actor) : undefined
  const cues = resolveCues(selection.spans)
  // Frames of an actor: its names are shown too, since they decide which clauses count.
  const marks =
    query.measure === 'frames' && actor
      ? resolveMarks(
          detail.mentions.filter((m) => m.actor === actor.id),
          [],
        )
      : []
  const shown = passages(detail, selection)
  const description = query.category !== undefined ? descriptions.get(query.category) : undefined
  const negated = hits.filter((h) => h.negated).length
  return (
    <section
      class={`cue-panel cue-panel-${query.measure}`}
      aria-labelledby="cue-title"
      data-measure={query.measure}
      data-category={query.category}
      data-hits={String(hits.length)}
      style={actor ? `--actor:${actor.colour}` : undefined}
    >
      <h2 id="cue-title">
        <FramingTitle measure={query.measure} />: {selection.heading}{' '}
        <span class="cue-in">
          in “<a href={articleUrl(detail.id)}>{detail.title}</a>”
        </span>
      </h2>
      {selection.absent && actor ? (
        <p class="cue-summary">
          <span class="absent">absent</span>: the article never names {actor.label}, so there is
          nothing to count (absent is not zero).
        </p>
      ) : (
        <p class="cue-summary">
          <strong>{hits.length}</strong>{' '}
          <Plain tech="hits">{hits.length === 1 ? 'time' : 'times'} found</Plain>
          {hits.length > 0 ? (
            <>
              {' '}
              in {shown.length} passage{shown.length === 1 ? '' : 's'}
            </>
          ) : null}
          {negated > 0 ? <> ({negated} denied, as in “not likely”, still counted)</> : null}.{' '}
          {description ? <span class="cue-description">{description} </span> : null}
          <a href={methodsUrl(info.anchor)}>How this is computed</a>
        </p>
      )}
      {shown.length > 0 ? (
        <ol class="cue-list">
          {shown.map((passage) => (
            <li class="cue-passage">
              <blockquote>
                {paragraphPieces(detail.paragraphs, passage).map((piece) => (
                  <p>
                    <HighlightedRange
                      text={detail.text}
                      from={piece.start}
                      to={piece.end}
                      marks={marks}
                      quotations={detail.quotations}
                      actors={byId}
                      cues={cues}
                    />
                  </p>
                ))}
              </blockquote>
            </li>
          ))}
        </ol>
      ) : null}
      <ViewState
        values={{ measure: query.measure, category: query.category, actor: query.actor }}
      />
    </section>
  )
}
