/**
 * Pictures of the chart specs, drawn on the server: the same Chart.js configuration the browser
 * draws (`src/charts`), run by Chart.js in Node on an @napi-rs/canvas canvas. Chart.js accepts a
 * canvas-like object when it is given the 2D context, and with `responsive: false` and
 * `animation: false` it draws synchronously in its constructor, so a picture is never taken
 * mid-animation.
 *
 * PNG: a raster canvas at 2× density (`devicePixelRatio: 2`), encoded by Skia.
 * SVG: @napi-rs/canvas's SVG canvas (`new Canvas(w, h, SvgExportFlag.NoPrettyXML)`, read back with
 * `getContent()`), which records the same Skia drawing calls as vector paths and keeps text as
 * `<text>` elements. This is the documented equivalent of a "Chart.js to SVG" library: the same
 * config and the same drawing code produce both formats, so the two never disagree.
 *
 * What the browser leaves to the page around a chart is drawn into the picture, because an
 * exported image travels alone: the title, a legend (even where the page hides it because the
 * axis already names the bars), an axis title for the category axis, the one-line definition of
 * the measure and a source line, both wrapped to the width so nothing is cut off. The text is set
 * in DejaVu Sans, registered from the Debian package when the system has not already found it,
 * so the output is the same on every machine that has that font (CI installs it).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Canvas, GlobalFonts, SvgExportFlag, type SKRSContext2D } from '@napi-rs/canvas'
import {
  Chart,
  registerables,
  type ChartConfiguration,
  type ChartDataset,
  type LegendItem,
  type Plugin,
} from 'chart.js'
import { SIGN_COLOURS, type ChartSpec } from '../charts/index.js'

// Everything, not only bar and line: a chart type added to src/charts (a doughnut, a radar)
// then renders without a change here.
Chart.register(...registerables)

export type PictureFormat = 'png' | 'svg'

/** PNG pixels per CSS pixel: sharp on high-density screens and in print. */
export const PNG_PIXEL_RATIO = 2

export const EXPORT_FONT = 'DejaVu Sans'
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu'
const DEJAVU_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf']
/** What an SVG viewer without DejaVu Sans uses instead: Verdana has the closest widths. */
const SVG_FONT_FALLBACK = `${EXPORT_FONT}, Verdana, sans-serif`

const TEXT = '#222222'
const MUTED = '#555555'
const RULE = '#cccccc'

let chartDefaultsSet = false

/** Registers DejaVu Sans (once) and makes it Chart.js's font; Skia falls back if it is missing. */
export function setUpFonts(): void {
  if (chartDefaultsSet) return
  if (!GlobalFonts.has(EXPORT_FONT)) {
    for (const file of DEJAVU_FILES) {
      const path = join(DEJAVU_DIR, file)
      if (existsSync(path)) GlobalFonts.registerFromPath(path, EXPORT_FONT)
    }
  }
  Chart.defaults.font.family = `'${EXPORT_FONT}', sans-serif`
  Chart.defaults.font.size = 13
  Chart.defaults.color = '#333333'
  chartDefaultsSet = true
}

/** What to draw around the chart. */
export interface PictureOptions {
  /** Width in CSS pixels. */
  width: number
  /** Height in CSS pixels of the chart itself (title, legend, axes and bars). */
  chartHeight: number
  /** Title of the category axis when the spec has none ("article", "actor"). */
  categoryAxis?: string
  /** Articles and outlets, date of export, "Framelens": printed under the definition. */
  source: string
}

/** An encoded picture and its size in CSS pixels (a PNG has `pixelRatio` times as many). */
export interface Picture {
  body: Buffer
  width: number
  height: number
  pixelRatio: number
}

interface TextLine {
  text: string
  font: string
  colour: string
  /** Top of the line, in CSS pixels from the top of the picture. */
  y: number
}

/** The lines under the chart, laid out from `top`, and the height they take. */
interface Footer {
  lines: TextLine[]
  height: number
}

const MARGIN = 16
const CAPTION_FONT = `13px '${EXPORT_FONT}'`
const SOURCE_FONT = `11px '${EXPORT_FONT}'`
const TITLE_FONT = `bold 17px '${EXPORT_FONT}'`

/**
 * Greedy line breaking at spaces, measured with the font that will draw the text; a word wider
 * than the line on its own (a long URL) is broken between characters rather than cut off.
 */
export function wrapText(
  ctx: SKRSContext2D,
  text: string,
  font: string,
  maxWidth: number,
): string[] {
  ctx.font = font
  const fits = (s: string) => ctx.measureText(s).width <= maxWidth
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (fits(candidate)) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = word
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1
      while (cut > 1 && !fits(line.slice(0, cut))) cut--
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  if (line) lines.push(line)
  return lines
}

