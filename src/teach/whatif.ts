/**
 * What-if: the student replaces a word or phrase, deletes a sentence or swaps an epithet, in one
 * article of a lesson or of the article reader, and sees every score of the edited text beside
 * the original's, with the words that moved each one. The edited text is analysed by the store's own analyser, exactly as a new
 * article would be, so its scores are those of the edited text analysed directly. Nothing is
 * saved. The input is bounded: the phrases by `MAX_EDIT_CHARS`, the edited text by the engine's
 * own limits (src/analysis/limits.ts), which refuse it with a message naming the limit.
 */
import {
  AnalysisLimitError,
  MAX_ALIAS_CHARS,
  isQuotedSpeech,
  type Actor,
  type ArticleDetail,
  type ScoredWord,
} from '../analysis/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'

/** The longest phrase a student may search for or put in (as long as an actor alias may be). */
export const MAX_EDIT_CHARS = MAX_ALIAS_CHARS

export interface Edit {
  /** Word or phrase to replace (whole words, any case); empty for none. */
  find: string
  replace: string
  /** 0-based index of a sentence to delete, or null. */
  drop: number | null
  /** An epithet of the article (one of `epithetsOf`) to swap for `swap`; empty for none. */
  epithet: string
  swap: string
}

/** An epithet the article pins on an actor, as written (lower-cased), for the swap list. */
export interface EpithetChoice {
  text: string
  actor: string
}

/** The article's epithets (name-calling and role words alike), once each, in text order. */
export function epithetsOf(detail: ArticleDetail): EpithetChoice[] {
  const found: (EpithetChoice & { start: number })[] = []
  for (const [actor, terms] of Object.entries(detail.framing.naming))
    for (const t of terms ?? [])
      if (t.kind === 'epithet')
        for (const s of t.spans)
          found.push({
            text: detail.text.slice(s.start, s.end).toLowerCase(),
            actor,
            start: s.start,
          })
  found.sort((a, b) => a.start - b.start)
  const seen = new Set<string>()
  return found
    .filter((e) => !seen.has(e.text) && seen.add(e.text))
    .map(({ text, actor }) => ({ text, actor }))
}

