/**
 * Lessons made in the builder and saved with a collection: offered at once on /teach, opened
 * like a lesson file's, refused with the field named when the id is taken, deletable, kept by
 * the database (a new library over the same file still has them), and posted only from the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseInThread, Library } from '../../src/library/library.js'
import { createLibraryApp } from '../../src/library-app.js'
import { loadDefaultActors } from '../../src/corpus/actors.js'
import { html, text } from '../app/helpers.js'
import { openTestLibrary, TEXTS, type TestLibrary } from './helpers.js'

let t: TestLibrary

const FIELDS = {
  title: 'Praise or threat',
  goal: 'See how two short texts treat Russia and North Korea.',
  intro: 'Read both texts.',
  questions: 'Which text is kinder to Russia?',
  articles: ['praise', 'threat'],
  actors: ['russia'],
  spot: 'loaded',
}
const body = (values: Record<string, string | string[]>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) q.append(k, one)
  return q
}
const post = (
  path: string,
  values: Record<string, string | string[]>,
  origin = 'http://localhost',
) =>
  t.app.request(path, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body(values).toString(),
  })

beforeAll(async () => {
  t = await openTestLibrary('saved-lessons')
  await t.library.createCollection({
    name: 'Lessons',
    id: 'lessons',
    actors: [
      { id: 'russia', label: 'Russia', aliases: ['Russia', 'Putin'] },
      { id: 'nk', label: 'North Korea', aliases: ['North Korea', 'Pyongyang'] },
    ],
  })
  await t.library.addArticles('lessons', [
    { title: 'Praise', text: TEXTS.praise, source: 'test' },
    { title: 'Threat', text: TEXTS.threat, source: 'test' },
  ])
})
afterAll(() => t.cleanup())

describe('a lesson saved with its collection', () => {
  it('is offered to save once the builder finds it valid', async () => {
    const q = body({ ...FIELDS, check: '1' }).toString()
    const { doc } = await html(await t.app.request(`/c/lessons/teach/make?${q}`))
    const save = doc.querySelector('form.make-save')!
    expect(save.getAttribute('action')).toBe('/c/lessons/teach/make/save')
    expect(
      [...save.querySelectorAll('input[type=hidden]')].map((i) => [
        i.getAttribute('name'),
        i.getAttribute('value'),
      ]),
    ).toStrictEqual([
      ['title', FIELDS.title],
      ['goal', FIELDS.goal],
      ['intro', FIELDS.intro],
      ['questions', FIELDS.questions],
      ['spot', 'loaded'],
      ['articles', 'praise'],
      ['articles', 'threat'],
      ['actors', 'russia'],
    ])
  })

  it('is saved, listed, opened and deleted', async () => {
    const saved = await post('/c/lessons/teach/make/save', FIELDS)
    expect(saved.status).toBe(303)
    expect(saved.headers.get('Location')).toBe('/c/lessons/teach/praise-or-threat')
    const index = await html(await t.app.request('/c/lessons/teach'))
    expect(text(index.doc, '.lesson-list h2')).toContain('Praise or threat')
    // Deleting asks first, on a page of its own.
    expect(index.doc.querySelector('.lesson-delete a')!.getAttribute('href')).toBe(
      '/c/lessons/teach/praise-or-threat/delete',
    )
    const ask = await html(await t.app.request('/c/lessons/teach/praise-or-threat/delete'))
    expect(text(ask.doc, 'h1')).toStrictEqual(['Delete “Praise or threat”?'])
    expect(ask.doc.querySelector('form.lesson-delete')!.getAttribute('action')).toBe(
      '/c/lessons/teach/praise-or-threat/delete',
    )
    expect(await t.library.storage.listLessons('lessons')).toHaveLength(1)
    const lesson = await html(await t.app.request('/c/lessons/teach/praise-or-threat'))
    expect(text(lesson.doc, 'h1')).toStrictEqual(['Praise or threat'])
    // Kept by the database: a library opened afresh on the same file offers it too.
    const fresh = createLibraryApp(new Library(t.library.storage, analyseInThread), {
      defaultActors: loadDefaultActors,
    })
    expect((await fresh.request('/c/lessons/teach/praise-or-threat')).status).toBe(200)

    // The same title again: refused, naming the field, and nothing else saved.
    const again = await post('/c/lessons/teach/make/save', FIELDS)
    expect(again.status).toBe(409)
    expect(text((await html(again, 409)).doc, '.make-problems li')).toStrictEqual([
      'title: a lesson "praise-or-threat" is offered here already; give this one another title',
    ])
    expect(await t.library.storage.listLessons('lessons')).toHaveLength(1)

    const deleted = await post('/c/lessons/teach/praise-or-threat/delete', {})
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('Location')).toBe('/c/lessons/teach')
    expect((await t.app.request('/c/lessons/teach/praise-or-threat')).status).toBe(404)
    expect(await t.library.storage.listLessons('lessons')).toStrictEqual([])
  })

  it('refuses a bad lesson with each problem named, and saves nothing', async () => {
    const bad = await post('/c/lessons/teach/make/save', {
      ...FIELDS,
      title: '',
      articles: ['nope'],
    })
    expect(bad.status).toBe(422)
    const problems = text((await html(bad, 422)).doc, '.make-problems li')
    expect(problems).toContain('articles: this collection has no article "nope"')
    expect(problems.some((p) => p.startsWith('title:'))).toBe(true)
    expect(await t.library.storage.listLessons('lessons')).toStrictEqual([])
  })

  it('takes posts from the site only, and deletes only saved lessons', async () => {
    expect((await post('/c/lessons/teach/make/save', FIELDS, 'http://evil.example')).status).toBe(
      403,
    )
    expect((await post('/teach/make/save', FIELDS, 'http://evil.example')).status).toBe(403)
    const fileLesson = await post('/c/lessons/teach/who-is-the-villain/delete', {})
    expect(fileLesson.status).toBe(404)
    expect((await t.app.request('/c/lessons/teach/who-is-the-villain/delete')).status).toBe(404)
    expect(await t.library.storage.listLessons('lessons')).toStrictEqual([])
  })
})
