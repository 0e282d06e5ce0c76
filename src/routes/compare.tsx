/**
 * `/compare?ids=a,b[&actor=x]`: 2 to 5 articles side by side. The fragment is the columns, plus
 * the actor select out of band (a click on an actor in a column changes it); `HX-Push-Url` puts
 * the canonical `ids=a,b` form in the address bar whatever shape the form sent.
 * `&article=a&measure=…[&category=…][&about=actor]` opens the words behind a framing number of
 * column `a` in the evidence drawer (`about`, not `actor`, which is the chosen actor here), and
 * `&article=a&tone=x` the clauses behind column `a`'s tone toward actor `x`.
 * A choice that is not complete yet (one article ticked, or one too many) is no error: the picker
 * comes back with the ids ticked and says what is missing ("pick one more").
 */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { COMPARE_MAX, COMPARE_MIN, parseCompareIds } from '../domain/compare.js'
import { DomainError } from '../domain/errors.js'
import { requireActor } from '../domain/lookup.js'
import { comparison, compareModel, type CompareCue } from '../view-models/compare.js'
import { CompareView } from '../../views/components/compare-view.js'
import { compareToneUrl } from '../../views/compare-urls.js'
import { ActorField, CompareHint, ComparePage, CueDrawer } from '../../views/pages/compare.js'
import { compareUrl } from '../../views/urls.js'
import { httpError } from './errors.js'
import { render } from './htmx.js'
import { requireCueQuery } from './params.js'

/**
 * The articles of an incomplete choice: every value names articles of the corpus, none twice, but
 * too few or too many to compare. Undefined for any other list (which stays an error).
 */
function incompleteChoice(store: CorpusStore, values: readonly string[]): string[] | undefined {
  const ids = values.flatMap((v) =>
    store.get(v) !== undefined ? [v] : v.split(',').map((id) => id.trim()),
  )
  if (ids.length === 0 || ids.some((id) => store.get(id) === undefined)) return undefined
  if (new Set(ids).size !== ids.length) return undefined
  return ids.length < COMPARE_MIN || ids.length > COMPARE_MAX ? ids : undefined
}

/** What the picker says about an incomplete choice. */
export function incompleteMessage(count: number): string {
  if (count < COMPARE_MIN) {
    const more = COMPARE_MIN - count
    return more === 1
      ? 'Pick one more article to compare it with.'
      : `Pick ${more} more articles to compare.`
  }
  return `Compare takes at most ${COMPARE_MAX} articles: untick ${count - COMPARE_MAX === 1 ? 'one' : count - COMPARE_MAX}.`
}

export function compareRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/', async (c) => {
    const values = c.req.queries('ids')
    let articles
    try {
      articles = await parseCompareIds(store, values)
    } catch (err) {
      const picked =
        err instanceof DomainError && values ? incompleteChoice(store, values) : undefined
      if (!picked) throw err
      const message = incompleteMessage(picked.length)
      return render(c, {
        title: 'Compare',
        section: 'compare',
        page: () => <ComparePage store={store} picked={picked} message={message} />,
        partial: () => (
          <>
            <CompareHint message={message} />
            <CueDrawer store={store} oob />
          </>
        ),
        partialTitle: true,
        pushUrl: compareUrl(picked),
      })
    }
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
    const toneOf = c.req.query('tone')
    const cueParams = {
      measure: c.req.query('measure'),
      category: c.req.query('category'),
      actor: c.req.query('about'),
    }
    const framingAsked = Object.values(cueParams).some((v) => v !== undefined)
    if (cueArticle !== undefined) {
      const article = articles.find((a) => a.id === cueArticle)
      if (!article) {
        throw httpError(
          400,
          `article "${cueArticle}" is not among the compared articles: ${ids.join(', ')}`,
        )
      }
      if (toneOf !== undefined && framingAsked) {
        throw httpError(400, 'one evidence at a time: either &tone=actor or &measure=…')
      }
      cue =
        toneOf !== undefined
          ? { article, tone: requireActor(store, toneOf) }
          : { article, query: requireCueQuery(store, cueParams) }
    } else if (framingAsked || toneOf !== undefined) {
      throw httpError(400, `say in which column: &article=${ids.join('|')}`)
    }
    const model = compareModel(comparison(store, articles), actor, {
      actorIsDefault: actor === store.actors[0],
      ...(cue && { cue }),
    })
    // The default actor is left out of the URL, so a shared link stays short and one view has
    // one URL (the form always sends the select's value).
    const actorInUrl = model.actorIsDefault ? undefined : actor.id
    const pushUrl = !cue
      ? compareUrl(ids, actorInUrl)
      : cue.tone
        ? compareToneUrl(ids, actorInUrl, { article: cue.article.id, tone: cue.tone.id })
        : compareUrl(ids, actorInUrl, { article: cue.article.id, ...cue.query })
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
      pushUrl,
    })
  })

  return app
}
