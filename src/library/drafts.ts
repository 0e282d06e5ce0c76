/**
 * An article as a user gives it (pasted, uploaded, fetched or posted to the API), checked and
 * turned into what the store keeps: an id that is free in the collection, a title (the lead's
 * opening words when there is no headline), and the hash that finds duplicates. The checks say
 * which field is wrong, for the form and the API alike.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { normalizeText } from '../analysis/index.js'
import type { RemovedPassage } from '../corpus/boilerplate.js'
import { hasLoneSurrogate } from '../domain/unicode.js'
import { stripBoilerplate } from '../corpus/boilerplate.js'
import type { ArticleRecord } from '../store/types.js'

/** Longest title, outlet or author kept; longer ones are refused, not cut. */
export const MAX_TITLE_CHARS = 300
export const MAX_FIELD_CHARS = 200
export const MAX_URL_CHARS = 2000

const text = (max?: number) => {
  let s = z.string({ error: 'must be text' })
  if (max !== undefined) s = s.max(max, `must be at most ${max} characters`)
  return s.refine((v) => !hasLoneSurrogate(v), 'holds a lone UTF-16 surrogate, which is not text')
}

/** An empty optional field is the same as a missing one (what an empty form field sends). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  // `abort`: a date not written YYYY-MM-DD is said to be so once, not also "not a real date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'must be a date written YYYY-MM-DD (e.g. 2024-06-19)',
    abort: true,
  })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
  }, 'is not a real date')

const webUrl = z
  .string({ error: 'must be a web address' })
  .max(MAX_URL_CHARS, `must be at most ${MAX_URL_CHARS} characters`)
  .refine((v) => {
    try {
      const u = new URL(v)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'must be a web address starting with http:// or https://')

/** The fields of an article a user may set; unknown keys are errors (a typo is lost data). */
export const ArticleFields = z.strictObject(
  {
    title: optional(text(MAX_TITLE_CHARS).transform((v) => v.trim())),
    text: text().refine((v) => /\p{L}/u.test(v), 'must hold some words'),
    outlet: optional(text(MAX_FIELD_CHARS).transform((v) => v.trim())),
    date: optional(isoDate),
    url: optional(webUrl),
    author: optional(text(MAX_FIELD_CHARS).transform((v) => v.trim())),
  },
  { error: 'must be an object like {"text": "…", "title": "…"}' },
)

export type ArticleFieldsInput = z.input<typeof ArticleFields>

/** The same fields, each optional: an edit. A text, when given, is checked like a new one. */
export const ArticleEdit = ArticleFields.partial()

/** What a user gave, checked: everything the store needs but the id and the hash. */
export interface ArticleDraft {
  title?: string
  /** False when the title was made from the lead; true when the user or the file gave one. */
  headline?: boolean
  text: string
  outlet?: string
  date?: string
  url?: string
  author?: string
  /** Where it came from: "pasted", "uploaded: a.html", a URL, a file name. */
  source: string
  /** What the reader took out as boilerplate, when it came from a file or a page. */
  removed?: RemovedPassage[]
  /** A wished id (a file's stem); made unique in the collection. */
  id?: string
}

/** "One Two Three …": the opening words of the lead, for an article with no headline. */
export function titleFromLead(text: string, words = 10): string {
  const all = text.trim().split(/\s+/)
  const head = all.slice(0, words).join(' ')
  return all.length > words ? `${head} …` : head
}

/** The hash that finds duplicates: of the text with quotes, dashes, spaces and case made uniform. */
export function textHash(text: string): string {
  const canonical = normalizeText(text).replace(/\s+/g, ' ').trim().toLowerCase()
  return createHash('sha256').update(canonical).digest('hex')
}

/** "Kim and Putin: a summit!" → "kim-and-putin-a-summit" (at most 60 characters; "article" if none). */
export function slugify(value: string, max = 60): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '')
  return slug || 'article'
}

/** The first of `base`, `base-2`, `base-3` … that `taken` does not hold. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/**
 * The record of a draft, the id left to the caller: pasted text is cleaned of boilerplate the
 * way files are (unless the reader already did), and a missing title comes from the lead.
 */
export function recordOf(draft: ArticleDraft, id: string): ArticleRecord {
  let body = draft.text.replace(/\r\n?/g, '\n')
  let removed = draft.removed
  if (removed === undefined) {
    const cleaned = stripBoilerplate(body)
    body = cleaned.text
    removed = cleaned.removed
  }
  const title = draft.title?.trim() || undefined
  return {
    id,
    title: title ?? titleFromLead(body),
    headline: draft.headline ?? title !== undefined,
    text: body,
    ...(draft.outlet !== undefined && { outlet: draft.outlet }),
    ...(draft.date !== undefined && { date: draft.date }),
    ...(draft.url !== undefined && { url: draft.url }),
    ...(draft.author !== undefined && { author: draft.author }),
    source: draft.source,
    removed,
    textHash: textHash(body),
  }
}
