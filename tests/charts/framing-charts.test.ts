/**
 * The frames chart: one bar per frame for the whole article and one per actor given, each the
 * frame's share of the frame cues; an absent actor has no bars (null, never 0); the axis is one
 * range over every article compared.
 */
import { describe, expect, it } from 'vitest'
import { Analyzer, type Actor } from '../../src/analysis/index.js'
import { FRAMES } from '../../src/analysis/lexicons.js'
import { frameShareRange, frameSharesInArticle } from '../../src/charts/index.js'

const actors: Actor[] = [
  { id: 'russia', label: 'Russia', colour: '#c0392b', aliases: ['Russia'], exclude: [] },
  { id: 'west', label: 'The West', colour: '#1e8449', aliases: ['West'], exclude: [] },
]
const analyzer = new Analyzer(actors)
// "missiles" and "sanctions" are cues of two frames; only the first clause names Russia.
const article = analyzer.analyze({
  id: 'a',
  text: 'Russia sent missiles. Sanctions followed.',
}).detail

describe('frameSharesInArticle', () => {
  it('draws each frame’s share for the article and for the clauses that name each actor', () => {
    const spec = frameSharesInArticle(article, actors)
    expect(JSON.parse(JSON.stringify(spec.config))).toEqual(spec.config)
    expect(spec.config.data.labels).toHaveLength(FRAMES.length)
    const [whole, russia, west] = spec.config.data.datasets
    const { frames } = article.framing
    expect(frames.total).toBe(2)
    expect(whole!.data).toEqual(FRAMES.map((f) => frames.article[f.id]!.share))
    expect(whole!.data.filter((x) => x === 50)).toHaveLength(2)
    expect(russia!.data).toEqual(FRAMES.map((f) => frames.byActor.russia!.frames[f.id]!.share))
    expect(russia!.data.filter((x) => x === 100)).toHaveLength(1)
    // The West is never named: no bars and no links, rather than zeros.
    expect(west!.data).toEqual(FRAMES.map(() => null))
    expect(spec.points![2]).toEqual(FRAMES.map(() => null))
    expect(spec.points![1]![0]).toEqual({ article: 'a', actor: 'russia', category: FRAMES[0]!.id })
    expect(spec.methods).toBe('frames')
  })

  it('draws a share of 0 as a sliver, so a named actor is never taken for an absent one', () => {
    const spec = frameSharesInArticle(article, actors)
    const [whole, russia, west] = spec.config.data.datasets
    // Russia is named once, in a clause with one cue: 100 % for that frame, 0 for the others,
    // and every 0 still gets a bar; the West is never named, so null (no bar at all).
    const at = frames(russia!.data).indexOf(100)
    expect(at).toBeGreaterThanOrEqual(0)
    expect(russia!.data).toEqual(FRAMES.map((_, i) => (i === at ? 100 : 0)))
    expect([whole, russia, west].map((d) => (d as { minBarLength?: number }).minBarLength)).toEqual(
      [3, 3, 3],
    )
    expect(west!.data.every((x) => x === null)).toBe(true)
    expect(spec.howComputed).toContain('A sliver: 0 %; no bar at all for an actor: absent')
  })

  it('rounds shares as the tables print them (one decimal)', () => {
    // Three cues of three frames: a third each, 33.333… in the engine, 33.3 in the table.
    const third = analyzer.analyze({
      id: 't',
      text: 'Russia sent missiles. Sanctions followed. Families were hungry.',
    }).detail
    const data = frameSharesInArticle(third, []).config.data.datasets[0]!.data
    expect(data.filter((x) => x !== 0)).toEqual([33.3, 33.3, 33.3])
    expect(frameSharesInArticle(third, []).summary).toContain('33.3 %')
  })

  it('shares one axis between the articles compared', () => {
    // One cue in all, so a share of 100 %: the axis ends there, never beyond.
    const other = analyzer.analyze({ id: 'b', text: 'The West watched hungry families.' }).detail
    expect(frameShareRange([other], [])).toEqual({ min: 0, max: 100 })
    // Two cues of two frames, 50 % each: the axis leaves room above them.
    expect(frameShareRange([article], []).max).toBe(60)
    const range = frameShareRange([article, other], actors)
    expect(range).toEqual({ min: 0, max: 100 })
    const x = frameSharesInArticle(other, actors, range).config.options!.scales!.x!
    expect([x.min, x.max]).toEqual([0, 100])
  })
})

/** A dataset's data as numbers or nulls. */
function frames(data: unknown): (number | null)[] {
  return data as (number | null)[]
}
