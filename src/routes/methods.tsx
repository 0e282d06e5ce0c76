/** `/methods`: how every measure is computed, with its thresholds, references and limits. */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { MethodsPage } from '../../views/pages/methods.js'
import { render } from './htmx.js'

export function methodsRoutes(store: CorpusStore) {
  const app = new Hono()
  app.get('/', (c) =>
    render(c, {
      title: 'Methods',
      section: 'methods',
      page: () => <MethodsPage actors={store.actors} />,
    }),
  )
  return app
}
