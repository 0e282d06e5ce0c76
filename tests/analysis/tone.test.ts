import Sentiment from 'sentiment'
import { describe, expect, it } from 'vitest'
import { sentimentPackageScore } from '../../src/analysis/index.js'
import { analyse, scores } from './helpers.js'

describe('scored words', () => {
  it('carry offsets that slice back to the word as published (curly quotes and all)', () => {
    const text = 'It was a “good” plan and a bad idea.'
    const d = analyse(text)
    expect(d.scoredWords.map((w) => text.slice(w.start, w.end))).toEqual(['good', 'bad'])
    expect(d.scoredWords.map((w) => w.source)).toEqual(['afinn', 'afinn'])
  })

  it('name the source: AFINN-165 or the news additions', () => {
    expect(
      analyse('The despot lied.').scoredWords.map((w) => `${w.text}:${w.base}:${w.source}`),
    ).toEqual(['despot:-3:news', 'lied:-2:afinn'])
  })

  it('match lexicon phrases as units; a 0-valued phrase stops its words scoring', () => {
    // "kind" alone is +2 in AFINN; "kind of" is not praise.
    expect(scores(analyse('What kind of a deal is this?'))).toEqual([])
    // "does not work" is one AFINN phrase (-3): its "not" negates nothing.
    expect(scores(analyse('The plan does not work.'))).toEqual(['does not work:-3'])
  })
})

describe('negation', () => {
  it('flips and damps a word within the scope, not only the next one', () => {
    // sentiment alone scores "not a good idea" +3: its negator must be the very previous word
    expect(sentimentPackageScore('It is not a good idea.')).toBe(3)
    expect(scores(analyse('It is not a good idea.'))).toEqual(['good:-2.22(neg)'])
  })

  it('ends at punctuation', () => {
    expect(scores(analyse('Not now, it is good.'))).toEqual(['good:3'])
  })

  it('reaches at most four words', () => {
    // in scope, a negative word is damped to 0 (NEGATED_NEGATIVE_FACTOR); out of scope it counts
    expect(scores(analyse('They did not know it was bad.'))).toEqual(['bad:0(neg)'])
    expect(scores(analyse('They did not know that it was bad.'))).toEqual(['bad:-3'])
  })

  it('counts n\'t, never and without as negators but not "not only"', () => {
    // a negated positive flips (× -0.74); a negated negative is damped to 0, not made praise
    expect(scores(analyse("That isn't good. He never lied. It ended without damage."))).toEqual([
      'good:-2.22(neg)',
      'lied:0(neg)',
      'damage:0(neg)',
    ])
    expect(scores(analyse('It is not only good.'))).toEqual(['good:3'])
  })

  it('records the negator span', () => {
    const text = 'It is not great.'
    const w = analyse(text).scoredWords[0]!
    expect(text.slice(w.negator!.start, w.negator!.end)).toBe('not')
  })
})

describe('contrast and quotes', () => {
  it('weighs the clause after "but" more than the one before', () => {
    expect(scores(analyse('The plan is good, but the result is bad.'))).toEqual([
      'good:1.5',
      'bad:-4.5',
    ])
  })

  it('counts a word in scare quotes as 0 and marks quoted speech', () => {
    const d = analyse(
      'Nobody is really "winning" there. He said "this is a great victory for all."',
    )
    expect(d.scoredWords.map((w) => `${w.text}:${w.value}:${w.quoted}`)).toEqual([
      'winning:0:scare',
      'great:3:direct',
      'victory:3:direct',
    ])
  })
})

describe('document tone', () => {
  it('reports score, rates per 1,000 words and polarity', () => {
    // 10 words; good +3, bad -3, lied -2
    const d = analyse('Good news and bad news: the envoy lied to us.')
    expect(d.words).toBe(10)
    expect(d.tone).toEqual({
      score: -2,
      per1000: -200,
      positivePer1000: 100,
      negativePer1000: 200,
      polarity: 30,
      positiveWords: 1,
      negativeWords: 2,
    })
  })

  it('agrees with the sentiment package where neither negation, phrase nor contrast applies', () => {
    const s = 'Good people face bad news and terrible choices.'
    const d = analyse(s)
    expect(d.sentenceSpans[0]!.score).toBe(sentimentPackageScore(s))
    expect(d.sentenceSpans[0]!.sentimentScore).toBe(-3) // good 3, bad -3, terrible -3
  })

  it('never touches the shared English labels of the sentiment package', () => {
    analyse('The dictator lied.')
    // "dictator" is only in our news lexicon: a fresh English analysis must not know it
    expect(new Sentiment().analyze('dictator').score).toBe(0)
  })
})
