/**
 * The lesson builder (issue 12): a teacher picks articles of the collection, the actors to
 * predict and writes the goal, introduction and questions; the lesson is checked by the same
 * schema as a file and offered as a lesson file to download into data/lessons. Nothing is saved
 * on the server.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import type { ArticleEntry } from '../../src/corpus-store.js'
import { MAX_ARTICLES, MAX_RANKED, type Lesson, type LessonDraft } from '../../src/teach/lessons.js'
import { SPOT_KINDS, SPOT_LABEL } from '../../src/teach/spot.js'
import { makeLessonUrl, teachUrl, saveLessonUrl } from '../teach-urls.js'
import { Byline, TeachStyles } from './teach-parts.js'

export const MakeLessonPage: FC<{
  articles: readonly ArticleEntry[]
  actors: readonly Actor[]
  draft?: LessonDraft
  lesson?: Lesson | null
  problems?: readonly string[]
  downloadUrl?: string
  /** The form's values, when the lesson may be saved with the collection. */
  saveFields?: readonly [string, string][]
}> = ({ articles, actors, draft, lesson, problems = [], downloadUrl, saveFields }) => (
  <div class="teach make-lesson">
    <TeachStyles />
    <p class="crumbs">
      <a href={teachUrl()}>Lessons</a> ›
    </p>
    <h1>Make a lesson</h1>
    <p class="lede">
      Pick one to {MAX_ARTICLES} articles of this collection and the countries students predict the
      tone toward, and, if you like, a ranking question (students put the articles in order, most
      hostile first; then pick two to {MAX_RANKED} articles). Write the goal, a short introduction
      and the questions. Save it with this collection to offer it to your students at once. You can
      also download it as a file, to keep a copy or to give to whoever runs Framelens (placed in its{' '}
      <code>data/lessons</code> folder, it is offered over every collection that has the articles).
    </p>
    {problems.length > 0 ? (
      <div class="error" role="alert">
        <p>
          <strong>The lesson is not ready yet:</strong>
        </p>
        <ul class="make-problems">
          {problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      </div>
    ) : null}
    {lesson && downloadUrl ? (
      <section class="make-ready" aria-labelledby="make-ready-title">
        <h2 id="make-ready-title">Your lesson file</h2>
        <p role="status">
          “{lesson.title}” is valid. <a href={downloadUrl}>Download {lesson.id}.json</a>
        </p>
        {saveFields ? (
          <form method="post" action={saveLessonUrl()} class="make-save">
            {saveFields.map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <button type="submit">Save “{lesson.title}” with this collection</button>
          </form>
        ) : null}
        <pre class="lesson-json" tabindex={0}>
          {JSON.stringify(lesson, null, 2)}
        </pre>
      </section>
    ) : null}
    <form method="get" action={makeLessonUrl()} class="make-form">
      <fieldset>
        <legend>
          Articles (one to {MAX_ARTICLES}; two to {MAX_RANKED} with a ranking question)
        </legend>
        {articles.map((a) => (
          <p>
            <label>
              <input
                type="checkbox"
                name="articles"
                value={a.id}
                checked={draft?.articles.includes(a.id)}
              />{' '}
              “{a.digest.title}”
            </label>
            <Byline article={a} />
          </p>
        ))}
      </fieldset>
      <fieldset>
        <legend>Who students predict the tone toward (none if you ask only for a ranking)</legend>
        {actors.map((a) => (
          <label class="make-actor">
            <input
              type="checkbox"
              name="actors"
              value={a.id}
              checked={draft?.actors.includes(a.id)}
            />{' '}
            {a.label}
          </label>
        ))}
      </fieldset>
      <p>
        <label for="make-title">Title</label>
        <br />
        <input id="make-title" name="title" value={draft?.title ?? ''} maxlength={120} />
      </p>
      <p>
        <label for="make-goal">Goal (one sentence)</label>
        <br />
        <input id="make-goal" name="goal" value={draft?.goal ?? ''} maxlength={400} />
      </p>
      <p>
        <label for="make-intro">Introduction in plain words (one paragraph a line)</label>
        <br />
        <textarea id="make-intro" name="intro" rows={4}>
          {draft?.intro ?? ''}
        </textarea>
      </p>
      <p>
        <label for="make-questions">Questions (one a line)</label>
        <br />
        <textarea id="make-questions" name="questions" rows={5}>
          {draft?.questions ?? ''}
        </textarea>
      </p>
      <p>
        <label for="make-spot">Spot the frame asks for</label>{' '}
        <select id="make-spot" name="spot">
          {SPOT_KINDS.map((k) => (
            <option value={k} selected={draft?.spot === k}>
              {SPOT_LABEL[k]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="make-rank">Ranking question</label>{' '}
        <select id="make-rank" name="rank">
          <option value="">none</option>
          {actors.map((a) => (
            <option value={a.id} selected={draft?.rank === a.id}>
              rank the articles by how they treat {a.label} (not one of the countries above)
            </option>
          ))}
        </select>
      </p>
      <input type="hidden" name="check" value="1" />
      <p>
        <button type="submit">Check the lesson</button>
      </p>
    </form>
  </div>
)
