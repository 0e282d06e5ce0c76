/**
 * Where highlights go: marks never overlap (a mention wins over a scored word, which wins over a
 * negator), and quotations split the text into runs without losing a character.
 */
import { describe, expect, it } from 'vitest'
import type { ScoredWord } from '../../src/analysis/index.js'
import { resolveMarks, textRuns } from '../../views/highlight.js'

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
    expect(runs).toEqual([{ start: 50, end: 60, quote: null, marks: [] }])
  })
})
