/**
 * Teaching mode (issue 12): the list of lessons, a lesson (the articles as plain text and a
 * prediction per actor, with no score, highlight or chart anywhere in the markup), the reveal
 * that sets the student's answers beside Framelens's with the words behind each, the printable
 * worksheet and the teacher's answer key.
 */
import type { FC } from 'hono/jsx'
import type { CorpusStore } from '../../src/corpus-store.js'
import type { Lesson } from '../../src/teach/lessons.js'
import {
  PREDICTIONS,
  PREDICTION_OF,
  fieldName,
  movingWords,
  type LessonParts,
  type Prediction,
  type PredictionPair,
  type RevealRow,
} from '../../src/teach/predict.js'
import type { RankQuestion } from '../../src/teach/rank.js'
import { SPOT_LABEL, toolMarks } from '../../src/teach/spot.js'
import { EvidenceClause } from '../components/evidence.js'
import { compact, signed } from '../format.js'
import {
  glossaryUrl,
  keyUrl,
  lessonUrl,
  makeLessonUrl,
  revealUrl,
  spotUrl,
  teachUrl,
  whatIfUrl,
  worksheetUrl,
  deleteLessonUrl,
} from '../teach-urls.js'
import { Plain } from '../components/plain.js'
import { ToneEvidence } from './teach-evidence.js'
import {
  RankForm,
  RankKey,
  RankProblems,
  RankRevealView,
  RankWorksheet,
  type RankingState,
} from './teach-rank.js'
import { Byline, GlossaryLink, PlainArticle, ReliabilityNotes, TeachStyles } from './teach-parts.js'

const PREDICTION_TEXT: Record<Prediction, string> = {
  hostile: 'hostile (makes it look bad)',
  neutral: 'neutral',
  favourable: 'favourable (makes it look good)',
}

