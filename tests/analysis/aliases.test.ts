/**
 * Aliases match by their sequence of words, whatever the punctuation, titles and initials
 * (issue 9): "Mr. Trump", "Sen. Schumer" and "Vladimir V. Putin" used to be reported absent
 * because the matcher stopped at every full stop.
 */
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/analysis/index.js'
import { resolveActors } from '../../src/corpus/actors.js'

const analyzer = new Analyzer(
  resolveActors([
    { id: 'trump', aliases: ['Mr. Trump', 'Donald Trump'] },
    { id: 'putin', aliases: ['Vladimir V. Putin', 'Vladimir Putin'] },
    { id: 'schumer', aliases: ['Sen. Schumer'] },
    { id: 'north-korea', aliases: ['North Korea', 'Kim Jong Un'] },
    { id: 'bush', aliases: ['George Bush'] },
  ]),
)

const mentions = (text: string) =>
  analyzer.analyze({ id: 'x', text }).detail.mentions.map((m) => [m.actor, m.text])

describe('alias matching', () => {
  it('matches an alias with a title and its full stop, written with or without it', () => {
    expect(mentions('Mr. Trump spoke. Then Mr Trump left. Sen Schumer and Sen. Schumer.')).toEqual([
      ['trump', 'Mr. Trump'],
      ['trump', 'Mr Trump'],
      ['schumer', 'Sen Schumer'],
      ['schumer', 'Sen. Schumer'],
    ])
  })

  it('matches "Vladimir V. Putin" as itself, and a name whose middle initial the alias leaves out', () => {
    expect(mentions('Vladimir V. Putin met Donald J. Trump and George H.W. Bush.')).toEqual([
      ['putin', 'Vladimir V. Putin'],
      ['trump', 'Donald J. Trump'],
      ['bush', 'George H.W. Bush'],
    ])
  })

  it('matches possessive and hyphenated forms', () => {
    expect(mentions('Kim Jong-un’s envoy met Mr. Trump’s aides.')).toEqual([
      ['north-korea', 'Kim Jong-un’s'],
      ['trump', 'Mr. Trump’s'],
    ])
  })

  it('does not join words across a sentence end: "the North. Korea" is not North Korea', () => {
    expect(mentions('They went to the North. Korea was calm.')).toEqual([])
  })
})
