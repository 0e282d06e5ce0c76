/**
 * Reading one article: bytes to text (refusing binary and non-UTF-8 input with a message that
 * says so), text to an article (YAML front matter, or a headline taken from the first line, or
 * the main text of an HTML page), and the body cleaned of boilerplate. The corpus loader, the
 * CLI and the upload endpoint all go through here, so a file means the same thing everywhere.
 */

import { basename } from 'node:path'
import { Readability } from '@mozilla/readability'
import { DOMParser } from 'linkedom'
import YAML from 'yaml'
import { z } from 'zod'
import { stripBoilerplate, type RemovedPassage } from './boilerplate.js'
import { InputError } from './errors.js'
import {
  MAX_FRONT_MATTER_CHARS,
  MAX_FRONT_MATTER_DEPTH,
  MAX_LINE_CHARS,
  MAX_YAML_ALIASES,
  firstLongLine,
  formatCount,
} from './limits.js'
import { readRegularFile, type ReadOptions } from './read-file.js'

export type ArticleKind = 'md' | 'txt' | 'html'

/** An article as read from a file, before analysis. */
export interface ParsedArticle {
  /** The file name without directories and extension. */
  id: string
  title: string
  /** True when `title` is a real headline (front matter, first line, HTML title); false when it
   * stands in for one (the id, or the opening words of the lead). */
  headline: boolean
  outlet?: string
  /** YYYY-MM-DD */
  date?: string
  url?: string
  author?: string
  /** Front-matter keys Framelens does not use (e.g. `seed`), kept as parsed. */
  extra: Record<string, unknown>
  /** The body after boilerplate removal: what gets analysed. */
  text: string
  /** The body before boilerplate removal (line breaks normalised to "\n"); the `line` of each
   * removed passage counts lines of this string. */
  rawBody: string
  removed: RemovedPassage[]
  /** The path it was read from, for messages; only set by `readArticleFile`. */
  file?: string
}

/** File extensions Framelens reads, and what each one is. */
export const ARTICLE_EXTENSIONS: Readonly<Record<string, ArticleKind>> = {
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.html': 'html',
  '.htm': 'html',
}

const ACCEPTED = Object.keys(ARTICLE_EXTENSIONS).join(', ')

/** The base name of a path, for Windows-style names from uploads as well as POSIX paths. */
/** The file name without its folder, by this platform's rules: on Linux "c\\d.md" is one name. */
function baseName(name: string): string {
  return basename(name)
}

