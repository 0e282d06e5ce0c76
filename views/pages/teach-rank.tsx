/**
 * The ranking question of a lesson (issue 12): a form that asks for each article's place, most
 * hostile toward one actor first (a plain POST, upgraded by htmx to swap the reveal in below
 * it; no tone anywhere in it), the problems of an order that cannot be read, the reveal that
 * sets the student's order beside Framelens's with why they differ and the words behind each
 * tone, and the ranking's part of the worksheet and the answer key.
 */
import type { FC } from 'hono/jsx'
import type { CorpusStore } from '../../src/corpus-store.js'
import type { Lesson } from '../../src/teach/lessons.js'
import { PREDICTION_OF, movingWords } from '../../src/teach/predict.js'
import {
  RANK_MARGIN,
  rankField,
  toolOrder,
  type RankQuestion,
  type RankReveal,
} from '../../src/teach/rank.js'
import { compact, signed } from '../format.js'
import { rankUrl } from '../teach-urls.js'
import { Plain } from '../components/plain.js'
import { GlossaryLink } from './teach-parts.js'
import { ToneEvidence } from './teach-evidence.js'

/** What the ranking form shows back: the values sent, and what was wrong with them. */
export interface RankingState {
  /** The value sent for each item, in the question's order. */
  values: readonly (string | undefined)[]
  problems?: readonly string[]
  /** Ids of the articles whose place was wrong. */
  invalid?: readonly string[]
  reveal?: RankReveal
}

const placeText = (place: number, n: number) =>
  place === 1 ? '1 (most hostile)' : place === n ? `${n} (least hostile)` : String(place)

/** The ranking form: a place for each article, chosen from a list. */
export const RankForm: FC<{
  lesson: Lesson
  question: RankQuestion
  state?: RankingState
}> = ({ lesson, question, state }) => {
  const n = question.items.length
  const invalid = new Set(state?.invalid ?? [])
  return (
    <form
      class="rank-form"
      method="post"
      action={rankUrl(lesson.id)}
      hx-post={rankUrl(lesson.id)}
      hx-target="#rank-reveal"
      hx-swap="innerHTML"
      aria-labelledby="rank-title"
    >
      <h2 id="rank-title">Rank the articles</h2>
      <fieldset class="rank">
        <legend>
          Put the articles in order by how they treat <strong>{question.actor.label}</strong> in the
          writer’s own words: 1 is the most hostile (makes it look worst), {n} the least hostile.
          Give each article a different place.
        </legend>
        {question.items.map((item, i) => {
          const id = `rank-${item.article.id}`
          const value = state?.values[i]
          return (
            <p class="rank-choice">
              <label for={id}>“{item.article.detail.title}”</label>{' '}
              <select
                id={id}
                name={rankField(item.article.id)}
                required
                aria-invalid={invalid.has(item.article.id) ? 'true' : undefined}
                aria-describedby={invalid.has(item.article.id) ? 'rank-problems' : undefined}
              >
                <option value="">choose a place</option>
                {Array.from({ length: n }, (_, k) => (
                  <option value={String(k + 1)} selected={value === String(k + 1)}>
                    {placeText(k + 1, n)}
                  </option>
                ))}
              </select>
            </p>
          )
        })}
      </fieldset>
      <p>
        <button type="submit">Reveal Framelens’s order</button>
      </p>
    </form>
  )
}

/** Why the order could not be read; what the htmx request swaps in instead of a reveal. */
export const RankProblems: FC<{ problems: readonly string[] }> = ({ problems }) => (
  <div class="error rank-problems" id="rank-problems" role="alert">
    <p>
      <strong>Your order is not complete yet:</strong>
    </p>
    <ul>
      {problems.map((p) => (
        <li>{p}</li>
      ))}
    </ul>
  </div>
)

