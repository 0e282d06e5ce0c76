/**
 * Teaching mode (issue 12), mounted at `/teach`:
 *
 * - `/teach`: the lessons; `/teach/glossary`: the glossary;
 * - `/teach/:lesson`: the articles as plain text, a prediction per actor and/or a ranking of the
 *   articles (no number in the markup); `POST` (or `GET`) `/teach/:lesson/reveal`: the answers
 *   beside Framelens's, the whole page or, for htmx, the reveal alone; `POST` (or `GET`)
 *   `/teach/:lesson/rank`: the student's order beside Framelens's, the same way (an order that
 *   cannot be read is 422, naming what is wrong, with the form kept);
 * - `/teach/:lesson/what-if?article=&find=&replace=&drop=&epithet=&swap=`: the edited article
 *   analysed afresh;
 * - `/teach/:lesson/spot?article=&kind=&m=…&check=1`: spot the frame;
 * - `/teach/:lesson/worksheet` (printable) and `/teach/:lesson/key` (the teacher's answer key).
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { CorpusStore } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import {
  lessonFromDraft,
  lessonsFor,
  readLessons,
  withSaved,
  type Lesson,
  type LessonDraft,
  type LessonShelf,
  type SavedLessons,
} from '../teach/lessons.js'
import {
  loadLesson,
  predictionPairs,
  readPredictions,
  reveal,
  type LessonParts,
  type Prediction,
} from '../teach/predict.js'
import { rankField, rankQuestion, readRanking, revealRanking } from '../teach/rank.js'
import { compareMarks, isSpotKind, readMarks } from '../teach/spot.js'
import { whatIfFromQuery } from '../teach/whatif.js'
import {
  AnswerKeyPage,
  LessonPage,
  Reveal,
  DeleteLessonPage,
  TeachIndexPage,
  WorksheetPage,
} from '../../views/pages/teach.js'
import { GlossaryPage, SpotPage, WhatIfPage } from '../../views/pages/teach-tools.js'
import { MakeLessonPage } from '../../views/pages/teach-make.js'
import { RankProblems, RankRevealView } from '../../views/pages/teach-rank.js'
import { lessonFileUrl, lessonUrl, teachUrl } from '../../views/teach-urls.js'
import { render } from './htmx.js'

/** A prediction form is a few hundred bytes; anything near this is not one. */
export const MAX_REVEAL_BODY_BYTES = 16 * 1024

/** A form post of at most `MAX_REVEAL_BODY_BYTES`, read as its string fields. */
const smallForm = bodyLimit({
  maxSize: MAX_REVEAL_BODY_BYTES,
  onError: () => {
    throw new DomainError('too-large', `the form is larger than ${MAX_REVEAL_BODY_BYTES} bytes`)
  },
})
const formFields = async (c: Context) => {
  const body = await c.req.parseBody()
  return (name: string) => {
    const v = body[name]
    return typeof v === 'string' ? v : undefined
  }
}

/**
 * The teaching routes over one store. `shelf` is the lessons folder as read (data/lessons by
 * default): its refused files are listed on `/teach`, the others served where the store has
 * their articles and actors.
 */
