/**
 * The framing measures on the pages, over the bundled corpus: the evidence partial behind every
 * number (`/articles/:id/cues`), the comparison of the five articles (naming, frames, loaded
 * language, voice and sourcing, hedging, side by side), and the article page's layers. Expected
 * numbers come from the analysis itself, except a few counted by hand in the article text.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleDetail } from '../../src/analysis/index.js'
import { FRAMES, LOADED_CATEGORIES } from '../../src/analysis/lexicons.js'
import { createApp } from '../../src/app.js'
import { DECIMALS, frameShareRange, roundTo } from '../../src/charts/index.js'
import { loadStore, type MemoryStore } from '../../src/corpus-store.js'
import { VARY } from '../../src/routes/htmx.js'
import { outletSpans } from '../../views/cues.js'
import { num, percent } from '../../views/format.js'
import { charts, expectFragment, expectFullPage, html, text, type Doc } from './helpers.js'
import { HX_PARTIAL } from './fixtures.js'

let store: MemoryStore
let app: ReturnType<typeof createApp>
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })
const detail = (id: string): ArticleDetail => store.get(id)!.detail

beforeAll(async () => {
  store = await loadStore()
  app = createApp(store)
})

/** The hits an evidence panel marks: one tab stop each (a mark cut in two is one hit). */
function hitMarks(doc: Doc, measure: string) {
  return [...doc.querySelectorAll(`mark.cue-${measure}[data-hit]`)]
}

