/**
 * The Framelens web app over a library of stored collections (what `npm start` serves):
 * - `/collections`: the collections, and a form to make one;
 * - `/c/<id>/…`: every page of one collection (overview, article, compare, terms, exports, JSON),
 *   plus its own pages: `/manage` (add, edit and delete articles; rename or delete the
 *   collection), `/actors` (the actors editor) and `/trends` (over time and by outlet);
 * - `/api/collections…`: the collections' JSON API (./routes/library/collections-api.ts);
 * - everything else at the root is the default collection (the oldest), as the dashboard always
 *   was: `/`, `/compare?ids=…`, `/api/articles` …
 * The pages of one collection are the app of src/app.ts over that collection's store (built from
 * stored analyses, never re-analysed on a request), run inside the collection's scope so every
 * URL they write carries its prefix (src/domain/scope.ts). Form posts are checked against
 * cross-site requests (hono/csrf); the JSON API takes JSON only, which a cross-site form cannot
 * send.
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import { createApp, type AppOptions } from './app.js'
import type { CorpusStore } from './corpus-store.js'
import { collectionPath, withScope, type Scope } from './domain/scope.js'
import type { CollectionView, Library } from './library/library.js'
import { assetRoutes } from './routes/assets.js'
import { httpError, notFound, onError } from './routes/errors.js'
import { collectionsApi } from './routes/library/collections-api.js'
import { collectionPages, collectionsPage, type ImportOptions } from './routes/library/pages.js'
import { trendRoutes } from './routes/library/trends.js'
import { ResponseCache } from './routes/response-cache.js'
import { securityHeaders } from './routes/security.js'
import { adhocRoutes } from './routes/library/adhoc.js'
import { analyseInThread, type AnalyseFn } from './library/library.js'

export interface LibraryAppOptions extends AppOptions, ImportOptions {
  /** The actors a new collection starts with (data/actors.json). */
  defaultActors: () => Promise<unknown[]>
  /** How a one-off question (/c/<id>/ask) analyses: the request pool; in this thread by default. */
  adhocAnalyse?: AnalyseFn
  /** The cache of page answers (a fresh one by default). */
  responseCache?: ResponseCache
}

export function createLibraryApp(library: Library, options: LibraryAppOptions) {
  const app = new Hono()
  // What the collection middleware found, for the route under `/c/:cid` that answers the request.
  const found = new WeakMap<Request, { view: CollectionView; scope: Scope }>()
  app.onError(onError)
  app.notFound(notFound)
  app.use('*', securityHeaders())

  // One app per served store: rebuilt only when the collection changed (a new store object).
  const apps = new WeakMap<CorpusStore, Hono>()
  const appFor = (view: CollectionView) => {
    let sub = apps.get(view.store)
    if (!sub) {
      const cid = view.collection.id
      sub = createApp(view.store, {
        ...options,
        savedLessons: {
          stored: view.lessons,
          save: (lesson) => library.saveLesson(cid, lesson),
          remove: (id) => library.deleteLesson(cid, id),
        },
      })
      apps.set(view.store, sub)
    }
    return sub
  }

  const scopeOf = async (view: CollectionView, base: string): Promise<Scope> => {
    const progress = await library.progress(view.collection.id)
    return {
      base,
      collection: {
        id: view.collection.id,
        name: view.collection.name,
        stale: progress.stale,
        total: progress.total,
      },
    }
  }

  const cache = options.responseCache ?? new ResponseCache()

  /**
   * Answers the request from the collection's own app, inside its scope, without its prefix; a
   * GET answered before for the same store and scope comes from the cache (./routes/response-cache.ts).
   */
  const serve = async (c: Context, view: CollectionView, scope: Scope) => {
    const url = new URL(c.req.url)
    url.pathname = c.req.path.slice(scope.base.length) || '/'
    const request = new Request(url, c.req.raw)
    const key = cache.keyOf(view.store, scope, c.req.raw, url.pathname)
    const kept = key === undefined ? undefined : cache.get(key)
    if (kept) return kept
    const response = await withScope(scope, () => appFor(view).fetch(request, c.env))
    return key === undefined ? response : cache.put(key, response)
  }

  /** `/c/<id>`: the prefix of a collection's pages. */
  const baseOf = (cid: string) => collectionPath(cid, '').replace(/\/$/, '')

  const requireView = async (cid: string) => {
    const view = await library.view(cid)
    if (!view) throw httpError(404, `no collection "${cid}"; see /collections`)
    return view
  }

  app.route('/assets', assetRoutes())
  app.route('/api/collections', collectionsApi(library, options.defaultActors))

  // Forms post only from this site's own pages.
  app.use('/collections/*', csrf())
  app.use('/collections', csrf())
  app.use('/c/:cid/*', csrf())
  // The root serves the default collection's pages, whose forms (lessons) post too.
  app.use('/teach/*', csrf())

  app.route('/collections', collectionsPage(library, options.defaultActors))

  // The collection's own pages run in its scope, like the pages of src/app.ts.
  app.use('/c/:cid/*', async (c, next) => {
    const cid = c.req.param('cid')!
    const view = await library.view(cid)
    if (!view) {
      const message = `no collection "${cid}"; see /collections`
      // The collection's JSON API answers in JSON, like the root's (errors.tsx knows only /api).
      if (/^\/c\/[^/]+\/api(?:\/|$)/.test(c.req.path)) {
        return c.json({ error: { status: 404, message } }, 404)
      }
      throw httpError(404, message)
    }
    const scope = await scopeOf(view, baseOf(cid))
    found.set(c.req.raw, { view, scope })
    await withScope(scope, next)
  })
  app.route('/c/:cid/manage', collectionPages(library, options))
  // Trends read every article's digest: their answers are kept like the collection's pages.
  app.use('/c/:cid/trends/*', async (c, next) => {
    const { view, scope } = found.get(c.req.raw)!
    const key = cache.keyOf(view.store, scope, c.req.raw, '/trends')
    const kept = key === undefined ? undefined : cache.get(key)
    if (kept) return kept
    await next()
    if (key !== undefined) c.res = await cache.put(key, c.res)
  })
  app.route('/c/:cid/trends', trendRoutes(library))
  app.route('/c/:cid/ask', adhocRoutes(library, options.adhocAnalyse ?? analyseInThread))
  app.get('/c/:cid', (c) => c.redirect(collectionPath(c.req.param('cid')), 301))
  app.all('/c/:cid/*', (c) => {
    const { view, scope } = found.get(c.req.raw)!
    return serve(c, view, scope)
  })

  // The root: the default collection, or the way to make one when there is none.
  app.all('*', async (c) => {
    const first = await library.defaultCollection()
    if (!first) {
      if (c.req.path === '/') return c.redirect('/collections')
      throw httpError(404, `nothing at ${c.req.path}: there is no collection yet; see /collections`)
    }
    const view = await requireView(first.id)
    return serve(c, view, await scopeOf(view, ''))
  })
  return app
}
