/**
 * `/compare?ids=a,b[&actor=x]`: 2 to 5 articles side by side. The fragment is the columns, plus
 * the actor select out of band (a click on an actor in a column changes it); `HX-Push-Url` puts
 * the canonical `ids=a,b` form in the address bar whatever shape the form sent.
 */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import {
  ActorField,
  CompareHint,
  ComparePage,
  CompareView,
  type CompareSelection,
} from '../../views/pages/compare.js'
import { compareUrl } from '../../views/urls.js'
import { render } from './htmx.js'
import { parseCompareIds, requireActor } from './params.js'

export function compareRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/', (c) => {
    const articles = parseCompareIds(store, c.req.queries('ids'))
    const actorId = c.req.query('actor')
    const actor = actorId ? requireActor(store, actorId) : store.actors[0]!
    if (!articles) {
      return render(c, {
        title: 'Compare',
        section: 'compare',
        page: () => <ComparePage store={store} />,
        partial: () => <CompareHint />,
        partialTitle: true,
        pushUrl: '/compare',
      })
    }
    const selection: CompareSelection = { articles, actor }
    const ids = articles.map((a) => a.id)
    const distinctive = store.distinctiveWithin(ids)
    return render(c, {
      title: `Compare: ${articles.map((a) => a.detail.title).join(' | ')}`,
      section: 'compare',
      page: () => <ComparePage store={store} selection={selection} distinctive={distinctive} />,
      partial: () => (
        <>
          <CompareView store={store} selection={selection} distinctive={distinctive} />
          <ActorField actors={store.actors} actor={actor} oob />
        </>
      ),
      partialTitle: true,
      // The default actor is left out of the URL, so a shared link stays short and one view has
      // one URL (the form always sends the select's value).
      pushUrl: compareUrl(ids, actor === store.actors[0] ? undefined : actor.id),
    })
  })

  return app
}
