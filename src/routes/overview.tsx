/** `/`: the overview; `?article=…&actor=…` opens the evidence behind one tone. */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { requireActor, requireArticle } from '../domain/lookup.js'
import { parsePage } from '../domain/overview.js'
import { EvidencePanel } from '../../views/components/evidence.js'
import { EvidenceHint, OverviewPage } from '../../views/pages/overview.js'
import { httpError } from './errors.js'
import { render } from './htmx.js'

export function overviewRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/', async (c) => {
    const articleId = c.req.query('article')
    const actorId = c.req.query('actor')
    if ((articleId === undefined) !== (actorId === undefined)) {
      throw httpError(400, 'name both an article and an actor (?article=…&actor=…), or neither')
    }
    const focus =
      articleId !== undefined && actorId !== undefined
        ? { article: await requireArticle(store, articleId), actor: requireActor(store, actorId) }
        : undefined
    const page = parsePage(c.req.query('page'), store.articles.length)
    return render(c, {
      title: page > 1 ? `Overview, page ${page}` : 'Overview',
      section: 'overview',
      page: () => <OverviewPage store={store} focus={focus} page={page} />,
      // What sits in the evidence region for this URL, e.g. when htmx refreshes it.
      partial: () =>
        focus ? (
          <EvidencePanel detail={focus.article.detail} actor={focus.actor} actors={store.actors} />
        ) : (
          <EvidenceHint />
        ),
    })
  })

  return app
}
