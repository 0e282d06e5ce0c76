/**
 * An analysis as the database keeps it, and back. The stored JSON is the engine's output minus
 * what the article row already holds (the text) and minus what depends on the other articles of
 * the collection (distinctive terms, recomputed when a collection is served), so adding an
 * article never makes the others' stored analyses wrong.
 */
import type { AnalysedArticle, ArticleDetail } from '../analysis/index.js'
import { digestOf, type ArticleDigest } from '../domain/digest.js'
import type { StoredAnalysis, StoredDigest } from '../store/types.js'

interface Encoded {
  detail: Omit<ArticleDetail, 'text'>
  terms: [string, number][]
}

export function encodeAnalysis(analysed: AnalysedArticle, key: string): StoredAnalysis {
  const detail: Partial<ArticleDetail> = { ...analysed.detail }
  delete detail.text
  const data: Encoded = {
    detail: {
      ...(detail as Omit<ArticleDetail, 'text'>),
      keywords: { ...analysed.detail.keywords, distinctive: [] },
    },
    terms: [...analysed.terms],
  }
  return { key, data, digest: encodeDigest(analysed) }
}

/** The digest stored beside an analysis (see `StoredAnalysis.digest`). */
export function encodeDigest(analysed: AnalysedArticle): StoredDigest {
  return { digest: digestOf(analysed.detail), terms: [...analysed.terms] }
}

export function decodeDigest(digest: unknown): ArticleDigest {
  return digest as ArticleDigest
}

/** The analysis of an article whose text is `text` (the row's own), as the engine made it. */
export function decodeAnalysis(stored: StoredAnalysis, text: string): AnalysedArticle {
  const data = stored.data as Encoded
  return { detail: { ...data.detail, text } as ArticleDetail, terms: new Map(data.terms) }
}