function extensionOf(name: string): string {
  const base = baseName(name)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

/** The article id of a file name: its stem, without directories or extension. */
export function articleId(name: string): string {
  const base = baseName(name)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/** What kind of article a file name is, from its extension; undefined when Framelens cannot read it. */
export function articleKind(name: string): ArticleKind | undefined {
  return ARTICLE_EXTENSIONS[extensionOf(name)]
}

// ---------------------------------------------------------------------------------------------
// Bytes to text

/**
 * Decodes a file's bytes as UTF-8 text, dropping a byte-order mark. Throws `InputError` for
 * binary content (a NUL byte never occurs in text), UTF-16 (which would otherwise be reported as
 * binary) and invalid UTF-8, naming the byte offset so the user can find the bad spot.
 */
export function decodeArticleBytes(bytes: Uint8Array, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${name}: looks like UTF-16 text; save it as UTF-8`, name)
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    throw new InputError(
      `${name}: looks like a binary file (NUL byte at offset ${nul}), not text`,
      name,
    )
  }
  try {
    // A fatal decoder refuses bad bytes instead of turning them into U+FFFD, which would reach
    // the analysis as unknown words; it also drops a leading BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const where =
      offset === -1
        ? ''
        : ` (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at offset ${offset})`
    throw new InputError(`${name}: not valid UTF-8 text${where}; save the file as UTF-8`, name)
  }
}

/**
 * The offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode Table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1. TextDecoder does not say
 * where it failed, so this finds the spot for the error message.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    let length: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      if (next === undefined) return i
      const ok = k === 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xbf
      if (!ok) return i
    }
    i += length
  }
  return -1
}

// ---------------------------------------------------------------------------------------------
// Front matter

/** Text that must be there and not be blank. */
const requiredText = () =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'required' : 'must be text (put it in quotes)',
    })
    .trim()
    .min(1, 'must not be empty')

/** An ISO 8601 date-time such as 2023-12-11T23:30:00-05:00. */
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/** Calendar-checked YYYY-MM-DD. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const FrontMatter = z.looseObject({
  title: requiredText(),
  headline: z.boolean({ error: 'must be true or false' }).optional(),
  outlet: requiredText().optional(),
  author: requiredText().optional(),
  url: requiredText()
    .refine((value) => /^https?:\/\/\S+$/i.test(value), 'must be an http:// or https:// address')
    .optional(),
  // YAML 1.2 (the `yaml` package's default) reads an unquoted 2023-12-11 as text, so dates
  // arrive as strings; a Date object is accepted too. An ISO date-time keeps its date part as
  // written, which is the publisher's local date.
  date: z
    .union([z.date(), z.string()], { error: 'must be a date written YYYY-MM-DD' })
    .transform((value) => {
      if (value instanceof Date) return value.toISOString().slice(0, 10)
      const trimmed = value.trim()
      return ISO_DATE_TIME.test(trimmed) ? trimmed.slice(0, 10) : trimmed
    })
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value),
      'must be a date written YYYY-MM-DD',
    )
    .optional(),
})

const KNOWN_KEYS = new Set(['title', 'headline', 'outlet', 'author', 'url', 'date'])

interface FrontMatterData {
  title: string
  headline?: boolean
  outlet?: string
  author?: string
  url?: string
  date?: string
  extra: Record<string, unknown>
}

/**
 * Splits `---` front matter from the body, or returns undefined when the text has none. One blank
 * line after the closing `---` is a separator, not part of the body.
 */
function splitFrontMatter(
  source: string,
  name: string,
): { yaml: string; body: string } | undefined {
  const open = /^---[ \t]*\n/.exec(source)
  if (!open) return undefined
  const rest = source.slice(open[0].length)
  const close = /^---[ \t]*$/m.exec(rest)
  if (!close) {
    throw new InputError(
      `${name}: front matter opened with --- on line 1 is never closed (add a line ---)`,
      name,
    )
  }
  const body = rest
    .slice(close.index + close[0].length)
    .replace(/^\n/, '')
    .replace(/^[ \t]*\n/, '')
  return { yaml: rest.slice(0, close.index), body }
}

/**
 * How deeply the lists and maps of some YAML nest (1 for flat "key: value" lines), counted on the
 * parser's concrete syntax tree, which is built without recursion; stops counting past `limit`.
 */
function yamlDepth(yamlText: string, limit: number): number {
  interface CstNode {
    type?: string
    value?: unknown
    items?: { key?: unknown; value?: unknown }[]
  }
  let deepest = 0
  for (const token of new YAML.Parser().parse(yamlText)) {
    const stack: [unknown, number][] = [[token, 0]]
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!
      if (typeof node !== 'object' || node === null) continue
      deepest = Math.max(deepest, depth)
      if (deepest > limit) return deepest
      const { type, value, items } = node as CstNode
      if (type === 'document') stack.push([value, depth])
      else if (Array.isArray(items)) {
        for (const item of items) stack.push([item.key, depth + 1], [item.value, depth + 1])
      }
    }
  }
  return deepest
}

/** Any failure of the YAML parser as an `InputError` naming the file. */
function frontMatterError(err: unknown, name: string): InputError {
  if (err instanceof InputError) return err
  if (err instanceof YAML.YAMLError) {
    // The front matter starts on line 2 of the file (line 1 is ---).
    const pos = err.linePos?.[0]
    const where = pos ? ` (line ${pos.line + 1}, column ${pos.col})` : ''
    const reason = err.message.split(/ at line \d+, column \d+:|\n/)[0]
    return new InputError(`${name}: front matter is not valid YAML${where}: ${reason}`, name)
  }
  // The yaml package throws a ReferenceError for an alias bomb or an alias without its anchor.
  const message = err instanceof Error ? err.message : String(err)
  const reason = message.startsWith('Excessive alias count')
    ? `too many expansions of YAML aliases (*name); the limit is ${MAX_YAML_ALIASES}`
    : `cannot be read as YAML: ${message.split('\n')[0]}`
  return new InputError(`${name}: front matter: ${reason}`, name)
}

function parseFrontMatter(yamlText: string, name: string): FrontMatterData {
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    throw new InputError(
      `${name}: front matter: ${formatCount(yamlText.length)} characters; the limit is ` +
        `${formatCount(MAX_FRONT_MATTER_CHARS)} characters`,
      name,
    )
  }
  let data: unknown
  try {
    if (yamlDepth(yamlText, MAX_FRONT_MATTER_DEPTH) > MAX_FRONT_MATTER_DEPTH) {
      throw new InputError(
        `${name}: front matter: lists and maps nested more than ${MAX_FRONT_MATTER_DEPTH} ` +
          `levels deep; the limit is ${MAX_FRONT_MATTER_DEPTH} levels`,
        name,
      )
    }
    data = YAML.parse(yamlText, { maxAliasCount: MAX_YAML_ALIASES })
  } catch (err) {
    throw frontMatterError(err, name)
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${name}: front matter must be "key: value" lines`, name)
  }
  const result = FrontMatter.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${name}: front matter: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    )
    throw new InputError(problems.join('\n'), name)
  }
  const { title, headline, outlet, author, url, date } = result.data
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data as object)) {
    if (!KNOWN_KEYS.has(key)) extra[key] = value
  }
  return dropUndefined({ title, headline, outlet, author, url, date, extra })
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

