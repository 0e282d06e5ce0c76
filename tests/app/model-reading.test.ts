/**
 * The learned second reading on the pages and in the JSON: beside the lexicon label in the
 * article page's and the comparison's actor tables, with its contributions in plain words, a
 * note exactly where the two readings disagree, and escaped like every other text. Expected
 * readings come from a separate Analyzer over the same inputs, never typed in.
 */
import { describe, expect, it } from 'vitest'
import type { ActorFraming } from '../../src/analysis/index.js'
import { createApp } from '../../src/app.js'
import {
  contributionText,
  disagreement,
  ModelReadingCell,
} from '../../views/components/model-reading.js'
import { ACTOR_DEFS, expectedDetails, fixtureStore } from './fixtures.js'
import { html, parseHtml } from './helpers.js'

const store = fixtureStore()
const app = createApp(store)
const expected = new Map(expectedDetails().map((d) => [d.id, d]))
/** Text content with runs of spaces and line breaks (not no-break spaces) made one space. */
const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim()

describe('the article page', () => {
  it('shows the learned reading of each present actor beside its lexicon label', async () => {
    const { doc } = await html(await app.request('/articles/alpha'))
    const heads = [...doc.querySelectorAll('.actors-table thead th')].map((th) => text(th))
    expect(heads.slice(0, 3)).toEqual([
      'Actor',
      'Kind or harsh words (technical name: tone (mean clause score))',
      'Second opinion (trained model) (technical name: learned reading (a model trained on NewsMTSC))',
    ])
    const rows = [...doc.querySelectorAll('.actors-table tbody tr')]
    expect(rows).toHaveLength(ACTOR_DEFS.length)
    let shown = 0
    ACTOR_DEFS.forEach((def, i) => {
      const f = expected.get('alpha')!.actors[def.id]
      const cell = rows[i]!.querySelectorAll('td')[1]!
      if (!f?.model) {
        expect(cell.querySelector('.model-reading')).toBeNull()
        return
      }
      shown++
      expect(text(cell.querySelector('.model-reading .tone-label'))).toBe(f.model.label)
      const items = [...cell.querySelectorAll('details.model-how li')].map((li) => text(li))
      expect(items).toEqual(f.model.contributions.map((c) => contributionText(f.model!, c)))
      expect(items.length).toBeGreaterThan(0)
      const note = cell.querySelector('.model-disagree')
      if (f.model.label === f.label) expect(note).toBeNull()
      else expect(text(note)).toBe(disagreement(f))
    })
    expect(shown).toBe(2) // alpha names Russia and the West, not North Korea
  })

  it('puts the learned reading in the article JSON beside the label', async () => {
    const res = await app.request('/api/articles/alpha')
    const body = (await res.json()) as { article: { actors: Record<string, ActorFraming | null> } }
    const russia = body.article.actors.russia!
    expect(russia.label).toBe(expected.get('alpha')!.actors.russia!.label)
    expect(russia.model).toEqual(expected.get('alpha')!.actors.russia!.model)
    const p = russia.model!.probabilities
    expect(p.negative + p.neutral + p.positive).toBeCloseTo(1, 2)
  })
})

describe('POST /api/analyze', () => {
  it('answers with the learned reading beside each present actor’s label', async () => {
    const res = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        articles: [
          { id: 'one', text: 'Russia made a wonderful offer. The West was not impressed.' },
        ],
      }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      articles: { actors: Record<string, ActorFraming | null> }[]
    }
    const { russia, west } = body.articles[0]!.actors
    for (const f of [russia!, west!]) {
      expect(Object.keys(f.model!)).toEqual(['label', 'probabilities', 'contributions'])
      expect(['negative', 'neutral', 'positive']).toContain(f.model!.label)
      expect(f.model!.contributions.length).toBeGreaterThan(0)
    }
    expect(body.articles[0]!.actors['north-korea']).toBeNull()
  })
})

describe('the comparison', () => {
  it('shows the learned reading in each column’s actor rows', async () => {
    const { doc } = await html(await app.request('/compare?ids=alpha,beta'))
    const tables = [...doc.querySelectorAll('table.cmp-actors')]
    expect(tables).toHaveLength(2)
    ;['alpha', 'beta'].forEach((id, t) => {
      const labels = [...tables[t]!.querySelectorAll('tbody tr')].map((tr) =>
        text(tr.querySelectorAll('td')[1]!.querySelector('.model-reading .tone-label')),
      )
      expect(labels).toEqual(
        ACTOR_DEFS.map((def) => expected.get(id)!.actors[def.id]?.model?.label ?? ''),
      )
    })
  })
})

describe('ModelReadingCell', () => {
  const framing = (model: ActorFraming['model']): ActorFraming => ({
    mentions: 1,
    share: 100,
    inTitle: false,
    inLead: true,
    firstMention: 0,
    tone: 0,
    score: 0,
    quotedScore: -2,
    toneWithQuotes: -2,
    labelWithQuotes: 'negative',
    label: 'neutral',
    ...(model && { model }),
    evidence: [],
  })
  const render = async (f: ActorFraming | null) =>
    parseHtml(String(await ModelReadingCell({ framing: f, actorLabel: 'Russia <&>' })))

  it('notes a disagreement, and says when counting quotes would settle it', async () => {
    const doc = await render(
      framing({
        label: 'negative',
        probabilities: { negative: 0.7, neutral: 0.2, positive: 0.1 },
        contributions: [
          { feature: 'word:criticized', value: 1.234 },
          { feature: 'role:target', value: -0.5 },
        ],
      }),
    )
    expect(text(doc.querySelector('.tone-label'))).toBe('negative')
    expect(text(doc.querySelector('.model-reading > .muted'))).toBe('70.0\u00a0% probability')
    expect([...doc.querySelectorAll('li')].map((li) => text(li))).toEqual([
      '“criticized” near the name: toward negative (+1.23)',
      'named as a target (after “against”, “to”, “with” …): away from negative (\u22120.50)',
    ])
    expect(text(doc.querySelector('.model-disagree'))).toBe(
      'The two methods disagree, so take this tone with care: the trained model (learned reading) ' +
        'reads negative where the word list (lexicon label) reads neutral. ' +
        'Counting quoted words too, as the model does, the word list reads it the same.',
    )
  })

  it('says nothing more where the readings agree, and shows a dash without a reading', async () => {
    const agree = await render(
      framing({
        label: 'neutral',
        probabilities: { negative: 0.2, neutral: 0.6, positive: 0.2 },
        contributions: [],
      }),
    )
    expect(agree.querySelector('.model-disagree')).toBeNull()
    expect(text((await render(framing(undefined))).body)).toBe('—')
    expect(text((await render(null)).body)).toBe('—')
  })

  it('escapes feature names and actor labels', async () => {
    const raw = String(
      await ModelReadingCell({
        framing: framing({
          label: 'negative',
          probabilities: { negative: 0.9, neutral: 0.05, positive: 0.05 },
          contributions: [{ feature: 'word:<script>alert(1)</script>', value: 1 }],
        }),
        actorLabel: 'Russia <&>',
      }),
    )
    expect(raw).not.toContain('<script>')
    expect(raw).toContain('&lt;script&gt;')
    expect(raw).toContain('Russia &lt;&amp;&gt;')
  })
})
