/**
 * `/compare?ids=a,b[&actor=x]`: 2 to 5 articles side by side. The fragment is the columns, plus
 * the actor select out of band (a click on an actor in a column changes it); `HX-Push-Url` puts
 * the canonical `ids=a,b` form in the address bar whatever shape the form sent.
 * `&article=a&measure=…[&category=…][&about=actor]` opens the words behind a framing number of
 * column `a` in the evidence drawer (`about`, not `actor`, which is the chosen actor here).
 */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { parseCompareIds } from '../domain/compare.js'
import { requireActor } from '../domain/lookup.js'
import { comparison, compareModel, type CompareCue } from '../view-models/compare.js'
import { CompareView } from '../../views/components/compare-view.js'
import { ActorField, CompareHint, ComparePage, CueDrawer } from '../../views/pages/compare.js'
import { compareUrl } from '../../views/urls.js'
import { httpError } from './errors.js'
import { render } from './htmx.js'
import { requireCueQuery } from './params.js'

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
        partial: () => (
          <>
            <CompareHint />
            <CueDrawer store={store} oob />
          </>
        ),
        partialTitle: true,
        pushUrl: '/compare',
      })
    }
    const ids = articles.map((a) => a.id)
    let cue: CompareCue | undefined
    const cueArticle = c.req.query('article')
    const cueParams = {
      measure: c.req.query('measure'),
      category: c.req.query('category'),
      actor: c.req.query('about'),
    }
    if (cueArticle !== undefined) {
      const article = articles.find((a) => a.id === cueArticle)
      if (!article) {
        throw httpError(
          400,
          `article "${cueArticle}" is not among the compared articles: ${ids.join(', ')}`,
        )
      }
      cue = { article, query: requireCueQuery(store, cueParams) }
    } else if (Object.values(cueParams).some((v) => v !== undefined)) {
      throw httpError(400, `say in which column: &article=${ids.join('|')}`)
    }
    const model = compareModel(comparison(store, articles), actor, {
      actorIsDefault: actor === store.actors[0],
      ...(cue && { cue }),
    })
    return render(c, {
      title: `Compare: ${articles.map((a) => a.detail.title).join(' | ')}`,
      section: 'compare',
      page: () => <ComparePage store={store} model={model} />,
      partial: () => (
        <>
          <CompareView model={model} downloads />
          <ActorField actors={store.actors} actor={actor} oob />
          <CueDrawer store={store} model={model} oob />
        </>
      ),
      partialTitle: true,
      // The default actor is left out of the URL, so a shared link stays short and one view has
      // one URL (the form always sends the select's value).
      pushUrl: compareUrl(
        ids,
        model.actorIsDefault ? undefined : actor.id,
        cue && { article: cue.article.id, ...cue.query },
      ),
    })
  })

  return app
}
