/**
 * What every chart is made of: a Chart.js configuration that is plain JSON (no functions, so the
 * server can put it in an HTML attribute and an exporter can serialise it), the one-line
 * explanation shown under it, the Methods anchor that documents it, and what each bar stands
 * for, so a click on a bar can lead to the evidence behind it.
 */
import type { ChartConfiguration } from 'chart.js'

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

/**
 * An axis label on at most three lines of about `width` characters: Chart.js draws an array of
 * strings as lines, and long headlines would otherwise squeeze the bars on narrow screens.
 */
export function wrapLabel(text: string, width = 18, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1]!}…`
  return kept
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