function layOutFooter(
  ctx: SKRSContext2D,
  spec: ChartSpec,
  options: PictureOptions,
  top: number,
): Footer {
  const maxWidth = options.width - 2 * MARGIN
  const lines: TextLine[] = []
  let y = top + 12
  for (const text of wrapText(ctx, spec.howComputed, CAPTION_FONT, maxWidth)) {
    lines.push({ text, font: CAPTION_FONT, colour: TEXT, y })
    y += 18
  }
  y += 6
  for (const text of wrapText(ctx, options.source, SOURCE_FONT, maxWidth)) {
    lines.push({ text, font: SOURCE_FONT, colour: MUTED, y })
    y += 15
  }
  return { lines, height: y + 10 - top }
}

/**
 * No ligatures: Skia's SVG writes a ligature as its own character ("ﬁ" for "fi"), so "definition"
 * could not be searched or copied from the SVG. Set on every context that draws or measures (and
 * again before each draw: resizing a canvas resets its context), so both formats lay out alike.
 */
function noLigatures(ctx: CanvasRenderingContext2D | SKRSContext2D): void {
  ;(ctx as SKRSContext2D).fontVariantLigatures = 'none'
}

/** Fills the whole canvas before anything is drawn: a PNG is never transparent. */
const whiteBackground: Plugin = {
  id: 'framelensBackground',
  beforeDraw(chart) {
    const { ctx } = chart
    noLigatures(ctx)
    ctx.save()
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, chart.width, chart.height)
    ctx.restore()
  },
}

/** Draws the definition and the source line in the space the layout padding keeps free. */
function footerPlugin(footer: Footer, top: number, width: number): Plugin {
  return {
    id: 'framelensFooter',
    afterDraw(chart) {
      const { ctx } = chart
      ctx.save()
      ctx.strokeStyle = RULE
      ctx.lineWidth = 1
      ctx.beginPath()
      ctx.moveTo(MARGIN, top + 0.5)
      ctx.lineTo(width - MARGIN, top + 0.5)
      ctx.stroke()
      ctx.textAlign = 'left'
      ctx.textBaseline = 'top'
      for (const line of footer.lines) {
        ctx.font = line.font
        ctx.fillStyle = line.colour
        ctx.fillText(line.text, MARGIN, line.y)
      }
      ctx.restore()
    },
  }
}

const SIGN_NAMES = new Map<string, string>([
  [SIGN_COLOURS.positive, 'positive'],
  [SIGN_COLOURS.negative, 'negative'],
  [SIGN_COLOURS.neutral, 'zero'],
])

const colourAt = (value: unknown, i: number): string | undefined => {
  const v = Array.isArray(value) ? value[i] : value
  return typeof v === 'string' ? v : undefined
}

const labelText = (label: unknown): string =>
  Array.isArray(label) ? String(label[0] ?? '') : String(label ?? '')

/**
 * One legend entry per colour the picture uses. A dataset of one colour is one entry (Chart.js's
 * own behaviour); a dataset coloured per bar gets an entry per colour, named by sign for tone
 * bars ("positive", "negative") or by the first bar of that colour otherwise (an actor), because
 * Chart.js would otherwise show a single swatch in one arbitrary colour.
 */
export function legendItems(chart: Chart): LegendItem[] {
  const { datasets, labels = [] } = chart.data
  const many = datasets.length > 1
  return datasets.flatMap((dataset: ChartDataset, datasetIndex): LegendItem[] => {
    const name = dataset.label ?? ''
    const fill = dataset.backgroundColor
    const border = (dataset as { borderColor?: unknown }).borderColor
    const width = (dataset as { borderWidth?: unknown }).borderWidth
    const lineWidth = typeof width === 'number' ? width : 0
    if (!Array.isArray(fill)) {
      const colour = colourAt(fill, 0) ?? '#999999'
      return [
        {
          text: name,
          fillStyle: colour,
          strokeStyle: colourAt(border, 0) ?? colour,
          lineWidth,
          hidden: false,
          datasetIndex,
        },
      ]
    }
    // A bar of 0 is invisible unless the spec gives it a minimum length: no entry for it alone.
    const zeroShows = Boolean((dataset as { minBarLength?: number }).minBarLength)
    const firstIndex = new Map<string, number>()
    dataset.data.forEach((value, i) => {
      const colour = colourAt(fill, i)
      const drawn = value !== null && value !== undefined && (value !== 0 || zeroShows)
      if (drawn && colour && !firstIndex.has(colour)) firstIndex.set(colour, i)
    })
    return [...firstIndex].map(([colour, i]) => {
      const sign = SIGN_NAMES.get(colour)
      const text = sign ? (many ? `${name}: ${sign}` : sign) : labelText(labels[i])
      return {
        text,
        fillStyle: colour,
        strokeStyle: colourAt(border, i) ?? colour,
        lineWidth,
        hidden: false,
        datasetIndex,
        index: i,
      }
    })
  })
}

