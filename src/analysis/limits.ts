/**
 * The most the engine takes in one piece. Analysis time and memory grow linearly with the text,
 * but an unbounded input still means unbounded work, so every entry point (corpus loader, CLI,
 * `/api/analyze`) refuses larger input with a message that names the limit. The numbers sit far
 * above real news: the longest article of the bundled corpus has about 1,600 words, a long
 * feature 10,000, and the longest sentence of any of them under 100 tokens.
 */

/** Words (tokens that are not punctuation) in one article's body. */
export const MAX_ARTICLE_WORDS = 100_000
/** Tokens (words and punctuation) in one sentence as the segmenter cuts it. */
export const MAX_SENTENCE_TOKENS = 5_000
/** Actors in one actor set. */
export const MAX_ACTORS = 50
/** Aliases (and exclusions) of one actor. */
export const MAX_ALIASES = 200
/** Words in one alias or exclusion ("Democratic People's Republic of Korea" has 6). */
export const MAX_ALIAS_WORDS = 12
/** Characters in one alias or exclusion. */
export const MAX_ALIAS_CHARS = 120

/** Which limit an input broke, for callers that map it to a status or an exit code. */
export type LimitName = 'article-words' | 'sentence-tokens' | 'actors' | 'aliases' | 'alias-length'

/** Input larger than the engine takes; the message names the limit and how far over it is. */
export class AnalysisLimitError extends Error {
  override name = 'AnalysisLimitError'
  constructor(
    message: string,
    readonly limit: LimitName,
  ) {
    super(message)
  }
}

const fmt = (n: number) => n.toLocaleString('en-GB')

/** Throws `AnalysisLimitError` when an article has more words than `MAX_ARTICLE_WORDS`. */
export function checkArticleWords(words: number): void {
  if (words > MAX_ARTICLE_WORDS)
    throw new AnalysisLimitError(
      `the text has ${fmt(words)} words; the limit is ${fmt(MAX_ARTICLE_WORDS)} words an article`,
      'article-words',
    )
}

/** Throws `AnalysisLimitError` when sentence number `index` (0-based) is too long. */
export function checkSentenceTokens(tokens: number, index: number): void {
  if (tokens > MAX_SENTENCE_TOKENS)
    throw new AnalysisLimitError(
      `sentence ${index + 1} has ${fmt(tokens)} words and marks; the limit is ` +
        `${fmt(MAX_SENTENCE_TOKENS)} a sentence (is the text missing its full stops?)`,
      'sentence-tokens',
    )
}

/** Throws `AnalysisLimitError` when an actor set is larger than the limits allow. */
export function checkActorSet(
  actors: readonly { id: string; aliases: readonly string[]; exclude?: readonly string[] }[],
): void {
  if (actors.length > MAX_ACTORS)
    throw new AnalysisLimitError(
      `${fmt(actors.length)} actors; the limit is ${MAX_ACTORS} actors`,
      'actors',
    )
  for (const a of actors) {
    const phrases = [...a.aliases, ...(a.exclude ?? [])]
    if (phrases.length > MAX_ALIASES)
      throw new AnalysisLimitError(
        `actor "${a.id}" has ${fmt(phrases.length)} aliases and exclusions; the limit is ${MAX_ALIASES}`,
        'aliases',
      )
    for (const p of phrases) {
      const message = aliasProblem(p)
      if (message) throw new AnalysisLimitError(`actor "${a.id}": ${message}`, 'alias-length')
    }
  }
}

/** What is wrong with one alias or exclusion's length, or null when it is within the limits. */
export function aliasProblem(phrase: string): string | null {
  const shown = phrase.length > 40 ? `${phrase.slice(0, 40)}…` : phrase
  if (phrase.length > MAX_ALIAS_CHARS)
    return `"${shown}" has ${fmt(phrase.length)} characters; the limit is ${MAX_ALIAS_CHARS} an alias`
  const words = phrase.split(/\s+/).filter((w) => w !== '').length
  if (words > MAX_ALIAS_WORDS)
    return `"${shown}" has ${words} words; the limit is ${MAX_ALIAS_WORDS} an alias`
  return null
}
