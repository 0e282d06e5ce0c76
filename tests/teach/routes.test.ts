/**
 * Teaching mode through `app.request` over the bundled corpus: the lesson page carries no tone
 * (no number, no tone class, no highlight or chart) before the reveal; the reveal's answers are
 * the engine's; a what-if's scores are those of the edited text analysed directly; spot the frame
 * counts agreement; the glossary, worksheet and key say what they must.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { Analyzer, type ArticleDetail } from '../../src/analysis/index.js'
import type { CorpusStore, StoredArticle } from '../../src/corpus-store.js'
import { loadLessons, type Lesson } from '../../src/teach/lessons.js'
import { PREDICTION_OF, loadLesson, predictionPairs } from '../../src/teach/predict.js'
import { toolMarks } from '../../src/teach/spot.js'
import { applyEdit, parseEdit } from '../../src/teach/whatif.js'
import { signed } from '../../views/format.js'
import { expectFragment, expectFullPage, html, text } from '../app/helpers.js'
import { bundledStore, loadAll, teachApp } from './app.js'

let store: CorpusStore
let app: ReturnType<typeof teachApp>
const lessons = loadLessons()
const HX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

let all: StoredArticle[]
beforeAll(async () => {
  store = await bundledStore()
  app = teachApp(store)
  all = await loadAll(store)
})

/** An article with its whole analysis. */
const article = (id: string) => all.find((a) => a.id === id)!
const pairsOf = async (lesson: Lesson) => predictionPairs(await loadLesson(store, lesson))

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body: new URLSearchParams(form), headers })

/** Every tone of every article as the pages print it. */
function toneStrings(details: readonly ArticleDetail[]): string[] {
  return details.flatMap((d) => [
    signed(d.tone.per1000, 1),
    ...Object.values(d.actors).flatMap((f) =>
      f ? [signed(f.tone), signed(f.toneWithQuotes)] : [],
    ),
  ])
}

function expectNoTone(body: string) {
  for (const s of toneStrings(all.map((a) => a.detail))) expect(body).not.toContain(s)
  expect(body).not.toMatch(/\btone-(negative|neutral|positive)\b/)
  expect(body).not.toMatch(/tone-number|<fl-chart|<mark\b|data-chart/)
}

describe('GET /teach', () => {
  it('lists the lessons with their goals', async () => {
    const { text: body, doc } = await html(await get('/teach'))
    expectFullPage(body)
    expect(text(doc, '.lesson-list h2')).toEqual(lessons.map((l) => l.title))
    expect(
      [...doc.querySelectorAll('.lesson-list h2 a')].map((a) => a.getAttribute('href')),
    ).toEqual(lessons.map((l) => `/teach/${l.id}`))
  })
})

describe('a lesson before the reveal', () => {
  for (const lesson of lessons)
    it(`${lesson.id}: shows the articles and asks, with no tone in the markup`, async () => {
      const { text: body, doc } = await html(await get(`/teach/${lesson.id}`))
      expectNoTone(body)
      expect(text(doc, '.teach-article h2')).toEqual(
        lesson.articles.map((id) => `“${article(id).detail.title}”`),
      )
      const pairs = await pairsOf(lesson)
      expect(doc.querySelectorAll('fieldset.predict').length).toBe(pairs.length)
      for (const p of pairs)
        expect(
          [...doc.querySelectorAll(`input[name="p.${p.article.id}.${p.actor.id}"]`)].map((i) =>
            i.getAttribute('value'),
          ),
        ).toEqual(['hostile', 'neutral', 'favourable'])
      if (pairs.length === 0) {
        // A lesson that asks only for a ranking has no prediction form.
        expect(lesson.rank).toBeDefined()
        expect(doc.querySelector('form.predict-form')).toBeNull()
        return
      }
      const form = doc.querySelector('form.predict-form')!
      expect(form.getAttribute('method')).toBe('post')
      expect(form.getAttribute('action')).toBe(`/teach/${lesson.id}/reveal`)
      expect(form.getAttribute('hx-post')).toBe(`/teach/${lesson.id}/reveal`)
      expect(form.getAttribute('hx-target')).toBe('#reveal')
      expect(doc.querySelector('#reveal')!.textContent).toBe('')
    })

  it('the worksheet carries no tone either, and leaves space to answer each question', async () => {
    const lesson = lessons.find((l) => l.id === 'who-is-the-villain')!
    const { text: body, doc } = await html(await get(`/teach/${lesson.id}/worksheet`))
    expectNoTone(body)
    expect(text(doc, '.ws-questions > li > p')).toEqual(lesson.questions)
    expect(doc.querySelectorAll('.ws-questions .answer-line').length).toBe(
      lesson.questions.length * 4,
    )
    expect(doc.querySelectorAll('.ws-predict tbody tr').length).toBe((await pairsOf(lesson)).length)
  })
})

