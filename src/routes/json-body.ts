/**
 * Reading a JSON request body the same way on every API route: JSON only (415 otherwise, which
 * also keeps cross-site forms out: a browser cannot send `application/json` to another site
 * without asking first), UTF-8 only (malformed bytes are refused rather than turned into U+FFFD,
 * as the corpus loader does), and zod's issues turned into one message naming each field.
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import { httpError } from './errors.js'

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

/** `articles.0.text: must not be empty; title: must be text` */
export function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.')
      const what =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message
      return where ? `${where}: ${what}` : what
    })
    .join('; ')
}

/** The body as JSON; `what` names it in the 415 ("the articles", "the collection"). */
export async function readJson(c: Context, what: string): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw httpError(
      415,
      `send ${what} as JSON (Content-Type: application/json), not ${type || 'no type'}`,
    )
  }
  try {
    return JSON.parse(STRICT_UTF8.decode(await c.req.arrayBuffer()))
  } catch (err) {
    if (err instanceof TypeError)
      throw httpError(400, 'the body is not valid UTF-8; send the JSON encoded as UTF-8')
    throw httpError(400, `the body is not valid JSON: ${(err as Error).message}`)
  }
}

/** Parses with `schema`, or a 422 naming every field that is wrong. */
export function parseBody<T extends z.ZodType>(schema: T, json: unknown): z.output<T> {
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw httpError(422, zodMessage(parsed.error))
  return parsed.data
}
