/**
 * The data behind a chart as a table, written as CSV or JSON. Every compared article is in the one
 * table (one column per article, or one per actor when the rows are articles), so a comparison
 * never comes out as one file per query.
 *
 * The JSON document (`DataDocument`) is:
 *
 * ```
 * { chart, title, definition, methods,          // what the numbers are and where it is documented
 *   exported, generator: "Framelens",            // when and by what
 *   query?,                                      // the term, for term-hits-by-article
 *   articles: [{ id, title, outlet?, date?, url? }],
 *   actors: [{ id, label, colour }],
 *   columns: [{ id, label }],                    // in order; the CSV header is the labels
 *   rows: [{ <column id>: string | number | null }],
 *   notes: [string] }                            // how to read empty cells and units
 * ```
 *
 * Numbers are the analysis's own, unrounded, so they equal what `/api/compare` gives; `null` (an
 * empty CSV cell) is a value the analysis does not have, such as the tone toward an absent actor.
 */
import type { Actor } from '../analysis/index.js'
import type { ArticleEntry } from '../corpus-store.js'
import { csvField, textCell } from '../csv.js'

export type Cell = string | number | null

export interface DataColumn {
  id: string
  label: string
}

export interface DataTable {
  columns: DataColumn[]
  rows: Record<string, Cell>[]
  notes: string[]
}

export interface ArticleRef {
  id: string
  title: string
  outlet?: string
  date?: string
  url?: string
}

export interface DataDocument extends DataTable {
  chart: string
  title: string
  definition: string
  methods: string
  exported: string
  generator: 'Framelens'
  query?: string
  articles: ArticleRef[]
  actors: { id: string; label: string; colour: string }[]
}

export function articleRef(article: ArticleEntry): ArticleRef {
  const { outlet, date, url } = article.meta
  return {
    id: article.id,
    title: article.digest.title,
    ...(outlet !== undefined && { outlet }),
    ...(date !== undefined && { date }),
    ...(url !== undefined && { url }),
  }
}

export const actorRef = (actor: Actor) => ({
  id: actor.id,
  label: actor.label,
  colour: actor.colour,
})

function csvCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  return csvField(typeof cell === 'number' ? String(cell) : textCell(cell))
}

/** A header row of the column labels, then one line per row; CRLF line ends (RFC 4180). */
export function toCsv(table: DataTable): string {
  const lines = [
    table.columns.map((c) => csvCell(c.label)).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvCell(row[c.id])).join(',')),
  ]
  return lines.map((line) => `${line}\r\n`).join('')
}
