/**
 * Coverage over time and by outlet: the view model (src/view-models/trends.ts) on hand-made
 * articles, whose means, counts and shares are worked out by hand here, ISO weeks at the turn
 * of a year included; then the `/c/<id>/trends` page over a stored collection: each grouping,
 * the click-through to a group's articles, and the refusals of an unknown grouping or group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/analysis/index.js'
import type { ArticleEntry } from '../../src/corpus-store.js'
import { DomainError } from '../../src/domain/errors.js'
import { groupArticles, isoWeek, parseGrouping, trends } from '../../src/view-models/trends.js'
import { html, text } from '../app/helpers.js'
import { openTestLibrary, type TestLibrary } from './helpers.js'

const ACTORS = [
  { id: 'russia', label: 'Russia', colour: '#c0392b', aliases: ['Russia'] },
  { id: 'nk', label: 'North Korea', colour: '#2c3e91', aliases: ['Pyongyang'] },
] as unknown as Actor[]

/** An article as the view model reads it: its meta and, per actor, mentions and tone. */
function article(
  id: string,
  meta: { date?: string; outlet?: string },
  actors: Record<string, { mentions: number; tone: number }>,
): ArticleEntry {
  return {
    id,
    meta: { headline: true, ...meta },
    digest: { id, title: id, actors: { russia: null, nk: null, ...actors } },
  } as unknown as ArticleEntry
}

const A = article(
  'a',
  { date: '2024-06-03', outlet: 'TASS' },
  {
    russia: { mentions: 3, tone: 2 },
    nk: { mentions: 1, tone: -4 },
  },
)
const B = article(
  'b',
  { date: '2024-06-28', outlet: 'Yonhap' },
  { russia: { mentions: 1, tone: -1 } },
)
const C = article('c', { date: '2024-07-01', outlet: 'TASS' }, { nk: { mentions: 2, tone: 1 } })
const D = article('d', { outlet: 'BBC' }, { russia: { mentions: 1, tone: 0 } })
const E = article('e', { date: '2024-07-02' }, {})