export const TeachIndexPage: FC<{
  lessons: readonly Lesson[]
  refused?: readonly string[]
  /** The ids of the lessons saved with this collection (they can be deleted here). */
  saved?: ReadonlySet<string>
}> = ({ lessons, refused = [], saved = new Set<string>() }) => (
  <div class="teach">
    <TeachStyles />
    <h1>Lessons</h1>
    {refused.length > 0 ? (
      <section class="note refused" aria-labelledby="refused-lessons">
        <p id="refused-lessons">
          <strong>
            {refused.length === 1 ? '1 lesson file was' : `${refused.length} lesson files were`} not
            loaded
          </strong>{' '}
          from data/lessons; fix it and restart Framelens:
        </p>
        <ul class="removed">
          {refused.map((r) => (
            <li>
              <code>{r}</code>
            </li>
          ))}
        </ul>
      </section>
    ) : null}
    <p class="lede">
      Each lesson shows you one or two news articles with nothing on them. You guess first how each
      writer treats the countries in the story, then see what Framelens found and why. New to the
      words? Read the <a href={glossaryUrl()}>glossary</a>. Teachers can{' '}
      <a href={makeLessonUrl()}>make a lesson</a> from the articles of this collection.
    </p>
    {lessons.length === 0 ? (
      <p class="notice">No lesson fits the articles of this collection.</p>
    ) : (
      <ul class="lesson-list">
        {lessons.map((l) => (
          <li>
            <h2>
              <a href={lessonUrl(l.id)}>{l.title}</a>
            </h2>
            <p>{l.goal}</p>
            <p class="lesson-links">
              <a href={worksheetUrl(l.id)}>Printable worksheet</a> ·{' '}
              <a href={keyUrl(l.id)}>Answer key (for the teacher)</a>
            </p>
            {saved.has(l.id) ? (
              <p class="lesson-delete">
                <span class="muted">Saved with this collection.</span>{' '}
                <a href={deleteLessonUrl(l.id)}>Delete “{l.title}”…</a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    )}
  </div>
)

/** The radio group of one prediction: keyboard users move with the arrow keys. */
const PredictionChoice: FC<{ pair: PredictionPair; value: Prediction | null }> = ({
  pair,
  value,
}) => {
  const name = fieldName(pair.article.id, pair.actor.id)
  return (
    <fieldset class="predict">
      <legend>
        How does “{pair.article.detail.title}” treat <strong>{pair.actor.label}</strong>?
      </legend>
      {PREDICTIONS.map((p) => (
        <label>
          <input type="radio" name={name} value={p} checked={value === p} required />{' '}
          {PREDICTION_TEXT[p]}
        </label>
      ))}
    </fieldset>
  )
}

/** The prediction form: a plain POST, upgraded by htmx to swap the reveal in below it. */
export const PredictForm: FC<{
  lesson: Lesson
  pairs: readonly PredictionPair[]
  answers?: readonly (Prediction | null)[]
}> = ({ lesson, pairs, answers = [] }) => (
  <form
    class="predict-form"
    method="post"
    action={revealUrl(lesson.id)}
    hx-post={revealUrl(lesson.id)}
    hx-target="#reveal"
    hx-swap="innerHTML"
    aria-labelledby="predict-title"
  >
    <h2 id="predict-title">Your prediction</h2>
    <p>
      For each article and country, how does the writer treat it <em>in their own words</em>?
    </p>
    {pairs.map((pair, i) => (
      <PredictionChoice pair={pair} value={answers[i] ?? null} />
    ))}
    <p>
      <button type="submit">Reveal what Framelens found</button>
    </p>
  </form>
)

/**
 * The lesson: goal, introduction, the articles as plain text, the prediction form and the
 * ranking form (a lesson asks for either or both), each with the slot its reveal goes in.
 */
export const LessonPage: FC<{
  parts: LessonParts
  store: CorpusStore
  pairs: readonly PredictionPair[]
  answers?: readonly (Prediction | null)[]
  revealed?: readonly RevealRow[]
  question?: RankQuestion | null
  ranking?: RankingState
}> = ({ parts, store, pairs, answers, revealed, question, ranking }) => {
  const { lesson } = parts
  return (
    <div class="teach">
      <TeachStyles />
      <p class="crumbs">
        <a href={teachUrl()}>Lessons</a> ›
      </p>
      <h1>{lesson.title}</h1>
      <p class="goal">
        <strong>Goal:</strong> {lesson.goal}
      </p>
      {lesson.intro.map((p) => (
        <p>{p}</p>
      ))}
      <p class="hint">
        Words like “tone” or “loaded” are explained in the <a href={glossaryUrl()}>glossary</a>.
      </p>
      <div class="teach-articles">
        {parts.articles.map((article) => (
          <PlainArticle article={article} />
        ))}
      </div>
      {pairs.length > 0 ? (
        <>
          <PredictForm lesson={lesson} pairs={pairs} answers={answers} />
          <section id="reveal" class="reveal-slot" aria-label="What Framelens found">
            {revealed ? <Reveal lesson={lesson} rows={revealed} store={store} /> : null}
          </section>
        </>
      ) : null}
      {question ? (
        <>
          <RankForm lesson={lesson} question={question} state={ranking} />
          <section id="rank-reveal" class="reveal-slot" aria-label="Your order and Framelens’s">
            {ranking?.reveal ? (
              <RankRevealView reveal={ranking.reveal} store={store} />
            ) : ranking?.problems?.length ? (
              <RankProblems problems={ranking.problems} />
            ) : null}
          </section>
        </>
      ) : null}
      <nav class="lesson-next" aria-label="More in this lesson">
        <h2>Then try</h2>
        <ul>
          <li>
            <a href={whatIfUrl(lesson.id)}>What if…?</a> Change a word or delete a sentence and see
            how the result moves (after the reveal: it shows the scores).
          </li>
          <li>
            <a href={spotUrl(lesson.id)}>Spot the frame</a>: mark {SPOT_LABEL[lesson.spot]}, then
            compare with the tool.
          </li>
          <li>
            <a href={worksheetUrl(lesson.id)}>Printable worksheet</a> with the questions.
          </li>
        </ul>
      </nav>
    </div>
  )
}

/** Framelens's answer in plain words, with the number and the technical name behind it. */
const ToolAnswer: FC<{ row: RevealRow }> = ({ row }) => (
  <>
    <strong class={`answer answer-${row.tool}`}>{row.tool}</strong>{' '}
    <span class="muted">
      (
      <Plain tech={`tone toward ${row.actor.label}: mean clause score, label ${row.framing.label}`}>
        how negative or positive the writer’s own words about {row.actor.label} are, on average
      </Plain>
      : <span class="tone-number">{signed(row.framing.tone)}</span>)
    </span>
  </>
)

/** One row of the reveal: both answers, why they differ, and the clauses and words behind it. */
const RevealItem: FC<{ row: RevealRow; store: CorpusStore }> = ({ row, store }) => {
  return (
    <li
      class={`reveal-item ${row.student === null ? 'unanswered' : row.agree ? 'agree' : 'differ'}`}
      id={`reveal-${row.article.id}-${row.actor.id}`}
    >
      <h3>
        {row.actor.label} in “{row.article.detail.title}”
      </h3>
      <dl class="answers">
        <dt>You said</dt>
        <dd class="student-answer">
          {row.student ? <strong>{row.student}</strong> : <em>no answer</em>}
        </dd>
        <dt>Framelens says</dt>
        <dd class="tool-answer">
          <ToolAnswer row={row} />
        </dd>
      </dl>
      <p class="verdict">
        {row.student === null
          ? 'You did not guess this one.'
          : row.agree
            ? 'You agree with Framelens.'
            : 'You and Framelens differ. Why:'}
      </p>
      {row.why.length > 0 ? (
        <ul class="why">
          {row.why.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      ) : null}
      <ToneEvidence article={row.article} actor={row.actor} framing={row.framing} store={store} />
    </li>
  )
}

/** The reveal: what the htmx request swaps in, and what the no-JS page shows below the form. */
export const Reveal: FC<{ lesson: Lesson; rows: readonly RevealRow[]; store: CorpusStore }> = ({
  lesson,
  rows,
  store,
}) => {
  const answered = rows.filter((r) => r.student !== null)
  const agreed = answered.filter((r) => r.agree).length
  return (
    <div class="reveal">
      <h2 id="reveal-title">What Framelens found</h2>
      <p class="reveal-score" role="status">
        You agreed with Framelens on {agreed} of {rows.length}.
      </p>
      <p class="hint">
        Framelens is not the right answer: it counts words, it does not understand. Where you
        differ, read why, and decide who you think is right.{' '}
        <GlossaryLink term="tone">What “tone” means</GlossaryLink>
      </p>
      <ol class="reveal-list">
        {rows.map((row) => (
          <RevealItem row={row} store={store} />
        ))}
      </ol>
      <p>
        <a href={whatIfUrl(lesson.id)}>Now try a what-if</a> ·{' '}
        <a href={spotUrl(lesson.id)}>Spot the frame</a>
      </p>
    </div>
  )
}

/** Blank lines to write on, for the printout. */
const Lines: FC<{ n: number }> = ({ n }) => (
  <div class="answer-lines" aria-hidden="true">
    {Array.from({ length: n }, () => (
      <span class="answer-line" />
    ))}
  </div>
)

/** The printable worksheet: introduction, articles, prediction boxes and questions with space. */
export const WorksheetPage: FC<{
  parts: LessonParts
  pairs: readonly PredictionPair[]
  question?: RankQuestion | null
}> = ({ parts, pairs, question }) => {
  const { lesson } = parts
  return (
    <div class="teach worksheet">
      <TeachStyles />
      <p class="crumbs no-print">
        <a href={teachUrl()}>Lessons</a> › <a href={lessonUrl(lesson.id)}>{lesson.title}</a> ›
      </p>
      <h1>Worksheet: {lesson.title}</h1>
      <p class="name-line">Name: ____________________________ Date: ______________</p>
      <p class="goal">
        <strong>Goal:</strong> {lesson.goal}
      </p>
      {lesson.intro.map((p) => (
        <p>{p}</p>
      ))}
      <p class="no-print hint">
        Print this page (Ctrl+P or ⌘P): the site’s menus are left out, and each question gets lines
        to write on.
      </p>
      <section aria-labelledby="ws-predict">
        <h2 id="ws-predict">1. Predict</h2>
        {pairs.length > 0 ? (
          <>
            <p>Tick one box for each line before you see any result.</p>
            <table class="ws-predict">
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Country</th>
                  {PREDICTIONS.map((p) => (
                    <th scope="col">{p}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {pairs.map((p) => (
                  <tr>
                    <td>“{p.article.detail.title}”</td>
                    <th scope="row">{p.actor.label}</th>
                    {PREDICTIONS.map((x) => (
                      <td class="box">
                        <span class="tick-box" role="img" aria-label={`${x}: empty box`} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {question ? <RankWorksheet question={question} /> : null}
      </section>
      <section aria-labelledby="ws-questions">
        <h2 id="ws-questions">2. Questions</h2>
        <ol class="ws-questions">
          {lesson.questions.map((q) => (
            <li>
              <p>{q}</p>
              <Lines n={4} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="ws-articles" class="ws-articles">
        <h2 id="ws-articles">3. The articles</h2>
        {parts.articles.map((article) => (
          <PlainArticle article={article} level={3} />
        ))}
      </section>
    </div>
  )
}

/** The teacher's answer key: Framelens's labels, tones, words and evidence, and the tool's marks. */
export const AnswerKeyPage: FC<{
  parts: LessonParts
  store: CorpusStore
  rows: readonly RevealRow[]
  question?: RankQuestion | null
}> = ({ parts, store, rows, question }) => {
  const { lesson } = parts
  return (
    <div class="teach answer-key">
      <TeachStyles />
      <p class="crumbs no-print">
        <a href={teachUrl()}>Lessons</a> › <a href={lessonUrl(lesson.id)}>{lesson.title}</a> ›
      </p>
      <h1>Answer key: {lesson.title}</h1>
      <p class="lede">
        For the teacher. Framelens’s results for each prediction, with the words behind them. The
        tool counts words from a list; use its answers to start a discussion, not to mark students
        right or wrong.
      </p>
      {rows.length > 0 ? (
        <table class="key-table">
          <caption>Framelens’s answer for each prediction</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Country</th>
              <th scope="col">Answer</th>
              <th scope="col" class="num">
                <Plain tech="mean clause score (tone toward the actor)">Average score</Plain>
              </th>
              <th scope="col">Words that moved it most</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>“{r.article.detail.title}”</td>
                <th scope="row">{r.actor.label}</th>
                <td>{PREDICTION_OF[r.framing.label]}</td>
                <td class="num">{signed(r.framing.tone)}</td>
                <td>
                  {movingWords(r.framing)
                    .slice(0, 5)
                    .map((w) => `${w.text} (${compact(w.value)})`)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {question ? <RankKey question={question} /> : null}
      {parts.articles.map((article) => {
        const id = article.id
        const marks = toolMarks(article.detail, lesson.spot)
        return (
          <section class="key-article" aria-labelledby={`key-${id}`}>
            <h2 id={`key-${id}`}>“{article.detail.title}”</h2>
            <Byline article={article} />
            <ReliabilityNotes detail={article.detail} />
            <h3>
              Spot the frame: the tool’s {SPOT_LABEL[lesson.spot]} ({marks.length})
            </h3>
            <ul class="key-marks">
              {marks.map((m) => (
                <li>
                  “{m.text}” <span class="muted">({m.what})</span>
                </li>
              ))}
            </ul>
            {rows
              .filter((r) => r.article.id === id)
              .map((r) => (
                <div class="key-evidence">
                  <h3>
                    Evidence: {r.actor.label}, {PREDICTION_OF[r.framing.label]} (
                    {signed(r.framing.tone)})
                  </h3>
                  <ol class="evidence-list">
                    {r.framing.evidence.map((e) => (
                      <EvidenceClause detail={article.detail} evidence={e} actors={store.actors} />
                    ))}
                  </ol>
                </div>
              ))}
          </section>
        )
      })}
      <h2>Questions</h2>
      <ol>
        {lesson.questions.map((q) => (
          <li>{q}</li>
        ))}
      </ol>
    </div>
  )
}

/** Asks before a saved lesson is deleted: nothing else keeps a copy of it. */
export const DeleteLessonPage: FC<{ lesson: Lesson }> = ({ lesson }) => (
  <div class="teach">
    <TeachStyles />
    <p class="crumbs">
      <a href={teachUrl()}>Lessons</a> ›
    </p>
    <h1>Delete “{lesson.title}”?</h1>
    <p>
      The lesson is saved only with this collection: once deleted it is gone (its articles stay). To
      keep a copy, download it from the lesson builder first.
    </p>
    <form method="post" action={deleteLessonUrl(lesson.id)} class="lesson-delete">
      <button type="submit">Delete the lesson</button> <a href={teachUrl()}>Keep it</a>
    </form>
  </div>
)
