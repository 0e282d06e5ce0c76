/**
 * `/articles/:id`: one article. `?actor=` opens the evidence behind the tone toward that actor;
 * `?measure=…&category=…&actor=…` the evidence behind a framing number instead; `?layers=` says
 * which framing layers the text highlights. `/articles/:id/evidence?actor=…` and
 * `/articles/:id/cues?measure=…` are those two evidence panels: the fragments the pages swap in,
 * or pages of their own when visited directly.
 */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { DEFAULT_LAYERS } from '../domain/layers.js'
import { requireActor, requireArticle } from '../domain/lookup.js'
import { CuePanel } from '../../views/components/cue-evidence.js'
import { EvidencePanel } from '../../views/components/evidence.js'
import { MEASURE_INFO, selectCues } from '../../views/cues.js'
import { ArticlePage, type ArticleEvidence } from '../../views/pages/article.js'
import { articleUrl, overviewUrl, type ArticleView } from '../../views/urls.js'
import { httpError } from './errors.js'
import { render } from './htmx.js'
import { parseLayers, requireCueQuery } from './params.js'

export function articleRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/:id', async (c) => {
    // The page lists the article's terms distinctive against the whole corpus.
    const article = await requireArticle(store, c.req.param('id'), { distinctive: true })
    const layers = parseLayers(c.req.queries('layers')) ?? DEFAULT_LAYERS
    const actorId = c.req.query('actor')
    const measure = c.req.query('measure')
    const category = c.req.query('category')
    // One evidence panel at a time: with a measure, `actor` is the actor the measure is about.
    let evidence: ArticleEvidence | undefined
    let view: ArticleView = { layers }
    if (measure !== undefined || category !== undefined) {
      const cue = requireCueQuery(store, { measure, category, actor: actorId })
      evidence = { cue }
      view = { cue, layers }
    } else if (actorId !== undefined) {
      const actor = requireActor(store, actorId)
      evidence = { actor }
      view = { actor: actor.id, layers }
    }
    return render(c, {
      title: article.detail.title,
      section: 'article',
      page: () => (
        <ArticlePage store={store} article={article} evidence={evidence} layers={layers} />
      ),
      // The layers form sends its boxes in checkbox form; the address bar gets the short one.
      pushUrl: articleUrl(article.id, view),
    })
  })

  app.get('/:id/evidence', async (c) => {
    const article = await requireArticle(store, c.req.param('id'))
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

  app.get('/:id/cues', async (c) => {
    const article = await requireArticle(store, c.req.param('id'))
    const cue = requireCueQuery(store, {
      measure: c.req.query('measure'),
      category: c.req.query('category'),
      actor: c.req.query('actor'),
    })
    const selection = selectCues(article.detail, cue, store.actors)
    const panel = () => (
      <CuePanel detail={article.detail} selection={selection} actors={store.actors} />
    )
    return render(c, {
      title: `${MEASURE_INFO[cue.measure].title}: ${selection.heading} in “${article.detail.title}”`,
      section: 'article',
      partial: panel,
      page: () => (
        <>
          <p class="crumbs">
            <a href={overviewUrl()}>Overview</a> ›{' '}
            <a href={articleUrl(article.id, { cue })}>article</a> › evidence
          </p>
          {panel()}
        </>
      ),
    })
  })

  return app
}