describe('isoWeek', () => {
  it.each([
    ['2024-06-19', '2024-W25'],
    ['2024-12-30', '2025-W01'],
    ['2025-01-05', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-01-01', '2024-W01'],
    ['2023-01-01', '2022-W52'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week)
  })
})

describe('parseGrouping', () => {
  it('takes month (the default), week and outlet, and refuses anything else', () => {
    expect(parseGrouping(undefined)).toBe('month')
    expect(parseGrouping('')).toBe('month')
    expect(parseGrouping('week')).toBe('week')
    expect(parseGrouping('outlet')).toBe('outlet')
    expect(() => parseGrouping('year')).toThrow(
      new DomainError('bad-request', 'no grouping "year"; group by month, week, outlet'),
    )
  })
})

describe('trends', () => {
  const summary = (t: ReturnType<typeof trends>) =>
    t.groups.map((g) => ({
      key: g.key,
      label: g.label,
      articles: g.articles.map((a) => a.id),
      byActor: g.byActor,
    }))

  it('by month: mean tone over the articles naming each actor, with counts and shares', () => {
    const t = trends([A, B, C, D, E], ACTORS, 'month')
    expect(t.grouping).toBe('month')
    expect(summary(t)).toStrictEqual([
      {
        key: '2024-06',
        label: 'June 2024',
        articles: ['a', 'b'],
        byActor: {
          // (2 + -1) / 2; 4 of the 5 mentions.
          russia: { meanTone: 0.5, articles: 2, mentions: 4, share: 80 },
          nk: { meanTone: -4, articles: 1, mentions: 1, share: 20 },
        },
      },
      {
        key: '2024-07',
        label: 'July 2024',
        articles: ['c', 'e'],
        byActor: {
          russia: { meanTone: null, articles: 0, mentions: 0, share: 0 },
          nk: { meanTone: 1, articles: 1, mentions: 2, share: 100 },
        },
      },
    ])
    expect(t.ungrouped.map((a) => a.id)).toStrictEqual(['d'])
  })

  it('by ISO week, in time order across a year', () => {
    const late = article('late', { date: '2024-12-30' }, { russia: { mentions: 2, tone: 3 } })
    const early = article('early', { date: '2021-01-03' }, { russia: { mentions: 1, tone: -3 } })
    const t = trends([late, A, B, early], ACTORS, 'week')
    expect(t.groups.map((g) => [g.key, g.label, g.articles.map((a) => a.id)])).toStrictEqual([
      ['2020-W53', 'week 53 of 2020', ['early']],
      ['2024-W23', 'week 23 of 2024', ['a']],
      ['2024-W26', 'week 26 of 2024', ['b']],
      ['2025-W01', 'week 1 of 2025', ['late']],
    ])
    expect(t.groups[3]!.byActor.russia).toStrictEqual({
      meanTone: 3,
      articles: 1,
      mentions: 2,
      share: 100,
    })
    expect(t.ungrouped).toStrictEqual([])
  })

  it('by outlet, in alphabetical order; articles without one apart', () => {
    const t = trends([A, B, C, D, E], ACTORS, 'outlet')
    expect(summary(t)).toStrictEqual([
      {
        key: 'BBC',
        label: 'BBC',
        articles: ['d'],
        byActor: {
          russia: { meanTone: 0, articles: 1, mentions: 1, share: 100 },
          nk: { meanTone: null, articles: 0, mentions: 0, share: 0 },
        },
      },
      {
        key: 'TASS',
        label: 'TASS',
        articles: ['a', 'c'],
        byActor: {
          russia: { meanTone: 2, articles: 1, mentions: 3, share: 50 },
          // (-4 + 1) / 2 over 3 of the 6 mentions.
          nk: { meanTone: -1.5, articles: 2, mentions: 3, share: 50 },
        },
      },
      {
        key: 'Yonhap',
        label: 'Yonhap',
        articles: ['b'],
        byActor: {
          russia: { meanTone: -1, articles: 1, mentions: 1, share: 100 },
          nk: { meanTone: null, articles: 0, mentions: 0, share: 0 },
        },
      },
    ])
    expect(t.ungrouped.map((a) => a.id)).toStrictEqual(['e'])
  })

  it('a group of articles naming no actor has shares of 0, not NaN', () => {
    const t = trends([E], ACTORS, 'month')
    expect(t.groups[0]!.byActor).toStrictEqual({
      russia: { meanTone: null, articles: 0, mentions: 0, share: 0 },
      nk: { meanTone: null, articles: 0, mentions: 0, share: 0 },
    })
  })

  it('groupArticles gives the articles behind one group', () => {
    const all = [A, B, C, D, E]
    expect(groupArticles(all, 'month', '2024-07').map((a) => a.id)).toStrictEqual(['c', 'e'])
    expect(groupArticles(all, 'week', '2024-W27').map((a) => a.id)).toStrictEqual(['c', 'e'])
    expect(groupArticles(all, 'outlet', 'TASS').map((a) => a.id)).toStrictEqual(['a', 'c'])
    expect(groupArticles(all, 'outlet', 'Nobody')).toStrictEqual([])
  })
})

describe('the trends page', () => {
  let t: TestLibrary
  const cid = 'trends'
  beforeAll(async () => {
    t = await openTestLibrary('trends')
    await t.library.createCollection({
      id: cid,
      name: 'Trends',
      actors: [
        { id: 'russia', label: 'Russia', aliases: ['Russia', 'Putin'] },
        { id: 'china', label: 'China', aliases: ['China', 'Beijing'] },
      ],
    })
    await t.library.addArticles(cid, [
      {
        title: 'One',
        text: 'Putin praised the successful talks.',
        date: '2024-06-03',
        outlet: 'TASS',
        source: 'test',
      },
      {
        title: 'Two',
        text: 'Russia was condemned for the terrible attack. Beijing praised the summit.',
        date: '2024-06-28',
        outlet: 'Xinhua',
        source: 'test',
      },
      {
        title: 'Three',
        text: 'China welcomed the agreement.',
        date: '2024-12-30',
        outlet: 'TASS',
        source: 'test',
      },
      { title: 'Four', text: 'Russia and China met.', source: 'test' },
    ])
  })
  afterAll(() => t.cleanup())

  const rows = (doc: Document) =>
    [...doc.querySelectorAll('.trend-table tbody tr')].map((tr) => [
      text(tr as unknown as Document, 'th')[0],
      text(tr as unknown as Document, 'td')[0],
    ])

  it('groups by month (the default), with counts and the ungrouped article', async () => {
    const { doc } = await html(await t.app.request(`/c/${cid}/trends`))
    expect(text(doc, 'h1')).toStrictEqual(['Coverage over time'])
    expect(rows(doc)).toStrictEqual([
      ['June 2024', '2'],
      ['December 2024', '1'],
    ])
    const links = [...doc.querySelectorAll('.trend-table tbody th a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(links).toStrictEqual([
      `/c/${cid}/trends?by=month&group=2024-06#group`,
      `/c/${cid}/trends?by=month&group=2024-12#group`,
    ])
    expect(text(doc, '#ungrouped-heading')).toStrictEqual([
      'Not in any group: 1 article without a date',
    ])
    // One tone cell per actor: Russia is named in both June articles, China in one.
    const june = text(doc, '.trend-table tbody tr:first-child td')
    expect(june[1]).toMatch(/2 of 2 articles/)
    expect(june[2]).toMatch(/1 of 2 articles/)
  })

  it('groups by ISO week and by outlet', async () => {
    const week = await html(await t.app.request(`/c/${cid}/trends?by=week`))
    expect(rows(week.doc)).toStrictEqual([
      ['week 23 of 2024', '1'],
      ['week 26 of 2024', '1'],
      ['week 1 of 2025', '1'],
    ])
    const outlet = await html(await t.app.request(`/c/${cid}/trends?by=outlet`))
    expect(text(outlet.doc, 'h1')).toStrictEqual(['Coverage by outlet'])
    expect(rows(outlet.doc)).toStrictEqual([
      ['TASS', '2'],
      ['Xinhua', '1'],
    ])
    expect(text(outlet.doc, '#ungrouped-heading')).toStrictEqual([
      'Not in any group: 1 article without an outlet',
    ])
  })

  it('a group’s link lists the articles behind it', async () => {
    const { doc } = await html(await t.app.request(`/c/${cid}/trends?by=outlet&group=TASS`))
    expect(text(doc, '#group-heading')).toStrictEqual(['TASS: 2 articles'])
    const links = [...doc.querySelectorAll('#group .trend-articles > li > a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ])
    expect(links).toStrictEqual([
      ['One', `/c/${cid}/articles/one`],
      ['Three', `/c/${cid}/articles/three`],
    ])
    const month = await html(await t.app.request(`/c/${cid}/trends?by=month&group=2024-06`))
    expect(text(month.doc, '#group-heading')).toStrictEqual(['June 2024: 2 articles'])
  })

  it('refuses an unknown grouping (400) and an unknown group (404)', async () => {
    const bad = await html(await t.app.request(`/c/${cid}/trends?by=year`), 400)
    expect(bad.text).toContain('no grouping &quot;year&quot;; group by month, week, outlet')
    const none = await html(await t.app.request(`/c/${cid}/trends?by=outlet&group=BBC`), 404)
    expect(none.text).toContain('no outlet &quot;BBC&quot; among the articles')
    const missing = await t.app.request('/c/nope/trends')
    expect(missing.status).toBe(404)
  })
})
