/**
 * The data behind each chart, downloaded as CSV and JSON and read back: every number equals what
 * the JSON API gives for the same articles (`/api/compare`, `/api/articles/:id`), all compared
 * articles are in one file, the CSV is RFC 4180 with a header row and cannot run as a spreadsheet
 * formula, and `compare.json` is `/api/compare`'s document with the export's date and maker.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleDetail } from '../../src/analysis/index.js'
import { FRAMES } from '../../src/analysis/lexicons.js'
import { createApp } from '../../src/app.js'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { createStore } from '../../src/corpus-store.js'
import type { ArticleSummary } from '../../src/domain/summary.js'
import type { DataDocument } from '../../src/export/table.js'
import { ACTOR_DEFS, fixtureArticles, fixtureStore } from '../app/fixtures.js'
import { csvNumber, csvRecords, parseCsv } from './helpers.js'

const store = fixtureStore()
const app = createApp(store)
const IDS = ['alpha', 'beta', 'gamma']
const ACTORS = ACTOR_DEFS.map((a) => a.id)

interface ApiCompare {
  ids: string[]
  articles: ArticleSummary[]
}

async function api<T>(path: string): Promise<T> {
  const res = await app.request(path)
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

const compared = () => api<ApiCompare>(`/api/compare?ids=${IDS.join(',')}`)

/** The chart's data both ways, checked to say the same thing, as JSON rows. */
async function download(path: string) {
  const [csvRes, jsonRes] = await Promise.all([
    app.request(`/export/${path.replace('{format}', 'csv')}`),
    app.request(`/export/${path.replace('{format}', 'json')}`),
  ])
  expect(csvRes.status).toBe(200)
  expect(jsonRes.status).toBe(200)
  const csv = await csvRes.text()
  const doc = (await jsonRes.json()) as DataDocument
  // The CSV is the JSON's table: the header is the column labels, each cell the same value.
  const [header, ...rows] = parseCsv(csv)
  expect(header).toEqual(doc.columns.map((c) => c.label))
  expect(rows).toEqual(
    doc.rows.map((row) => doc.columns.map((c) => (row[c.id] === null ? '' : String(row[c.id])))),
  )
  return { csv, doc, records: csvRecords(csv) }
}

describe('charts with one row per article (the overview’s, on a comparison)', () => {
  it('actor-tone-by-article: a tone and a label per actor, null and "absent" for an absent actor', async () => {
    const expected = await compared()
    const { doc, records } = await download(`actor-tone-by-article.{format}?ids=${IDS.join(',')}`)
    expect(doc.chart).toBe('actor-tone-by-article')
    expect(doc.generator).toBe('Framelens')
    expect(doc.articles.map((a) => a.id)).toEqual(IDS)
    expect(doc.rows.map((r) => r.article)).toEqual(IDS)
    expected.articles.forEach((article, i) => {
      for (const actor of ACTORS) {
        const framing = article.actors[actor] ?? null
        expect(doc.rows[i]![`${actor}:tone`]).toBe(framing ? framing.tone : null)
        expect(doc.rows[i]![`${actor}:tone_label`]).toBe(framing ? framing.label : 'absent')
        const label = ACTOR_DEFS.find((a) => a.id === actor)!.label!
        expect(csvNumber(records[i]![`${label}: tone`])).toBe(framing ? framing.tone : null)
      }
    })
    // gamma never names the West: absent, not a tone of 0.
    expect(doc.rows[2]!['west:tone']).toBeNull()
    expect(records[2]!['The West: tone']).toBe('')
  })

  it('mention-share-by-article: share and mentions per actor', async () => {
    const expected = await compared()
    const { doc } = await download(`mention-share-by-article.{format}?ids=${IDS.join(',')}`)
    expected.articles.forEach((article, i) => {
      for (const actor of ACTORS) {
        const framing = article.actors[actor] ?? null
        expect(doc.rows[i]![`${actor}:share`]).toBe(framing ? framing.share : 0)
        expect(doc.rows[i]![`${actor}:mentions`]).toBe(framing ? framing.mentions : 0)
      }
    })
  })

  it('document-tone-by-article: the whole corpus when no ids are given', async () => {
    const all = await api<{ articles: ArticleSummary[] }>('/api/articles')
    const { doc, records } = await download('document-tone-by-article.{format}')
    expect(doc.rows.map((r) => r.article)).toEqual(all.articles.map((a) => a.id))
    all.articles.forEach((article, i) => {
      expect(doc.rows[i]!.tone_per_1000).toBe(article.tone.per1000)
      expect(doc.rows[i]!.words).toBe(article.words)
      expect(csvNumber(records[i]!['Tone per 1,000 words'])).toBe(article.tone.per1000)
      expect(records[i]!['Outlet']).toBe(article.meta.outlet ?? '')
    })
  })

  it('term-hits-by-article: the hits the term explorer counts', async () => {
    const { doc } = await download('term-hits-by-article.{format}?q=sanctions')
    const hits = new Map(
      (await store.searchTerms('sanctions')).results.map((r) => [r.article.id, r.lines.length]),
    )
    expect(doc.query).toBe('sanctions')
    expect(doc.rows.map((r) => [r.article, r.count])).toEqual([...hits])
    expect(hits.get('alpha')).toBe(4)
  })
})

