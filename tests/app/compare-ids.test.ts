/**
 * Comparing articles whose ids hold a comma or a backslash (ids are file names, so both occur):
 * the link builders write such ids one `ids` parameter each, percent-encoded, and the routes read
 * every form a link, a form or a person sends back to the same articles.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { createStore } from '../../src/corpus-store.js'
import { compareExportUrl, exportUrl } from '../../src/export/urls.js'
import { compareUrl } from '../../views/urls.js'
import { html, text } from './helpers.js'
import { ACTOR_DEFS, fixtureArticles, HX_PARTIAL } from './fixtures.js'

/** The fixture corpus with some articles renamed. */
function appWithIds(rename: Record<string, string>) {
  const articles = fixtureArticles().map((a) => ({ ...a, id: rename[a.id] ?? a.id }))
  return createApp(createStore(articles, ACTOR_DEFS))
}

/** "alpha" is "a,b" and "beta" is "c\d" here. */
const app = appWithIds({ alpha: 'a,b', beta: 'c\\d' })
const IDS = ['a,b', 'c\\d']

/** The `ids=` parameters of a URL, as written (not decoded). */
const idsParams = (url: string) =>
  (url.split('?')[1] ?? '')
    .split('#')[0]!
    .split('&')
    .filter((p) => p.startsWith('ids='))
    .join('&')

async function comparedIds(query: string) {
  const res = await app.request(`/api/compare?${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { ids: string[] }).ids
}

describe('ids with a comma or a backslash', () => {
  it('are written one ids parameter each, percent-encoded; other ids stay a comma list', () => {
    expect(compareUrl(IDS)).toBe('/compare?ids=a%2Cb&ids=c%5Cd')
    expect(compareUrl(['c\\d', 'gamma'], 'west')).toBe('/compare?ids=c%5Cd,gamma&actor=west')
    expect(compareUrl(['a,b', 'gamma'], 'west')).toBe('/compare?ids=a%2Cb&ids=gamma&actor=west')
    expect(compareExportUrl('html', IDS)).toBe('/export/compare.html?ids=a%2Cb&ids=c%5Cd')
    expect(exportUrl('actor-tone', 'png', { id: 'a,b', ids: IDS })).toBe(
      '/export/actor-tone.png?id=a%2Cb&ids=a%2Cb&ids=c%5Cd',
    )
  })

  it('are compared side by side', async () => {
    const { doc } = await html(await app.request(compareUrl(IDS)))
    expect(text(doc, '.cmp-head h2')).toEqual(['Moscow and the West', "Pyongyang's friend"])
    const checked = [...doc.querySelectorAll('#compare-form input[name=ids]')].filter((i) =>
      i.hasAttribute('checked'),
    )
    expect(checked.map((i) => i.getAttribute('value'))).toEqual(IDS)
    // What the form sends, and what htmx then pushes to the address bar.
    const res = await app.request('/compare?ids=a%2Cb&ids=c%5Cd&actor=west', {
      headers: HX_PARTIAL,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('hx-push-url')).toBe('/compare?ids=a%2Cb&ids=c%5Cd&actor=west')
  })

  it('round-trip through every link of the comparison page', async () => {
    const { doc } = await html(await app.request(compareUrl(IDS)))
    const urls = [
      ...[...doc.querySelectorAll('[href]')].map((el) => el.getAttribute('href')!),
      ...[...doc.querySelectorAll('[hx-get]')].map((el) => el.getAttribute('hx-get')!),
      ...[...doc.querySelectorAll('[hx-push-url]')].map((el) => el.getAttribute('hx-push-url')!),
      ...[...doc.querySelectorAll('fl-chart[data-links]')].flatMap((el) =>
        (JSON.parse(el.getAttribute('data-links')!) as (string | null)[][]).flat(),
      ),
    ].filter((url): url is string => url !== null && url.includes('ids='))
    // Compare links, cue links, chart bars, chart and comparison downloads: all write the ids so.
    expect(urls.length).toBeGreaterThan(20)
    expect(new Set(urls.map(idsParams))).toEqual(new Set(['ids=a%2Cb&ids=c%5Cd']))
    expect(await comparedIds('ids=a%2Cb&ids=c%5Cd')).toEqual(IDS)
    // A few of them followed: the chosen actor, an open cue, the whole comparison as JSON.
    const actorLink = urls.find((u) => u.startsWith('/compare?') && u.includes('&actor='))!
    const cueLink = urls.find((u) => u.startsWith('/compare?') && u.includes('&article=c%5Cd'))!
    for (const url of [actorLink, cueLink]) {
      const { doc: page } = await html(await app.request(url))
      expect(text(page, '.cmp-head h2')).toEqual(['Moscow and the West', "Pyongyang's friend"])
    }
    const json = await app.request(urls.find((u) => u.startsWith('/export/compare.json?'))!)
    expect(json.status).toBe(200)
    expect(((await json.json()) as { ids: string[] }).ids).toEqual(IDS)
    const articles = [...doc.querySelectorAll('.cmp-head h2 a')].map((a) => a.getAttribute('href'))
    expect(articles).toEqual(['/articles/a%2Cb', '/articles/c%5Cd'])
    for (const url of articles) expect((await app.request(url!)).status).toBe(200)
  })

  it('are one article when the whole value names one, and a list when only its parts do', async () => {
    // A lone value that is one article is one article: too few to compare.
    const lone = await app.request('/api/compare?ids=a%2Cb')
    expect(lone.status).toBe(400)
    expect(await lone.json()).toEqual({
      error: { status: 400, message: 'choose 2 to 5 articles to compare; 1 was given' },
    })
    // An article called "gamma,delta" beside gamma and delta: each link reads back as written.
    const both = appWithIds({ alpha: 'gamma,delta' })
    const ids = async (url: string) => {
      const res = await both.request(url.replace('/compare?', '/api/compare?'))
      expect(res.status).toBe(200)
      return ((await res.json()) as { ids: string[] }).ids
    }
    expect(await ids(compareUrl(['gamma', 'delta']))).toEqual(['gamma', 'delta'])
    expect(await ids(compareUrl(['gamma,delta', 'beta']))).toEqual(['gamma,delta', 'beta'])
    expect(await ids(compareUrl(['gamma,delta', 'gamma']))).toEqual(['gamma,delta', 'gamma'])
  })
})
