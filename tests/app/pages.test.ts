/**
 * The pages and the fragments htmx swaps, driven in-process with `app.request()`: status,
 * headers (`Vary` wherever one URL answers with a page or a fragment), and the content that must
 * be there: every article and actor, "absent" (never 0) for an actor an article never names, the
 * evidence behind each tone, the same scales across compared columns, and the assets served
 * locally.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EPITHET_WINDOW, LEXICON_INFO, TONE_THRESHOLDS } from '../../src/analysis/index.js'
import { FRAMES, LOADED_CATEGORIES } from '../../src/analysis/lexicons.js'
import { createApp } from '../../src/app.js'
import { VARY } from '../../src/routes/htmx.js'
import { charts, expectFragment, expectFullPage, html, text, type Doc } from './helpers.js'
import { expectedDetails, fixtureStore, HX_FULL, HX_PARTIAL } from './fixtures.js'

const store = fixtureStore()
const app = createApp(store)
const expected = new Map(expectedDetails().map((d) => [d.id, d]))
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

describe('GET /', () => {
  it('is a full page listing every article with outlet, date, words and tone toward each actor', async () => {
    const res = await get('/')
    expect(res.headers.get('vary')).toBe(VARY)
    expect(VARY).toContain('HX-Request')
    const { text: body, doc } = await html(res)
    expectFullPage(body)
    const rows = [...doc.querySelectorAll('.overview-table tbody tr')]
    expect(rows.map((r) => r.id)).toEqual(store.articles.map((a) => `row-${a.id}`))

    const alpha = doc.querySelector('#row-alpha')!
    expect(alpha.textContent).toContain('Moscow and the West')
    expect(alpha.textContent).toContain('Daily Alpha · 2 Jan 2024')
    expect(alpha.querySelectorAll('td.num')[0]!.textContent).toBe(
      String(expected.get('alpha')!.words),
    )
    // Russia, North Korea, The West: alpha never names North Korea.
    const cells = [...alpha.querySelectorAll('td.actor-cell')]
    expect(cells).toHaveLength(3)
    expect(cells[1]!.textContent!.trim()).toBe('absent')
    expect(cells[1]!.querySelector('a')).toBeNull()
    const russia = expected.get('alpha')!.actors.russia!
    expect(cells[0]!.querySelector('.tone-label')!.textContent).toBe(russia.label)
    expect(cells[0]!.textContent).toContain(`${russia.mentions}\u00a0mentions`)
  })

  it('never shows an absent actor as a number', async () => {
    const { doc } = await html(await get('/'))
    const zeta = [...doc.querySelector('#row-zeta')!.querySelectorAll('td.actor-cell')]
    expect(zeta.map((c) => c.textContent!.trim())).toEqual(['absent', 'absent', 'absent'])
  })

  it('links each tone to its evidence, as a plain link and as an htmx swap that pushes the URL', async () => {
    const { doc } = await html(await get('/'))
    const link = doc.querySelector('#row-alpha td.actor-cell a')!
    expect(link.getAttribute('href')).toBe('/?article=alpha&actor=russia#evidence')
    expect(link.getAttribute('hx-get')).toBe('/articles/alpha/evidence?actor=russia')
    expect(link.getAttribute('hx-target')).toBe('#evidence')
    expect(link.getAttribute('hx-push-url')).toBe('/?article=alpha&actor=russia')
    expect(doc.querySelector('#evidence')).not.toBeNull()
  })

  it('draws three charts whose bars lead to the evidence, coloured per actor, absent as no bar', async () => {
    const { doc } = await html(await get('/'))
    const found = charts(doc)
    expect(found.map((c) => c.id)).toEqual([
      'chart-actor-tone-by-article',
      'chart-mention-share-by-article',
      'chart-document-tone-by-article',
    ])
    const tone = found[0]!
    expect(tone.config.data.datasets.map((d) => d.borderColor)).toEqual(
      store.actors.map((a) => a.colour),
    )
    const nk = tone.config.data.datasets[1]!
    expect(nk.data[0]).toBeNull() // alpha never names North Korea
    expect(tone.links![1]![0]).toBeNull()
    // Every bar's link is a link of the table, so a click on either does the same.
    const tableLinks = new Set(
      [...doc.querySelectorAll('a[data-hx-link]')].map((a) => a.getAttribute('href')),
    )
    for (const href of tone.links!.flat()) if (href) expect(tableLinks.has(href)).toBe(true)
    // Every chart says how it is computed and links to the methods page.
    expect(doc.querySelectorAll('figure.chart .how a[href^="/methods#"]')).toHaveLength(3)
  })

  it('opens the evidence named in the URL, so a pushed URL restores the view', async () => {
    const { doc } = await html(await get('/?article=alpha&actor=russia'))
    expect(doc.querySelector('#evidence .evidence-panel h2')!.textContent).toContain('Russia')
    expect(doc.querySelectorAll('#evidence .evidence')).toHaveLength(
      expected.get('alpha')!.actors.russia!.evidence.length,
    )
  })

  it('answers an htmx partial request with the evidence region only, and a history restore with the page', async () => {
    const partial = await get('/?article=alpha&actor=west', HX_PARTIAL)
    expect(partial.headers.get('vary')).toBe(VARY)
    const { text: fragment } = await html(partial)
    expectFragment(fragment)
    expect(fragment).toContain('class="evidence-panel"')
    const { text: page } = await html(await get('/?article=alpha&actor=west', HX_FULL))
    expectFullPage(page)
  })

  it('serves scripts from the app itself, never a CDN', async () => {
    const { doc } = await html(await get('/'))
    const sources = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src'))
    expect(sources).toEqual([
      '/assets/chart.umd.min.js',
      '/assets/htmx.min.js',
      '/assets/client.js',
    ])
    expect(doc.querySelectorAll('link[href^="http"], script[src^="http"]')).toHaveLength(0)
  })
})

describe('GET /articles/:id', () => {
  it('shows the article with its meta, actor table, five charts, keywords and removed boilerplate', async () => {
    const res = await get('/articles/alpha')
    expect(res.headers.get('vary')).toBe(VARY)
    const { text: body, doc } = await html(res)
    expectFullPage(body)
    expect(doc.querySelector('h1')!.textContent).toBe('Moscow and the West')
    expect(doc.querySelector('title')!.textContent).toBe('Moscow and the West · Framelens')
    expect(charts(doc).map((c) => c.id)).toEqual([
      'chart-actor-tone',
      'chart-mentions',
      'chart-tone-rates',
      'chart-sentence-tone',
      'chart-frame-shares',
    ])
    const actorRows = text(doc, '.actors-table tbody tr')
    expect(actorRows[1]).toContain('North Korea')
    expect(actorRows[1]).toContain('absent')
    expect(text(doc, '.removed li')).toEqual(['Advertisement — advertisement slot label, line 3'])
    expect(doc.body.textContent).not.toMatch(/^\s*Advertisement\s*$/m)
    const top = expected.get('alpha')!.keywords.top.map((t) => t.term)
    expect(text(doc, '.side ol.terms')[0]).toContain(top[0]!)
    expect(text(doc, '.side ol.terms')[1]).toContain('sanctions')
  })

  it('highlights every mention in its actor colour and every scored word with its value, focusable', async () => {
    const { doc } = await html(await get('/articles/alpha'))
    const detail = expected.get('alpha')!
    const mentions = [...doc.querySelectorAll('.article-text .mention')]
    expect(mentions.map((m) => m.getAttribute('data-actor'))).toEqual(
      detail.mentions.map((m) => m.actor),
    )
    expect(mentions[0]!.getAttribute('style')).toBe('--actor:#c0392b')
    const words = [...doc.querySelectorAll('.article-text mark.w')]
    expect(words.map((w) => w.textContent)).toEqual(detail.scoredWords.map((w) => w.text))
    expect(words.map((w) => Number(w.getAttribute('data-value')))).toEqual(
      detail.scoredWords.map((w) => w.value),
    )
    for (const w of words) {
      expect(w.getAttribute('tabindex')).toBe('0')
      expect(w.getAttribute('title')).toMatch(/= [+\u2212]?\d/)
    }
    // "not honest": the negated word is marked, its title says so, and the negator is marked.
    const honest = words.find((w) => w.textContent === 'honest')!
    expect(honest.getAttribute('class')).toContain('negated')
    expect(honest.getAttribute('class')).toContain('neg')
    expect(honest.getAttribute('title')).toContain('negated')
    expect(text(doc, '.article-text .negator')).toEqual(['not'])
  })

  it('keeps the cleaned text whole: highlights only wrap it', async () => {
    const { doc } = await html(await get('/articles/beta'))
    const shown = [...doc.querySelectorAll('.article-text p')]
      .map((p) => p.textContent)
      .join('\n\n')
    expect(shown).toBe(expected.get('beta')!.text)
  })

  it('opens the evidence of ?actor= and answers htmx with the main content only', async () => {
    const { doc } = await html(await get('/articles/beta?actor=north-korea'))
    expect(doc.querySelectorAll('#evidence .evidence')).toHaveLength(
      expected.get('beta')!.actors['north-korea']!.evidence.length,
    )
    const { text: fragment } = await html(await get('/articles/beta', HX_PARTIAL))
    expectFragment(fragment)
    expect(fragment).toContain('class="article-page"')
  })
})

describe('GET /articles/:id/evidence', () => {
  it('lists each clause with its scored words and the sum that gives the clause score', async () => {
    const res = await get('/articles/alpha/evidence?actor=russia', HX_PARTIAL)
    expect(res.headers.get('vary')).toBe(VARY)
    const { text: fragment, doc } = await html(res)
    expectFragment(fragment)
    const russia = expected.get('alpha')!.actors.russia!
    const items = [...doc.querySelectorAll('.evidence')]
    expect(items).toHaveLength(russia.evidence.length)
    const first = russia.evidence[0]!
    expect([...items[0]!.querySelectorAll('mark.w')].map((m) => m.textContent)).toEqual(
      first.words.map((w) => w.text),
    )
    expect(items[0]!.querySelector('.score')!.textContent).toBe(
      '\u22126.00'.replace('6.00', Math.abs(first.score).toFixed(2)),
    )
  })

  it('says "absent" for an actor the article never names', async () => {
    const { doc } = await html(await get('/articles/alpha/evidence?actor=north-korea', HX_PARTIAL))
    expect(doc.querySelector('.evidence-summary')!.textContent).toContain('absent')
    expect(doc.querySelectorAll('.evidence')).toHaveLength(0)
  })

  it('is a page of its own when visited directly', async () => {
    const { text: body } = await html(await get('/articles/alpha/evidence?actor=west'))
    expectFullPage(body)
    expect(body).toContain('Evidence: The West in')
  })
})

describe('GET /compare', () => {
  it('without ids shows the picker and asks for a choice', async () => {
    const res = await get('/compare')
    expect(res.headers.get('vary')).toBe(VARY)
    const { doc } = await html(res)
    expect(doc.querySelectorAll('#compare-form input[type=checkbox][name=ids]')).toHaveLength(
      store.articles.length,
    )
    expect(doc.querySelector('#compare-view .hint')).not.toBeNull()
  })

  it('puts 2 articles side by side with the same axis ranges in every column', async () => {
    const { doc } = await html(await get('/compare?ids=alpha,beta'))
    expect(doc.querySelector('.cmp-grid')!.getAttribute('data-ids')).toBe('alpha,beta')
    expect(text(doc, '.cmp-head h2')).toEqual(['Moscow and the West', "Pyongyang's friend"])
    const checked = [...doc.querySelectorAll('#compare-form input[name=ids]')].filter((i) =>
      i.hasAttribute('checked'),
    )
    expect(checked.map((i) => i.getAttribute('value'))).toEqual(['alpha', 'beta'])
    const [headline, ...found] = charts(doc)
    expect(headline!.id).toBe('chart-actor-across-articles')
    // The headline (horizontal) draws tone on the columns' shared tone range.
    expect(headline!.config.options.scales!.x).toMatchObject({
      min: found[0]!.config.options.scales!.y!.min,
      max: found[0]!.config.options.scales!.y!.max,
    })
    expect(found.map((c) => c.id)).toEqual([
      'chart-actor-tone-alpha',
      'chart-actor-tone-beta',
      'chart-mentions-alpha',
      'chart-mentions-beta',
      'chart-tone-rates-alpha',
      'chart-tone-rates-beta',
      'chart-frame-shares-alpha',
      'chart-frame-shares-beta',
    ])
    for (let k = 0; k < found.length; k += 2) {
      if (found[k]!.id.startsWith('chart-frame-shares')) {
        expect(found[k]!.config.options.scales!.x).toEqual(found[k + 1]!.config.options.scales!.x)
        continue
      }
      expect(found[k]!.config.options.scales!.y).toEqual(found[k + 1]!.config.options.scales!.y)
    }
    const toneAxis = found[0]!.config.options.scales!.y!
    const tones = ['alpha', 'beta'].flatMap((id) =>
      Object.values(expected.get(id)!.actors).flatMap((f) => (f ? [f.tone] : [])),
    )
    for (const t of tones) expect(t >= toneAxis.min! && t <= toneAxis.max!).toBe(true)
  })

  it('shows distinctive terms against the other columns, and the evidence for the chosen actor', async () => {
    const { doc } = await html(await get('/compare?ids=alpha,beta&actor=west'))
    expect(doc.querySelector('#compare-actor option[selected]')!.getAttribute('value')).toBe('west')
    expect(text(doc, '.cmp-cell ol.terms')[0]).toContain('sanctions 4 vs 0')
    const west = expected.get('alpha')!.actors.west!
    const alphaEvidence = west.evidence.length
    const betaEvidence = expected.get('beta')!.actors.west!.evidence.length
    expect(doc.querySelectorAll('.cmp-cell .evidence')).toHaveLength(alphaEvidence + betaEvidence)
  })

  it('accepts the form’s repeated ids and pushes the canonical comma form', async () => {
    const res = await get('/compare?ids=alpha&ids=gamma&actor=west', HX_PARTIAL)
    expect(res.headers.get('hx-push-url')).toBe('/compare?ids=alpha,gamma&actor=west')
    expect(res.headers.get('vary')).toBe(VARY)
    const { text: fragment, doc } = await html(res)
    expectFragment(fragment)
    expect(doc.querySelector('title')!.textContent).toBe(
      'Compare: Moscow and the West | A quiet summit · Framelens',
    )
    expect(doc.querySelector('.cmp-grid')!.getAttribute('data-ids')).toBe('alpha,gamma')
    // The default actor (the first) is left out of the canonical URL.
    const byDefault = await get('/compare?ids=alpha&ids=gamma&actor=russia', HX_PARTIAL)
    expect(byDefault.headers.get('hx-push-url')).toBe('/compare?ids=alpha,gamma')
    // The actor select follows out of band, since a click in a column can change the actor.
    expect(doc.querySelector('#actor-field')!.getAttribute('hx-swap-oob')).toBe('true')
  })

  it('has a form that swaps the columns with htmx, pushes the URL, and works without JavaScript', async () => {
    const { doc } = await html(await get('/compare'))
    const form = doc.querySelector('#compare-form')!
    expect(form.getAttribute('action')).toBe('/compare')
    expect(form.getAttribute('method')).toBe('get')
    expect(form.getAttribute('hx-get')).toBe('/compare')
    expect(form.getAttribute('hx-target')).toBe('#compare-view')
    expect(form.getAttribute('hx-push-url')).toBe('true')
    expect(form.getAttribute('hx-status:4xx')).toBe('push:false')
  })
})

describe('GET /terms', () => {
  it('counts a term per article and shows each occurrence in context', async () => {
    const res = await get('/terms?q=Russia')
    expect(res.headers.get('vary')).toBe(VARY)
    const { doc } = await html(res)
    const counts = [...doc.querySelectorAll('table.counts tbody tr')].map((tr) => [
      tr.querySelector('th')!.textContent,
      Number(tr.querySelector('td')!.textContent),
    ])
    const expectedCounts = (await store.searchTerms('Russia')).results.map((k) => [
      k.article.digest.title,
      k.lines.length,
    ])
    expect(counts).toEqual(expectedCounts)
    expect(doc.querySelector('.result-count')!.getAttribute('data-total')).toBe('3')
    expect(text(doc, '.kwic-lines .kwic-match')).toEqual(['Russia', 'Russia', 'Russia'])
    expect(text(doc, '.matched-forms')).toEqual(['Matched russia (3).'])
  })

  it('answers htmx with the results and pushes /terms?q=', async () => {
    const res = await get('/terms?q=%20sanctions%20', HX_PARTIAL)
    expect(res.headers.get('hx-push-url')).toBe('/terms?q=sanctions')
    const { text: fragment } = await html(res)
    expectFragment(fragment)
    expect(fragment).toContain('data-total="4"')
  })

  it('without a query shows the search form and a hint', async () => {
    const { doc } = await html(await get('/terms'))
    expect(doc.querySelector('form[role=search] input[name=q]')).not.toBeNull()
    expect(doc.querySelector('#terms-results .hint')).not.toBeNull()
  })
})

describe('GET /methods', () => {
  it('documents every measure a chart links to, with the engine’s thresholds and lexicon sizes', async () => {
    const [methods, ...pages] = (await Promise.all(
      ['/methods', '/', '/articles/alpha', '/compare?ids=alpha,beta', '/terms?q=kim'].map(
        async (p) => (await html(await get(p))).doc,
      ),
    )) as [Doc, ...Doc[]]
    const anchors = new Set([...methods.querySelectorAll('section.method')].map((s) => s.id))
    for (const doc of pages) {
      for (const a of doc.querySelectorAll('a[href^="/methods#"]')) {
        expect(anchors.has(a.getAttribute('href')!.slice('/methods#'.length))).toBe(true)
      }
    }
    const body = methods.body.textContent!.replace(/\s+/g, ' ')
    expect(body).toContain(`at or below ${TONE_THRESHOLDS.negative}`)
    expect(body).toContain(`at or above ${TONE_THRESHOLDS.positive}`)
    expect(body).toContain(`${LEXICON_INFO.afinn.size} entries`)
    expect(body).toContain(`${LEXICON_INFO.news.size} entries`)
    expect(body).toContain('Dunning')
  })
})

describe('GET /methods: the framing measures', () => {
  it('has a section per measure with its categories, lexicon sizes and sources from the files', async () => {
    const { doc } = await html(await get('/methods'))
    const section = (id: string) => doc.querySelector(`section.method#${id}`)!
    for (const [id, lexicon] of [
      ['naming', LEXICON_INFO.naming],
      ['frames', LEXICON_INFO.frames],
      ['loaded-language', LEXICON_INFO.loaded],
      ['sourcing', LEXICON_INFO.sourcing],
      ['hedging', LEXICON_INFO.hedges],
    ] as const) {
      const body = section(id).textContent!.replace(/\s+/g, ' ')
      expect(body).toContain(`${lexicon.size} entries. Source: ${lexicon.source}.`)
      expect(body).toContain(lexicon.about.replace(/\s+/g, ' '))
      expect(body).toContain('Limits')
    }
    // Categories with the label and description their lexicon file gives them.
    for (const [id, categories] of [
      ['frames', FRAMES],
      ['loaded-language', LOADED_CATEGORIES],
    ] as const) {
      const rows = [...section(id).querySelectorAll('table.categories tbody tr')]
      expect(
        rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]),
      ).toEqual(categories.map((c) => [c.label, c.description]))
    }
    expect(section('naming').textContent).toContain(`at most ${EPITHET_WINDOW} words away`)
  })
})

describe('GET /assets/*', () => {
  const require = createRequire(import.meta.url)
  const cases: [string, string, string][] = [
    [
      '/assets/htmx.min.js',
      join(dirname(require.resolve('htmx.org')), 'htmx.min.js'),
      'text/javascript; charset=utf-8',
    ],
    [
      '/assets/chart.umd.min.js',
      join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
      'text/javascript; charset=utf-8',
    ],
    [
      '/assets/client.js',
      new URL('../../views/client.js', import.meta.url).pathname,
      'text/javascript; charset=utf-8',
    ],
    [
      '/assets/styles.css',
      new URL('../../views/styles.css', import.meta.url).pathname,
      'text/css; charset=utf-8',
    ],
  ]
  it.each(cases)('%s is served from the repository', async (path, file, type) => {
    const res = await get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(file))).toBe(true)
  })

  it('serves the pinned htmx 4', async () => {
    const body = await (await get('/assets/htmx.min.js')).text()
    expect(body).toContain('4.0.1')
  })
})
