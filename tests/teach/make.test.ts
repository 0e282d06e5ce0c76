/** The lesson builder: a lesson made from the collection's articles, checked by the lesson schema. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { CorpusStore } from '../../src/corpus-store.js'
import { parseLesson } from '../../src/teach/lessons.js'
import { html, text } from '../app/helpers.js'
import { bundledStore, teachApp } from './app.js'

let app: ReturnType<typeof teachApp>
let store: CorpusStore
beforeAll(async () => {
  store = await bundledStore()
  app = teachApp(store)
})

const form = (values: Record<string, string | string[]>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(values))
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, one)
  q.append('check', '1')
  return q.toString()
}

const GOOD = {
  title: 'Two views of one summit',
  goal: 'Compare how two articles treat North Korea.',
  intro: 'Read both.\nThen guess.',
  questions: 'Which is harsher?\n\nWhy?',
  articles: ['two-reasons', 'crab-dumplings'],
  actors: ['north-korea'],
  spot: 'hedge',
}

describe('GET /teach/make', () => {
  it('lists the collection’s articles and actors to pick', async () => {
    const { doc } = await html(await app.request('/teach/make'))
    expect(
      [...doc.querySelectorAll('input[name="articles"]')].map((i) => i.getAttribute('value')),
    ).toEqual(store.articles.map((a) => a.id))
    expect(
      [...doc.querySelectorAll('input[name="actors"]')].map((i) => i.getAttribute('value')),
    ).toEqual(store.actors.map((a) => a.id))
  })

  it('checks a draft and offers the lesson file, which loads as a lesson', async () => {
    const { doc } = await html(await app.request(`/teach/make?${form(GOOD)}`))
    const link = doc.querySelector('.make-ready a')!.getAttribute('href')!
    expect(link.startsWith('/teach/make/lesson.json?')).toBe(true)
    const res = await app.request(link)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="two-views-of-one-summit.json"',
    )
    const lesson = parseLesson('two-views-of-one-summit.json', await res.text())
    expect(lesson).toEqual({
      id: 'two-views-of-one-summit',
      title: GOOD.title,
      goal: GOOD.goal,
      intro: ['Read both.', 'Then guess.'],
      articles: GOOD.articles,
      actors: GOOD.actors,
      questions: ['Which is harsher?', 'Why?'],
      spot: 'hedge',
    })
    // The form keeps what was chosen.
    expect(
      doc.querySelector('input[name="articles"][value="two-reasons"]')!.hasAttribute('checked'),
    ).toBe(true)
  })

  it('names each field that is wrong', async () => {
    const { doc } = await html(
      await app.request(
        `/teach/make?${form({ ...GOOD, questions: '', articles: ['nope'], actors: [] })}`,
      ),
      422,
    )
    expect(text(doc, '.make-problems li')).toEqual([
      'actors: Too small: expected array to have >=1 items',
      'questions: needs at least one question',
      'articles: this collection has no article "nope"',
    ])
    expect(
      (await app.request(`/teach/make/lesson.json?${form({ ...GOOD, title: '' })}`)).status,
    ).toBe(422)
  })
})
