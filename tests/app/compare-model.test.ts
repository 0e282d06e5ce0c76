/**
 * The comparison's view model (src/view-models/compare.ts) is what the Compare page, `/api/compare`,
 * the JSON and chart exports and the snapshot all show. These tests hold them to it: the JSON
 * documents are the model's document, a column chart exported on its own is the one the page
 * draws, and choosing another actor changes only what depends on the actor.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { compareScales, frameShareRange } from '../../src/charts/index.js'
import { EXPORT_CHARTS, resolveSelection } from '../../src/export/charts.js'
import {
  COLUMN_CHARTS,
  EVIDENCE_GROUPS,
  compareModel,
  comparison,
  comparisonDocument,
  type ColumnChartName,
} from '../../src/view-models/compare.js'
import { fixtureStore } from './fixtures.js'
import { charts, html } from './helpers.js'

const store = fixtureStore()
const app = createApp(store)
const ids = ['alpha', 'beta', 'gamma']
const articles = ids.map((id) => store.get(id)!)
const [russia, northKorea] = store.actors

describe('comparison', () => {
  const compared = comparison(store, articles)

  it('shares one set of axis ranges over every article and actor', () => {
    expect(compared.scales).toEqual(
      compareScales(
        articles.map((a) => a.detail),
        store.actors,
      ),
    )
    for (const column of compared.columns) {
      const tone = column.charts['actor-tone'].config.options?.scales?.['y']
      expect(tone).toMatchObject(compared.scales.tone)
    }
  })

  it('is the document /api/compare answers and the JSON export carries', async () => {
    const document = JSON.parse(JSON.stringify(comparisonDocument(compared)))
    const api = await app.request(`/api/compare?ids=${ids.join(',')}`)
    expect(await api.json()).toEqual(document)
    const exported = await app.request(`/export/compare.json?ids=${ids.join(',')}`)
    const { generator, exported: when, ...rest } = JSON.parse(await exported.text())
    expect(generator).toBe('Framelens')
    expect(new Date(when).toISOString()).toBe(when)
    expect(rest).toEqual(document)
  })
})

describe('compareModel', () => {
  const compared = comparison(store, articles)

  it('draws each column chart as its export does, on the same shared range', async () => {
    const model = compareModel(compared, northKorea!)
    const names: ColumnChartName[] = ['actor-tone', 'mentions', 'tone-rates']
    for (const column of model.columns) {
      const query = { ids, id: column.article.id, actor: northKorea!.id }
      for (const name of [...names, 'frame-shares' as const]) {
        const chart = EXPORT_CHARTS.get(name)!
        const exported = chart.spec(store, await resolveSelection(store, chart, query, 'png'))
        const drawn = name === 'frame-shares' ? column.frames : column.charts[name]
        expect(exported, `${name} of ${column.article.id}`).toEqual(drawn)
      }
    }
  })

  it('puts the frames of every column on one range that holds the chosen actor', () => {
    const model = compareModel(compared, northKorea!)
    expect(model.frameRange).toEqual(
      frameShareRange(
        articles.map((a) => a.detail),
        [northKorea!],
      ),
    )
    expect(
      COLUMN_CHARTS['frame-shares'](articles[0]!.detail, {
        actors: store.actors,
        frameActors: [northKorea!],
        frameRange: model.frameRange,
      }),
    ).toEqual(model.columns[0]!.frames)
  })

  it('changes only what depends on the actor: shared charts are the same objects', () => {
    const first = compareModel(compared, russia!)
    const second = compareModel(compared, northKorea!)
    expect(first.actorIsDefault).toBe(true)
    expect(second.actorIsDefault).toBe(false)
    expect(second.scales).toBe(first.scales)
    expect(second.distinctive).toBe(first.distinctive)
    for (const [i, column] of second.columns.entries()) {
      expect(column.charts).toBe(first.columns[i]!.charts)
    }
  })

  it('groups the chosen actor’s evidence by sign, every clause in one group', () => {
    const model = compareModel(compared, russia!)
    expect(EVIDENCE_GROUPS.map((g) => g.key)).toEqual(['negative', 'positive', 'zero'])
    for (const column of model.columns) {
      const evidence = column.framing?.evidence ?? []
      const { negative, positive, zero } = column.evidence
      expect(negative.every((e) => e.score < 0)).toBe(true)
      expect(positive.every((e) => e.score > 0)).toBe(true)
      expect(zero.every((e) => e.score === 0)).toBe(true)
      expect(negative.length + positive.length + zero.length).toBe(evidence.length)
    }
  })

  it('gives the page its charts: the page embeds the model’s specs', async () => {
    const model = compareModel(compared, northKorea!)
    const { doc } = await html(
      await app.request(`/compare?ids=${ids.join(',')}&actor=${northKorea!.id}`),
    )
    const embedded = charts(doc)
    for (const column of model.columns) {
      for (const spec of [...Object.values(column.charts), column.frames]) {
        const chart = embedded.find((c) => c.id === `chart-${spec.id}-${column.article.id}`)
        expect(chart?.config, `${spec.id} of ${column.article.id}`).toEqual(
          JSON.parse(JSON.stringify(spec.config)),
        )
      }
    }
  })
})