/** Reads and bounds an edit from query or form values. */
export function parseEdit(
  detail: ArticleDetail,
  values: { find?: string; replace?: string; drop?: string; epithet?: string; swap?: string },
): Edit {
  const find = (values.find ?? '').trim()
  const replace = (values.replace ?? '').trim()
  const epithet = (values.epithet ?? '').trim().toLowerCase()
  const swap = (values.swap ?? '').trim()
  for (const [name, v] of [
    ['find', find],
    ['replace', replace],
    ['epithet', epithet],
    ['swap', swap],
  ] as const)
    if (v.length > MAX_EDIT_CHARS)
      throw new DomainError(
        'too-large',
        `${name} has ${v.length} characters; the limit is ${MAX_EDIT_CHARS}`,
      )
  let drop: number | null = null
  if (values.drop !== undefined && values.drop !== '') {
    const n = Number(values.drop)
    if (!Number.isInteger(n) || n < 0 || n >= detail.sentenceSpans.length)
      throw new DomainError(
        'bad-request',
        `drop must be a sentence number from 0 to ${detail.sentenceSpans.length - 1}`,
      )
    drop = n
  }
  if (epithet !== '') {
    const choices = epithetsOf(detail).map((e) => e.text)
    if (!choices.includes(epithet))
      throw new DomainError(
        'bad-request',
        choices.length > 0
          ? `epithet must be one of the article’s epithets: ${choices.join(', ')}`
          : 'this article pins no epithet on an actor, so there is none to swap',
      )
  }
  return { find, replace, drop, epithet, swap }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every whole-word, any-case occurrence of `find` in `text` replaced by `by`, and how many. */
function replaceWords(text: string, find: string, by: string): { text: string; count: number } {
  let count = 0
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(find)}(?![\\p{L}\\p{N}])`, 'giu')
  const out = text.replace(re, () => {
    count++
    return by
  })
  return { text: out, count }
}

/**
 * The article's text with the edit applied: the sentence dropped first, then the replacement,
 * then the epithet swap.
 */
export function applyEdit(
  detail: ArticleDetail,
  edit: Edit,
): { text: string; replaced: number; swapped: number } {
  let text = detail.text
  if (edit.drop !== null) {
    const s = detail.sentenceSpans[edit.drop]!
    // Drop the sentence and the spaces after it, keeping paragraph breaks.
    const after = /^[ \t]*/.exec(text.slice(s.end))![0].length
    text = text.slice(0, s.start) + text.slice(s.end + after)
  }
  let replaced = 0
  if (edit.find !== '') ({ text, count: replaced } = replaceWords(text, edit.find, edit.replace))
  let swapped = 0
  if (edit.epithet) ({ text, count: swapped } = replaceWords(text, edit.epithet, edit.swap))
  return { text, replaced, swapped }
}

/** A scored word as the comparison counts it: the same word with the same value. */
const wordKey = (w: ScoredWord) => `${w.text.toLowerCase()}\u0000${w.value}`

/** Words counted in one analysis and not the other (multiset difference), in text order. */
function difference(a: readonly ScoredWord[], b: readonly ScoredWord[]): ScoredWord[] {
  const left = new Map<string, number>()
  for (const w of b) left.set(wordKey(w), (left.get(wordKey(w)) ?? 0) + 1)
  return a.filter((w) => {
    const n = left.get(wordKey(w)) ?? 0
    if (n > 0) {
      left.set(wordKey(w), n - 1)
      return false
    }
    return true
  })
}

const ownVoice = (detail: ArticleDetail, actor: string) =>
  (detail.actors[actor]?.evidence ?? []).flatMap((e) =>
    e.words.filter((w) => !isQuotedSpeech(w.quoted)),
  )

export interface ActorChange {
  actor: Actor
  before: ArticleDetail['actors'][string]
  after: ArticleDetail['actors'][string]
  /** Own-voice words toward the actor that the edit took away, and those it added. */
  removed: ScoredWord[]
  added: ScoredWord[]
}

export interface WhatIf {
  article: StoredArticle
  edit: Edit
  replaced: number
  /** Times the epithet was swapped. */
  swapped: number
  text: string
  before: ArticleDetail
  after: ArticleDetail
  actors: ActorChange[]
  /** Scored words of the whole text the edit took away and added (document tone). */
  removed: ScoredWord[]
  added: ScoredWord[]
}

/** Analyses the edited article and sets it beside the original. */
export function whatIf(store: CorpusStore, article: StoredArticle, edit: Edit): WhatIf {
  const { text, replaced, swapped } = applyEdit(article.detail, edit)
  if (text.trim() === '') throw new DomainError('bad-request', 'the edit leaves no text')
  let after: ArticleDetail
  try {
    after = store.analyzer.analyze({
      id: article.id,
      title: article.detail.title,
      headline: article.meta.headline,
      text,
    }).detail
  } catch (err) {
    if (err instanceof AnalysisLimitError) throw new DomainError('too-large', err.message)
    throw err
  }
  const before = article.detail
  return {
    article,
    edit,
    replaced,
    swapped,
    text,
    before,
    after,
    actors: store.actors.map((actor) => ({
      actor,
      before: before.actors[actor.id] ?? null,
      after: after.actors[actor.id] ?? null,
      removed: difference(ownVoice(before, actor.id), ownVoice(after, actor.id)),
      added: difference(ownVoice(after, actor.id), ownVoice(before, actor.id)),
    })),
    removed: difference(before.scoredWords, after.scoredWords),
    added: difference(after.scoredWords, before.scoredWords),
  }
}

/**
 * The what-if a request asks for with its query (`find`, `replace`, `drop`, `epithet`, `swap`),
 * or undefined when it asks for none: the lesson's what-if and the article reader's read it alike.
 */
export function whatIfFromQuery(
  store: CorpusStore,
  article: StoredArticle,
  query: (name: string) => string | undefined,
): WhatIf | undefined {
  if (!['find', 'drop', 'epithet'].some((k) => query(k) !== undefined)) return undefined
  return whatIf(
    store,
    article,
    parseEdit(article.detail, {
      find: query('find'),
      replace: query('replace'),
      drop: query('drop'),
      epithet: query('epithet'),
      swap: query('swap'),
    }),
  )
}
