import { describe, expect, it } from 'vitest'
import { normalizeText, tokenize } from '../../src/analysis/index.js'

describe('normalizeText', () => {
  it('straightens quotes and unifies dashes without changing any offset', () => {
    const raw = 'Kim’s “sacred war” – and a ‘deal’'
    const norm = normalizeText(raw)
    expect(norm).toBe("Kim's \"sacred war\" \u2014 and a 'deal'")
    expect(norm.length).toBe(raw.length)
  })
})

describe('tokenize', () => {
  it('keeps dotted abbreviations, possessives and numbers whole, and splits hyphens', () => {
    const toks = tokenize("The U.S. and Russia's $33.5 billion Jong-un")
    expect(toks.map((t) => `${t.text}/${t.kind}`)).toEqual([
      'The/word',
      'U.S./word',
      'and/word',
      "Russia's/word",
      '$/punct',
      '33.5/number',
      'billion/word',
      'Jong/word',
      '-/punct',
      'un/word',
    ])
  })

  it('gives offsets that slice back to each token', () => {
    const text = 'Putin 🇷🇺 met Kim.'
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text)
    // the flag is two surrogate pairs; each pair stays one token
    expect(
      tokenize(text)
        .filter((t) => t.kind === 'punct')
        .map((t) => t.text.length),
    ).toEqual([2, 2, 1])
  })
})
