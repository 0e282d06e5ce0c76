/**
 * Where the tool is unreliable for one article (issue 12), from what its analysis already holds,
 * so the article page and the comparison's columns can say so at the spot:
 * - sarcasm: the loaded-language lexicon's ridicule & sarcasm markers ("Oh, good.") were found,
 *   and a word list reads a sarcastic "good" as good;
 * - the share of the article's words that have a tone value in the word list (AFINN-165 and the
 *   news additions): every other word counts as neutral, so a low share means the tone rests on
 *   few words;
 * - an article too short for stable rates per 1,000 words.
 * (Where the learned reading disagrees with the lexicon label, the actor tables say so beside it:
 * views/components/model-reading.tsx.) Pure: numbers in, numbers out, no wording.
 */
import { LOADED_CATEGORIES, type ArticleDetail } from '../analysis/index.js'

/**
 * Under this many words an article's rates per 1,000 words are not stable: one word moves a rate
 * by 1000 / words, so at 150 words a single tone word (value ±2) moves the document's tone by more
 * than 13 per 1,000 and a single cue moves a framing rate by almost 7. The teaching pages warn
 * from the same length.
 */
export const SHORT_ARTICLE_WORDS = 150

/** The category of the loaded-language lexicon that holds the ridicule and sarcasm markers. */
export const SARCASM_CATEGORY = 'ridicule-sarcasm'

/**
 * A word as the engine counts `words`: every token that is not punctuation (the token pattern of
 * src/analysis/text.ts less its punctuation branch), so a phrase's words count like the article's.
 */
const WORD_RE =
  /(?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu

const wordsIn = (text: string) => text.match(WORD_RE)?.length ?? 0

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The sarcasm cues with punctuation inside ("oh, good", "oh, great"): the engine's phrase matcher
 * joins words across spaces and hyphens only, so it never finds them (its hits lack them). They
 * are looked for here in the title and the text, the comma followed by any spaces.
 */
const PUNCTUATED_SARCASM: RegExp | null = (() => {
  const cues =
    LOADED_CATEGORIES.find((c) => c.id === SARCASM_CATEGORY)?.cues.filter((c) =>
      /[^\p{L}\p{M}\p{N}\s'-]/u.test(c),
    ) ?? []
  if (cues.length === 0) return null
  const body = cues.map((c) => escape(c).replace(/\s+/g, '\\s+')).join('|')
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu')
})()

export interface Reliability {
  words: number
  /** Fewer than SHORT_ARTICLE_WORDS words. */
  short: boolean
  /**
   * Words inside a word or phrase of the tone word list, each of a phrase's words counted: those
   * in scare quotes and negated ones too, as the list knows them whatever they count for.
   */
  toneWords: number
  /** toneWords as a share of the article's words, in percent, to one decimal; 0 when empty. */
  toneWordShare: number
  /** The ridicule and sarcasm markers found, as written, each once: the title's, then in text order. */
  sarcasm: string[]
}

export type ReliabilityInput = Pick<ArticleDetail, 'title' | 'text' | 'words' | 'scoredWords'> & {
  framing: { loaded: Pick<ArticleDetail['framing']['loaded'], 'hits'> }
}

export function reliability(detail: ReliabilityInput): Reliability {
  const toneWords = detail.scoredWords.reduce((n, w) => n + wordsIn(w.text), 0)
  const punctuated = (text: string, offset: (i: number) => number) =>
    PUNCTUATED_SARCASM
      ? [...text.matchAll(PUNCTUATED_SARCASM)].map((m) => ({ at: offset(m.index), text: m[0] }))
      : []
  const found = [
    ...punctuated(detail.title, () => -1),
    ...punctuated(detail.text, (i) => i),
    ...detail.framing.loaded.hits
      .filter((h) => h.category === SARCASM_CATEGORY)
      .map((h) => ({ at: h.start, text: h.text })),
  ].sort((a, b) => a.at - b.at)
  const sarcasm = [...new Set(found.map((f) => f.text))]
  return {
    words: detail.words,
    short: detail.words < SHORT_ARTICLE_WORDS,
    toneWords,
    toneWordShare: detail.words === 0 ? 0 : Math.round((toneWords / detail.words) * 1000) / 10,
    sarcasm,
  }
}
