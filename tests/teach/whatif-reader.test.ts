/**
 * The article reader's what-if (`/articles/:id/what-if`) on a hand-made article whose scores can
 * be worked out by hand (AFINN: despot −3, brutal −3, smiled +2, calm +2): every score before and
 * after, equal to the edited text analysed directly; the words that moved them; nothing saved;
 * bad edits refused; and, inside a collection, every link and the form stay in the collection.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/analysis/index.js'
import { createApp } from '../../src/app.js'
import { createStore, type CorpusStore } from '../../src/corpus-store.js'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { withScope } from '../../src/domain/scope.js'
import { PREDICTION_OF } from '../../src/teach/predict.js'
import { applyEdit, epithetsOf, parseEdit } from '../../src/teach/whatif.js'
import { signed } from '../../views/format.js'
import { ACTOR_DEFS } from '../app/fixtures.js'
import { expectFullPage, html, text } from '../app/helpers.js'
import { loadArticle } from './app.js'

const SUMMIT =
  '---\ntitle: Summit\n---\n\nThe despot Putin met Kim in Moscow. The Russian regime is brutal.\n\nKim, the dictator, smiled. Washington was calm.\n'

let store: CorpusStore
let app: ReturnType<typeof createApp>
beforeAll(() => {
  store = createStore([parseArticleText(SUMMIT, 'summit.md', 'md')], ACTOR_DEFS)
  app = createApp(store)
})

const EDIT = 'find=brutal&replace=large&epithet=despot&swap=leader&drop=2'
/** The cells of a row of the what-if table: before, after. */
const cells = (doc: Document, row: string) =>
  [...doc.querySelectorAll(`${row} td.before, ${row} td.after`)].map((td) => td.textContent)

