/**
 * Where the highlights go in an article's text, in three tiers that nest: quotations outermost,
 * then framing cues (loaded language, hedges, frames, naming, sources), then actor mentions,
 * scored words and negators. Within a tier marks never overlap, so the rule for overlaps is
 * written (and tested) once here, apart from the JSX: a mention wins over a scored word, which
 * wins over a negator; cues found by two layers on the very same words share one mark, and of two
 * cues that overlap in part the layer listed first wins. Where an inner mark crosses the edge of
 * an outer one it is cut in two, so every element stays properly nested.
 */
import type { Mention, Quotation, ScoredWord, Span } from '../src/analysis/index.js'
import { MEASURES, type Measure } from '../src/domain/measures.js'
import type { CueSpan } from './cues.js'

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
  return keepNonOverlapping(candidates)
}

/** From candidates in order of priority, those that overlap no earlier one, by start. */
function keepNonOverlapping<T extends Span>(candidates: readonly T[]): T[] {
  const kept: T[] = []
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

/** Framing cues on the very same words, drawn as one mark. */
export interface CueMark extends Span {
  cues: CueSpan[]
}

/**
 * Non-overlapping cue marks, by start. Hits come before the words naming a source, then the
 * measures in the order of `priority`, then the earlier and the longer.
 */
export function resolveCues(
  spans: readonly CueSpan[],
  priority: readonly Measure[] = MEASURES,
): CueMark[] {
  const rank = (c: CueSpan) => (c.source ? priority.length : 0) + priority.indexOf(c.measure)
  const same = new Map<string, CueMark>()
  for (const c of spans) {
    if (c.end <= c.start) continue
    const key = `${c.start}:${c.end}`
    const mark = same.get(key)
    if (mark) mark.cues.push(c)
    else same.set(key, { start: c.start, end: c.end, cues: [c] })
  }
  const best = (m: CueMark) => Math.min(...m.cues.map(rank))
  const candidates = [...same.values()]
  for (const m of candidates) m.cues.sort((a, b) => rank(a) - rank(b))
  candidates.sort((a, b) => best(a) - best(b) || a.start - b.start || b.end - a.end)
  return keepNonOverlapping(candidates)
}

/** A cue mark as it lies in a run: `continued` when an earlier piece already opened it. */
export interface CueInRun extends CueMark {
  continued: boolean
}

/** A stretch of text inside or outside a quotation, with the marks that lie in it (clipped). */
export interface TextRun extends Span {
  quote: Quotation['kind'] | null
  marks: Mark[]
  cues: CueInRun[]
}

/** Part of a run inside one cue mark or outside every cue, with its inner marks (clipped). */
export interface TextPiece extends Span {
  cue: CueInRun | null
  marks: Mark[]
}

const clip = <T extends Span>(items: readonly T[], start: number, end: number) =>
  items
    .filter((m) => m.start < end && m.end > start)
    .map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end) }))

/**
 * Splits `[from, to)` into runs at quotation boundaries and gives each run its marks. A mark
 * that crosses a boundary is cut in two, so each piece still carries its value.
 */
export function textRuns(
  from: number,
  to: number,
  marks: readonly Mark[],
  quotations: readonly Quotation[] = [],
  cues: readonly CueMark[] = [],
): TextRun[] {
  const runs: TextRun[] = []
  let at = from
  const push = (start: number, end: number, quote: TextRun['quote']) => {
    if (end <= start) return
    const inRun = cues
      .filter((c) => c.start < end && c.end > start)
      .map((c) => ({
        ...c,
        continued: c.start < start,
        start: Math.max(c.start, start),
        end: Math.min(c.end, end),
      }))
    runs.push({ start, end, quote, marks: clip(marks, start, end), cues: inRun })
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

/** Splits a run at the edges of its cue marks, giving each piece the inner marks it holds. */
export function runPieces(run: TextRun): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = run.start
  const push = (start: number, end: number, cue: CueInRun | null) => {
    if (end > start) pieces.push({ start, end, cue, marks: clip(run.marks, start, end) })
  }
  for (const cue of run.cues) {
    push(at, cue.start, null)
    push(cue.start, cue.end, cue)
    at = cue.end
  }
  push(at, run.end, null)
  return pieces
}
