/**
 * Reading exports back the way their users' tools would: a PNG decoded by Skia (through
 * @napi-rs/canvas, the same library that wrote it but its decoder, not its canvas state), an SVG
 * parsed as XML with its `<text>` contents joined, a CSV split by an RFC 4180 reader written
 * here, independent of the writer.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { DOMParser } from 'linkedom'

/** Width and height from the PNG's IHDR chunk, read from the bytes, not from a decoder. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature')
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: no IHDR first')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

export interface DecodedPng {
  width: number
  height: number
  /** RGBA of the pixel at (x, y). */
  pixel(x: number, y: number): [number, number, number, number]
  /** How many different colours the image has (RGBA). */
  colours: number
  /** Share of pixels that are not pure white, 0..1. */
  inked: number
}

export async function decodePng(png: Buffer): Promise<DecodedPng> {
  const image = await loadImage(png)
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  const { data } = ctx.getImageData(0, 0, image.width, image.height)
  const colours = new Set<number>()
  let inked = 0
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]
    colours.add(((r << 24) | (g << 16) | (b << 8) | a) >>> 0)
    if (r !== 255 || g !== 255 || b !== 255 || a !== 255) inked++
  }
  return {
    width: image.width,
    height: image.height,
    pixel: (x, y) => {
      const i = (y * image.width + x) * 4
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]
    },
    colours: colours.size,
    inked: inked / (image.width * image.height),
  }
}

export interface ParsedSvg {
  width: number
  height: number
  /** The text of each `<text>` element (a line of a label, a title, a caption line). */
  texts: string[]
  /** Every text joined by spaces and whitespace collapsed: wrapped lines read as one. */
  allText: string
  title: string
}

export function parseSvg(svg: string): ParsedSvg {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document
  const root = doc.documentElement
  if (!root || root.nodeName.toLowerCase() !== 'svg') throw new Error('not an SVG document')
  const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '')
  return {
    width: Number(root.getAttribute('width')),
    height: Number(root.getAttribute('height')),
    texts,
    allText: collapse(texts.join(' ')),
    title: doc.querySelector('title')?.textContent ?? '',
  }
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}: not RFC 4180`)
    else field += ch
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF')
  return rows
}

/** A CSV as objects keyed by its header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  if (!header) throw new Error('no header row')
  for (const row of rows) {
    if (row.length !== header.length) throw new Error('a row has a different number of fields')
  }
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]!])))
}

/** A CSV number cell back to a number; an empty cell is null (absent). */
export const csvNumber = (cell: string | undefined) =>
  cell === undefined || cell === '' ? null : Number(cell)
