/**
 * The ranking question on hand-made articles whose scores can be worked out by hand (AFINN:
 * brutal −3, corrupt −3, calm +2, praised +3, good +3): the order Framelens reveals, the places
 * read from a form and what is wrong with a bad one, and the why-text where the student's order
 * differs, a difference smaller than the rounding shown included; then the route, without and
 * with htmx.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createStore, type CorpusStore } from '../../src/corpus-store.js'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { parseLesson, type Lesson } from '../../src/teach/lessons.js'
import { loadLesson } from '../../src/teach/predict.js'
import {
  rankQuestion,
  readRanking,
  revealRanking,
  whySwapped,
  type RankItem,
  type RankQuestion,
} from '../../src/teach/rank.js'
import { ACTOR_DEFS } from '../app/fixtures.js'
import { expectFragment, expectFullPage, html, text } from '../app/helpers.js'
import { teachApp } from './app.js'

const FILES: [string, string][] = [
  // Russia: clauses −6 and 0 → −3.
  ['harsh.md', '---\ntitle: Harsh\n---\n\nRussia is brutal and corrupt. Moscow met Kim.\n'],
  // Russia: clauses +2, +6 and 0 → +2.667.
  [
    'mild.md',
    '---\ntitle: Mild\n---\n\nRussia was calm. Moscow praised the good plan. Putin travelled.\n',
  ],
  // Russia: two clauses with no scored word → 0.
  ['plain.md', '---\ntitle: Plain\n---\n\nRussia met Kim. Moscow sent grain.\n'],
  // Never names Russia: left out of the ranking.
  ['other.md', '---\ntitle: Other\n---\n\nKim slept.\n'],
]

const LESSON = {
  id: 'rank-test',
  title: 'Rank test',
  goal: 'Order them.',
  intro: ['Read.'],
  articles: ['mild', 'plain', 'harsh', 'other'],
  actors: [],
  questions: ['Why?'],
  rank: { actor: 'russia' },
}

let store: CorpusStore
let lesson: Lesson
let question: RankQuestion
beforeAll(async () => {
  store = createStore(
    FILES.map(([name, body]) => parseArticleText(body, name, 'md')),
    ACTOR_DEFS,
  )
  lesson = parseLesson('rank-test.json', JSON.stringify(LESSON))
  question = rankQuestion(await loadLesson(store, lesson), store.actors)!
})

const ids = (items: readonly RankItem[]) => items.map((i) => i.article.id)
/** A form's values as `readRanking` reads them. */
const form = (values: Record<string, string>) => (name: string) => values[name]

describe('the ranking question', () => {
  it('ranks the lesson’s articles that name the actor, in the lesson’s order', () => {
    expect(question.actor.id).toBe('russia')
    expect(ids(question.items)).toEqual(['mild', 'plain', 'harsh'])
    expect(question.items.map((i) => i.framing.tone)).toEqual([2.667, 0, -3])
  })

  it('reads the places, and names what is wrong with a bad order', () => {
    expect(readRanking(question, form({ 'r.mild': '3', 'r.plain': '2', 'r.harsh': '1' }))).toEqual({
      places: [3, 2, 1],
      problems: [],
      invalid: [],
    })
    expect(readRanking(question, form({ 'r.mild': '1', 'r.plain': '1', 'r.harsh': '' }))).toEqual({
      places: null,
      problems: [
        '“Harsh” has no place: give it a place from 1 to 3.',
        '“Mild” and “Plain” are both in place 1: each place takes one article.',
      ],
      invalid: ['harsh', 'mild', 'plain'],
    })
    expect(
      readRanking(question, form({ 'r.mild': '4', 'r.plain': 'two', 'r.harsh': '1' })).problems,
    ).toEqual([
      'The place of “Mild” must be a whole number from 1 to 3, not “4”.',
      'The place of “Plain” must be a whole number from 1 to 3, not “two”.',
    ])
  })

  it('reveals Framelens’s order beside the student’s, and says why they differ', () => {
    // The student: Mild most hostile, then Harsh, then Plain.
    const reveal = revealRanking(question, [1, 3, 2])
    expect(ids(reveal.toolOrder)).toEqual(['harsh', 'plain', 'mild'])
    expect(ids(reveal.studentOrder)).toEqual(['mild', 'harsh', 'plain'])
    expect(reveal.rows.map((r) => [r.item.article.id, r.student, r.tool])).toEqual([
      ['mild', 1, 3],
      ['plain', 3, 2],
      ['harsh', 2, 1],
    ])
    expect(reveal.agree).toBe(false)
    // Harsh before Plain agrees; Mild before Harsh and Mild before Plain do not.
    expect(reveal.swaps.map((s) => [s.above.article.id, s.below.article.id, s.close])).toEqual([
      ['mild', 'harsh', false],
      ['mild', 'plain', false],
    ])
    expect(reveal.swaps[0]!.why).toEqual([
      'Framelens finds “Harsh” more hostile toward Russia than “Mild” (−3.00 against +2.67).',
      'In “Harsh”, the bit of text that pulls it down most is “Russia is brutal and corrupt.” (−6.00: “brutal” and “corrupt”).',
      'In “Mild”, Framelens counted friendly words about Russia: “praised”, “good” and “calm”. They pull its average up.',
    ])
    expect(reveal.swaps[1]!.why).toEqual([
      'Framelens finds “Plain” less friendly to Russia than “Mild” (0.00 against +2.67).',
      'In “Mild”, Framelens counted friendly words about Russia: “praised”, “good” and “calm”. They pull its average up.',
    ])
    // The same order as Framelens's: no swap.
    const same = revealRanking(question, [3, 2, 1])
    expect(same.swaps).toEqual([])
    expect(same.agree).toBe(true)
  })

  it('says the order is uncertain when two tones differ by less than the rounding shown', () => {
    /** A hand-made item: only what the why-text reads. */
    const item = (id: string, tone: number) =>
      ({
        article: { id, detail: { title: id, framing: { loaded: { categories: {} } } } },
        framing: { tone, evidence: [], quotedScore: 0 },
      }) as unknown as RankItem
    const actor = store.actors.find((a) => a.id === 'russia')!
    const a = item('A', -0.333)
    const b = item('B', -0.326)
    expect(whySwapped(actor, a, b)).toEqual([
      'Framelens finds “A” more hostile toward Russia than “B” (−0.33 against −0.33). But the two differ by less than 0.01, the smallest step of the numbers shown, so the order between them is uncertain: one word more or less would swap them. Your order is as good as Framelens’s here.',
    ])
    const close = revealRanking({ actor, items: [a, b] }, [2, 1])
    expect(close.swaps.map((s) => s.close)).toEqual([true])
    expect(close.agree).toBe(true)
    // Equal tones are no swap either way.
    const tie = revealRanking({ actor, items: [item('A', -0.5), item('B', -0.5)] }, [2, 1])
    expect(tie.swaps).toEqual([])
  })
})

