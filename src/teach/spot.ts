/**
 * Spot the frame: a worksheet lists an article's sentences with a checkbox for each word (or, for
 * quotes, for each sentence); the student marks what they think is loaded, a hedge or someone
 * else's words, then compares their marks with the tool's: what both found, what only they found
 * and what only the tool found.
 */
import { tokenize, type ArticleDetail, type Span } from '../analysis/index.js'
import { DomainError } from '../domain/errors.js'

export const SPOT_KINDS = ['loaded', 'hedge', 'quote'] as const
export type SpotKind = (typeof SPOT_KINDS)[number]

export const isSpotKind = (v: unknown): v is SpotKind =>
  typeof v === 'string' && (SPOT_KINDS as readonly string[]).includes(v)

/** What the student looks for, in plain words. */
export const SPOT_LABEL: Record<SpotKind, string> = {
  loaded: 'loaded words and name-calling',
  hedge: 'hedges (words that make a claim less sure)',
  quote: 'sentences that report someone else’s words',
}

export interface SpotWord extends Span {
  text: string
}

export interface SpotSentence extends Span {
  index: number
  text: string
  words: SpotWord[]
}

/** The article's sentences with their words (the candidates a student can mark). */
export function spotSentences(detail: ArticleDetail): SpotSentence[] {
  return detail.sentenceSpans.map((s, index) => {
    const text = detail.text.slice(s.start, s.end)
    const words = tokenize(text)
      .filter((t) => t.kind === 'word')
      .map((t) => ({ start: s.start + t.start, end: s.start + t.end, text: t.text }))
    return { index, start: s.start, end: s.end, text, words }
  })
}

/** One thing the tool marks: a span of text and, for the student, what it is. */
export interface ToolMark extends Span {
  text: string
  what: string
}

/** The tool's marks of a kind: loaded-language hits and epithets, hedges, or quoting sentences. */
export function toolMarks(detail: ArticleDetail, kind: SpotKind): ToolMark[] {
  if (kind === 'hedge')
    return detail.framing.hedging.hits.map((h) => ({
      start: h.start,
      end: h.end,
      text: h.text,
      what: 'hedge',
    }))
  if (kind === 'loaded') {
    const marks: ToolMark[] = detail.framing.loaded.hits.map((h) => ({
      start: h.start,
      end: h.end,
      text: h.text,
      what: h.category.replace(/-/g, ' '),
    }))
    for (const terms of Object.values(detail.framing.naming))
      for (const t of terms ?? [])
        if (t.kind === 'epithet')
          for (const s of t.spans)
            if (!marks.some((m) => m.start < s.end && s.start < m.end))
              marks.push({ ...s, text: detail.text.slice(s.start, s.end), what: 'name-calling' })
    return marks.sort((a, b) => a.start - b.start)
  }
  const { quotes, attributions } = detail.framing.sourcing
  const spans: Span[] = [...quotes, ...attributions]
  return spotSentences(detail)
    .filter((s) => spans.some((q) => q.start < s.end && s.start < q.end))
    .map((s) => ({ start: s.start, end: s.end, text: s.text, what: 'reports someone’s words' }))
}

/** Reads the marked offsets (`m` values) and checks that each starts a candidate. */
export function readMarks(
  detail: ArticleDetail,
  kind: SpotKind,
  values: readonly string[],
): number[] {
  const valid = new Set(
    kind === 'quote'
      ? detail.sentenceSpans.map((s) => s.start)
      : spotSentences(detail).flatMap((s) => s.words.map((w) => w.start)),
  )
  const marks = values.map(Number)
  const bad = values.find((v, i) => !valid.has(marks[i]!))
  if (bad !== undefined)
    throw new DomainError('bad-request', `mark "${bad}" is not the start of a word of the article`)
  return [...new Set(marks)].sort((a, b) => a - b)
}

export interface SpotResult {
  kind: SpotKind
  /** Tool marks the student also marked (a word inside it). */
  both: ToolMark[]
  /** Tool marks the student left. */
  toolOnly: ToolMark[]
  /** What the student marked that the tool did not: words, or sentences for quotes. */
  studentOnly: SpotWord[]
  /** both / (both + toolOnly + studentOnly), 0–1. */
  agreement: number
}

export function compareMarks(detail: ArticleDetail, kind: SpotKind, marks: readonly number[]) {
  const tool = toolMarks(detail, kind)
  const marked = new Set(marks)
  const candidates: SpotWord[] =
    kind === 'quote'
      ? spotSentences(detail).map((s) => ({ start: s.start, end: s.end, text: s.text }))
      : spotSentences(detail).flatMap((s) => s.words)
  const chosen = candidates.filter((c) => marked.has(c.start))
  const hit = (m: ToolMark) => chosen.some((c) => c.start >= m.start && c.start < m.end)
  const both = tool.filter(hit)
  const toolOnly = tool.filter((m) => !hit(m))
  const studentOnly = chosen.filter((c) => !tool.some((m) => c.start >= m.start && c.start < m.end))
  const total = both.length + toolOnly.length + studentOnly.length
  const result: SpotResult = {
    kind,
    both,
    toolOnly,
    studentOnly,
    agreement: total === 0 ? 1 : both.length / total,
  }
  return result
}
