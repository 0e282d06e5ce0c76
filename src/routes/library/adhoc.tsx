/**
 * `/c/:cid/ask?label=…&names=…`: the collection's articles analysed with one more actor, for
 * this answer only (see views/pages/adhoc.tsx). It is the one page that runs the engine on a
 * request, so it is bounded: at most `MAX_ADHOC_ARTICLES` articles, in the request pool with
 * its time budget (503 with Retry-After when busy); beyond that, save the actor instead.
 */
import { Hono } from 'hono'
import { resolveActors } from '../../corpus/actors.js'
import { slugify } from '../../library/drafts.js'
import type { AnalyseFn, Library } from '../../library/library.js'
import { AnalysisBusyError, AnalysisTimeoutError } from '../../pool/analyze-pool.js'
import { checkActors } from '../../library/library.js'
import { DomainError } from '../../domain/errors.js'
import { AdhocForm, AdhocPage } from '../../../views/pages/adhoc.js'
import { httpError } from '../errors.js'
import { render } from '../htmx.js'

export const MAX_ADHOC_ARTICLES = 200
export const MAX_ADHOC_NAMES = 20

export function adhocRoutes(library: Library, analyse: AnalyseFn) {
  const app = new Hono()
  app.get('/', async (c) => {
    const cid = c.req.param('cid')!
    const view = await library.view(cid)
    if (!view) throw httpError(404, `no collection "${cid}"`)
    const label = (c.req.query('label') ?? '').trim()
    const names = (c.req.query('names') ?? '')
      .split(/[,\n]/)
      .map((n) => n.trim())
      .filter(Boolean)
    if (label === '' && names.length === 0) {
      return render(c, {
        title: 'Ask about another actor',
        section: 'trends',
        page: () => <AdhocForm />,
      })
    }
    const refuse = (message: string, status: 400 | 413 = 400) =>
      render(c, {
        title: 'Ask about another actor',
        section: 'trends',
        status,
        page: () => <AdhocForm label={label} names={names.join(', ')} error={message} />,
      })
    if (label === '') return refuse('label: say who the actor is')
    if (label.length > 60) return refuse('label: at most 60 characters')
    if (names.length === 0) return refuse('names: give at least one name, e.g. China, Beijing')
    if (names.length > MAX_ADHOC_NAMES) return refuse(`names: at most ${MAX_ADHOC_NAMES}`)
    const articles = view.store.articles
    if (articles.length > MAX_ADHOC_ARTICLES) {
      return refuse(
        `this collection has ${articles.length} articles; a one-off question reads at most ` +
          `${MAX_ADHOC_ARTICLES}. Add the actor on the actors page instead: it is then scored ` +
          'once, in the background, and kept.',
        413,
      )
    }
    const id = `ask-${slugify(label, 30)}`
    let actors
    try {
      const defs = checkActors([
        ...view.collection.actors.filter((a) => a.id !== id),
        { id, label, aliases: names },
      ])
      actors = resolveActors(defs)
    } catch (err) {
      if (err instanceof DomainError) return refuse(err.message)
      throw err
    }
    let analysed
    try {
      const loaded = await view.store.load(articles.map((a) => a.id))
      analysed = await analyse(
        actors,
        loaded.map((a) => ({
          id: a.id,
          title: a.detail.title,
          headline: a.meta.headline,
          text: a.detail.text,
        })),
      )
    } catch (err) {
      if (err instanceof AnalysisBusyError || err instanceof AnalysisTimeoutError) {
        c.header('Retry-After', '5')
        throw httpError(503, `${err.message}; try again in a few seconds`)
      }
      throw err
    }
    const actor = actors.find((a) => a.id === id)!
    return render(c, {
      title: `How these articles speak of ${label}`,
      section: 'trends',
      page: () => <AdhocPage actor={actor} names={names} details={analysed.map((a) => a.detail)} />,
    })
  })
  return app
}