describe('POST /teach/:lesson/rank', () => {
  const HX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
  let app: ReturnType<typeof teachApp>
  beforeAll(() => {
    app = teachApp(store, { lessons: [lesson], refused: [] })
  })
  const post = (values: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request('/teach/rank-test/rank', {
      method: 'POST',
      body: new URLSearchParams(values),
      headers,
    })

  it('asks for places with no score in the page, then reveals the orders', async () => {
    const { text: before, doc } = await html(await app.request('/teach/rank-test'))
    expect(before).not.toMatch(/−3\.00|\+2\.67|0\.00|tone-number/)
    expect(doc.querySelector('form.predict-form')).toBeNull()
    const rankForm = doc.querySelector('form.rank-form')!
    expect(rankForm.getAttribute('method')).toBe('post')
    expect(rankForm.getAttribute('action')).toBe('/teach/rank-test/rank')
    expect(rankForm.getAttribute('hx-post')).toBe('/teach/rank-test/rank')
    expect(rankForm.getAttribute('hx-target')).toBe('#rank-reveal')
    expect(
      [...doc.querySelectorAll('.rank-form select')].map((s) => s.getAttribute('name')),
    ).toEqual(['r.mild', 'r.plain', 'r.harsh'])

    const values = { 'r.mild': '1', 'r.plain': '3', 'r.harsh': '2' }
    const page = await html(await post(values))
    expectFullPage(page.text)
    expect(text(page.doc, '.rank-table .tool-order')).toEqual(['“Harsh”', '“Plain”', '“Mild”'])
    expect(text(page.doc, '.rank-table .student-order')).toEqual(['“Mild”', '“Harsh”', '“Plain”'])
    expect(text(page.doc, '.rank-table .tone-number')).toEqual(['−3.00', '0.00', '+2.67'])
    expect(page.doc.querySelectorAll('.rank-swap').length).toBe(2)
    expect(page.doc.querySelectorAll('#rank-harsh-result .evidence-list > li').length).toBe(2)
    // The form keeps the order sent.
    expect(
      page.doc.querySelector('select[name="r.mild"] option[selected]')!.getAttribute('value'),
    ).toBe('1')

    const partial = await html(await post(values, HX))
    expectFragment(partial.text)
    expect(text(partial.doc, '.rank-verdict')).toEqual([
      'You and Framelens put 2 pairs of articles the other way round.',
    ])
    const viaGet = await html(
      await app.request('/teach/rank-test/rank?r.mild=1&r.plain=3&r.harsh=2', { headers: HX }),
    )
    expect(viaGet.text).toBe(partial.text)
  })

  it('answers a bad order with 422 naming what is wrong, the form kept', async () => {
    const values = { 'r.mild': '2', 'r.plain': '2' }
    const page = await html(await post(values), 422)
    expect(text(page.doc, '#rank-problems li')).toEqual([
      '“Harsh” has no place: give it a place from 1 to 3.',
      '“Mild” and “Plain” are both in place 2: each place takes one article.',
    ])
    expect(page.text).not.toContain('tone-number')
    expect(
      page.doc.querySelector('select[name="r.plain"] option[selected]')!.getAttribute('value'),
    ).toBe('2')
    expect(page.doc.querySelector('select[name="r.harsh"]')!.getAttribute('aria-invalid')).toBe(
      'true',
    )
    const partial = await html(await post(values, HX), 422)
    expectFragment(partial.text)
    expect(partial.doc.querySelector('#rank-problems')!.getAttribute('role')).toBe('alert')
  })

  it('404 for a lesson without a ranking', async () => {
    const plain = parseLesson(
      'no-rank.json',
      JSON.stringify({
        ...LESSON,
        id: 'no-rank',
        actors: ['russia'],
        articles: ['mild'],
        rank: undefined,
      }),
    )
    const other = teachApp(store, { lessons: [plain], refused: [] })
    const res = await other.request('/teach/no-rank/rank', { method: 'POST' })
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('asks for no ranking')
  })
})
