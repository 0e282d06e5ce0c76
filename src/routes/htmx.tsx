/**
 * One URL, two answers: the whole page for a browser navigation, or only the fragment htmx asked
 * for. htmx 4 marks its requests with `HX-Request: true` and says with `HX-Request-Type` whether
 * it will swap the whole body ("full": a history restore or a boosted link) or a part
 * ("partial"); a restore must get the whole page or the body would be replaced by a fragment.
 * Both headers change the answer, so both are in `Vary` (caches must not mix the two).
 */
import type { Context } from 'hono'
import { html } from 'hono/html'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { scoped } from '../domain/scope.js'
import { Layout, PartialTitle, PrintSource, type Section } from '../../views/layout.js'

export const VARY = 'HX-Request, HX-Request-Type'

/** Whether htmx asked for a fragment to swap into part of the page. */
export function wantsPartial(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-Request-Type') !== 'full'
}

export interface Rendering {
  title: string
  section?: Section
  /** The content of `<main>` for a full page. */
  page: () => JSX.Element
  /** The fragment for htmx; a page with no fragment of its own gives its main content. */
  partial?: () => JSX.Element
  /** Sets the document title from the fragment too (only for fragments that change the view). */
  partialTitle?: boolean
  /** Canonical URL htmx pushes after the swap instead of the request's URL (`HX-Push-Url`). */
  pushUrl?: string
  status?: ContentfulStatusCode
}

/** Answers with the page or the fragment, always with `Vary`. */
export function render(c: Context, r: Rendering) {
  c.header('Vary', VARY)
  const status = r.status ?? 200
  // The address a printout names: the canonical one when the route has it.
  // In a collection the app sees its URL without the collection's prefix: put it back.
  const here = new URL(c.req.url)
  const address = new URL(r.pushUrl ?? scoped(here.pathname + here.search), here).href
  if (wantsPartial(c)) {
    if (r.pushUrl) c.header('HX-Push-Url', r.pushUrl)
    const fragment = (r.partial ?? r.page)()
    return c.html(
      <>
        {r.partialTitle ? <PartialTitle title={r.title} /> : null}
        {fragment}
        {r.pushUrl ? <PrintSource url={address} oob /> : null}
      </>,
      status,
    )
  }
  return c.html(
    html`<!doctype html>${(
        <Layout title={r.title} section={r.section} url={address}>
          {r.page()}
        </Layout>
      )}`,
    status,
  )
}
