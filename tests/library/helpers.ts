/**
 * A library over a SQLite file in a temporary folder, one per test file, served by the library
 * app (src/library-app.ts), and a dump of everything stored, so a refused request can be shown
 * to have written nothing: the dump before and after it are equal.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDefaultActors } from '../../src/corpus/actors.js'
import { analyseInThread, Library } from '../../src/library/library.js'
import { createLibraryApp, type LibraryAppOptions } from '../../src/library-app.js'
import { SqliteStorage } from '../../src/store/index.js'

export interface TestLibrary {
  library: Library
  app: ReturnType<typeof createLibraryApp>
  cleanup(): Promise<void>
}

export async function openTestLibrary(
  name: string,
  options: Partial<LibraryAppOptions> = {},
): Promise<TestLibrary> {
  const dir = await mkdtemp(join(tmpdir(), `framelens-${name}-`))
  const storage = new SqliteStorage(join(dir, 'library.db'))
  await storage.migrate()
  const library = new Library(storage, analyseInThread)
  const app = createLibraryApp(library, { defaultActors: loadDefaultActors, ...options })
  return {
    library,
    app,
    async cleanup() {
      await library.idle()
      await storage.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Every collection and every article, as stored (analyses included). */
export async function dump(library: Library) {
  const collections = await library.storage.listCollections()
  return Promise.all(
    collections.map(async (c) => ({
      collection: c,
      count: await library.storage.countArticles(c.id),
      articles: await library.storage.listArticles(c.id),
    })),
  )
}

export const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

/** A form post from this site's own pages (hono/csrf checks the Origin). */
export const form = (
  fields: Record<string, string> | FormData,
  origin = 'http://localhost',
): RequestInit => {
  if (fields instanceof FormData)
    return { method: 'POST', headers: { Origin: origin }, body: fields }
  return {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  }
}

/** A positive text about Russia, a negative one about North Korea, and one about neither. */
export const TEXTS = {
  praise:
    'Putin praised the friendly and successful talks. Russia welcomed the strong partnership.',
  threat: 'Pyongyang issued a brutal threat. North Korea was condemned for the terrible attack.',
  beijing: 'Beijing praised the successful summit. The weather was mild.',
}

/**
 * What a browser shows in a textarea: linkedom keeps its content as raw text (RCDATA) without
 * decoding the character references the server wrote, so they are decoded here.
 */
export function textareaValue(el: Element | null | undefined): string | undefined {
  if (!el) return undefined
  return (el.textContent ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
}