describe('one-article charts: one column per compared article', () => {
  it('actor-tone with ids: every compared article in one file, one row per actor', async () => {
    const expected = await compared()
    const { doc, records } = await download(`actor-tone.{format}?ids=${IDS.join(',')}`)
    expect(doc.rows.map((r) => r.actor)).toEqual(ACTORS)
    ACTORS.forEach((actor, row) => {
      for (const article of expected.articles) {
        const framing = article.actors[actor] ?? null
        expect(doc.rows[row]![`${article.id}:tone`]).toBe(framing ? framing.tone : null)
        const column = `${article.title} (${article.id}): tone`
        expect(csvNumber(records[row]![column])).toBe(framing ? framing.tone : null)
      }
    })
  })

  it('actor-tone with id: the article page’s one column', async () => {
    const { doc } = await download('actor-tone.{format}?id=beta')
    expect(doc.articles.map((a) => a.id)).toEqual(['beta'])
    expect(doc.columns.map((c) => c.id)).toEqual([
      'actor',
      'actor_label',
      'beta:tone',
      'beta:tone_label',
    ])
  })

  it('mentions: mentions and share per article', async () => {
    const expected = await compared()
    const { doc } = await download(`mentions.{format}?id=beta&ids=${IDS.join(',')}`)
    ACTORS.forEach((actor, row) => {
      for (const article of expected.articles) {
        const framing = article.actors[actor] ?? null
        expect(doc.rows[row]![`${article.id}:mentions`]).toBe(framing ? framing.mentions : 0)
        expect(doc.rows[row]![`${article.id}:share`]).toBe(framing ? framing.share : 0)
      }
    })
  })

  it('tone-rates: the rates as the analysis has them (negative words as a positive rate)', async () => {
    const expected = await compared()
    const { doc } = await download(`tone-rates.{format}?ids=${IDS.join(',')}`)
    expect(doc.rows.map((r) => r.measure)).toEqual([
      'positive_per_1000',
      'negative_per_1000',
      'per_1000',
    ])
    for (const article of expected.articles) {
      expect(doc.rows.map((r) => r[`${article.id}:value`])).toEqual([
        article.tone.positivePer1000,
        article.tone.negativePer1000,
        article.tone.per1000,
      ])
    }
  })

  it('sentence-tone: both scores of every sentence, empty past an article’s last sentence', async () => {
    const details = await Promise.all(
      ['alpha', 'beta'].map((id) =>
        api<{ article: ArticleDetail }>(`/api/articles/${id}`).then((r) => r.article),
      ),
    )
    const { doc } = await download('sentence-tone.{format}?ids=alpha,beta')
    const longest = Math.max(...details.map((d) => d.sentenceSpans.length))
    expect(doc.rows).toHaveLength(longest)
    for (const detail of details) {
      doc.rows.forEach((row, i) => {
        const span = detail.sentenceSpans[i]
        expect(row[`${detail.id}:score`]).toBe(span ? span.score : null)
        expect(row[`${detail.id}:sentiment`]).toBe(span ? span.sentimentScore : null)
      })
    }
  })

  it('frame-shares: the whole article’s shares and those of the chosen actor’s clauses', async () => {
    const expected = await compared()
    const { doc } = await download(`frame-shares.{format}?ids=${IDS.join(',')}&actor=west`)
    expect(doc.rows.map((r) => r.frame)).toEqual(FRAMES.map((f) => f.id))
    for (const article of expected.articles) {
      const { frames } = article.framing
      doc.rows.forEach((row, i) => {
        const frame = FRAMES[i]!.id
        expect(row[`${article.id}:article`]).toBe(frames.article[frame]?.share ?? 0)
        const own = frames.byActor['west']
        expect(row[`${article.id}:west`]).toBe(own ? (own.frames[frame]?.share ?? 0) : null)
      })
    }
    expect(doc.columns.some((c) => c.id.endsWith(':russia'))).toBe(false)
  })
})

describe('the full analysis of a comparison', () => {
  it('is /api/compare’s document with the export date and "Framelens"', async () => {
    const expected = await compared()
    const res = await app.request(`/export/compare.json?ids=${IDS.join(',')}`)
    expect(res.status).toBe(200)
    const { exported, generator, ...rest } = (await res.json()) as Record<string, unknown>
    expect(generator).toBe('Framelens')
    expect(Number.isNaN(Date.parse(String(exported)))).toBe(false)
    expect(rest).toEqual(expected)
  })
})

describe('CSV safety', () => {
  const hostile = createStore(
    [
      parseArticleText(
        '---\ntitle: "=HYPERLINK(\\"http://evil.example\\", \\"click\\")"\noutlet: "+Daily, \\"Plus\\""\n---\n\nRussia is brutal.\n',
        'evil.md',
        'md',
      ),
      ...fixtureArticles().slice(0, 1),
    ],
    ACTOR_DEFS,
  )
  const hostileApp = createApp(hostile)

  it('quotes commas and quotes (RFC 4180) and defuses text that a spreadsheet would run', async () => {
    const res = await hostileApp.request('/export/document-tone-by-article.csv?ids=evil,alpha')
    const csv = await res.text()
    expect(csv.endsWith('\r\n')).toBe(true)
    const records = csvRecords(csv)
    expect(records[0]!['Title']).toBe('\'=HYPERLINK("http://evil.example", "click")')
    expect(records[0]!['Outlet']).toBe('\'+Daily, "Plus"')
    // A negative number stays a number: it is data, not a formula.
    const tone = records[0]!['Tone per 1,000 words']!
    expect(tone.startsWith('-')).toBe(true)
    expect(Number.isFinite(Number(tone))).toBe(true)
  })

  it('keeps the JSON as it is: escaping is the CSV’s business', async () => {
    const res = await hostileApp.request('/export/document-tone-by-article.json?ids=evil,alpha')
    const doc = (await res.json()) as DataDocument
    expect(doc.rows[0]!.title).toBe('=HYPERLINK("http://evil.example", "click")')
  })
})