describe('GET /articles/:id/cues', () => {
  it('marks every hedge of an article in its sentences, titled with its cue, focusable', async () => {
    const res = await get('/articles/two-reasons/cues?measure=hedging', HX_PARTIAL)
    expect(res.headers.get('vary')).toBe(VARY)
    const { text: fragment, doc } = await html(res)
    expectFragment(fragment)
    const hedging = detail('two-reasons').framing.hedging
    // Counted by hand: seems, rumors, suspected, might, likely, rumors, likely, could.
    expect(hedging.count).toBe(8)
    const marks = hitMarks(doc, 'hedging')
    expect(marks).toHaveLength(8)
    expect(doc.querySelector('.cue-panel')!.getAttribute('data-hits')).toBe('8')
    expect(marks.map((m) => m.textContent)).toEqual(hedging.hits.map((h) => h.text))
    for (const [i, m] of marks.entries()) {
      expect(m.getAttribute('tabindex')).toBe('0')
      expect(m.getAttribute('title')).toBe(`Hedge: “${hedging.hits[i]!.cue}”`)
      expect(m.getAttribute('aria-label')).toBe(m.getAttribute('title'))
    }
    // The passages are whole sentences: the first hedge's sentence, as published.
    expect(text(doc, '.cue-passage')[0]).toBe('It seems he’s succeeded at both.')
    expect(doc.querySelector('.cue-summary a')!.getAttribute('href')).toBe('/methods#hedging')
  })

  it('marks the cues of one frame, and only those in the clauses naming an actor when asked', async () => {
    const frames = detail('kim-going-to-russia').framing.frames
    const whole = await html(
      await get('/articles/kim-going-to-russia/cues?measure=frames&category=security-defence'),
    )
    expectFullPage(whole.text)
    const marks = hitMarks(whole.doc, 'frames')
    expect(marks).toHaveLength(frames.article['security-defence']!.count)
    expect(marks[0]!.getAttribute('title')).toMatch(/^Frame: Security & defence, cue “.+”$/)

    const russia = await html(
      await get(
        '/articles/kim-going-to-russia/cues?measure=frames&category=security-defence&actor=russia',
        HX_PARTIAL,
      ),
    )
    expect(hitMarks(russia.doc, 'frames')).toHaveLength(
      frames.byActor.russia!.frames['security-defence']!.count,
    )
    // The names that decide which clauses count are shown too.
    expect(russia.doc.querySelector('.cue-passage .mention[data-actor=russia]')).not.toBeNull()
  })

  it('marks each loaded-language hit of a category', async () => {
    for (const cat of LOADED_CATEGORIES) {
      const { doc } = await html(
        await get(
          `/articles/putin-in-pyongyang/cues?measure=loaded&category=${cat.id}`,
          HX_PARTIAL,
        ),
      )
      const hits = detail('putin-in-pyongyang').framing.loaded.hits.filter(
        (h) => h.category === cat.id,
      )
      expect(hitMarks(doc, 'loaded').map((m) => m.textContent)).toEqual(hits.map((h) => h.text))
    }
  })

  it('marks the name or epithet an article uses for an actor', async () => {
    const { doc } = await html(
      await get('/articles/two-reasons/cues?measure=naming&category=dictator&actor=north-korea'),
    )
    // "North Korean dictator Kim Jong Un’s visit": the one epithet two-reasons gives Kim.
    const marks = hitMarks(doc, 'naming')
    expect(marks.map((m) => m.textContent)).toEqual(['dictator'])
    expect(marks[0]!.getAttribute('title')).toBe('Epithet for North Korea: “dictator”')
    const alias = await html(
      await get('/articles/two-reasons/cues?measure=naming&category=kremlin&actor=russia'),
    )
    const kremlin = detail('two-reasons').framing.naming.russia!.find((t) => t.term === 'kremlin')!
    expect(hitMarks(alias.doc, 'naming')).toHaveLength(kremlin.count)
  })

  it('lists the quotes with their sources, and the attributions by kind of source', async () => {
    const { doc } = await html(
      await get('/articles/two-reasons/cues?measure=sources&category=quotes', HX_PARTIAL),
    )
    // Counted by hand: Reuters' "most modern space rocket launch site", the Economist's block
    // quote after "The Economist notes:", Podolyak's post and the joint statement.
    const titles = hitMarks(doc, 'sources').map((m) => m.getAttribute('title'))
    expect(titles).toEqual([
      'Direct quote, 6 words: Reuters (outlet)',
      'Block quote, 54 words: The Economist (outlet)',
      'Direct quote, 28 words: Ukrainian presidential adviser Mykhailo Podolyak (named)',
      'Direct quote, 35 words: unattributed: no source found',
    ])
    // Each credited source is marked apart, beside its quote.
    expect(text(doc, 'mark.cue-source')).toEqual(
      detail('two-reasons')
        .framing.sourcing.quotes.filter((q) => q.source.span)
        .map((q) => q.source.text),
    )

    const anonymous = await html(
      await get('/articles/two-reasons/cues?measure=sources&category=anonymous', HX_PARTIAL),
    )
    expect(hitMarks(anonymous.doc, 'sources')).toHaveLength(
      detail('two-reasons').framing.sourcing.byKind.anonymous,
    )
    expect(hitMarks(anonymous.doc, 'sources')[0]!.getAttribute('title')).toBe(
      'Attribution “told”: a U.S. official anonymously (anonymous)',
    )
  })

  it('marks every place that names an outlet, as many as the outlet counts say, grouped by outlet', async () => {
    const { doc } = await html(
      await get('/articles/two-reasons/cues?measure=sources&category=Associated%20Press'),
    )
    const ap = detail('two-reasons').framing.sourcing.outlets.find(
      (o) => o.term === 'Associated Press',
    )!
    expect(hitMarks(doc, 'sources')).toHaveLength(ap.count)
    // Each marked place slices back to a name of the outlet.
    const text = detail('two-reasons').text
    expect(
      outletSpans(detail('two-reasons')).map((o) => `${o.outlet}: ${text.slice(o.start, o.end)}`),
    ).toEqual([
      'Associated Press: Associated Press',
      'Associated Press: the AP',
      'The Economist: the Economist',
      'The Economist: The Economist',
      'NPR: NPR',
      'Reuters: Reuters',
    ])
  })

  it.each([
    ['/articles/two-reasons/cues', 400, 'say which measure: ?measure=naming|frames|loaded'],
    ['/articles/two-reasons/cues?measure=tone', 400, 'no measure "tone"; the measures are'],
    [
      '/articles/two-reasons/cues?measure=frames&category=sports',
      400,
      'no category "sports" of frames; the categories are: security-defence',
    ],
    [
      '/articles/two-reasons/cues?measure=loaded&category=spin',
      400,
      'no category "spin" of loaded',
    ],
    ['/articles/two-reasons/cues?measure=hedging&category=maybe', 400, 'no category "maybe"'],
    ['/articles/two-reasons/cues?measure=sources', 400, 'say which sources: &category=quotes|'],
    ['/articles/two-reasons/cues?measure=naming&category=dictator', 400, 'say whose names'],
    [
      '/articles/two-reasons/cues?measure=naming&category=hero&actor=russia',
      400,
      '"hero" is neither a name of Russia',
    ],
    [
      '/articles/two-reasons/cues?measure=loaded&actor=russia',
      400,
      'loaded is not counted per actor',
    ],
    ['/articles/two-reasons/cues?measure=frames&actor=ukraine', 400, 'no actor with id "ukraine"'],
    ['/articles/nope/cues?measure=hedging', 404, 'no article with id "nope"'],
  ])('%s is %i', async (path, status, message) => {
    for (const headers of [{}, HX_PARTIAL]) {
      const res = await get(path, headers)
      expect(res.headers.get('vary')).toBe(VARY)
      const { doc } = await html(res, status)
      expect(doc.querySelector('.error')!.textContent).toContain(message)
    }
  })
})

