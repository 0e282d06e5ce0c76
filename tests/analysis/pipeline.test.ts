/**
 * The engine as a pipeline: the stages run in an order where each reads only what is given or
 * written before it, each touches only the fields it declares, and the pipeline gives what the
 * Analyzer returns. A stage that read a field it did not declare, or ran before the stage that
 * writes it, would fail here rather than read `undefined` in production.
 */
import { describe, expect, it } from 'vitest'
import { ActorMatcher } from '../../src/analysis/actors.js'
import { NEWSMTSC_MODEL } from '../../src/analysis/index.js'
import {
  GIVEN,
  STAGES,
  runPipeline,
  type ArticleDocument,
  type Field,
} from '../../src/analysis/pipeline/index.js'
import { defaultActors, defaultAnalyzer } from './helpers.js'

const TEXT =
  'Putin, a ruthless dictator, met Kim in Pyongyang. "We will defend our ally," he said, ' +
  'according to the Kremlin. The deal may threaten security in Europe, officials said.'

const given = () => ({
  input: { id: 't', text: TEXT, title: 'Putin meets Kim' },
  actors: defaultActors,
  matcher: new ActorMatcher(defaultActors),
  model: NEWSMTSC_MODEL,
})

describe('the analysis pipeline', () => {
  it('runs each stage after the stages that write what it reads, and writes each field once', () => {
    const written = new Set<Field>(GIVEN)
    for (const stage of STAGES) {
      for (const field of stage.reads)
        expect(written.has(field), `${stage.name} reads ${field} before it is written`).toBe(true)
      for (const field of stage.writes) {
        expect(written.has(field), `${stage.name} writes ${field} again`).toBe(false)
        written.add(field)
      }
    }
  })

  it('lets each stage read exactly the fields it declares and return those it writes', () => {
    const doc: Partial<ArticleDocument> = { ...given() }
    for (const stage of STAGES) {
      const read = new Set<string | symbol>()
      const view = new Proxy(doc, {
        get: (target, key) => {
          read.add(key)
          return Reflect.get(target, key)
        },
      })
      const out = stage.run(view as ArticleDocument)
      const declared: readonly (string | symbol)[] = stage.reads
      expect(
        [...read].filter((k) => !declared.includes(k)),
        `${stage.name} reads`,
      ).toEqual([])
      expect(
        declared.filter((k) => !read.has(k)),
        `${stage.name} declares unread`,
      ).toEqual([])
      expect(Object.keys(out).sort(), stage.name).toEqual([...stage.writes].sort())
      Object.assign(doc, out)
    }
  })

  it('gives the detail the Analyzer returns', () => {
    const { detail, terms } = runPipeline(given())
    const expected = defaultAnalyzer.analyze(given().input)
    expect(detail).toEqual(expected.detail)
    expect(terms).toEqual(expected.terms)
  })

  it('names the actors the headline names', () => {
    const { detail } = runPipeline(given())
    expect(detail.titleMentions.map((m) => m.actor)).toEqual(['russia', 'north-korea'])
  })
})
