/**
 * The PTC measures of scripts/eval/ptc.ts on hand-made articles: code point offsets turned into
 * UTF-16 indices, and hit precision, gold-span recall and article F1 counted exactly.
 */
import { describe, expect, it } from 'vitest'
import type { CueHit } from '../../src/analysis/index.js'
import {
  codePointToUtf16,
  metrics,
  tally,
  type GoldSpan,
  type PtcArticle,
} from '../../scripts/eval/ptc.js'

const hit = (category: string, start: number, end: number): CueHit => ({
  category,
  start,
  end,
  cue: '',
  text: '',
  clause: 0,
  sentence: 0,
  negated: false,
})
const gold = (technique: string, start: number, end: number): GoldSpan => ({
  technique,
  start,
  end,
})
const article = (id: string, hits: CueHit[], spans: GoldSpan[]): PtcArticle => ({
  id,
  text: '',
  gold: spans,
  hits,
  words: [],
})

describe('PTC offsets', () => {
  it('turns code point offsets into UTF-16 indices', () => {
    // "🇺🇸" is two code points of two code units each.
    const at = codePointToUtf16('🇺🇸 our nation')
    expect(at[0]).toBe(0)
    expect(at[1]).toBe(2)
    expect(at[3]).toBe(5) // "o" of "our": code point 3, code unit 5
    expect('🇺🇸 our nation'.slice(at[3], at[13])).toBe('our nation')
  })
})

describe('PTC measures', () => {
  const articles = [
    article(
      'a',
      [hit('loaded-words', 0, 5), hit('loaded-words', 20, 25), hit('doubt', 40, 45)],
      [gold('Loaded_Language', 3, 10), gold('Loaded_Language', 50, 60), gold('Doubt', 70, 80)],
    ),
    article('b', [hit('loaded-words', 0, 5)], [gold('Name_Calling,Labeling', 0, 5)]),
    article('c', [], [gold('Loaded_Language', 0, 5)]),
  ]

  it('counts a hit right only on a span of its own technique', () => {
    // a: 1 of 2 loaded hits on a Loaded_Language span; b: the hit lies on a Name_Calling span.
    expect(metrics(tally(articles, ['loaded-words']))).toEqual({
      hits: 3,
      hitPrecision: (100 * 1) / 3,
      goldSpans: 3,
      spanRecall: (100 * 1) / 3,
      // articles: a flagged and present, b flagged only, c present only: P 1/2, R 1/2
      articleF1: 50,
    })
  })

  it('counts each gold span once over several categories', () => {
    const t = tally(articles, ['loaded-words', 'doubt'])
    expect(t).toMatchObject({ hits: 4, correct: 1, goldSpans: 4, found: 1 })
    // Article level, per article and category: a/loaded-words and a/doubt are true positives
    // (a doubt hit in an article with a Doubt span, though not on it), b/loaded-words a false
    // positive, c/loaded-words a false negative.
    expect([t.articlesTp, t.articlesFp, t.articlesFn]).toEqual([2, 1, 1])
  })
})