describe('GET /compare with the five articles', () => {
  let doc: Doc
  const ids = () => store.articles.map((a) => a.id)
  const cell = (section: string, id: string) =>
    doc.querySelector(`.cmp-cell[data-section="${section}"][data-article="${id}"]`)!

  beforeAll(async () => {
    doc = (await html(await get(`/compare?ids=${ids().join(',')}`))).doc
  })

  it('has a naming, frames, loaded-language, sourcing and hedging section, each saying how', () => {
    for (const [section, anchor] of [
      ['naming', 'naming'],
      ['frames', 'frames'],
      ['loaded', 'loaded-language'],
      ['sources', 'sourcing'],
      ['hedging', 'hedging'],
    ]) {
      const head = doc.querySelector(`#cmp-${section}`)!
      expect(head.querySelector('.how')!.textContent!.length).toBeGreaterThan(40)
      expect(head.querySelector('.how a')!.getAttribute('href')).toBe(`/methods#${anchor}`)
    }
  })

  it('lists the names and epithets of each actor per article, epithets first, absent as absent', () => {
    for (const id of ids()) {
      for (const actor of store.actors) {
        const c = cell(`naming-${actor.id}`, id)
        const terms = detail(id).framing.naming[actor.id]
        if (!terms) {
          expect(c.textContent!.trim()).toBe('absent')
          continue
        }
        const shown = [...c.querySelectorAll('li[data-term]')].map((li) => [
          li.getAttribute('data-term'),
          Number(li.getAttribute('data-count')),
        ])
        expect(shown).toEqual(terms.map((t) => [t.term, t.count]))
      }
    }
    // two-reasons calls Kim a dictator once; the link opens exactly that.
    const dictator = cell('naming-north-korea', 'two-reasons').querySelector(
      'li[data-term=dictator] a',
    )!
    expect(dictator.getAttribute('hx-get')).toBe(
      '/articles/two-reasons/cues?measure=naming&category=dictator&actor=north-korea',
    )
    expect(dictator.getAttribute('hx-target')).toBe('#cues')
    expect(dictator.getAttribute('hx-push-url')).toBe(
      `/compare?ids=${ids().join(',')}&article=two-reasons&measure=naming&category=dictator&about=north-korea`,
    )
    expect(dictator.getAttribute('href')).toBe(dictator.getAttribute('hx-push-url'))
  })

  it('gives the frame counts and shares of each article, and of the clauses naming the chosen actor', () => {
    for (const id of ids()) {
      const frames = detail(id).framing.frames
      for (const [section, counts] of [
        ['frames', frames.article],
        ['frames-actor', frames.byActor.russia?.frames ?? null],
      ] as const) {
        const c = cell(section, id)
        if (!counts) {
          expect(c.textContent!.trim()).toBe('absent')
          continue
        }
        for (const f of FRAMES) {
          const row = c.querySelector(`tr[data-category="${f.id}"]`)!
          const [count, share] = [...row.querySelectorAll('td')]
          expect(Number(count!.textContent)).toBe(counts[f.id]!.count)
          expect(share!.textContent).toBe(percent(counts[f.id]!.share))
        }
      }
    }
  })

  it('draws one frames chart per column, on one axis, with the article and the chosen actor', () => {
    const found = charts(doc).filter((c) => c.id.startsWith('chart-frame-shares-'))
    expect(found.map((c) => c.id)).toEqual(ids().map((id) => `chart-frame-shares-${id}`))
    const range = frameShareRange(
      store.articles.map((a) => a.detail),
      [store.actors[0]!],
    )
    for (const [i, chart] of found.entries()) {
      expect(chart.config.options.scales!.x).toMatchObject(range)
      const frames = store.articles[i]!.detail.framing.frames
      // Rounded as the table prints the share (one decimal), so a tooltip matches its cell.
      expect(chart.config.data.datasets[0]!.data).toEqual(
        FRAMES.map((f) => roundTo(frames.article[f.id]!.share, DECIMALS.share)),
      )
      // A bar leads where its count in the table does.
      const href = chart.links![0]![0]!
      expect(doc.querySelector(`a[data-hx-link][href="${href}"]`)).not.toBeNull()
    }
  })

  it('gives loaded-language hits and rates per 1,000 words per category', () => {
    for (const id of ids()) {
      const loaded = detail(id).framing.loaded
      const c = cell('loaded', id)
      for (const cat of LOADED_CATEGORIES) {
        const [count, rate] = [...c.querySelectorAll(`tr[data-category="${cat.id}"] td`)]
        expect(Number(count!.textContent)).toBe(loaded.categories[cat.id]!.count)
        expect(rate!.textContent).toBe(num(loaded.categories[cat.id]!.per1000, 1))
      }
      expect(c.querySelector('tfoot td:last-child')!.textContent).toBe(num(loaded.per1000, 1))
    }
  })

  it('gives the quoted share, attributions by kind, outlets, quotes and tone with and without quotes', () => {
    for (const id of ids()) {
      const { sourcing } = detail(id).framing
      const c = cell('sources', id)
      expect(Number(c.querySelector('.quoted-share')!.getAttribute('data-value'))).toBe(
        sourcing.quotedShare,
      )
      for (const kind of ['named', 'anonymous', 'outlet', 'unattributed'] as const) {
        const td = c.querySelector(`tr[data-category=${kind}] td`)!
        expect(Number(td.textContent)).toBe(sourcing.byKind[kind])
      }
      expect(
        [...c.querySelectorAll('.outlets li')].map((li) => li.getAttribute('data-term')),
      ).toEqual(sourcing.outlets.map((o) => o.term))
      expect(cell('quotes', id).querySelectorAll('li').length).toBe(sourcing.quotes.length)
      for (const actor of store.actors) {
        const f = detail(id).actors[actor.id]
        const row = cell('quoted-tone', id).querySelector(`tr[data-actor=${actor.id}]`)!
        if (!f) {
          expect(row.querySelector('td')!.textContent).toBe('absent')
          continue
        }
        const [own, withQuotes] = [...row.querySelectorAll('td')]
        expect(Number(own!.getAttribute('data-value'))).toBe(f.tone)
        expect(own!.textContent).toContain(f.label)
        expect(Number(withQuotes!.getAttribute('data-value'))).toBe(f.toneWithQuotes)
        expect(withQuotes!.textContent).toContain(f.labelWithQuotes)
      }
    }
    expect(cell('quotes', 'two-reasons').querySelectorAll('li')).toHaveLength(4)
  })

  it('gives the hedging rate and count per article', () => {
    for (const id of ids()) {
      const { hedging } = detail(id).framing
      const c = cell('hedging', id).querySelector('.hedging')!
      expect(Number(c.getAttribute('data-count'))).toBe(hedging.count)
      expect(Number(c.getAttribute('data-per1000'))).toBe(hedging.per1000)
      expect(c.querySelector('.rate strong')!.textContent).toBe(num(hedging.per1000, 1))
    }
    expect(cell('hedging', 'two-reasons').textContent).toContain('8 words of doubt')
  })

  it('opens the evidence named in the URL in the drawer, so a pushed URL restores the view', async () => {
    const path = `/compare?ids=${ids().join(',')}&article=two-reasons&measure=hedging`
    const { doc: page } = await html(await get(path))
    expect(hitMarks(page, 'hedging')).toHaveLength(8)
    expect(page.querySelector('#cue-drawer .close')!.getAttribute('href')).toBe(
      `/compare?ids=${ids().join(',')}`,
    )
    // The columns' fragment carries the drawer out of band, so changing the columns empties it.
    const res = await get(`/compare?ids=${ids().join(',')}`, HX_PARTIAL)
    const fragment = (await html(res)).doc
    expect(fragment.querySelector('#cue-drawer')!.getAttribute('hx-swap-oob')).toBe('true')
    expect(fragment.querySelector('#cues')!.children).toHaveLength(0)
    const open = await get(path, HX_PARTIAL)
    expect(open.headers.get('hx-push-url')).toBe(path)
  })

  it.each([
    ['&article=zeta&measure=hedging', 'article "zeta" is not among the compared articles'],
    ['&measure=hedging', 'say in which column: &article='],
    ['&article=two-reasons&measure=loaded&category=spin', 'no category "spin" of loaded'],
  ])('rejects %s with 400', async (query, message) => {
    const { doc: page } = await html(await get(`/compare?ids=${ids().join(',')}${query}`), 400)
    expect(page.querySelector('.error')!.textContent).toContain(message)
  })
})

