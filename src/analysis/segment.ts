/**
 * Paragraphs, sentences and clauses, all as token ranges with character offsets.
 *
 * Scraped news puts one paragraph on each line, so every line break ends a paragraph and no
 * sentence crosses one. A sentence ends at . ! ? or … followed by a capital, a digit, an opening
 * quote or the paragraph end, unless the word before the full stop is a known abbreviation or an
 * initial (Mr. Kim, Gen. Shoigu, Vladimir V. Putin); dotted abbreviations (U.S., a.m.) are single
 * tokens and never end one mid-paragraph. Clauses split a sentence at ; : and dashes, before
 * "but", "whereas", "while" (not "a while"), "yet" and "however" (after a comma or at the
 * sentence start), and a clause opened by "while", "whereas", "although" or "though" ends at its
 * first comma ("While Washington acted wisely, Moscow lied" is two clauses).
 *
 * Closing quotes after the end mark stay with their sentence. Normalisation has made curly quotes
 * straight, so “ and ” are both `"`: a quote with a space before it and a word right after it
 * opens the next quotation (`technology." "We…`) and so starts the next sentence, not ends this one.
 */
import type { Clause, Sentence, Span, Token } from './types.js'

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen sen rep gov lt col st jr sr inc ltd co corp vs etc prof pres capt sgt adm ' +
    'maj cmdr gov dept est fig approx jan feb mar apr jun jul aug sep sept oct nov dec no vol pp'
  ).split(' '),
)
const SENTENCE_END = new Set(['.', '!', '?', '…'])
const CLOSERS = new Set(['"', "'", ')', ']', '”', '’'])
const CLAUSE_PUNCT = new Set([';', ':', '—'])
const SUBORDINATORS = new Set(['while', 'whereas', 'although', 'though'])
/** Conjunctions after which a clause weighs more, and before which it weighs less (after VADER). */
export const CONTRAST_WORDS = new Set(['but', 'yet', 'however'])
export const CONTRAST_WEIGHT_BEFORE = 0.5
export const CONTRAST_WEIGHT_AFTER = 1.5

/** A range of tokens, `first`..`last` inclusive. */
export interface TokenRange {
  first: number
  last: number
}

export interface Segmentation {
  paragraphs: (Span & TokenRange)[]
  sentences: (Sentence & TokenRange)[]
  clauses: (Clause & TokenRange)[]
}

function isUpperStart(tok: Token): boolean {
  const c = tok.text[0] ?? ''
  return c !== c.toLowerCase() || /\p{N}/u.test(c)
}

/**
 * Whether token `j` (within the paragraph up to `last`) still belongs to the end of a sentence:
 * another end mark, or a closing quote or bracket. A straight quote separated by a space from the
 * token before it and touching the token after it is an opening quote instead: curly quotes were
 * straightened, so spacing is what tells `.” “We` apart.
 */
function continuesEnd(tokens: Token[], j: number, last: number): boolean {
  const tok = tokens[j]!
  if (SENTENCE_END.has(tok.text)) return true
  if (!CLOSERS.has(tok.text)) return false
  if (tok.text !== '"' && tok.text !== "'") return true
  const prev = tokens[j - 1]
  const next = j + 1 <= last ? tokens[j + 1] : undefined
  const spaceBefore = prev !== undefined && prev.end < tok.start
  const touchesNext = next !== undefined && next.start === tok.end
  return !(spaceBefore && touchesNext)
}

/** Whether the full stop at token `i` ends a sentence. */
function endsSentence(tokens: Token[], i: number, last: number): boolean {
  const tok = tokens[i]!
  if (!SENTENCE_END.has(tok.text)) return false
  let j = i + 1
  while (j <= last && continuesEnd(tokens, j, last)) j++
  if (j > last) return true
  if (tok.text === '.') {
    const prev = tokens[i - 1]
    if (prev && prev.kind === 'word' && prev.end === tok.start) {
      if (ABBREVIATIONS.has(prev.lower)) return false
      if (prev.text.length === 1 && prev.text !== prev.lower) return false // an initial: V.
    }
  }
  const next = tokens[j]!
  // The next sentence opens with a capital, a digit or an opening quote/bracket.
  return isUpperStart(next) || next.text === '"' || next.text === '(' || next.text === "'"
}

/** Where the sentence-ending marks (and closing quotes after them) stop. */
function sentenceLastToken(tokens: Token[], i: number, last: number): number {
  let j = i
  while (j + 1 <= last && continuesEnd(tokens, j + 1, last)) j++
  return j
}