export function teachRoutes(
  store: CorpusStore,
  folder: LessonShelf = readLessons(),
  saved?: SavedLessons,
) {
  const app = new Hono()
  const shelf = withSaved(folder, saved?.stored ?? [])
  const lessons = lessonsFor(shelf.lessons, {
    article: (id) => store.get(id) !== undefined,
    actor: (id) => store.actors.some((a) => a.id === id),
  })

  const lessonOf = (id: string): Lesson => {
    const lesson = lessons.find((l) => l.id === id)
    if (!lesson)
      throw new DomainError(
        'not-found',
        `no lesson "${id}"; the lessons are: ${lessons.map((l) => l.id).join(', ') || '(none)'}`,
      )
    return lesson
  }
  /** The lesson named by the request, with its articles read from the store (the one place). */
  const partsOf = (c: Context) => loadLesson(store, lessonOf(c.req.param('lesson')!))
  /** The lesson article named by `?article=`, or its first. */
  const articleOf = (parts: LessonParts, id: string | undefined) => {
    if (id === undefined || id === '') return parts.articles[0]!
    const article = parts.articles.find((a) => a.id === id)
    if (!article)
      throw new DomainError(
        'bad-request',
        `article "${id}" is not in this lesson; its articles are: ${parts.lesson.articles.join(', ')}`,
      )
    return article
  }

  app.get('/', (c) =>
    render(c, {
      section: 'teach',
      title: 'Lessons',
      page: () => <TeachIndexPage lessons={lessons} refused={shelf.refused} saved={shelf.saved} />,
    }),
  )

  app.get('/glossary', (c) =>
    render(c, {
      section: 'teach',
      title: 'Glossary',
      page: () => <GlossaryPage />,
    }),
  )

  /** The builder's form values, from the query (GET) or a posted form. */
  const draftFrom = (
    one: (name: string) => string | undefined,
    all: (name: string) => string[],
  ) => ({
    title: one('title'),
    goal: one('goal'),
    intro: one('intro'),
    questions: one('questions'),
    articles: all('articles'),
    actors: all('actors'),
    spot: one('spot'),
    rank: one('rank'),
  })
  const draftOf = (c: Context): LessonDraft =>
    draftFrom(
      (name) => c.req.query(name),
      (name) => c.req.queries(name) ?? [],
    )
  /** The form's values as name–value pairs, for the save form to send again. */
  const fieldsOf = (draft: LessonDraft): [string, string][] => [
    ...(['title', 'goal', 'intro', 'questions', 'spot', 'rank'] as const).flatMap(
      (k): [string, string][] => (draft[k] !== undefined ? [[k, draft[k]!]] : []),
    ),
    ...draft.articles.map((id): [string, string] => ['articles', id]),
    ...draft.actors.map((id): [string, string] => ['actors', id]),
  ]
  /** The draft as a lesson, with the collection's articles and actors checked too. */
  const checkDraft = (draft: LessonDraft) => {
    const made = lessonFromDraft(draft)
    const problems: string[] = [...made.problems]
    for (const id of draft.articles)
      if (!store.get(id)) problems.push(`articles: this collection has no article "${id}"`)
    for (const id of draft.actors)
      if (!store.actors.some((a) => a.id === id))
        problems.push(`actors: this collection has no actor "${id}"`)
    if (draft.rank && !store.actors.some((a) => a.id === draft.rank))
      problems.push(`rank: this collection has no actor "${draft.rank}"`)
    return problems.length > 0 ? { lesson: null, problems } : { lesson: made.lesson, problems }
  }

  app.get('/make', (c) => {
    const checked = c.req.query('check') === '1'
    const draft = checked ? draftOf(c) : undefined
    const made = draft ? checkDraft(draft) : undefined
    const query = new URL(c.req.url).search.slice(1)
    return render(c, {
      section: 'teach',
      title: 'Make a lesson',
      status: made && made.problems.length > 0 ? 422 : 200,
      page: () => (
        <MakeLessonPage
          articles={store.articles}
          actors={store.actors}
          draft={draft}
          lesson={made?.lesson}
          problems={made?.problems}
          downloadUrl={made?.lesson ? lessonFileUrl(query) : undefined}
          saveFields={made?.lesson && saved && draft ? fieldsOf(draft) : undefined}
        />
      ),
    })
  })

  // Saves the lesson with the collection: checked as the builder checks it, and refused (the
  // form shown again, with why) when its id is taken by a lesson already offered here.
  app.post('/make/save', smallForm, async (c) => {
    if (!saved) {
      throw new DomainError('not-found', 'lessons can be saved only with a stored collection')
    }
    const body = await c.req.parseBody({ all: true })
    const list = (name: string) => {
      const v = body[name]
      return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
        (x): x is string => typeof x === 'string',
      )
    }
    const draft = draftFrom((name) => list(name)[0], list)
    const made = checkDraft(draft)
    const taken =
      made.lesson && shelf.lessons.some((l) => l.id === made.lesson!.id)
        ? [
            `title: a lesson "${made.lesson.id}" is offered here already; give this one another title`,
          ]
        : []
    if (!made.lesson || taken.length > 0) {
      return render(c, {
        section: 'teach',
        title: 'Make a lesson',
        status: taken.length > 0 ? 409 : 422,
        page: () => (
          <MakeLessonPage
            articles={store.articles}
            actors={store.actors}
            draft={draft}
            problems={[...made.problems, ...taken]}
          />
        ),
      })
    }
    await saved.save(made.lesson)
    return c.redirect(lessonUrl(made.lesson.id), 303)
  })

  app.get('/make/lesson.json', (c) => {
    const made = checkDraft(draftOf(c))
    if (!made.lesson) throw new DomainError('invalid', made.problems.join('; '))
    c.header('Content-Disposition', `attachment; filename="${made.lesson.id}.json"`)
    return c.body(`${JSON.stringify(made.lesson, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
    })
  })

  app.get('/:lesson/delete', (c) => {
    const id = c.req.param('lesson')
    if (!saved || !shelf.saved.has(id)) {
      throw new DomainError(
        'not-found',
        `no saved lesson "${id}"; lessons from files cannot be deleted here`,
      )
    }
    const lesson = shelf.lessons.find((l) => l.id === id)!
    return render(c, {
      section: 'teach',
      title: `Delete “${lesson.title}”?`,
      page: () => <DeleteLessonPage lesson={lesson} />,
    })
  })

  app.post('/:lesson/delete', smallForm, async (c) => {
    const id = c.req.param('lesson')
    if (!saved || !shelf.saved.has(id)) {
      throw new DomainError(
        'not-found',
        `no saved lesson "${id}"; lessons from files cannot be deleted here`,
      )
    }
    await saved.remove(id)
    return c.redirect(teachUrl(), 303)
  })

  app.get('/:lesson', async (c) => {
    const parts = await partsOf(c)
    return render(c, {
      section: 'teach',
      title: parts.lesson.title,
      page: () => (
        <LessonPage
          parts={parts}
          store={store}
          pairs={predictionPairs(parts)}
          question={rankQuestion(parts, store.actors)}
        />
      ),
    })
  })

  const answerReveal = async (c: Context, get: (name: string) => string | undefined) => {
    const parts = await partsOf(c)
    const { lesson } = parts
    const pairs = predictionPairs(parts)
    const answers: (Prediction | null)[] = readPredictions(pairs, get)
    const rows = reveal(pairs, answers)
    return render(c, {
      section: 'teach',
      title: `${lesson.title}: what Framelens found`,
      page: () => (
        <LessonPage
          parts={parts}
          store={store}
          pairs={pairs}
          answers={answers}
          revealed={rows}
          question={rankQuestion(parts, store.actors)}
        />
      ),
      partial: () => <Reveal lesson={lesson} rows={rows} store={store} />,
    })
  }

  app.get('/:lesson/reveal', (c) => answerReveal(c, (name) => c.req.query(name)))
  app.post('/:lesson/reveal', smallForm, async (c) => answerReveal(c, await formFields(c)))

  /** The ranking's reveal, or (422) what is wrong with the order sent, with the form kept. */
  const answerRanking = async (c: Context, get: (name: string) => string | undefined) => {
    const parts = await partsOf(c)
    const { lesson } = parts
    const question = rankQuestion(parts, store.actors)
    if (!question)
      throw new DomainError(
        'not-found',
        `lesson "${lesson.id}" asks for no ranking of its articles`,
      )
    const read = readRanking(question, get)
    const ranking = {
      values: question.items.map((i) => get(rankField(i.article.id))),
      problems: read.problems,
      invalid: read.invalid,
      reveal: read.places ? revealRanking(question, read.places) : undefined,
    }
    return render(c, {
      section: 'teach',
      title: ranking.reveal
        ? `${lesson.title}: Framelens’s order`
        : `${lesson.title}: your order is not complete`,
      status: ranking.reveal ? 200 : 422,
      page: () => (
        <LessonPage
          parts={parts}
          store={store}
          pairs={predictionPairs(parts)}
          question={question}
          ranking={ranking}
        />
      ),
      partial: () =>
        ranking.reveal ? (
          <RankRevealView reveal={ranking.reveal} store={store} />
        ) : (
          <RankProblems problems={ranking.problems} />
        ),
    })
  }

  app.get('/:lesson/rank', (c) => answerRanking(c, (name) => c.req.query(name)))
  app.post('/:lesson/rank', smallForm, async (c) => answerRanking(c, await formFields(c)))

  app.get('/:lesson/what-if', async (c) => {
    const parts = await partsOf(c)
    const article = articleOf(parts, c.req.query('article'))
    const result = whatIfFromQuery(store, article, (name) => c.req.query(name))
    return render(c, {
      section: 'teach',
      title: `What if…? ${parts.lesson.title}`,
      page: () => (
        <WhatIfPage
          lesson={parts.lesson}
          articles={parts.articles}
          article={article}
          actors={store.actors}
          result={result}
        />
      ),
    })
  })

  app.get('/:lesson/spot', async (c) => {
    const parts = await partsOf(c)
    const { lesson } = parts
    const article = articleOf(parts, c.req.query('article'))
    const kindValue = c.req.query('kind') ?? lesson.spot
    if (!isSpotKind(kindValue))
      throw new DomainError('bad-request', 'kind must be one of loaded, hedge, quote')
    const marks = readMarks(article.detail, kindValue, c.req.queries('m') ?? [])
    const checked = c.req.query('check') === '1'
    const result = checked ? compareMarks(article.detail, kindValue, marks) : undefined
    return render(c, {
      section: 'teach',
      title: `Spot the frame: ${lesson.title}`,
      page: () => (
        <SpotPage
          lesson={lesson}
          articles={parts.articles}
          article={article}
          kind={kindValue}
          marks={marks}
          result={result}
        />
      ),
    })
  })

  app.get('/:lesson/worksheet', async (c) => {
    const parts = await partsOf(c)
    return render(c, {
      section: 'teach',
      title: `Worksheet: ${parts.lesson.title}`,
      page: () => (
        <WorksheetPage
          parts={parts}
          pairs={predictionPairs(parts)}
          question={rankQuestion(parts, store.actors)}
        />
      ),
    })
  })

  app.get('/:lesson/key', async (c) => {
    const parts = await partsOf(c)
    const pairs = predictionPairs(parts)
    const rows = reveal(
      pairs,
      pairs.map(() => null),
    )
    return render(c, {
      section: 'teach',
      title: `Answer key: ${parts.lesson.title}`,
      page: () => (
        <AnswerKeyPage
          parts={parts}
          store={store}
          rows={rows}
          question={rankQuestion(parts, store.actors)}
        />
      ),
    })
  })

  return app
}