describe('the reveal', () => {
  const lesson = lessons.find((l) => l.id === 'who-is-the-villain')!

  it('sets each answer beside the engine’s label for the same text analysed directly', async () => {
    const analyzer = new Analyzer(store.actors)
    const form = {
      'p.putin-in-pyongyang.russia': 'hostile',
      'p.putin-in-pyongyang.north-korea': 'favourable',
      'p.vlad-kim-deal.russia': 'hostile',
    }
    const { text: body, doc } = await html(await post(`/teach/${lesson.id}/reveal`, form))
    expectFullPage(body)
    for (const p of await pairsOf(lesson)) {
      const d = p.article.detail
      const direct = analyzer.analyze({
        id: d.id,
        title: d.title,
        headline: p.article.meta.headline,
        text: d.text,
      }).detail.actors[p.actor.id]!
      const item = doc.querySelector(`#reveal-${p.article.id}-${p.actor.id}`)!
      expect(item.querySelector('.tool-answer strong')!.textContent).toBe(
        PREDICTION_OF[direct.label],
      )
      expect(item.querySelector('.tool-answer .tone-number')!.textContent).toBe(signed(direct.tone))
      expect(item.querySelector('.student-answer')!.textContent).toBe(
        form[`p.${p.article.id}.${p.actor.id}` as keyof typeof form] ?? 'no answer',
      )
      expect(item.querySelectorAll('.evidence-list > li').length).toBe(direct.evidence.length)
    }
    // putin-in-pyongyang: North Korea −1.00 (hostile); the student said favourable: why, in words.
    const nk = doc.querySelector('#reveal-putin-in-pyongyang-north-korea')!
    expect(nk.classList.contains('differ')).toBe(true)
    expect(text(nk as unknown as Document, '.why li')[0]).toMatch(
      /^Framelens found these negative words near North Korea in the writer’s own voice: “/,
    )
    // vlad-kim-deal: Russia −0.12 is neutral; the student said hostile.
    const ru = doc.querySelector('#reveal-vlad-kim-deal-russia')!
    expect(article('vlad-kim-deal').detail.actors.russia!.label).toBe('neutral')
    expect(ru.classList.contains('differ')).toBe(true)
    expect(
      doc.querySelector('#reveal-putin-in-pyongyang-russia')!.classList.contains('agree'),
    ).toBe(true)
    // The answers stay chosen in the form above.
    expect(
      doc
        .querySelector('input[name="p.putin-in-pyongyang.russia"][value="hostile"]')!
        .hasAttribute('checked'),
    ).toBe(true)
  })

  it('answers htmx with the reveal alone, and GET works like POST', async () => {
    const form = { 'p.vlad-kim-deal.north-korea': 'hostile' }
    const partial = await html(await post(`/teach/${lesson.id}/reveal`, form, HX))
    expectFragment(partial.text)
    expect(partial.doc.querySelector('.reveal-score')!.textContent).toBe(
      `You agreed with Framelens on 1 of ${(await pairsOf(lesson)).length}.`,
    )
    const viaGet = await html(
      await get(`/teach/${lesson.id}/reveal?p.vlad-kim-deal.north-korea=hostile`, HX),
    )
    expect(viaGet.text).toBe(partial.text)
  })

  it('refuses an answer that is not one of the three', async () => {
    const res = await post(`/teach/${lesson.id}/reveal`, { 'p.vlad-kim-deal.russia': 'evil' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(
      'p.vlad-kim-deal.russia must be one of hostile, neutral, favourable',
    )
  })

  it('404 for an unknown lesson names the lessons', async () => {
    const res = await get('/teach/nope')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain(
      'no lesson &quot;nope&quot;; the lessons are: harshest-first, loaded-words',
    )
  })
})

describe('what-if', () => {
  const path = '/teach/who-is-the-villain/what-if'

  it('shows every score of the edited text, equal to the edited text analysed directly', async () => {
    const article = all.find((a) => a.id === 'putin-in-pyongyang')!
    const q = 'article=putin-in-pyongyang&find=regime&replace=government&drop=2'
    const { doc } = await html(await get(`${path}?${q}`))
    const edit = parseEdit(article.detail, { find: 'regime', replace: 'government', drop: '2' })
    const { text: edited, replaced } = applyEdit(article.detail, edit)
    expect(replaced).toBeGreaterThan(0)
    expect(edited).not.toMatch(/\bregime\b/i)
    const direct = new Analyzer(store.actors).analyze({
      id: article.id,
      title: article.detail.title,
      headline: article.meta.headline,
      text: edited,
    }).detail
    for (const actor of store.actors) {
      const row = doc.querySelector(`tr[data-actor="${actor.id}"]`)!
      const after = direct.actors[actor.id]
      const before = article.detail.actors[actor.id]
      const cell = (f: typeof after) =>
        f ? `${signed(f.tone)} ${PREDICTION_OF[f.label]}` : 'not named'
      expect(row.querySelector('td.after')!.textContent).toBe(cell(after))
      expect(row.querySelector('td.before')!.textContent).toBe(cell(before))
    }
    const docRow = doc.querySelector('tr[data-measure="document"]')!
    expect(docRow.querySelector('td.after')!.textContent).toBe(signed(direct.tone.per1000, 1))
    expect(doc.querySelector('tr[data-measure="words"] td.after')!.textContent).toBe(
      String(direct.words),
    )
    expect(doc.querySelector('#whatif-drop option[selected]')!.getAttribute('value')).toBe('2')
  })

  it('names the words that moved a score', async () => {
    // "brutal" is a scored word; replacing it with "plain" loses it.
    const article = all.find((a) => a.id === 'vlad-kim-deal')!
    const word = article.detail.scoredWords.find((w) => w.value < 0)!
    const { doc } = await html(
      await get(
        `${path}?article=vlad-kim-deal&find=${encodeURIComponent(word.text)}&replace=table`,
      ),
    )
    expect(doc.querySelector('tr[data-measure="document"] .words-removed')!.textContent).toContain(
      word.text,
    )
  })

  it('is bounded: a long phrase is 413, a sentence out of range 400, an article not in the lesson 400', async () => {
    const long = 'x'.repeat(121)
    expect((await get(`${path}?find=${long}&replace=y`)).status).toBe(413)
    const res = await get(`${path}?article=vlad-kim-deal&drop=9999`)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('drop must be a sentence number from 0 to')
    expect((await get(`${path}?article=crab-dumplings&find=a&replace=b`)).status).toBe(400)
  })
})

describe('spot the frame', () => {
  it('compares the student’s marks with the tool’s', async () => {
    const article = all.find((a) => a.id === 'putin-in-pyongyang')!
    const tool = toolMarks(article.detail, 'loaded')
    const despot = tool.find((m) => m.text.toLowerCase() === 'despot')!
    // A plain word no tool mark covers: "touched".
    const plain = article.detail.text.indexOf('touched')
    expect(tool.some((m) => plain >= m.start && plain < m.end)).toBe(false)
    const { doc } = await html(
      await get(
        `/teach/loaded-words/spot?article=putin-in-pyongyang&kind=loaded&check=1&m=${despot.start}&m=${plain}`,
      ),
    )
    expect(doc.querySelector('.spot-both-count')!.textContent).toBe('1')
    expect(doc.querySelector('.spot-student-count')!.textContent).toBe('1')
    expect(doc.querySelector('.spot-tool-count')!.textContent).toBe(String(tool.length - 1))
    expect(text(doc, '.spot-both li')).toEqual(['“despot” (name calling)'])
    expect(text(doc, '.spot-student li')).toEqual(['“touched”'])
    expect(
      doc.querySelector(`input[name="m"][value="${despot.start}"]`)!.hasAttribute('checked'),
    ).toBe(true)
  })

  it('marks sentences for quotes, and refuses a mark that is not a word', async () => {
    const { doc } = await html(await get('/teach/whose-voice/spot?kind=quote'))
    const article = all.find((a) => a.id === 'two-reasons')!
    expect(doc.querySelectorAll('.spot-sentence input').length).toBe(
      article.detail.sentenceSpans.length,
    )
    const res = await get('/teach/whose-voice/spot?kind=hedge&m=1')
    expect(res.status).toBe(400)
  })
})

describe('glossary and answer key', () => {
  it('explains the eight words', async () => {
    const { doc } = await html(await get('/teach/glossary'))
    expect(text(doc, '.glossary dt')).toEqual([
      'Tone',
      'Toward',
      'Frame',
      'Loaded language',
      'Hedge',
      'Source',
      'Quote',
      'Salience',
    ])
  })

  it('the key holds Framelens’s answer and tone for every prediction', async () => {
    const lesson = lessons.find((l) => l.id === 'whose-voice')!
    const { doc, text: body } = await html(await get(`/teach/${lesson.id}/key`))
    // The check the lesson pages pass does catch tones printed the pages' way.
    expect(() => expectNoTone(body)).toThrow()
    const rows = [...doc.querySelectorAll('.key-table tbody tr')].map((tr) =>
      [...tr.children].slice(1, 4).map((c) => c.textContent),
    )
    const pairs = await pairsOf(lesson)
    expect(rows).toEqual(
      pairs.map((p) => {
        const f = p.article.detail.actors[p.actor.id]!
        return [p.actor.label, PREDICTION_OF[f.label], signed(f.tone)]
      }),
    )
    expect(doc.querySelectorAll('.key-evidence').length).toBe(pairs.length)
  })
})
