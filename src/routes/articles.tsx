/**
 * `/articles/:id`: one article (`?actor=` opens the evidence for that actor), and
 * `/articles/:id/evidence?actor=…`: the evidence behind the tone toward one actor, the fragment
 * the overview and article pages swap in, or a page of its own when visited directly.
 */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { EvidencePanel } from '../../views/components/evidence.js'
import { ArticlePage } from '../../views/pages/article.js'
import { articleUrl, overviewUrl } from '../../views/urls.js'
import { httpError } from './errors.js'
import { render } from './htmx.js'
import { requireActor, requireArticle } from './params.js'

export function articleRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/:id', (c) => {
    const article = requireArticle(store, c.req.param('id'))
    const actorId = c.req.query('actor')
    const focus = actorId !== undefined ? requireActor(store, actorId) : undefined
    return render(c, {
      title: article.detail.title,
      section: 'article',
      page: () => <ArticlePage store={store} article={article} focus={focus} />,
    })
  })

  app.get('/:id/evidence', (c) => {
    const article = requireArticle(store, c.req.param('id'))
    const actorId = c.req.query('actor')
    if (actorId === undefined)
      throw httpError(400, 'say whose evidence: ?actor=' + store.actors.map((a) => a.id).join('|'))
    const actor = requireActor(store, actorId)
    const panel = () => (
      <EvidencePanel detail={article.detail} actor={actor} actors={store.actors} />
    )
    return render(c, {
      title: `Evidence: ${actor.label} in “${article.detail.title}”`,
      section: 'article',
      partial: panel,
      page: () => (
        <>
          <p class="crumbs">
            <a href={overviewUrl({ article: article.id, actor: actor.id })}>Overview</a> ›{' '}
            <a href={articleUrl(article.id, actor.id)}>article</a> › evidence
          </p>
          {panel()}
        </>
      ),
    })
  })

  return app
}
