/**
 * Teaching mode (issue 12), mounted at `/teach`:
 *
 * - `/teach`: the lessons; `/teach/glossary`: the glossary;
 * - `/teach/:lesson`: the articles as plain text and a prediction per actor (no number in the
 *   markup); `POST` (or `GET`) `/teach/:lesson/reveal`: the answers beside Framelens's, the whole
 *   page or, for htmx, the reveal alone;
 * - `/teach/:lesson/what-if?article=&find=&replace=&drop=`: the edited article analysed afresh;
 * - `/teach/:lesson/spot?article=&kind=&m=…&check=1`: spot the frame;
 * - `/teach/:lesson/worksheet` (printable) and `/teach/:lesson/key` (the teacher's answer key).
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { CorpusStore } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import { requireArticle } from '../domain/lookup.js'
import {
  lessonFromDraft,
  lessonsFor,
  readLessons,
  type Lesson,
  type LessonDraft,
  type LessonShelf,
} from '../teach/lessons.js'
import { predictionPairs, readPredictions, reveal, type Prediction } from '../teach/predict.js'
import { compareMarks, isSpotKind, readMarks } from '../teach/spot.js'
import { parseEdit, whatIf } from '../teach/whatif.js'
import {
  AnswerKeyPage,
  LessonPage,
  Reveal,
  TeachIndexPage,
  WorksheetPage,
} from '../../views/pages/teach.js'
import { GlossaryPage, SpotPage, WhatIfPage } from '../../views/pages/teach-tools.js'
import { MakeLessonPage } from '../../views/pages/teach-make.js'
import { lessonFileUrl } from '../../views/teach-urls.js'
import { render } from './htmx.js'

/** A prediction form is a few hundred bytes; anything near this is not one. */
export const MAX_REVEAL_BODY_BYTES = 16 * 1024

/**
 * The teaching routes over one store. `shelf` is the lessons folder as read (data/lessons by
 * default): its refused files are listed on `/teach`, the others served where the store has
 * their articles and actors.
 */
export function teachRoutes(store: CorpusStore, shelf: LessonShelf = readLessons()) {
  const app = new Hono()
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
  const articlesOf = (lesson: Lesson) => lesson.articles.map((id) => store.get(id)!)
  /** The lesson article named by `?article=`, or its first. */
  const articleOf = (lesson: Lesson, id: string | undefined) => {
    if (id === undefined || id === '') return articlesOf(lesson)[0]!
    if (!lesson.articles.includes(id))
      throw new DomainError(
        'bad-request',
        `article "${id}" is not in this lesson; its articles are: ${lesson.articles.join(', ')}`,
      )
    return requireArticle(store, id)
  }

  app.get('/', (c) =>
    render(c, {
      section: 'teach',
      title: 'Lessons',
      page: () => <TeachIndexPage lessons={lessons} refused={shelf.refused} />,
    }),
  )

  app.get('/glossary', (c) =>
    render(c, {
      section: 'teach',
      title: 'Glossary',
      page: () => <GlossaryPage />,
    }),
  )

  /** The builder's form values. */
  const draftOf = (c: Context): LessonDraft => ({
    title: c.req.query('title'),
    goal: c.req.query('goal'),
    intro: c.req.query('intro'),
    questions: c.req.query('questions'),
    articles: c.req.queries('articles') ?? [],
    actors: c.req.queries('actors') ?? [],
    spot: c.req.query('spot'),
  })
  /** The draft as a lesson, with the collection's articles and actors checked too. */
  const checkDraft = (draft: LessonDraft) => {
    const made = lessonFromDraft(draft)
    const problems: string[] = [...made.problems]
    for (const id of draft.articles)
      if (!store.get(id)) problems.push(`articles: this collection has no article "${id}"`)
    for (const id of draft.actors)
      if (!store.actors.some((a) => a.id === id))
        problems.push(`actors: this collection has no actor "${id}"`)
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
        />
      ),
    })
  })

  app.get('/make/lesson.json', (c) => {
    const made = checkDraft(draftOf(c))
    if (!made.lesson) throw new DomainError('invalid', made.problems.join('; '))
    c.header('Content-Disposition', `attachment; filename="${made.lesson.id}.json"`)
    return c.body(`${JSON.stringify(made.lesson, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
    })
  })

  app.get('/:lesson', (c) => {
    const lesson = lessonOf(c.req.param('lesson'))
    const pairs = predictionPairs(store, lesson)
    return render(c, {
      section: 'teach',
      title: lesson.title,
      page: () => <LessonPage lesson={lesson} store={store} pairs={pairs} />,
    })
  })

  const answerReveal = (c: Context, get: (name: string) => string | undefined) => {
    const lesson = lessonOf(c.req.param('lesson')!)
    const pairs = predictionPairs(store, lesson)
    const answers: (Prediction | null)[] = readPredictions(pairs, get)
    const rows = reveal(pairs, answers)
    return render(c, {
      section: 'teach',
      title: `${lesson.title}: what Framelens found`,
      page: () => (
        <LessonPage lesson={lesson} store={store} pairs={pairs} answers={answers} revealed={rows} />
      ),
      partial: () => <Reveal lesson={lesson} rows={rows} store={store} />,
    })
  }

  app.get('/:lesson/reveal', (c) => answerReveal(c, (name) => c.req.query(name)))
  app.post(
    '/:lesson/reveal',
    bodyLimit({
      maxSize: MAX_REVEAL_BODY_BYTES,
      onError: () => {
        throw new DomainError('too-large', `the form is larger than ${MAX_REVEAL_BODY_BYTES} bytes`)
      },
    }),
    async (c) => {
      const body = await c.req.parseBody()
      return answerReveal(c, (name) => {
        const v = body[name]
        return typeof v === 'string' ? v : undefined
      })
    },
  )

  app.get('/:lesson/what-if', (c) => {
    const lesson = lessonOf(c.req.param('lesson'))
    const article = articleOf(lesson, c.req.query('article'))
    const asked = ['find', 'drop'].some((k) => c.req.query(k) !== undefined)
    const result = asked
      ? whatIf(
          store,
          article,
          parseEdit(article.detail, {
            find: c.req.query('find'),
            replace: c.req.query('replace'),
            drop: c.req.query('drop'),
          }),
        )
      : undefined
    return render(c, {
      section: 'teach',
      title: `What if…? ${lesson.title}`,
      page: () => (
        <WhatIfPage
          lesson={lesson}
          articles={articlesOf(lesson)}
          article={article}
          result={result}
        />
      ),
    })
  })

  app.get('/:lesson/spot', (c) => {
    const lesson = lessonOf(c.req.param('lesson'))
    const article = articleOf(lesson, c.req.query('article'))
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
          articles={articlesOf(lesson)}
          article={article}
          kind={kindValue}
          marks={marks}
          result={result}
        />
      ),
    })
  })

  app.get('/:lesson/worksheet', (c) => {
    const lesson = lessonOf(c.req.param('lesson'))
    return render(c, {
      section: 'teach',
      title: `Worksheet: ${lesson.title}`,
      page: () => (
        <WorksheetPage lesson={lesson} store={store} pairs={predictionPairs(store, lesson)} />
      ),
    })
  })

  app.get('/:lesson/key', (c) => {
    const lesson = lessonOf(c.req.param('lesson'))
    const pairs = predictionPairs(store, lesson)
    const rows = reveal(
      pairs,
      pairs.map(() => null),
    )
    return render(c, {
      section: 'teach',
      title: `Answer key: ${lesson.title}`,
      page: () => <AnswerKeyPage lesson={lesson} store={store} rows={rows} />,
    })
  })

  return app
}
