/**
 * Chart configurations: plain JSON (they travel in an HTML attribute and into exports), one
 * colour per actor everywhere, absent actors as missing bars (never 0), and axis ranges that hold
 * every value and are shared where charts are compared.
 */
import { describe, expect, it } from 'vitest'
import { Analyzer, toneLabel, type Actor, type ArticleAnalysis } from '../../src/analysis/index.js'
import {
  actorToneByArticle,
  actorToneInArticle,
  compareScales,
  documentToneByArticle,
  mentionShareByArticle,
  mentionsInArticle,
  niceCeil,
  symmetricRange,
  tickStep,
  toneRatesInArticle,
  wrapLabel,
  zeroToMax,
  type ChartSpec,
} from '../../src/charts/index.js'

const actors: Actor[] = [
  { id: 'russia', label: 'Russia', colour: '#c0392b', aliases: ['Russia'], exclude: [] },
  { id: 'west', label: 'The West', colour: '#1e8449', aliases: ['West'], exclude: [] },
]

const framing = (tone: number, mentions: number, share: number) => ({
  mentions,
  share,
  inTitle: false,
  inLead: true,
  firstMention: 0,
  tone,
  score: tone * mentions,
  quotedScore: 0,
  toneWithQuotes: tone,
  label: toneLabel(tone),
  labelWithQuotes: toneLabel(tone),
  evidence: [],
})
/** The framing measures of a text with no cues: these charts do not read them. */
const noFraming = new Analyzer(actors).analyze({ id: 'e', text: 'Nothing here.' }).detail.framing

const tone = (per1000: number, positivePer1000: number, negativePer1000: number) => ({
  score: per1000 / 10,
  per1000,
  positivePer1000,
  negativePer1000,
  polarity: 5,
  positiveWords: 1,
  negativeWords: 1,
})

const a: ArticleAnalysis = {
  id: 'a',
  title: 'A headline long enough to need wrapping on a chart axis',
  words: 100,
  sentences: 5,
  tone: tone(-20, 10, 30),
  actors: { russia: framing(-1.2, 6, 75), west: framing(0.4, 2, 25) },
  keywords: { top: [], distinctive: [] },
  framing: noFraming,
}
const b: ArticleAnalysis = {
  ...a,
  id: 'b',
  title: 'B',
  tone: tone(35, 50, 15),
  actors: { russia: framing(0.3, 3, 100), west: null },
}

const all = (): ChartSpec[] => [
  actorToneByArticle([a, b], actors),
  mentionShareByArticle([a, b], actors),
  documentToneByArticle([a, b]),
  actorToneInArticle(b, actors),
  mentionsInArticle(b, actors),
  toneRatesInArticle(a),
]

describe('chart configs', () => {
  it('are plain JSON: serialising loses nothing (no functions, no undefined)', () => {
    for (const spec of all()) expect(JSON.parse(JSON.stringify(spec.config))).toEqual(spec.config)
  })

  it('fill their box instead of keeping an aspect ratio, and draw without animation', () => {
    for (const spec of all()) {
      expect(spec.config.options).toMatchObject({
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
      })
    }
  })

  it('say how they are computed and where the methods page explains it', () => {
    for (const spec of all()) {
      expect(spec.howComputed.length).toBeGreaterThan(20)
      expect(spec.methods).toMatch(/^[a-z-]+$/)
    }
  })

  it('colour each actor with its own colour in every chart', () => {
    const grouped = actorToneByArticle([a, b], actors).config.data.datasets
    expect(grouped.map((d) => d.borderColor)).toEqual(['#c0392b', '#1e8449'])
    expect(grouped.map((d) => d.backgroundColor)).toEqual(['#c0392bcc', '#1e8449cc'])
    const single = actorToneInArticle(a, actors).config.data.datasets[0]!
    expect(single.borderColor).toEqual(['#c0392b', '#1e8449'])
  })

  it('leave an absent actor without a bar (null), name it absent, and give it no link', () => {
    const grouped = actorToneByArticle([a, b], actors)
    expect(grouped.config.data.datasets[1]!.data).toEqual([0.4, null])
    expect(grouped.points![1]).toEqual([{ article: 'a', actor: 'west' }, null])
    const single = mentionsInArticle(b, actors)
    expect(single.config.data.datasets[0]!.data).toEqual([3, null])
    expect(single.config.data.labels).toEqual(['Russia', ['The West', '(absent)']])
    expect(single.summary).toBe('Russia: 3 (100 %), The West: absent')
  })

  it('draw negative words below zero in the tone rates', () => {
    expect(toneRatesInArticle(a).config.data.datasets[0]!.data).toEqual([10, -30, -20])
  })

  it('use the ranges given, so compared columns share their axes', () => {
    const scales = compareScales([a, b], actors)
    const ya = actorToneInArticle(a, actors, scales.tone).config.options!.scales!.y
    const yb = actorToneInArticle(b, actors, scales.tone).config.options!.scales!.y
    expect(ya).toEqual(yb)
    expect(ya).toMatchObject({ min: -1.5, max: 1.5 })
  })
})

describe('scales', () => {
  it('hold every value of the compared articles, centred on 0 for tone', () => {
    expect(compareScales([a, b], actors)).toEqual({
      tone: { min: -1.5, max: 1.5 },
      mentions: { min: 0, max: 10 },
      rates: { min: -50, max: 50 },
    })
  })

  it('round to a step and never collapse to an empty axis', () => {
    expect(niceCeil(0, 5)).toBe(5)
    expect(niceCeil(5, 5)).toBe(5)
    expect(niceCeil(5.01, 5)).toBe(10)
    expect(symmetricRange([-0.2, 0.1], 0.5)).toEqual({ min: -0.5, max: 0.5 })
    expect(zeroToMax([], 5)).toEqual({ min: 0, max: 5 })
  })

  it('end on a tick', () => {
    expect(tickStep({ min: -12, max: 12 })).toBe(5)
    expect(symmetricRange([11], 2)).toEqual({ min: -15, max: 15 })
  })
})

describe('wrapLabel', () => {
  it('wraps a headline into at most three lines and marks the cut', () => {
    expect(wrapLabel('Short')).toEqual(['Short'])
    expect(wrapLabel(a.title, 18)).toEqual(['A headline long', 'enough to need', 'wrapping on a…'])
  })
})