describe('GET /articles/:id with framing layers', () => {
  const marksOf = (doc: Doc, layer: string) =>
    doc.querySelectorAll(`.article-text mark.cue-${layer}[tabindex]`)

  it('highlights loaded language, hedges and quotes by default, each hit once', async () => {
    const { doc } = await html(await get('/articles/crab-dumplings'))
    const { framing } = detail('crab-dumplings')
    expect(doc.querySelector('.article-text')!.getAttribute('data-layers')).toBe(
      'loaded,hedging,quotes',
    )
    expect(marksOf(doc, 'loaded')).toHaveLength(framing.loaded.total)
    expect(marksOf(doc, 'hedging')).toHaveLength(framing.hedging.count)
    expect(marksOf(doc, 'frames')).toHaveLength(0)
    const quotes = [...doc.querySelectorAll('.article-text .quote.sourced[tabindex]')]
    expect(quotes).toHaveLength(framing.sourcing.quotes.length)
    expect(quotes[0]!.getAttribute('title')).toBe('Direct quote, 6 words: Putin (named source)')
    const boxes = [...doc.querySelectorAll('#layers-form input[type=checkbox]')]
    expect(
      boxes.filter((b) => b.hasAttribute('checked')).map((b) => b.getAttribute('value')),
    ).toEqual(['loaded', 'hedging', 'quotes'])
  })

  it('shows the layers of ?layers= and keeps the text whole', async () => {
    const { doc } = await html(
      await get('/articles/two-reasons?layers=frames,naming,loaded,hedging,quotes'),
    )
    const d = detail('two-reasons')
    // Every frame cue is marked once, whatever else marks the same words.
    const frameTitles = [...doc.querySelectorAll('.article-text mark.cue-frames[tabindex]')]
    expect(frameTitles).toHaveLength(d.framing.frames.total)
    expect(doc.querySelectorAll('.article-text mark.cue-naming[tabindex]').length).toBe(
      Object.values(d.framing.naming)
        .flatMap((terms) => terms ?? [])
        .filter((t) => t.kind === 'epithet')
        .reduce((n, t) => n + t.count, 0),
    )
    const shown = [...doc.querySelectorAll('.article-text > p')]
      .map((p) => p.textContent)
      .join('\n\n')
    expect(shown).toBe(d.text)
    const none = (await html(await get('/articles/two-reasons?layers=none'))).doc
    expect(
      none.querySelectorAll('.article-text mark.cue, .article-text .quote.sourced'),
    ).toHaveLength(0)
  })

  it('redraws in place for the layers form and pushes the short URL, keeping the open evidence', async () => {
    const form = (await html(await get('/articles/two-reasons?measure=hedging'))).doc
    const f = form.querySelector('#layers-form')!
    expect(f.getAttribute('hx-get')).toBe('/articles/two-reasons')
    expect(f.getAttribute('hx-target')).toBe('#main')
    // The open evidence travels with the form: its fields sit in the panel, tied by form=.
    expect(
      [...form.querySelectorAll('input[form=layers-form]')].map((i) => [
        i.getAttribute('name'),
        i.getAttribute('value'),
      ]),
    ).toEqual([['measure', 'hedging']])
    expect(form.querySelectorAll('#evidence mark.cue-hedging[data-hit]')).toHaveLength(8)

    const res = await get(
      '/articles/two-reasons?layers=none&layers=frames&layers=loaded&measure=hedging',
      HX_PARTIAL,
    )
    expect(res.headers.get('hx-push-url')).toBe(
      '/articles/two-reasons?measure=hedging&layers=loaded,frames',
    )
    const { text: fragment } = await html(res)
    expectFragment(fragment)
  })

  it('links each framing number to its evidence in the page, with the layers in the URL', async () => {
    const { doc } = await html(await get('/articles/two-reasons?layers=frames'))
    const link = doc.querySelector(
      '.framing [data-section=frames] tr[data-category=security-defence] td a',
    )!
    expect(link.getAttribute('hx-get')).toBe(
      '/articles/two-reasons/cues?measure=frames&category=security-defence',
    )
    expect(link.getAttribute('hx-target')).toBe('#evidence')
    expect(link.getAttribute('hx-push-url')).toBe(
      '/articles/two-reasons?measure=frames&category=security-defence&layers=frames',
    )
    expect(Number(link.textContent)).toBe(
      detail('two-reasons').framing.frames.article['security-defence']!.count,
    )
  })

  it('rejects an unknown layer', async () => {
    const bad = (await html(await get('/articles/two-reasons?layers=sparkles'), 400)).doc
    expect(bad.querySelector('.error')!.textContent).toContain('no layer "sparkles"')
  })
})
