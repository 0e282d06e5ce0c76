/**
 * The reliability notes' numbers (src/domain/reliability.ts): exact values on small hand-made
 * details, then one article through the engine, whose sarcasm marker and word list values the
 * lexicons give.
 */
import { describe, expect, it } from 'vitest'
import type { CueHit, ScoredWord } from '../../src/analysis/index.js'
import {
  reliability,
  SHORT_ARTICLE_WORDS,
  type ReliabilityInput,
} from '../../src/domain/reliability.js'
import { analyse } from '../analysis/helpers.js'

const word = (text: string, value: number): ScoredWord => ({
  text,
  start: 0,
  end: text.length,
  base: value,
  source: 'afinn',
  negated: false,
  weight: 1,
  quoted: null,
  value,
  clause: 0,
})

const hit = (category: string, text: string): CueHit => ({
  category,
  cue: text.toLowerCase(),
  text,
  start: 0,
  end: text.length,
  clause: 0,
  sentence: 0,
  negated: false,
})

const input = (
  words: number,
  scored: ScoredWord[],
  hits: CueHit[] = [],
  text = '',
  title = '',
): ReliabilityInput => ({
  title,
  text,
  words,
  scoredWords: scored,
  framing: { loaded: { hits } },
})

describe('reliability', () => {
  it('counts each word of a tone phrase, scare-quoted (value 0) ones too', () => {
    // "good" 1 word, "does not work" 3 words, "won't" 1 word, a scare-quoted "winning" 1 word.
    const r = reliability(
      input(40, [
        word('good', 3),
        word('does not work', -2),
        word("won't", -1),
        word('winning', 0),
      ]),
    )
    expect(r.toneWords).toBe(6)
    expect(r.toneWordShare).toBe(15)
    expect(r.words).toBe(40)
  })

  it('rounds the share to one decimal and gives 0 for an empty article', () => {
    expect(reliability(input(3, [word('good', 3)])).toneWordShare).toBe(33.3)
    expect(reliability(input(0, [])).toneWordShare).toBe(0)
  })

  it('calls an article short under SHORT_ARTICLE_WORDS words, not at it', () => {
    expect(SHORT_ARTICLE_WORDS).toBe(150)
    expect(reliability(input(149, [])).short).toBe(true)
    expect(reliability(input(150, [])).short).toBe(false)
  })

  it('lists each ridicule and sarcasm marker once, in text order, and no other category', () => {
    const r = reliability(
      input(
        200,
        [],
        [
          hit('ridicule-sarcasm', 'Oh, good'),
          hit('name-calling', 'dictator'),
          hit('ridicule-sarcasm', 'laughable'),
          hit('ridicule-sarcasm', 'Oh, good'),
        ],
      ),
    )
    expect(r.sarcasm).toEqual(['Oh, good', 'laughable'])
    expect(reliability(input(200, [], [hit('doubt', 'dubious')])).sarcasm).toEqual([])
  })

  it('finds the punctuated markers the engine’s phrase matcher misses, title first', () => {
    const r = reliability(
      input(
        20,
        [],
        [hit('ridicule-sarcasm', 'laughable')],
        'It is laughable. Oh,  great.',
        'Oh, good',
      ),
    )
    expect(r.sarcasm).toEqual(['Oh, good', 'laughable', 'Oh,  great'])
    // a word that only begins like a marker is none
    expect(reliability(input(20, [], [], 'Oh, goodness me.')).sarcasm).toEqual([])
  })

  it('reads an analysed article: the sarcasm markers and the words with a tone value', () => {
    const detail = analyse('Oh, good. Putin and Kim signed a deal. The plan is laughable.')
    const r = reliability(detail)
    expect(r.sarcasm).toEqual(['Oh, good', 'laughable'])
    expect(r.words).toBe(detail.words)
    expect(r.short).toBe(true)
    // The engine's scored words, each counted by its words: the same count by hand.
    const byHand = detail.scoredWords.reduce((n, w) => n + w.text.split(/\s+/).length, 0)
    expect(r.toneWords).toBe(byHand)
    expect(r.toneWords).toBeGreaterThan(0)
  })
})
