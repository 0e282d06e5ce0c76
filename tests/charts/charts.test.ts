/**
 * Chart configurations: plain JSON (they travel in an HTML attribute and into exports), one
 * colour per actor everywhere, absent actors as missing bars (never 0), and axis ranges that hold
 * every value and are shared where charts are compared.
 */
import { describe, expect, it } from 'vitest'
import { Analyzer, toneLabel, type Actor, type ArticleAnalysis } from '../../src/analysis/index.js'
import {
  SIGN_COLOURS,
  actorToneByArticle,
  actorToneInArticle,
  chartText,
  compareScales,
  documentToneByArticle,
  mentionShareByArticle,
  mentionsInArticle,
  niceCeil,
  roundTo,
  sentenceTone,
  symmetricRange,
  tickStep,
  toneRatesInArticle,
  wrapLabel,
  zeroToMax,
  type ChartSpec,
} from '../../src/charts/index.js'
import { num } from '../../views/format.js'

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
  sentenceTone(new Analyzer(actors).analyze({ id: 's', text: 'Russia is brutal.' }).detail),
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
  it('wraps a headline into lines and never cuts it', () => {
    expect(wrapLabel('Short')).toEqual(['Short'])
    expect(wrapLabel(a.title, 18)).toEqual([
      'A headline long',
      'enough to need',
      'wrapping on a',
      'chart axis',
    ])
    expect(
      wrapLabel(
        'Russian President Vladimir Putin touched down in the hermit kingdom of North Korea',
        22,
      ),
    ).toEqual([
      'Russian President',
      'Vladimir Putin touched',
      'down in the hermit',
      'kingdom of North Korea',
    ])
  })

  it('makes the lines longer, not the label shorter, to stay within a number of lines', () => {
    // 18 characters would take four lines; 23 (18 + a quarter, rounded up) takes three.
    expect(wrapLabel(a.title, 18, 3)).toEqual([
      'A headline long enough',
      'to need wrapping on a',
      'chart axis',
    ])
    expect(wrapLabel('Supercalifragilistic words', 5)).toEqual(['Supercalifragilistic', 'words'])
  })
})

describe('chartText', () => {
  it('spells flag emoji as their codes, which every font can draw', () => {
    expect(chartText('🇰🇵 🇷🇺 Streets of North Korea')).toBe('[KP] [RU] Streets of North Korea')
    expect(
      chartText('Scotland 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} votes'),
    ).toBe('Scotland [GB-SCT] votes')
    expect(chartText(' Two\nlines  here ')).toBe('Two lines here')
  })

  it('applies to labels, dataset names and tooltips', () => {
    const flagged = { ...b, title: 'Putin 🇷🇺 lands' }
    const flagActors = [{ ...actors[0]!, label: '🇷🇺 Russia' }, actors[1]!]
    const spec = actorToneByArticle([flagged], flagActors)
    expect(spec.config.data.labels).toEqual([['Putin [RU] lands']])
    expect(spec.config.data.datasets.map((d) => d.label)).toEqual(['[RU] Russia', 'The West'])
    expect(spec.tooltips).toEqual(['Putin [RU] lands'])
  })
})

describe('rounding', () => {
  // The engine rounds to three decimals, so a tone of −0.375 is common: the table prints −0.38.
  const half: ArticleAnalysis = {
    ...a,
    tone: tone(-12.25, 10.05, 22.35),
    actors: { russia: framing(-0.375, 4, 66.65), west: framing(0.125, 2, 33.35) },
  }

  it('rounds chart values as the tables print them, a half away from zero', () => {
    expect(num(-0.375)).toBe('\u22120.38')
    expect(roundTo(-0.375, 2)).toBe(-0.38)
    expect(roundTo(-0.001, 2)).toBe(0)
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(false)
    const grouped = actorToneByArticle([half], actors)
    expect(grouped.config.data.datasets.map((d) => d.data)).toEqual([[-0.38], [0.13]])
    expect(grouped.summary).toBe(
      'A headline long enough to need wrapping on a chart axis: Russia -0.38 (negative), The West 0.13 (neutral)',
    )
    expect(actorToneInArticle(half, actors).config.data.datasets[0]!.data).toEqual([-0.38, 0.13])
    expect(actorToneInArticle(half, actors).summary).toBe(
      'Russia: -0.38 (negative), The West: 0.13 (neutral)',
    )
    expect(mentionShareByArticle([half], actors).config.data.datasets.map((d) => d.data)).toEqual([
      [66.7],
      [33.4],
    ])
    expect(mentionsInArticle(half, actors).summary).toBe('Russia: 4 (66.7 %), The West: 2 (33.4 %)')
    expect(documentToneByArticle([half]).config.data.datasets[0]!.data).toEqual([-12.3])
    expect(toneRatesInArticle(half).config.data.datasets[0]!.data).toEqual([10.1, -22.4, -12.3])
    expect(toneRatesInArticle(half).summary).toBe(
      'positive words 10.1, negative words 22.4, net tone -12.3 per 1,000 words',
    )
  })
})

describe('tooltips', () => {
  it('give each by-article bar the whole headline on one line', () => {
    for (const spec of [
      actorToneByArticle([a, b], actors),
      mentionShareByArticle([a, b], actors),
      documentToneByArticle([a, b]),
    ]) {
      expect(spec.tooltips).toEqual([a.title, 'B'])
    }
  })
})

describe('sentenceTone', () => {
  const detail = new Analyzer(actors).analyze({
    id: 's',
    text: 'Russia is brutal. The West is generous.\n🇰🇵 🇷🇺 The weather is mild.',
  }).detail
  const spec = sentenceTone(detail)

  it('carries each sentence’s text for its tooltip, flags spelled out', () => {
    expect(spec.tooltips).toEqual([
      'Russia is brutal.',
      'The West is generous.',
      '[KP] [RU] The weather is mild.',
    ])
    expect(spec.config.data.labels).toEqual(['1', '2', '3'])
  })

  it('draws one dataset per sign, so the legend names each colour', () => {
    const datasets = spec.config.data.datasets
    expect(datasets.map((d) => d.label)).toEqual([
      'Framelens score: negative',
      'Framelens score: positive',
      'sentiment package',
    ])
    expect(datasets.map((d) => d.backgroundColor)).toEqual([
      SIGN_COLOURS.negative,
      SIGN_COLOURS.positive,
      '#333333',
    ])
    expect(datasets.map((d) => d.data)).toEqual([
      [-3, null, null],
      [null, 2, null],
      [-3, 2, 0],
    ])
    expect(datasets.slice(0, 2).map((d) => (d as { grouped?: boolean }).grouped)).toEqual([
      false,
      false,
    ])
    expect(JSON.parse(JSON.stringify(spec.config))).toEqual(spec.config)
  })
})