// ---------------------------------------------------------------------------------------------
// Title without front matter

const DATELINE = new RegExp(
  '^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,? )?(?:' +
    '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.? \\d{1,2},? \\d{4}' +
    '|\\d{1,2} (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.? \\d{4}' +
    '|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})$',
  'i',
)

/**
 * Without front matter, the first line is the headline when it looks like one:
 * - at most 150 characters,
 * - followed by a blank line,
 * - not ending like a sentence or a lead-in (. ! ? or :),
 * - not only a date (a dateline such as "December 11, 2023" is not a title).
 * Then the title is that line (for Markdown without its leading #s) and the body starts after the
 * blank line. Otherwise the title is the id, `headline` is false and the whole text is the body.
 * Leading blank lines are skipped first.
 */
function titleFromFirstLine(
  source: string,
  id: string,
  kind: ArticleKind,
): { title: string; headline: boolean; body: string } {
  const start = /^(?:[ \t]*\n)*/.exec(source)![0].length
  const rest = source.slice(start)
  const match = /^([^\n]*)\n[ \t]*\n/.exec(rest)
  if (match) {
    let first = match[1]!.trim()
    if (kind === 'md') first = withoutClosingHashes(first.replace(/^#{1,6}\s+/, ''))
    const isHeadline =
      first.length > 0 &&
      first.length <= 150 &&
      /\p{L}/u.test(first) &&
      !/[.!?:]$/.test(first) &&
      !DATELINE.test(first)
    if (isHeadline) return { title: first, headline: true, body: rest.slice(match[0].length) }
  }
  return { title: id, headline: false, body: source }
}

/**
 * A Markdown heading without its closing #s ("Title ##" → "Title"), as `/\s+#+$/` would cut
 * them, but in linear time: that pattern retries from every space of a long run of spaces.
 */
function withoutClosingHashes(heading: string): string {
  let end = heading.length
  while (end > 0 && heading[end - 1] === '#') end--
  let start = end
  while (start > 0 && /\s/.test(heading[start - 1]!)) start--
  return end < heading.length && start < end ? heading.slice(0, start) : heading
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Elements that end a paragraph when the extracted article is turned back into text. */
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'pre',
  'table',
  'tr',
  'td',
  'th',
])

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template'])

interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

function parseHtmlDocument(html: string) {
  // linkedom builds a usable document only from a whole page; wrap fragments.
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`
  return new DOMParser().parseFromString(page, 'text/html')
}

/**
 * The text of an element with one paragraph per block element, paragraphs separated by a blank
 * line. Readability's own `textContent` runs paragraphs together ("said.Advertisement"), which
 * would break sentences and hide boilerplate lines from `stripBoilerplate`.
 */
function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = []
  let buffer = ''
  const flush = () => {
    const paragraph = buffer.replace(/\s+/g, ' ').trim()
    if (paragraph) paragraphs.push(paragraph)
    buffer = ''
  }
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) buffer += child.textContent ?? ''
      else if (child.nodeType === 1) {
        const tag = child.nodeName.toLowerCase()
        if (SKIP_TAGS.has(tag)) continue
        if (tag === 'br') {
          buffer += ' '
          continue
        }
        const block = BLOCK_TAGS.has(tag)
        if (block) flush()
        walk(child)
        if (block) flush()
      }
    }
  }
  walk(root)
  flush()
  return paragraphs
}

function extractHtml(html: string, name: string): { title?: string; body: string } {
  let article: ReturnType<Readability['parse']>
  try {
    const document = parseHtmlDocument(html)
    // linkedom's Document is not the DOM lib's type, but it is what Readability needs at runtime.
    article = new Readability(document as unknown as Document).parse()
  } catch (err) {
    throw new InputError(`${name}: could not read the HTML: ${(err as Error).message}`, name)
  }
  if (!article?.content) throw new InputError(`${name}: no article text found in the HTML`, name)
  const content = parseHtmlDocument(article.content)
  const body = paragraphsOf(content.body as unknown as DomNode).join('\n\n')
  const title = article.title?.replace(/\s+/g, ' ').trim()
  return { ...(title ? { title } : {}), body }
}

// ---------------------------------------------------------------------------------------------
// Text to article

/**
 * Turns the text of one file into an article: front matter (optional for .md and .txt), or a
 * headline from the first line, or the article of an HTML page; then the body without
 * boilerplate. `name` is the file name (or path) used in error messages; its stem is the id.
 */
export function parseArticleText(text: string, name: string, kind: ArticleKind): ParsedArticle {
  const id = articleId(name)
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

  let meta: FrontMatterData
  let headline: boolean
  let rawBody: string
  if (kind === 'html') {
    const page = extractHtml(source, name)
    const long = firstLongLine(page.body)
    if (long) {
      throw new InputError(
        `${name}: a paragraph of the page's text has ${formatCount(long.chars)} characters; ` +
          `the limit is ${formatCount(MAX_LINE_CHARS)} characters a line`,
        name,
      )
    }
    meta = { title: page.title ?? id, extra: {} }
    headline = page.title !== undefined
    rawBody = page.body
  } else {
    const long = firstLongLine(source)
    if (long) {
      throw new InputError(
        `${name}: line ${long.line} has ${formatCount(long.chars)} characters; ` +
          `the limit is ${formatCount(MAX_LINE_CHARS)} characters a line`,
        name,
      )
    }
    const split = splitFrontMatter(source, name)
    if (split) {
      meta = parseFrontMatter(split.yaml, name)
      headline = meta.headline ?? true
      rawBody = split.body
    } else {
      const first = titleFromFirstLine(source, id, kind)
      meta = { title: first.title, extra: {} }
      headline = first.headline
      rawBody = first.body
    }
  }

  const { text: clean, removed } = stripBoilerplate(rawBody)
  if (!/\p{L}/u.test(clean)) {
    throw new InputError(`${name}: no article text (empty, or only boilerplate)`, name)
  }
  const { title, outlet, date, url, author, extra } = meta
  return {
    id,
    title,
    headline,
    ...dropUndefined({ outlet, date, url, author }),
    extra,
    text: clean,
    rawBody,
    removed,
  }
}

/**
 * Reads one article file: .md/.markdown, .txt or .html/.htm. Throws `InputError` for another
 * extension, an unreadable file, one that is not a regular file or lies outside
 * `options.within` (see `readRegularFile`), one over the limits of `limits.ts`, binary or
 * non-UTF-8 content, bad front matter or no text.
 */
export async function readArticleFile(
  path: string,
  options: ReadOptions = {},
): Promise<ParsedArticle> {
  const kind = articleKind(path)
  if (!kind) {
    const ext = extensionOf(path)
    throw new InputError(
      `${path}: cannot read ${ext ? `"${ext}" files` : 'files without an extension'}; accepted: ${ACCEPTED}`,
      path,
    )
  }
  const bytes = await readRegularFile(path, options)
  return { ...parseArticleText(decodeArticleBytes(bytes, path), path, kind), file: path }
}
