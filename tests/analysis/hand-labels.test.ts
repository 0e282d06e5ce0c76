import { describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../src/corpus/load-corpus.js'
import { HAND_LABELS } from '../fixtures/hand-labels.js'
import { defaultAnalyzer } from './helpers.js'

const details = defaultAnalyzer.analyzeCorpus(await loadCorpusDir())
const byId = new Map(details.map((d) => [d.id, d]))

describe('the engine against a careful reader on the bundled corpus', () => {
  it('has a hand label for every article and default actor', () => {
    expect(HAND_LABELS.length).toBe(details.length * 3)
    for (const d of details)
      for (const actor of ['russia', 'north-korea', 'west'])
        expect(HAND_LABELS.some((h) => h.article === d.id && h.actor === actor)).toBe(true)
  })

  it('agrees in 14 of 15 cases', () => {
    expect(HAND_LABELS.filter((h) => h.engineAgrees).length).toBe(14)
  })

  for (const h of HAND_LABELS) {
    it(`${h.article} / ${h.actor}: reader says ${h.label}${h.engineAgrees ? '' : ' (known miss)'}`, () => {
      const framing = byId.get(h.article)?.actors[h.actor]
      expect(framing).not.toBeNull()
      if (h.engineAgrees) expect(framing!.label).toBe(h.label)
      else expect(framing!.label).not.toBe(h.label)
    })
  }
})
