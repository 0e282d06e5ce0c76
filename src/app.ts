/**
 * The Framelens web app: pages, fragments, JSON API and browser assets over one analysed corpus.
 * It never listens (src/server.ts does), so tests drive it in-process with `app.request()`.
 */
import { Hono } from 'hono'
import type { CorpusStore } from './corpus-store.js'
import { apiRoutes, type ApiOptions } from './routes/api.js'
import { articleRoutes } from './routes/articles.js'
import { assetRoutes } from './routes/assets.js'
import { compareRoutes } from './routes/compare.js'
import { notFound, onError } from './routes/errors.js'
import { exportRoutes } from './routes/export.js'
import { methodsRoutes } from './routes/methods.js'
import { overviewRoutes } from './routes/overview.js'
import { securityHeaders } from './routes/security.js'
import { teachRoutes } from './routes/teach.js'
import { termRoutes } from './routes/terms.js'
import { whatIfRoutes } from './routes/whatif.js'
import type { SavedLessons } from './teach/lessons.js'

export interface AppOptions extends ApiOptions {
  /** The lessons saved with the collection, where there is a database to keep them. */
  savedLessons?: SavedLessons
}

/** Builds the app over a store loaded once (see `loadStore`); requests never re-analyse. */
export function createApp(store: CorpusStore, options: AppOptions = {}) {
  const app = new Hono()
  app.onError(onError)
  app.notFound(notFound)
  app.use('*', securityHeaders())

  app.route('/', overviewRoutes(store))
  app.route('/articles', articleRoutes(store))
  app.route('/compare', compareRoutes(store))
  app.route('/terms', termRoutes(store))
  app.route('/methods', methodsRoutes(store))
  app.route('/teach', teachRoutes(store, undefined, options.savedLessons))
  app.route('/articles', whatIfRoutes(store))
  app.route('/api', apiRoutes(store, options))
  app.route('/export', exportRoutes(store))
  app.route('/assets', assetRoutes())
  return app
}
