/**
 * The `analyze` command's CSV: one row per article and actor. Written by the one CSV writer of
 * Framelens (src/export/table.ts over src/csv.ts: RFC 4180, CRLF, formula protection for text),
 * the same that writes the chart data exports.
 */
import type { ArticleAnalysis } from '../analysis/index.js'
import { toCsv as tableToCsv, type Cell } from '../export/table.js'

/** The CSV columns, in order: part of the contract, like the JSON shape. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'words',
  'tone_score',
  'tone_per_1000',
  'positive_per_1000',
  'negative_per_1000',
  'polarity',
  'actor',
  'mentions',
  'share',
  'actor_tone',
  'actor_label',
  'quoted_score',
  // Added with the framing measures; appended so that earlier columns keep their places.
  'tone_with_quotes',
  'label_with_quotes',
  'epithets',
  'loaded_per_1000',
  'hedges_per_1000',
  'quoted_share',
  // The learned second reading (empty when the actor is absent or only in the title).
  'model_label',
] as const

type Row = Record<(typeof CSV_COLUMNS)[number], Cell>

/**
 * The long-format table: one row per article and actor, in input and actor order. Numbers are
 * written as numbers; text (ids, titles, actors, labels, epithets) is protected from being run
 * as a spreadsheet formula; an empty cell is a value the article does not have.
 */
export function toCsv(articles: readonly ArticleAnalysis[]): string {
  const rows: Row[] = []
  for (const article of articles) {
    const { tone, framing: measures } = article
    for (const [actor, framing] of Object.entries(article.actors)) {
      rows.push({
        id: article.id,
        title: article.title,
        words: article.words,
        tone_score: tone.score,
        tone_per_1000: tone.per1000,
        positive_per_1000: tone.positivePer1000,
        negative_per_1000: tone.negativePer1000,
        polarity: tone.polarity,
        actor,
        mentions: framing ? framing.mentions : 0,
        share: framing ? framing.share : 0,
        actor_tone: framing ? framing.tone : null,
        actor_label: framing ? framing.label : 'absent',
        quoted_score: framing ? framing.quotedScore : null,
        tone_with_quotes: framing ? framing.toneWithQuotes : null,
        label_with_quotes: framing ? framing.labelWithQuotes : null,
        epithets: framing
          ? (measures.naming[actor] ?? [])
              .filter((t) => t.kind === 'epithet')
              .map((t) => `${t.term}×${t.count}`)
              .join('; ')
          : null,
        loaded_per_1000: measures.loaded.per1000,
        hedges_per_1000: measures.hedging.per1000,
        quoted_share: measures.sourcing.quotedShare,
        model_label: framing?.model?.label ?? null,
      })
    }
  }
  return tableToCsv({
    columns: CSV_COLUMNS.map((id) => ({ id, label: id })),
    rows,
    notes: [],
  })
}
