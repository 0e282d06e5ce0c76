/**
 * Rewriting the markup Hono's JSX renders, tag by tag, without parsing it into a DOM and
 * serialising it back: the offline snapshot uses it to drop `hx-*` attributes, re-point links and
 * rename ids. A DOM round trip is what let a title forge a chart: linkedom's serialiser escapes
 * only `"` in attribute values, so a literal `&quot;` in user text came back out as `"` inside the
 * `data-chart` JSON.
 *
 * Why the output is exactly what the browser will read:
 * - Text between tags is copied byte for byte. Hono escaped it (`&`, `<`, `>`, `"`, `'`), so it
 *   holds no `<` and nothing here ever decodes or re-encodes it.
 * - End tags are copied byte for byte, and must close the element they match.
 * - A start tag is read with Hono's own grammar only: a tag name, then ` name="value"` pairs, then
 *   `>` (or `/>` on a void element). Each value is decoded from the five references Hono writes
 *   (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`), which a browser decodes the same way, and every
 *   value is written back with those five characters escaped again, as Hono escapes them: an
 *   attribute nobody changes comes out as Hono wrote it.
 * - Anything else (a comment, a `<` in text, an unknown reference, a `<` inside a `<script>` or
 *   `<style>`, an end tag that does not match) is refused with an error rather than guessed at.
 */

/** An attribute of a start tag, its value decoded. */
export interface Attribute {
  name: string
  value: string
}

/** A start tag handed to an edit: change `attributes` in place, or return `'remove'`. */
export interface StartTag {
  readonly name: string
  attributes: Attribute[]
}

/** What an edit does with an element: nothing to say keeps it; `'remove'` drops it whole. */
export type TagEdit = 'remove' | void

/** The elements that have no end tag (Hono writes them as `<input …/>`). */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

/** Elements whose content a browser does not read as markup: it must be plain escaped text. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
])

const START_TAG = /<([A-Za-z][A-Za-z0-9-]*)((?: [A-Za-z0-9_.:-]+="[^"]*")*)(\/?)>/y
const ATTRIBUTE = / ([A-Za-z0-9_.:-]+)="([^"]*)"/g
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.:-]+$/
const END_TAG = /<\/([A-Za-z][A-Za-z0-9-]*)>/y

const DECODED: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
}
const ENCODED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** An attribute value as the browser reads it; only the references Hono writes are accepted. */
export function decodeAttribute(raw: string): string {
  return raw.replace(/&[^;&]*;?/g, (ref) => {
    const char = DECODED[ref]
    if (char === undefined) throw new Error(`unexpected character reference ${JSON.stringify(ref)}`)
    return char
  })
}

/** A value safe between double quotes, escaped as Hono escapes it: `& < > " '`. */
export const encodeAttribute = (value: string) => value.replace(/[&<>"']/g, (c) => ENCODED[c]!)

/** The value of attribute `name` (the first, as a browser takes it), or undefined. */
export const getAttribute = (tag: StartTag, name: string) =>
  tag.attributes.find((a) => a.name === name)?.value

/** Sets attribute `name`, in its place if it is there, else at the end. */
export function setAttribute(tag: StartTag, name: string, value: string): void {
  const existing = tag.attributes.find((a) => a.name === name)
  if (existing) existing.value = value
  else tag.attributes.push({ name, value })
}

export function removeAttribute(tag: StartTag, name: string): void {
  tag.attributes = tag.attributes.filter((a) => a.name !== name)
}

function fail(html: string, at: number, what: string): never {
  const context = JSON.stringify(html.slice(Math.max(0, at - 40), at + 40))
  throw new Error(`cannot rewrite the markup at ${at}: ${what} (near ${context})`)
}

/**
 * Calls `edit` on every start tag of `html` (markup rendered by Hono's JSX) in document order and
 * returns the markup with its edits: attributes changed as `edit` left them, elements it removed
 * left out with everything inside them. Throws on markup Hono would not write (see above).
 */
export function rewriteMarkup(html: string, edit: (tag: StartTag) => TagEdit): string {
  const out: string[] = []
  const open: string[] = []
  /** While an element is being removed, the depth of `open` it started at. */
  let removing: number | null = null
  let at = 0
  while (at < html.length) {
    const lt = html.indexOf('<', at)
    const textEnd = lt === -1 ? html.length : lt
    if (removing === null) out.push(html.slice(at, textEnd))
    at = textEnd
    if (lt === -1) break

    if (html.startsWith('</', at)) {
      END_TAG.lastIndex = at
      const end = END_TAG.exec(html)
      if (!end) fail(html, at, 'not an end tag')
      if (open.at(-1) !== end[1]) fail(html, at, `</${end[1]}> does not close <${open.at(-1)}>`)
      open.pop()
      if (removing === null) out.push(end[0])
      else if (open.length === removing) removing = null
      at += end[0].length
      continue
    }

    START_TAG.lastIndex = at
    const start = START_TAG.exec(html)
    if (!start) fail(html, at, 'not a tag Hono writes')
    const source = start[0]
    const name = start[1]!
    const selfClosing = start[3]!
    const isVoid = VOID.has(name.toLowerCase())
    // Nothing closes <plaintext>: the rest of the document would be its text.
    if (name.toLowerCase() === 'plaintext') fail(html, at, '<plaintext> is never closed')
    if (selfClosing && !isVoid) fail(html, at, `<${name}/> is not a void element`)
    at += source.length
    if (RAW_TEXT.has(name.toLowerCase())) {
      // Its content is not markup to a browser: accept only text with no `<` up to its end tag.
      const close = html.indexOf('<', at)
      if (close === -1 || !html.startsWith(`</${name}>`, close)) {
        fail(html, at, `<${name}> must hold escaped text only`)
      }
    }

    if (removing === null) {
      const tag: StartTag = {
        name,
        attributes: [...start[2]!.matchAll(ATTRIBUTE)].map((m) => ({
          name: m[1]!,
          value: decodeAttribute(m[2]!),
        })),
      }
      if (edit(tag) === 'remove') {
        if (!isVoid) removing = open.length
      } else {
        const attributes = tag.attributes.map((a) => {
          if (!ATTRIBUTE_NAME.test(a.name)) fail(html, at, `bad attribute name ${a.name}`)
          return ` ${a.name}="${encodeAttribute(a.value)}"`
        })
        out.push(`<${name}${attributes.join('')}${selfClosing}>`)
      }
    }
    if (!isVoid) open.push(name)
  }
  if (open.length > 0) fail(html, at, `<${open.at(-1)}> is never closed`)
  return out.join('')
}

/** Calls `visit` on every start tag of `html`, in document order (see `rewriteMarkup`). */
export function forEachStartTag(html: string, visit: (tag: Readonly<StartTag>) => void): void {
  rewriteMarkup(html, (tag) => {
    visit(tag)
  })
}
