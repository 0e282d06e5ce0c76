/**
 * Where highlights go: marks never overlap (a mention wins over a scored word, which wins over a
 * negator), quotations split the text into runs without losing a character, and framing cues
 * nest between the two: same-span cues share a mark, partly overlapping ones yield by layer.
 */
import { describe, expect, it } from 'vitest'
import type { ScoredWord } from '../../src/analysis/index.js'
import type { CueSpan } from '../../views/cues.js'
import { resolveCues, resolveMarks, runPieces, textRuns } from '../../views/highlight.js'

const word = (start: number, end: number, extra: Partial<ScoredWord> = {}): ScoredWord => ({
  start,
  end,
  text: 'x',
  base: 2,
  source: 'afinn',
  negated: false,
  weight: 1,
  quoted: null,
  value: 2,
  clause: 0,
  ...extra,
})

describe('resolveMarks', () => {
  it('keeps a mention over a scored word that overlaps it, and orders marks by position', () => {
    const marks = resolveMarks(
      [{ actor: 'west', target: false, start: 4, end: 14 }],
      [word(0, 3), word(10, 16), word(20, 24)],
    )
    expect(marks.map((m) => [m.kind, m.start, m.end])).toEqual([
      ['word', 0, 3],
      ['mention', 4, 14],
      ['word', 20, 24],
    ])
  })

  it('marks the negator of a negated word, unless something else is already there', () => {
    const negated = word(8, 12, { negated: true, negator: { start: 4, end: 7 }, value: -1.48 })
    expect(resolveMarks([], [negated]).map((m) => m.kind)).toEqual(['negator', 'word'])
    const hidden = resolveMarks([{ actor: 'russia', target: false, start: 0, end: 7 }], [negated])
    expect(hidden.map((m) => m.kind)).toEqual(['mention', 'word'])
  })

  it('drops empty spans', () => {
    expect(resolveMarks([], [word(3, 3)])).toEqual([])
  })
})

describe('textRuns', () => {
  it('splits at quotation boundaries and covers the whole range', () => {
    const marks = resolveMarks([], [word(2, 4), word(12, 16)])
    const runs = textRuns(0, 30, marks, [{ start: 10, end: 20, words: 3, kind: 'direct' }])
    expect(runs.map((r) => [r.start, r.end, r.quote, r.marks.length])).toEqual([
      [0, 10, null, 1],
      [10, 20, 'direct', 1],
      [20, 30, null, 0],
    ])
  })

  it('cuts a mark that crosses a quotation boundary into two', () => {
    const runs = textRuns(0, 20, resolveMarks([], [word(8, 12)]), [
      { start: 10, end: 20, words: 2, kind: 'scare' },
    ])
    expect(runs.map((r) => r.marks.map((m) => [m.start, m.end]))).toEqual([[[8, 10]], [[10, 12]]])
  })

  it('ignores quotations outside the range', () => {
    const runs = textRuns(50, 60, [], [{ start: 0, end: 10, words: 2, kind: 'direct' }])
    expect(runs).toEqual([{ start: 50, end: 60, quote: null, marks: [], cues: [] }])
  })
})

const cue = (
  start: number,
  end: number,
  measure: CueSpan['measure'],
  extra: Partial<CueSpan> = {},
) => ({ start, end, measure, label: `${measure} ${start}`, ...extra }) as CueSpan

describe('resolveCues', () => {
  it('draws cues of two layers on the very same words as one mark carrying both', () => {
    const marks = resolveCues([cue(0, 8, 'naming'), cue(0, 8, 'loaded')], ['loaded', 'naming'])
    expect(marks).toHaveLength(1)
    expect(marks[0]!.cues.map((c) => c.measure)).toEqual(['loaded', 'naming'])
  })

  it('keeps the earlier layer where two cues overlap in part, and a hit over its source', () => {
    const marks = resolveCues(
      [cue(0, 10, 'frames'), cue(5, 12, 'loaded'), cue(20, 30, 'sources', { source: true })],
      ['loaded', 'frames', 'sources'],
    )
    expect(marks.map((m) => [m.start, m.end, m.cues[0]!.measure])).toEqual([
      [5, 12, 'loaded'],
      [20, 30, 'sources'],
    ])
    const hitFirst = resolveCues([
      cue(0, 20, 'sources', { source: true }),
      cue(10, 14, 'sources', { hit: 0 }),
    ])
    expect(hitFirst.map((m) => [m.start, m.end])).toEqual([[10, 14]])
  })
})

describe('runPieces', () => {
  it('nests the inner marks inside the cue they fall in, cutting one that crosses its edge', () => {
    const marks = resolveMarks([], [word(2, 6), word(10, 14)])
    const [run] = textRuns(0, 20, marks, [], resolveCues([cue(4, 12, 'loaded')]))
    const pieces = runPieces(run!)
    expect(pieces.map((p) => [p.start, p.end, p.cue ? 'cue' : null])).toEqual([
      [0, 4, null],
      [4, 12, 'cue'],
      [12, 20, null],
    ])
    expect(pieces.map((p) => p.marks.map((m) => [m.start, m.end]))).toEqual([
      [[2, 4]],
      [
        [4, 6],
        [10, 12],
      ],
      [[12, 14]],
    ])
  })

  it('marks the second piece of a cue cut by a quotation as continued (one tab stop)', () => {
    const runs = textRuns(
      0,
      20,
      [],
      [{ start: 10, end: 20, words: 3, kind: 'direct' }],
      resolveCues([cue(6, 14, 'hedging')]),
    )
    expect(runs.map((r) => r.cues.map((c) => [c.start, c.end, c.continued]))).toEqual([
      [[6, 10, false]],
      [[10, 14, true]],
    ])
  })
})
