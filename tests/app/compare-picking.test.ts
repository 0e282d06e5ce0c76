/**
 * Issue 11, through the routes: choosing articles on /compare never ends on an error while the
 * choice is incomplete (one ticked, or one too many): the picker comes back with the ids ticked
 * and says what is missing, as a page and as the fragment htmx swaps in. A tone number opens its
 * clauses in the drawer (`&article=a&tone=x`), the headline sentence says who is harder on the
 * chosen actor, and links are named by their visible text.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { signed } from '../../views/format.js'
import { expectFragment, expectFullPage, html } from './helpers.js'
import { fixtureStore, HX_PARTIAL } from './fixtures.js'

const store = fixtureStore()
const app = createApp(store)

describe('an incomplete choice on /compare', () => {
  it('one article from the overview form: the picker, that article ticked, "pick one more"', async () => {
    const res = await app.request('/compare?ids=alpha')
    const { text, doc } = await html(res, 200)
    expectFullPage(text)
    const checked = [...doc.querySelectorAll('#compare-form input[name=ids]')]
      .filter((i) => i.hasAttribute('checked'))
      .map((i) => i.getAttribute('value'))
    expect(checked).toEqual(['alpha'])
    expect(doc.querySelector('#compare-view .pick-more')!.textContent).toBe(
      'Pick one more article to compare it with.',
    )
    // The picker is open: the next box is right there to tick.
    expect(doc.querySelector('details.picker-menu')!.hasAttribute('open')).toBe(true)
    expect(doc.querySelector('.error, .cmp-grid')).toBeNull()
  })

  it('one article ticked with htmx: the hint as a fragment, no error status', async () => {
    const res = await app.request('/compare?ids=alpha', { headers: HX_PARTIAL })
    const { text, doc } = await html(res, 200)
    expectFragment(text)
    expect(doc.querySelector('.pick-more')!.getAttribute('role')).toBe('status')
    expect(doc.querySelector('.pick-more')!.textContent).toBe(
      'Pick one more article to compare it with.',
    )
    expect(res.headers.get('hx-push-url')).toBe('/compare?ids=alpha')
  })

  it('six articles ticked: says how many to untick', async () => {
    const res = await app.request('/compare?ids=alpha,beta,gamma,delta,epsilon,zeta', {
      headers: HX_PARTIAL,
    })
    const { doc } = await html(res, 200)
    expect(doc.querySelector('.pick-more')!.textContent).toBe(
      'Compare takes at most 5 articles: untick one.',
    )
  })

  it('still refuses what is no choice at all: an unknown or a repeated id', async () => {
    expect((await app.request('/compare?ids=alpha,nope')).status).toBe(404)
    expect((await app.request('/compare?ids=alpha&ids=alpha')).status).toBe(400)
  })
})

describe('a comparison', () => {
  it('opens with the chosen actor across the articles: a sentence and a table of tone links', async () => {
    const { doc } = await html(await app.request('/compare?ids=alpha,beta&actor=west'))
    const alpha = store.get('alpha')!.detail.actors.west!
    const beta = store.get('beta')!.detail.actors.west!
    const sentence = doc.querySelector('.headline-sentence')!.textContent!
    // The more hostile article first, its numbers first, with the tables' rounding.
    const [low, high] = alpha.tone <= beta.tone ? [alpha, beta] : [beta, alpha]
    expect(sentence).toMatch(/^“.+” is (more hostile to|less favourable to) The West than “.+”: /)
    expect(sentence).toContain(
      `: ${signed(low.tone)} vs ${signed(high.tone)}, from ${low.mentions} vs ${high.mentions} mentions.`,
    )
    const first = doc.querySelector('.headline-table a.tone-link')!
    expect(first.getAttribute('href')).toBe(
      '/compare?ids=alpha,beta&actor=west&article=alpha&tone=west',
    )
    expect(first.getAttribute('hx-get')).toBe('/articles/alpha/evidence?actor=west')
    expect(first.getAttribute('hx-target')).toBe('#cues')
    expect(first.getAttribute('hx-push-url')).toBe(first.getAttribute('href'))
    // Named by what it shows; what it does is its description.
    expect(first.hasAttribute('aria-label')).toBe(false)
    expect(first.getAttribute('title')).toBe(
      `Evidence for the tone toward The West in “${store.get('alpha')!.detail.title}”`,
    )
  })

  it('a tone URL opens that column’s clauses in the drawer, and pushes itself', async () => {
    const url = '/compare?ids=alpha,beta&article=beta&tone=russia'
    const { doc } = await html(await app.request(url))
    expect(doc.querySelector('#cue-drawer #cues .evidence-panel')).not.toBeNull()
    expect(doc.querySelector('#cue-drawer')!.getAttribute('data-close')).toBe(
      '/compare?ids=alpha,beta',
    )
    const partial = await app.request(url, { headers: HX_PARTIAL })
    expect(partial.headers.get('hx-push-url')).toBe(url)
    expect((await app.request('/compare?ids=alpha,beta&tone=russia')).status).toBe(400)
    expect(
      (await app.request('/compare?ids=alpha,beta&article=beta&tone=russia&measure=frames')).status,
    ).toBe(400)
  })

  it('puts the picker behind one control once the articles are chosen', async () => {
    const { doc } = await html(await app.request('/compare?ids=alpha,beta'))
    const menu = doc.querySelector('details.picker-menu')!
    expect(menu.hasAttribute('open')).toBe(false)
    expect(menu.querySelector('summary')!.textContent).toBe(
      'Articles to compare (2 to 5): 2 chosen',
    )
  })
})
