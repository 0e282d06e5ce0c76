/**
 * The app the teaching tests drive: `createApp(store)` with the teaching routes and their
 * stylesheet mounted the way src/app.ts and views/assets.ts will register them (they are edited
 * by others meanwhile), over the bundled corpus.
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { createApp } from '../../src/app.js'
import { loadStore, type CorpusStore, type StoredArticle } from '../../src/corpus-store.js'
import { notFound, onError } from '../../src/routes/errors.js'
import { securityHeaders } from '../../src/routes/security.js'
import { teachRoutes } from '../../src/routes/teach.js'
import type { LessonShelf } from '../../src/teach/lessons.js'

const TEACH_CSS = readFileSync(new URL('../../views/teach.css', import.meta.url), 'utf8')

export function teachApp(store: CorpusStore, shelf?: LessonShelf) {
  const app = new Hono()
  app.onError(onError)
  app.notFound(notFound)
  // As the library app serves it: a strict Content-Security-Policy (no inline script).
  app.use('*', securityHeaders())
  app.get('/assets/teach.css', (c) =>
    c.body(TEACH_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  )
  app.route('/teach', teachRoutes(store, shelf))
  app.route('/', createApp(store))
  return app
}

let bundled: Promise<CorpusStore> | undefined
/** The bundled corpus (corpus/ and data/actors.json), loaded once per test file. */
export const bundledStore = () => (bundled ??= loadStore())

/** One article with its whole analysis, as the pages read it (`CorpusStore.load`). */
export async function loadArticle(store: CorpusStore, id: string): Promise<StoredArticle> {
  const [article] = await store.load([id])
  if (!article) throw new Error(`no article "${id}" in the store`)
  return article
}

/** Every article of the store with its whole analysis, in corpus order. */
export const loadAll = (store: CorpusStore) => store.load(store.articles.map((a) => a.id))