/** Splits the tokens of a text into paragraphs, sentences and clauses. */
export function segment(text: string, tokens: Token[]): Segmentation {
  const paragraphs: Segmentation['paragraphs'] = []
  const sentences: Segmentation['sentences'] = []
  const clauses: Segmentation['clauses'] = []

  // Paragraphs: runs of tokens with no line break between them.
  let pStart = 0
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1]
    const breaks = !next || text.slice(tokens[i]!.end, next.start).includes('\n')
    if (breaks) {
      paragraphs.push({ first: pStart, last: i, start: tokens[pStart]!.start, end: tokens[i]!.end })
      pStart = i + 1
    }
  }

  paragraphs.forEach((p, pi) => {
    let sStart = p.first
    for (let i = p.first; i <= p.last; i++) {
      if (i === p.last || endsSentence(tokens, i, p.last)) {
        const last = i === p.last ? i : sentenceLastToken(tokens, i, p.last)
        sentences.push({
          first: sStart,
          last,
          start: tokens[sStart]!.start,
          end: tokens[last]!.end,
          paragraph: pi,
        })
        sStart = last + 1
        i = last
      }
    }
  })

  sentences.forEach((s, si) => splitClauses(tokens, s, si, clauses))
  return { paragraphs, sentences, clauses }
}

function splitClauses(
  tokens: Token[],
  s: TokenRange,
  si: number,
  out: Segmentation['clauses'],
): void {
  const starts: number[] = [s.first]
  let subordinateOpen = SUBORDINATORS.has(tokens[s.first]!.lower)
  for (let i = s.first + 1; i <= s.last; i++) {
    const tok = tokens[i]!
    const prev = tokens[i - 1]!
    const last = starts[starts.length - 1]!
    if (tok.kind === 'punct') {
      if (CLAUSE_PUNCT.has(tok.text) || (tok.text === '-' && prev.end < tok.start)) {
        if (i + 1 <= s.last) starts.push(i + 1)
        subordinateOpen = false
        continue
      }
      if (tok.text === ',' && subordinateOpen) {
        if (i + 1 <= s.last) starts.push(i + 1)
        subordinateOpen = false
      }
      continue
    }
    const afterPunct = prev.kind === 'punct' && (prev.text === ',' || prev.text === ';')
    let boundary = false
    if (tok.lower === 'but' || tok.lower === 'whereas') boundary = true
    else if (tok.lower === 'while') boundary = prev.lower !== 'a'
    else if (tok.lower === 'yet' || tok.lower === 'however') boundary = afterPunct
    else if (
      (tok.lower === 'although' || tok.lower === 'though') &&
      prev.lower !== 'as' &&
      prev.lower !== 'even'
    )
      boundary = true
    else if (tok.lower === 'even' && tokens[i + 1]?.lower === 'though') boundary = true
    // A boundary word right after a clause start (", but" already split by the comma rule) is not a new clause.
    if (boundary && i > last) {
      // the comma before the conjunction stays with the earlier clause
      starts.push(i)
      subordinateOpen = SUBORDINATORS.has(tok.lower) || tok.lower === 'even'
    }
  }

  const ranges = starts
    .map((first, k) => ({ first, last: (starts[k + 1] ?? s.last + 1) - 1 }))
    .filter((r) => r.last >= r.first && rangeHasWord(tokens, r))

  // Contrast: clauses from the first "but"/"yet"/"however" on weigh more, those before it less.
  const pivot = ranges.findIndex((r) => CONTRAST_WORDS.has(tokens[r.first]!.lower))
  ranges.forEach((r, k) => {
    let weight = 1
    if (pivot >= 0) weight = k < pivot ? CONTRAST_WEIGHT_BEFORE : CONTRAST_WEIGHT_AFTER
    out.push({ ...trimRange(tokens, r), sentence: si, weight })
  })
}

function rangeHasWord(tokens: Token[], r: TokenRange): boolean {
  for (let i = r.first; i <= r.last; i++) if (tokens[i]!.kind !== 'punct') return true
  return false
}

/** The clause's character span, without leading punctuation such as a dash or comma. */
function trimRange(tokens: Token[], r: TokenRange): TokenRange & Span {
  let first = r.first
  while (
    first < r.last &&
    tokens[first]!.kind === 'punct' &&
    !CLOSERS.has(tokens[first]!.text) &&
    tokens[first]!.text !== '"' &&
    tokens[first]!.text !== '('
  )
    first++
  return { first, last: r.last, start: tokens[first]!.start, end: tokens[r.last]!.end }
}
