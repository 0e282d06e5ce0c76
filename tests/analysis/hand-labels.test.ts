/**
 * The engine against a careful reader on the bundled corpus: every hand-labelled actor cell
 * asserts the engine's exact label, the reader's where they agree and the recorded wrong label
 * of a known miss (tests/fixtures/hand-labels.ts), so any change of behaviour fails a test.
 */
import { describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../src/corpus/load-corpus.js'
import { HAND_LABELS } from '../fixtures/hand-labels.js'
import { defaultAnalyzer } from './helpers.js'

const details = defaultAnalyzer.analyzeCorpus(await loadCorpusDir())
const byId = new Map(details.map((d) => [d.id, d]))
const labelOf = (article: string, actor: string) => byId.get(article)?.actors[actor]?.label

describe('the engine against a careful reader on the bundled corpus', () => {
  it('has one hand label, with its reason, for every article and default actor', () => {
    expect(HAND_LABELS.length).toBe(details.length * 3)
    for (const d of details)
      for (const actor of ['russia', 'north-korea', 'west'])
        expect(HAND_LABELS.filter((h) => h.article === d.id && h.actor === actor)).toHaveLength(1)
    for (const h of HAND_LABELS) {
      expect(h.why.length).toBeGreaterThan(20)
      if (h.miss) {
        expect(h.miss.engine).not.toBe(h.label)
        expect(h.miss.why.length).toBeGreaterThan(20)
      }
    }
  })

  for (const h of HAND_LABELS.filter((h) => !h.miss)) {
    it(`${h.article} / ${h.actor}: reader and engine say ${h.label}`, () => {
      expect(labelOf(h.article, h.actor)).toBe(h.label)
    })
  }

  for (const h of HAND_LABELS.filter((h) => h.miss)) {
    it(`${h.article} / ${h.actor}: known miss, reader says ${h.label}, engine ${h.miss!.engine}`, () => {
      expect(labelOf(h.article, h.actor)).toBe(h.miss!.engine)
    })
  }

  it('agrees with the reader in as many cells as the fixture records', () => {
    const agree = HAND_LABELS.filter((h) => labelOf(h.article, h.actor) === h.label).length
    expect(agree).toBe(HAND_LABELS.filter((h) => !h.miss).length)
  })
})
