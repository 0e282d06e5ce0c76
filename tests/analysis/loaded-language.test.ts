/**
 * Loaded-language cues after their measurement on PTC-dev: exact hits (category, text, UTF-16
 * offsets) on hand-made sentences, and the lexicon file's own bookkeeping (each category names
 * its PTC techniques, pruned cues are gone, no cue sits in two categories).
 */
import { describe, expect, it } from 'vitest'
import loadedFile from '../../data/lexicons/loaded-language.json' with { type: 'json' }
import { LOADED_CATEGORIES } from '../../src/analysis/lexicons.js'
import { analyse } from './helpers.js'

/** `category:text@start-end` for each loaded-language hit, in text order. */
const hits = (text: string) =>
  analyse(text).framing.loaded.hits.map((h) => `${h.category}:${h.text}@${h.start}-${h.end}`)

/** The 14 technique labels of the Propaganda Techniques Corpus, as its labels file writes them. */
const PTC_TECHNIQUES = [
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Exaggeration,Minimisation',
  'Doubt',
  'Appeal_to_fear-prejudice',
  'Flag-Waving',
  'Causal_Oversimplification',
  'Slogans',
  'Appeal_to_Authority',
  'Black-and-White_Fallacy',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
  'Bandwagon,Reductio_ad_hitlerum',
]

describe('loaded-language hits', () => {
  it('no longer flags reporting words that PTC annotators rarely mark (claims, alleged, threat)', () => {
    expect(
      hits(
        'Russia claims the drone was shot down; the alleged attack was a threat, officials said.',
      ),
    ).toEqual([])
    expect(hits('The so-called summit was a massive show by the dictator.')).toEqual([
      'name-calling:dictator@47-55',
    ])
  })

  it('flags appeals to the nation as flag-waving', () => {
    expect(hits('The American people deserve better, and our great nation will not bow.')).toEqual([
      'flag-waving:The American people@0-19',
      'flag-waving:our great nation@40-56',
    ])
  })

  it('flags slogans, an acronym only in capitals', () => {
    expect(
      hits('Crowds chanted "Lock her up" and "Build the wall" before the MAGA rally.'),
    ).toEqual(['slogans:Lock her up@16-27', 'slogans:Build the wall@34-48', 'slogans:MAGA@61-65'])
    expect(hits('He wore a maga hat.')).toEqual([])
  })

  it('counts words that judge rather than magnify as loaded words, not exaggeration', () => {
    expect(hits('It was a ridiculous and absurd plan, completely unprecedented.')).toEqual([
      'loaded-words:ridiculous@9-19',
      'loaded-words:absurd@24-30',
    ])
  })

  it('flags likening to the Nazis or Stalin as reductio ad Hitlerum', () => {
    expect(hits('He called the police a Gestapo, a Stalinist tactic.')).toEqual([
      'reductio-ad-hitlerum:Gestapo@23-30',
      'reductio-ad-hitlerum:Stalinist@34-43',
    ])
  })

  it('flags political labels as name-calling, the longest phrase first', () => {
    expect(hits('The leftist press ran a witch hunt against the deep state.')).toEqual([
      'name-calling:leftist@4-11',
      'name-calling:witch hunt@24-34',
      'name-calling:deep state@47-57',
    ])
  })

  it('gives offsets in UTF-16 code units, after characters outside the BMP', () => {
    // Each regional indicator of the flag is two code units: "The" starts at 5, not 3.
    expect(hits('🇺🇸 The American people')).toEqual(['flag-waving:The American people@5-24'])
  })
})

describe('the loaded-language lexicon file', () => {
  it('maps every category to techniques of the Propaganda Techniques Corpus, with a source', () => {
    for (const c of LOADED_CATEGORIES) {
      expect(c.techniques.length, c.id).toBeGreaterThan(0)
      for (const t of c.techniques) expect(PTC_TECHNIQUES, `${c.id}: ${t}`).toContain(t)
      expect(c.source.length, c.id).toBeGreaterThan(20)
    }
  })

  it('lists each cue in one category only, and no pruned cue among the cues', () => {
    const seen = new Map<string, string>()
    for (const c of LOADED_CATEGORIES)
      for (const cue of c.cues) {
        const key = cue.toLowerCase().replace(/[-\s]+/g, ' ')
        expect(seen.get(key), `${cue} in ${c.id}`).toBeUndefined()
        seen.set(key, c.id)
      }
    for (const c of loadedFile.categories)
      for (const p of c.pruned) {
        expect(seen.has(p.cue.toLowerCase().replace(/[-\s]+/g, ' ')), p.cue).toBe(false)
        // The pruning rule: at least 3 hits, right less than one time in three.
        expect(p.hits, p.cue).toBeGreaterThanOrEqual(3)
        expect(p.onTechnique / p.hits, p.cue).toBeLessThan(1 / 3)
      }
  })
})