describe('GET /articles/:id/what-if', () => {
  it('shows the article and the form, with no result before an edit', async () => {
    const { text: body, doc } = await html(await app.request('/articles/summit/what-if'))
    expectFullPage(body)
    expect(doc.querySelector('form.whatif-form')!.getAttribute('action')).toBe(
      '/articles/summit/what-if',
    )
    expect(doc.querySelector('#whatif-article')).toBeNull()
    expect(
      [...doc.querySelectorAll('#whatif-epithet option')].map((o) => o.getAttribute('value')),
    ).toEqual(['', 'despot', 'regime', 'dictator'])
    expect(doc.querySelectorAll('#whatif-drop option').length).toBe(5)
    expect(text(doc, '.teach-article p')).toEqual([
      'The despot Putin met Kim in Moscow. The Russian regime is brutal.',
      'Kim, the dictator, smiled. Washington was calm.',
    ])
    expect(doc.querySelector('.whatif-result')).toBeNull()
  })

  it('shows every score before and after, the edited text’s analysed directly', async () => {
    const { doc } = await html(await app.request(`/articles/summit/what-if?${EDIT}`))
    // Worked out by hand: Russia's clauses −3 (despot) and −3 (brutal) → −3.00, then 0 and 0.
    expect(cells(doc, 'tr[data-actor="russia"]')).toEqual(['−3.00 hostile', '0.00 neutral'])
    // North Korea: "smiled" (+2) in one of two clauses → +1.00; its sentence is deleted.
    expect(cells(doc, 'tr[data-actor="north-korea"]')).toEqual(['+1.00 favourable', '0.00 neutral'])
    expect(cells(doc, 'tr[data-actor="west"]')).toEqual(['+2.00 favourable', '+2.00 favourable'])
    expect(cells(doc, 'tr[data-measure="document"]')).toEqual(['−315.8', '+66.7'])
    expect(cells(doc, 'tr[data-measure="loaded"]')).toEqual(['3', '0'])
    expect(cells(doc, 'tr[data-measure="hedges"]')).toEqual(['0', '0'])
    expect(cells(doc, 'tr[data-measure="words"]')).toEqual(['19', '15'])
    expect(doc.querySelector('tr[data-actor="russia"] .words-removed')!.textContent).toBe(
      'lost: despot (−3), brutal (−3)',
    )
    expect(doc.querySelector('.whatif-result [role="status"]')!.textContent).toBe(
      '“brutal” → “large”: replaced 1 time. Sentence 3 deleted. Epithet “despot” → “leader”: swapped 1 time. ',
    )

    // The same numbers from the edited text analysed by an analyser of its own.
    const article = await loadArticle(store, 'summit')
    const edit = parseEdit(article.detail, {
      find: 'brutal',
      replace: 'large',
      epithet: 'despot',
      swap: 'leader',
      drop: '2',
    })
    const { text: edited } = applyEdit(article.detail, edit)
    expect(edited).toBe(
      'The leader Putin met Kim in Moscow. The Russian regime is large.\n\nWashington was calm.',
    )
    const direct = new Analyzer(store.actors).analyze({
      id: article.id,
      title: article.detail.title,
      headline: article.meta.headline,
      text: edited,
    }).detail
    for (const actor of store.actors) {
      const f = direct.actors[actor.id]
      expect(doc.querySelector(`tr[data-actor="${actor.id}"] td.after`)!.textContent).toBe(
        f ? `${signed(f.tone)} ${PREDICTION_OF[f.label]}` : 'not named',
      )
    }
    expect(doc.querySelector('tr[data-measure="document"] td.after')!.textContent).toBe(
      signed(direct.tone.per1000, 1),
    )
    // The edit is kept in the form, and the edited text is shown.
    expect(doc.querySelector('#whatif-find')!.getAttribute('value')).toBe('brutal')
    expect(doc.querySelector('#whatif-epithet option[selected]')!.getAttribute('value')).toBe(
      'despot',
    )
    expect(text(doc, '.whatif-text .teach-article p')).toEqual([
      'The leader Putin met Kim in Moscow. The Russian regime is large.',
      'Washington was calm.',
    ])
  })

  it('saves nothing: the article and its page are as before', async () => {
    await app.request(`/articles/summit/what-if?${EDIT}`)
    const article = await loadArticle(store, 'summit')
    expect(article.detail.text).toContain('The despot Putin')
    expect(article.detail.actors.russia!.tone).toBe(-3)
    expect(epithetsOf(article.detail).map((e) => e.text)).toEqual(['despot', 'regime', 'dictator'])
  })

  it('refuses a bad edit by name, and an unknown article', async () => {
    const epithet = await app.request('/articles/summit/what-if?epithet=tyrant&swap=x')
    expect(epithet.status).toBe(400)
    expect(await epithet.text()).toContain(
      'epithet must be one of the article’s epithets: despot, regime, dictator',
    )
    expect((await app.request('/articles/summit/what-if?drop=9')).status).toBe(400)
    expect((await app.request(`/articles/summit/what-if?find=${'x'.repeat(121)}`)).status).toBe(413)
    const missing = await app.request('/articles/nope/what-if')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('no article with id &quot;nope&quot;')
  })

  it('inside a collection, the form and every link stay in it', async () => {
    const res = await withScope({ base: '/c/demo' }, () =>
      app.request(`/articles/summit/what-if?${EDIT}`),
    )
    const { doc } = await html(res)
    expect(doc.querySelector('form.whatif-form')!.getAttribute('action')).toBe(
      '/c/demo/articles/summit/what-if',
    )
    const crumbs = [...doc.querySelectorAll('main .crumbs a, main .lede a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(crumbs).toEqual(['/c/demo/', '/c/demo/articles/summit', '/c/demo/articles/summit'])
  })

  it('the article page links to it', async () => {
    const { doc } = await html(await app.request('/articles/summit'))
    expect(
      [...doc.querySelectorAll('a')].some(
        (a) => a.getAttribute('href') === '/articles/summit/what-if',
      ),
    ).toBe(true)
  })
})
