/**
 * What every chart is made of: a Chart.js configuration that is plain JSON (no functions, so the
 * server can put it in an HTML attribute and an exporter can serialise it), the one-line
 * explanation shown under it, the Methods anchor that documents it, and what each bar stands
 * for, so a click on a bar can lead to the evidence behind it.
 *
 * Text drawn on a canvas (axis labels, dataset names, tooltips) goes through `chartText`, which
 * spells flag emoji as their letters: the export font (DejaVu Sans) and many system fonts have no
 * flags, so a 🇰🇵 would come out as two empty boxes. Numbers are rounded with `roundTo` and the
 * decimals the tables print (src/domain/rounding.ts), so a tooltip and the table agree.
 */
import type { ChartConfiguration } from 'chart.js'
import { DECIMALS, roundTo } from '../domain/rounding.js'

export { DECIMALS, roundTo }

/** What one bar shows: an article, the actor when the bar is about one, a category (a frame). */
export interface ChartPoint {
  article: string
  actor?: string
  category?: string
}

export interface ChartSpec {
  /** Stable name of the chart kind ("actor-tone-by-article" …), used in DOM ids and tests. */
  id: string
  title: string
  /** One line for readers: how the plotted numbers are computed. */
  howComputed: string
  /** Anchor of the section of /methods that documents the measure. */
  methods: string
  /** A text alternative for the canvas: the numbers in words. */
  summary: string
  config: ChartConfiguration
  /** `points[datasetIndex][dataIndex]`: what that bar shows; absent when bars lead nowhere. */
  points?: (ChartPoint | null)[][]
  /**
   * One tooltip title per label (`tooltips[dataIndex]`), on one line: the whole headline where
   * the axis label is wrapped into lines (Chart.js would join the lines with commas), the
   * sentence itself in the sentence chart (whose axis labels are only numbers). Absent when the
   * label says it all. Flag emoji spelled out, like every text drawn on the canvas.
   */
  tooltips?: string[]
}

/** A fixed axis range, so charts put side by side can be read against each other. */
export interface AxisRange {
  min: number
  max: number
}

/**
 * Sign colours for tone that is not about one actor (document tone, sentences, scored words):
 * ColorBrewer's PuOr ends, colour-blind safe and distinct from the default actor colours
 * (red, navy, green), so a sign is never mistaken for an actor.
 */
export const SIGN_COLOURS = {
  negative: '#b35806',
  positive: '#542788',
  neutral: '#8c8c8c',
} as const

/** Actor colours at 80 % opacity for bar fills; the border keeps the full colour. */
export function fill(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? `${colour}cc` : colour
}

export function signColour(value: number): string {
  return value < 0
    ? SIGN_COLOURS.negative
    : value > 0
      ? SIGN_COLOURS.positive
      : SIGN_COLOURS.neutral
}

/** Regional-indicator letters: a pair of them is a country's flag (🇰🇵 is K and P). */
const REGIONAL = /[\u{1F1E6}-\u{1F1FF}]{1,2}/gu
/** A subdivision flag: a black flag, then tag letters (🏴 g b s c t, cancel: Scotland). */
const TAG_FLAG = /\u{1F3F4}([\u{E0061}-\u{E007A}]+)\u{E007F}/gu

/**
 * Text as a chart draws it: each flag emoji spelled as its ISO code in brackets (🇰🇵 → [KP],
 * 🏴󠁧󠁢󠁳󠁣󠁴󠁿 → [GB-SCT]), because the export font has no flag glyphs and canvas text falls
 * back to boxes; spaces collapsed, since a canvas draws a line break as a space anyway.
 */
export function chartText(text: string): string {
  return text
    .replace(TAG_FLAG, (_, tags: string) => {
      const code = [...tags].map((c) => String.fromCharCode(c.codePointAt(0)! - 0xe0000)).join('')
      return `[${code.slice(0, 2).toUpperCase()}-${code.slice(2).toUpperCase()}]`
    })
    .replace(REGIONAL, (flag) => {
      const code = [...flag].map((c) => String.fromCharCode(c.codePointAt(0)! - 0x1f1e6 + 65))
      return `[${code.join('')}]`
    })
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * An axis label wrapped into lines of about `width` characters (Chart.js draws an array of strings
 * as lines), never cut: a headline is the only name a bar has, so every word of it is kept. When
 * it would take more than `maxLines` lines, the lines are made longer instead (by a quarter of
 * `width` at a time) until it fits; a word longer than a line keeps a line to itself.
 */
export function wrapLabel(text: string, width = 18, maxLines = Infinity): string[] {
  const words = chartText(text).split(' ').filter(Boolean)
  const wrapAt = (w: number): string[] => {
    const lines: string[] = []
    let line = ''
    for (const word of words) {
      if (line && line.length + 1 + word.length > w) {
        lines.push(line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    if (line) lines.push(line)
    return lines
  }
  const step = Math.max(1, Math.ceil(width / 4))
  let w = width
  let lines = wrapAt(w)
  // Ends: at a width of the whole text everything is on one line.
  while (lines.length > Math.max(1, maxLines)) lines = wrapAt((w += step))
  return lines
}

/** A number in a chart's text alternative, rounded as the tables round it (ASCII minus). */
export function chartNumber(x: number, digits: number): string {
  return String(roundTo(x, digits))
}

/** The options every chart shares: fills its sized box, draws at once (no animation). */
export function baseOptions() {
  return {
    responsive: true,
    // The box around the canvas sets the height (CSS), so charts fit narrow screens instead of
    // keeping a fixed aspect ratio that would make them tiny or very tall.
    maintainAspectRatio: false,
    // Drawn in one frame: an export or a screenshot taken while animating comes out blank.
    animation: false as const,
    plugins: { legend: { position: 'bottom' as const } },
  }
}
