/**
 * The evidence behind a tone toward an actor: each clause that names the actor, with the words
 * attributed to it highlighted and their values, and the clause score they add up to. Shown in
 * the overview and article pages (as a panel htmx swaps in) and in the comparison's columns.
 */
import type { FC } from 'hono/jsx'
import {
  isQuotedSpeech,
  type Actor,
  type ActorEvidence,
  type ArticleDetail,
} from '../../src/analysis/index.js'
import { compact, percent, signed } from '../format.js'
import { resolveMarks } from '../highlight.js'
import { articleUrl, methodsUrl } from '../urls.js'
import { ToneValue } from './actors.js'
import { Plain } from './plain.js'
import { HighlightedRange } from './text.js'

/** One clause, highlighted, with the sum that gives its score. */
export const EvidenceClause: FC<{
  detail: ArticleDetail
  evidence: ActorEvidence
  actors: readonly Actor[]
}> = ({ detail, evidence, actors }) => {
  const byId = new Map(actors.map((a) => [a.id, a]))
  const mentions = detail.mentions.filter((m) => m.start >= evidence.start && m.end <= evidence.end)
  const marks = resolveMarks(mentions, evidence.words)
  const sign = evidence.score < 0 ? 'neg' : evidence.score > 0 ? 'pos' : 'zero'
  return (
    <li class={`evidence evidence-${sign}`}>
      <blockquote>
        <HighlightedRange
          text={detail.text}
          from={evidence.start}
          to={evidence.end}
          marks={marks}
          quotations={detail.quotations}
          actors={byId}
        />
      </blockquote>
      <p class="evidence-sum">
        <span class="score">{signed(evidence.score)}</span>
        {evidence.words.some((w) => !isQuotedSpeech(w.quoted)) ? (
          <>
            {' = '}
            {evidence.words
              .filter((w) => !isQuotedSpeech(w.quoted))
              .map((w, i) => (
                <>
                  {i > 0 ? ' + ' : ''}
                  <span class="term">{w.text}</span> {compact(w.value)}
                </>
              ))}
          </>
        ) : (
          <span class="note">
            {' '}
            (no kind or harsh word about this actor in the writer’s own words)
          </span>
        )}
        {evidence.quotedScore !== 0 ? (
          <span class="note"> · in quotes: {signed(evidence.quotedScore)} (not counted)</span>
        ) : null}
      </p>
      <AttributionReasons evidence={evidence} />
    </li>
  )
}

/**
 * How the clause's words reached the actor when not by the nearest name: a pronoun read as the
 * actor ("“He” → North Korea"), an appositive or a relative clause of its name, or a name
 * coordinated with it. Each reason once, with the words it moved.
 */
export const AttributionReasons: FC<{ evidence: ActorEvidence }> = ({ evidence }) => {
  const reasons = new Map<string, string[]>()
  for (const m of evidence.mentions) if (m.via) reasons.set(m.via, reasons.get(m.via) ?? [])
  for (const w of evidence.words)
    if (w.why) reasons.set(w.why, [...(reasons.get(w.why) ?? []), w.text])
  if (reasons.size === 0) return null
  return (
    <ul class="evidence-why">
      {[...reasons].map(([why, words]) => (
        <li>
          {why}
          {words.length > 0 ? <span class="note"> (moves: {words.join(', ')})</span> : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * What an evidence panel shows, as hidden fields of the article page's layers form (which sits
 * elsewhere on the page, hence `form=`): whichever panel is open, a change of layers sends what
 * it shows, with or without JavaScript. Elsewhere no form has that id and the fields do nothing.
 */
export const ViewState: FC<{ values: Record<string, string | undefined> }> = ({ values }) => (
  <>
    {Object.entries(values).map(([name, value]) =>
      value !== undefined ? (
        <input type="hidden" form="layers-form" name={name} value={value} />
      ) : null,
    )}
  </>
)

/** The whole evidence for one actor in one article. */
export const EvidencePanel: FC<{
  detail: ArticleDetail
  actor: Actor
  actors: readonly Actor[]
}> = ({ detail, actor, actors }) => {
  const framing = detail.actors[actor.id] ?? null
  return (
    <section
      class="evidence-panel"
      aria-labelledby="evidence-title"
      style={`--actor:${actor.colour}`}
    >
      <h2 id="evidence-title">
        Evidence: {actor.label} in “<a href={articleUrl(detail.id, actor.id)}>{detail.title}</a>”
      </h2>
      {framing ? (
        <>
          <p class="evidence-summary">
            <Plain tech="tone (mean clause score)">How kind or harsh the words are</Plain>{' '}
            <ToneValue framing={framing} />: the average over {framing.evidence.length}{' '}
            <Plain tech="clauses">sentence part{framing.evidence.length === 1 ? '' : 's'}</Plain>{' '}
            that name it (added up {signed(framing.score)}). Named {framing.mentions} time
            {framing.mentions === 1 ? '' : 's'}, {percent(framing.share)} of all names of the actors
            {framing.inTitle ? '; in the title' : ''}
            {framing.inLead ? '; in the first paragraph' : ''}.{' '}
            <a href={methodsUrl('actor-tone')}>How this is computed</a>
          </p>
          <ol class="evidence-list">
            {framing.evidence.map((e) => (
              <EvidenceClause detail={detail} evidence={e} actors={actors} />
            ))}
          </ol>
        </>
      ) : (
        <p class="evidence-summary">
          <span class="absent">absent</span>: “{detail.title}” never names {actor.label}, so there
          is no tone toward it (absent is not neutral).
        </p>
      )}
      <ViewState values={{ actor: actor.id }} />
    </section>
  )
}
