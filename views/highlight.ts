/**
 * Where the highlights go in an article's text: actor mentions, scored words and negators as
 * non-overlapping marks, and quotations as the stretches they sit in. Kept apart from the JSX so
 * the rule for overlaps is written (and tested) once: a mention wins over a scored word, which
 * wins over a negator; the engine does not score words inside names, so overlaps are rare, but a
 * nested or crossing highlight would make invalid, unreadable markup.
 */
import type { Mention, Quotation, ScoredWord, Span } from '../src/analysis/index.js'

export type Mark =
  | (Span & { kind: 'mention'; mention: Pick<Mention, 'actor' | 'target'> })
  | (Span & { kind: 'word'; word: ScoredWord })
  | (Span & { kind: 'negator' })

const PRIORITY = { mention: 0, word: 1, negator: 2 } as const

/** Every mark that does not overlap one of higher priority (or an earlier one of the same), by start. */
export function resolveMarks(
  mentions: readonly Pick<Mention, 'actor' | 'target' | 'start' | 'end'>[],
  words: readonly ScoredWord[],
): Mark[] {
  const candidates: Mark[] = [
    ...mentions.map((m) => ({ kind: 'mention' as const, start: m.start, end: m.end, mention: m })),
    ...words.map((w) => ({ kind: 'word' as const, start: w.start, end: w.end, word: w })),
    ...words.flatMap((w) =>
      w.negated && w.negator ? [{ kind: 'negator' as const, ...w.negator }] : [],
    ),
  ]
  candidates.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start)
  const kept: Mark[] = []
  for (const mark of candidates) {
    if (mark.end <= mark.start) continue
    // Binary search for the first kept mark ending after this one starts.
    let lo = 0
    let hi = kept.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (kept[mid]!.end <= mark.start) lo = mid + 1
      else hi = mid
    }
    const next = kept[lo]
    if (next && next.start < mark.end) continue
    kept.splice(lo, 0, mark)
  }
  return kept
}

/** A stretch of text inside or outside a quotation, with the marks that lie in it (clipped). */
export interface TextRun extends Span {
  quote: Quotation['kind'] | null
  marks: Mark[]
}

/**
 * Splits `[from, to)` into runs at quotation boundaries and gives each run its marks. A mark
 * that crosses a boundary is cut in two, so each piece still carries its value.
 */
export function textRuns(
  from: number,
  to: number,
  marks: readonly Mark[],
  quotations: readonly Quotation[] = [],
): TextRun[] {
  const runs: TextRun[] = []
  let at = from
  const push = (start: number, end: number, quote: TextRun['quote']) => {
    if (end <= start) return
    const inside = marks
      .filter((m) => m.start < end && m.end > start)
      .map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end) }))
    runs.push({ start, end, quote, marks: inside })
  }
  const sorted = [...quotations].sort((a, b) => a.start - b.start)
  for (const qt of sorted) {
    if (qt.end <= at || qt.start >= to) continue
    const s = Math.max(qt.start, at)
    const e = Math.min(qt.end, to)
    push(at, s, null)
    push(s, e, qt.kind)
    at = e
  }
  push(at, to, null)
  return runs
}