/**
 * The spec's config made ready for a picture: a deep copy (the spec stays plain JSON), fixed size,
 * no animation, a wrapped title, the legend shown, every axis titled, the footer's space kept.
 */
export function pictureConfig(
  spec: ChartSpec,
  options: PictureOptions & { pixelRatio: number; titleLines: string[]; footerHeight: number },
): ChartConfiguration {
  const config = structuredClone(spec.config)
  const base = config.options ?? {}
  const indexAxis = (base as { indexAxis?: 'x' | 'y' }).indexAxis ?? 'x'
  const scales = { ...(base.scales ?? {}) } as Record<string, Record<string, unknown>>
  if (options.categoryAxis) {
    const axis = { ...(scales[indexAxis] ?? {}) }
    const title = axis.title as { display?: boolean } | undefined
    if (!title?.display) axis.title = { display: true, text: options.categoryAxis }
    scales[indexAxis] = axis
  }
  for (const [id, axis] of Object.entries(scales)) {
    const title = axis.title as Record<string, unknown> | undefined
    if (title?.display) scales[id] = { ...axis, title: { ...title, font: { size: 13 } } }
  }
  config.options = {
    ...base,
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: options.pixelRatio,
    // Tick numbers formatted the same whatever the server's locale.
    locale: 'en-GB',
    events: [],
    layout: {
      padding: { top: 8, right: MARGIN + 4, bottom: options.footerHeight + 4, left: MARGIN },
    },
    scales: scales as NonNullable<ChartConfiguration['options']>['scales'],
    plugins: {
      ...base.plugins,
      title: {
        display: true,
        text: options.titleLines,
        color: TEXT,
        font: { size: 17, weight: 'bold' },
        padding: { top: 6, bottom: 12 },
      },
      legend: {
        ...base.plugins?.legend,
        display: true,
        position: 'bottom',
        labels: { generateLabels: legendItems, color: TEXT, boxWidth: 14, padding: 14 },
      },
      tooltip: { enabled: false },
    },
  } as ChartConfiguration['options']
  config.plugins = [whiteBackground, ...(config.plugins ?? [])]
  return config
}

/** A canvas of the picture's size for the format, with its 2D context. */
function canvasFor(format: PictureFormat, width: number, height: number) {
  const canvas =
    format === 'svg'
      ? new Canvas(width, height, SvgExportFlag.NoPrettyXML)
      : new Canvas(width, height)
  return { canvas, ctx: canvas.getContext('2d') }
}

/** Adds a `<title>` and `<desc>` (the numbers in words) for screen readers and file browsers. */
function describeSvg(svg: string, spec: ChartSpec): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return svg
    .replace(/<svg\b[^>]*>/, (open) => {
      const labelled = open.replace(/>$/, ' role="img">')
      return `${labelled}<title>${escape(spec.title)}</title><desc>${escape(spec.summary)}</desc>`
    })
    .replace(new RegExp(`font-family="${EXPORT_FONT}"`, 'g'), `font-family="${SVG_FONT_FALLBACK}"`)
}

/** Draws `spec` with its title, legend, definition and source line, as PNG or SVG. */
export async function renderChart(
  spec: ChartSpec,
  format: PictureFormat,
  options: PictureOptions,
): Promise<Picture> {
  setUpFonts()
  const pixelRatio = format === 'png' ? PNG_PIXEL_RATIO : 1
  // Text is measured on a scratch canvas: the same fonts and Skia metrics as the real one.
  const measure = new Canvas(1, 1).getContext('2d')
  noLigatures(measure)
  const titleLines = wrapText(measure, spec.title, TITLE_FONT, options.width - 2 * MARGIN)
  const footer = layOutFooter(measure, spec, options, options.chartHeight)
  const width = options.width
  const height = options.chartHeight + footer.height

  const { canvas, ctx } = canvasFor(format, width, height)
  noLigatures(ctx)
  const config = pictureConfig(spec, {
    ...options,
    pixelRatio,
    titleLines,
    footerHeight: footer.height,
  })
  config.plugins = [...(config.plugins ?? []), footerPlugin(footer, options.chartHeight, width)]
  // Chart.js reads the canvas (and so the size) from the context it is given.
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config)
  try {
    if (format === 'png') {
      return { body: await canvas.encode('png'), width, height, pixelRatio }
    }
    const svg = (canvas as unknown as { getContent(): Buffer }).getContent().toString('utf8')
    return { body: Buffer.from(describeSvg(svg, spec), 'utf8'), width, height, pixelRatio }
  } finally {
    chart.destroy()
  }
}
