/**
 * Normalisation and tokenisation: the one pass over the characters that every measure reuses.
 *
 * Normalisation maps each UTF-16 code unit to exactly one code unit (curly quotes to straight,
 * dash variants to one dash, odd spaces to a space), so an offset into the normalised text is
 * also an offset into the original: highlights drawn on the text as published line up.
 */
import type { Token } from './types.js'

const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u2033': '"', // ″
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '\u2014', // figure dash
  '\u2013': '\u2014', // en dash
  '\u2015': '\u2014', // horizontal bar
  '\u2212': '-', // minus
  '\u00A0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\r': ' ',
  '\t': ' ',
}
const CHAR_CLASS = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g')

/** Straightens quotes and unifies dashes and spaces, keeping the length (and so every offset). */
export function normalizeText(text: string): string {
  return text.replace(CHAR_CLASS, (c) => CHAR_MAP[c] ?? c)
}

/*
 * Token pattern, tried left to right at each position:
 *  1. dotted abbreviations (U.S., a.m., e.g.) as one word, so their dots end no sentence;
 *  2. numbers with inner separators (33.5, 2:45, 11,000);
 *  3. words: letters, marks and digits, with inner apostrophes (Russia's, won't);
 *     hyphens split words, and matchers treat "Jong-un" and "Jong un" alike;
 *  4. any other single non-space character as punctuation.
 */
const TOKEN_RE =
  /((?:\p{L}\.){2,})|(\p{N}+(?:[.,:]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*)|(\S)/gu

/** Splits normalised text into tokens with offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  TOKEN_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const value = m[0]
    const kind =
      m[1] !== undefined || m[3] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'punct'
    // With the u flag, \S takes a whole code point, so an emoji's surrogate pair stays together.
    const end = m.index + value.length
    const raw = text.slice(m.index, end)
    tokens.push({ text: raw, lower: raw.toLowerCase(), kind, start: m.index, end })
  }
  return tokens
}

/** The form a word takes in matchers and term counts: lower case, possessive 's dropped. */
export function termKey(lower: string): string {
  if (lower.endsWith("'s")) return lower.slice(0, -2)
  return lower
}

/** True when the characters between two tokens let them form one phrase (spaces or hyphens). */
export function joinsPhrase(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    // space, hyphen, apostrophe (Workers' Party); a newline or any other mark breaks a phrase
    if (c !== 32 && c !== 45 && c !== 39) return false
  }
  return true
}
