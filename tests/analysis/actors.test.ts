import { describe, expect, it } from 'vitest'
import { TONE_THRESHOLDS, toneLabel } from '../../src/analysis/index.js'
import { analyse } from './helpers.js'

const mentionsOf = (text: string, actors?: Parameters<typeof analyse>[1]) =>
  analyse(text, actors).mentions.map((m) => `${m.actor}:${text.slice(m.start, m.end)}`)

describe('mentions', () => {
  it('match aliases as whole words with offsets that slice back to the name', () => {
    expect(
      mentionsOf("Putin met Kim Jong-un in Vladivostok; Russia's Kremlin and the U.S. watched."),
    ).toEqual([
      'russia:Putin',
      'north-korea:Kim Jong-un',
      "russia:Russia's",
      'russia:Kremlin',
      'west:U.S.',
    ])
  })

  it('treat hyphen and space alike inside a name, and prefer the longest alias', () => {
    expect(mentionsOf('Kim Jong Un and Kim Jong-un and North Korean troops.')).toEqual([
      'north-korea:Kim Jong Un',
      'north-korea:Kim Jong-un',
      'north-korea:North Korean',
    ])
  })

  it('match an acronym only in capitals: US is the United States, us is not', () => {
    expect(mentionsOf('The US told us nothing.')).toEqual(['west:US'])
  })

  it('drop a mention inside an exclusion of its actor (a Korea in South Korea is not North Korea)', () => {
    const actors = [{ id: 'nk', aliases: ['Korea', 'Pyongyang'], exclude: ['South Korea'] }]
    expect(mentionsOf('South Korea warned Korea and Pyongyang.', actors)).toEqual([
      'nk:Korea',
      'nk:Pyongyang',
    ])
  })

  it('do not match inside longer words', () => {
    expect(mentionsOf('Vladivostok is far from Westminster.')).toEqual([])
  })
})

describe('tone toward an actor', () => {
  it('splits a two-actor sentence at its clause boundary', () => {
    const d = analyse('While Washington acted wisely, Moscow lied.')
    expect(d.actors.west).toMatchObject({ mentions: 1, tone: 2, label: 'positive' })
    expect(d.actors.russia).toMatchObject({ mentions: 1, tone: -2, label: 'negative' })
    expect(d.actors.west!.evidence.map((e) => [e.text, e.words.map((w) => w.text)])).toEqual([
      ['While Washington acted wisely,', ['wisely']],
    ])
  })

  it('gives each word in a shared clause to the nearest named actor', () => {
    const d = analyse('The brutal Kremlin and a wise Washington met.')
    expect(d.actors.russia!.score).toBe(-3)
    expect(d.actors.west!.score).toBe(2)
  })

  it('does not count the clause words toward an actor named only as a target', () => {
    // hatred is Moscow's, aimed at the West
    const d = analyse('Moscow voiced hatred for the West.')
    expect(d.actors.russia).toMatchObject({ score: -3, label: 'negative' })
    expect(d.actors.west).toMatchObject({ mentions: 1, score: 0, label: 'neutral' })
    expect(d.actors.west!.evidence[0]!.mentions[0]!.target).toBe(true)
  })

  it('treats the object of a causative verb as a target', () => {
    const d = analyse('Putin enjoys making the West nervous.')
    expect(d.actors.russia).toMatchObject({ score: 0 }) // enjoys +2, nervous -2, both Putin's doing
    expect(d.actors.west).toMatchObject({ score: 0, label: 'neutral' })
    expect(d.actors.west!.evidence[0]!.mentions[0]!.target).toBe(true)
  })

  it("keeps quoted speech out of the author's tone but reports it", () => {
    const d = analyse('Kim called the US "an evil and terrible force" on Monday.')
    expect(d.actors.west).toMatchObject({ score: 0, quotedScore: -6, label: 'neutral' })
  })

  it('applies negation before attributing: "Moscow is not dangerous" is neither blame nor praise', () => {
    expect(analyse('Moscow is not dangerous.').actors.russia).toMatchObject({
      tone: 0,
      label: 'neutral',
    })
  })

  it('is the mean over the clauses that name the actor', () => {
    // two clauses name Russia: -2 and 0
    const d = analyse('Russia lied. Russia met Kim.')
    expect(d.actors.russia).toMatchObject({ mentions: 2, score: -2, tone: -1 })
  })

  it('tells absent (null) from neutral (named, no tone)', () => {
    const d = analyse('Putin met officials in Moscow.')
    expect(d.actors.russia).toMatchObject({ mentions: 2, tone: 0, label: 'neutral' })
    expect(d.actors['north-korea']).toBeNull()
    expect(d.actors.west).toBeNull()
  })

  it('reports share of mentions, the title and the lead', () => {
    const d = analyse(
      'Putin and Kim met.\nThe US and Russia argued; Moscow won.',
      undefined,
      'Kim goes north',
    )
    expect(d.actors.russia).toMatchObject({
      mentions: 3,
      share: 60,
      inLead: true,
      inTitle: false,
      firstMention: 0,
    })
    expect(d.actors['north-korea']).toMatchObject({
      mentions: 1,
      share: 20,
      inLead: true,
      inTitle: true,
    })
    expect(d.actors.west).toMatchObject({ mentions: 1, share: 20, inLead: false, firstMention: 23 })
  })
})

describe('labels', () => {
  it('use the documented thresholds', () => {
    expect(TONE_THRESHOLDS).toEqual({ negative: -0.15, positive: 0.15 })
    expect([-0.15, -0.149, 0, 0.149, 0.15].map(toneLabel)).toEqual([
      'negative',
      'neutral',
      'neutral',
      'neutral',
      'positive',
    ])
  })
})
