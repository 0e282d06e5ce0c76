/**
 * The engine's size limits and its linear cost (issue 14, V1). Each limit is refused with a
 * message that names it; the inputs that used to take tens of seconds (one sentence of
 * "Russia said" a thousand times, a clause of epithets) give their exact results. Their timings
 * at 1k–20k words are in `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest'
import {
  AnalysisLimitError,
  Analyzer,
  MAX_ACTORS,
  MAX_ARTICLE_WORDS,
  MAX_SENTENCE_TOKENS,
  aliasProblem,
  checkActorSet,
} from '../../src/analysis/index.js'
import { resolveActors } from '../../src/corpus/actors.js'

const analyzer = new Analyzer(
  resolveActors([
    { id: 'russia', aliases: ['Russia', 'Putin'] },
    { id: 'north-korea', aliases: ['North Korea', 'Kim'] },
  ]),
)

function limitError(run: () => unknown): AnalysisLimitError {
  try {
    run()
  } catch (err) {
    if (err instanceof AnalysisLimitError) return err
    throw err
  }
  throw new Error('no AnalysisLimitError')
}

describe('size limits', () => {
  it('refuses an article over MAX_ARTICLE_WORDS words, naming the limit', () => {
    const text = 'Word. '.repeat(MAX_ARTICLE_WORDS + 1)
    const err = limitError(() => analyzer.analyze({ id: 'long', text }))
    expect(err.limit).toBe('article-words')
    expect(err.message).toBe('the text has 100,001 words; the limit is 100,000 words an article')
  })

  it('takes an article of exactly MAX_ARTICLE_WORDS words', () => {
    const text = 'Word. '.repeat(MAX_ARTICLE_WORDS)
    expect(analyzer.analyze({ id: 'max', text }).detail.words).toBe(MAX_ARTICLE_WORDS)
  })

  it('refuses a sentence over MAX_SENTENCE_TOKENS tokens, naming the sentence and the limit', () => {
    const text = 'A short one. Then ' + 'word '.repeat(MAX_SENTENCE_TOKENS) + 'end.'
    const err = limitError(() => analyzer.analyze({ id: 'run-on', text }))
    expect(err.limit).toBe('sentence-tokens')
    expect(err.message).toBe(
      'sentence 2 has 5,003 words and marks; the limit is 5,000 a sentence (is the text missing its full stops?)',
    )
  })

  it('refuses more than MAX_ACTORS actors and over-long aliases', () => {
    const many = Array.from({ length: MAX_ACTORS + 1 }, (_, i) => ({
      id: `a${i}`,
      aliases: [`Name${i}`],
    }))
    expect(limitError(() => checkActorSet(many)).message).toBe('51 actors; the limit is 50 actors')
    const long = 'word '.repeat(13).trim()
    expect(aliasProblem(long)).toBe(
      '"word word word word word word word word …" has 13 words; the limit is 12 an alias',
    )
    expect(aliasProblem('x'.repeat(121))).toBe(
      `"${'x'.repeat(40)}…" has 121 characters; the limit is 120 an alias`,
    )
    expect(aliasProblem('Democratic People’s Republic of Korea')).toBeNull()
    const err = limitError(() => new Analyzer(resolveActors([{ id: 'big', aliases: [long] }])))
    expect(err.message).toBe(
      'actor "big": "word word word word word word word word …" has 13 words; the limit is 12 an alias',
    )
  })
})

describe('linear cost on adversarial text', () => {
  it('"Russia said " 2,000 times in one sentence: 2,000 attributions, each to Russia', () => {
    // Took 16–26 s for 1,000 repetitions when every verb rebuilt the sentence's sources.
    const { detail } = analyzer.analyze({ id: 'said', text: 'Russia said '.repeat(2000) })
    const { attributions, byKind } = detail.framing.sourcing
    expect(attributions).toHaveLength(2000)
    expect(byKind).toEqual({ named: 2000, anonymous: 0, outlet: 0, unattributed: 0 })
    expect(new Set(attributions.map((a) => `${a.source.text}/${a.source.actor}`))).toEqual(
      new Set(['Russia/russia']),
    )
    expect(attributions[1999]!.source.span).toEqual({ start: 23988, end: 23994 })
  })

  it('a clause of 1,000 epithets gives each to its nearest name', () => {
    const text = 'Putin the dictator met Kim the tyrant, '.repeat(500)
    const { detail } = analyzer.analyze({ id: 'epithets', text })
    const naming = detail.framing.naming
    expect(naming.russia!.find((t) => t.term === 'dictator')?.count).toBe(500)
    expect(naming['north-korea']!.find((t) => t.term === 'tyrant')?.count).toBe(500)
    expect(detail.actors.russia!.mentions).toBe(500)
    expect(detail.sentences).toBe(1)
  })
})
