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
      'questions: needs at least one question',
      'actors: needs at least one actor to predict, or a ranking question (rank)',
      'articles: this collection has no article "nope"',
    ])
    expect(
      (await app.request(`/teach/make/lesson.json?${form({ ...GOOD, title: '' })}`)).status,
    ).toBe(422)
  })

  it('offers a ranking question: a lesson that asks only for an order of its articles', async () => {
    const { doc } = await html(await app.request('/teach/make'))
    expect(
      [...doc.querySelectorAll('#make-rank option')].map((o) => o.getAttribute('value')),
    ).toEqual(['', ...store.actors.map((a) => a.id)])
    const ranked = {
      ...GOOD,
      title: 'Rank them',
      articles: ['two-reasons', 'crab-dumplings', 'vlad-kim-deal', 'kim-going-to-russia'],
      actors: [],
      rank: 'russia',
    }
    const made = await html(await app.request(`/teach/make?${form(ranked)}`))
    const res = await app.request(made.doc.querySelector('.make-ready a')!.getAttribute('href')!)
    const lesson = parseLesson('rank-them.json', await res.text())
    expect(lesson.rank).toEqual({ actor: 'russia' })
    expect(lesson.actors).toEqual([])
    expect(lesson.articles).toEqual(ranked.articles)
    expect(made.doc.querySelector('#make-rank option[selected]')!.getAttribute('value')).toBe(
      'russia',
    )
    // Four articles without a ranking are too many; a ranked actor must exist.
    const { doc: bad } = await html(
      await app.request(`/teach/make?${form({ ...ranked, rank: 'nobody' })}`),
      422,
    )
    expect(text(bad, '.make-problems li')).toContain('rank: this collection has no actor "nobody"')
    const { doc: many } = await html(
      await app.request(`/teach/make?${form({ ...ranked, rank: '', actors: ['russia'] })}`),
      422,
    )
    expect(text(many, '.make-problems li')).toEqual([
      'articles: at most 3 articles (up to 5 with a ranking question)',
    ])
  })
})