/** The ranking reveal: both orders side by side, why they differ, and each article's tone. */
export const RankRevealView: FC<{ reveal: RankReveal; store: CorpusStore }> = ({
  reveal,
  store,
}) => {
  const { actor } = reveal
  const real = reveal.swaps.filter((s) => !s.close)
  const close = reveal.swaps.filter((s) => s.close)
  return (
    <div class="reveal rank-result">
      <h2 id="rank-reveal-title">Your order and Framelens’s</h2>
      <p class="rank-verdict" role="status">
        {reveal.swaps.length === 0
          ? 'You put the articles in the same order as Framelens.'
          : real.length === 0
            ? 'Your order differs from Framelens’s only where two tones are too close to tell apart: as good as the same order.'
            : `You and Framelens put ${real.length === 1 ? '1 pair' : `${real.length} pairs`} of articles the other way round${close.length > 0 ? ` (and ${close.length === 1 ? '1 pair' : `${close.length} pairs`} too close to tell apart)` : ''}.`}
      </p>
      <p class="hint">
        Framelens orders by its{' '}
        <Plain tech={`tone toward ${actor.label}: mean clause score`}>
          average score of the writer’s own words about {actor.label}
        </Plain>
        , lowest (most hostile) first. It counts words, it does not understand: where you differ,
        read why, and decide who you think is right.{' '}
        <GlossaryLink term="tone">What “tone” means</GlossaryLink>
      </p>
      <div
        class="table-wrap"
        tabindex={0}
        role="region"
        aria-label="Your order beside Framelens’s order"
      >
        <table class="rank-table">
          <caption>Most hostile toward {actor.label} first</caption>
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Your order</th>
              <th scope="col">Framelens’s order</th>
              <th scope="col" class="num">
                Framelens’s score
              </th>
            </tr>
          </thead>
          <tbody>
            {reveal.toolOrder.map((tool, i) => {
              const mine = reveal.studentOrder[i]!
              return (
                <tr class={mine === tool ? 'same' : 'moved'} data-place={String(i + 1)}>
                  <th scope="row">{i + 1}</th>
                  <td class="student-order">“{mine.article.detail.title}”</td>
                  <td class="tool-order">“{tool.article.detail.title}”</td>
                  <td class="num">
                    <span class="tone-number">{signed(tool.framing.tone)}</span>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {reveal.swaps.length > 0 ? (
        <section aria-labelledby="rank-why-title">
          <h3 id="rank-why-title">Where the orders differ, and why</h3>
          <ul class="rank-why">
            {reveal.swaps.map((s) => (
              <li
                class={s.close ? 'rank-swap close' : 'rank-swap'}
                data-pair={`${s.above.article.id} ${s.below.article.id}`}
              >
                <p>
                  You put “{s.above.article.detail.title}” before “{s.below.article.detail.title}”
                  {s.close ? <span class="muted"> (too close to tell apart)</span> : null}.
                </p>
                <ul class="why">
                  {s.why.map((w) => (
                    <li>{w}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol class="reveal-list">
        {reveal.rows.map((row) => (
          <li
            class={`reveal-item ${row.student === row.tool ? 'agree' : 'differ'}`}
            id={`rank-${row.item.article.id}-result`}
          >
            <h3>“{row.item.article.detail.title}”</h3>
            <dl class="answers">
              <dt>Your place</dt>
              <dd class="student-answer">{row.student}</dd>
              <dt>Framelens’s place</dt>
              <dd class="tool-answer">
                <strong>{row.tool}</strong>{' '}
                <span class="muted">
                  (score <span class="tone-number">{signed(row.item.framing.tone)}</span>,{' '}
                  {PREDICTION_OF[row.item.framing.label]})
                </span>
              </dd>
            </dl>
            <ToneEvidence
              article={row.item.article}
              actor={actor}
              framing={row.item.framing}
              store={store}
            />
          </li>
        ))}
      </ol>
    </div>
  )
}

/** The ranking on the printable worksheet: a box for each article's place. */
export const RankWorksheet: FC<{ question: RankQuestion }> = ({ question }) => (
  <>
    <p>
      Rank the articles by how they treat {question.actor.label}: write 1 beside the most hostile,{' '}
      {question.items.length} beside the least hostile.
    </p>
    <table class="ws-predict ws-rank">
      <thead>
        <tr>
          <th scope="col">Article</th>
          <th scope="col">Place</th>
        </tr>
      </thead>
      <tbody>
        {question.items.map((item) => (
          <tr>
            <th scope="row">“{item.article.detail.title}”</th>
            <td class="box">
              <span class="tick-box" role="img" aria-label="place: empty box" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
)

/** The ranking in the answer key: Framelens's order with each tone and the words behind it. */
export const RankKey: FC<{ question: RankQuestion }> = ({ question }) => {
  const order = toolOrder(question)
  return (
    <table class="key-table rank-key">
      <caption>
        Framelens’s ranking, most hostile toward {question.actor.label} first (tones closer than{' '}
        {RANK_MARGIN} are too close to order)
      </caption>
      <thead>
        <tr>
          <th scope="col">Place</th>
          <th scope="col">Article</th>
          <th scope="col" class="num">
            <Plain tech="mean clause score (tone toward the actor)">Average score</Plain>
          </th>
          <th scope="col">Words that moved it most</th>
        </tr>
      </thead>
      <tbody>
        {order.map((item, i) => (
          <tr>
            <td>{i + 1}</td>
            <th scope="row">“{item.article.detail.title}”</th>
            <td class="num">{signed(item.framing.tone)}</td>
            <td>
              {movingWords(item.framing)
                .slice(0, 5)
                .map((w) => `${w.text} (${compact(w.value)})`)
                .join(', ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
