/**
 * Where the markup is going: the dashboard (the default, with no provider) or a file that must
 * work without a server (the offline snapshot, src/export/snapshot.tsx). The components that write
 * links, htmx attributes and ids read it while they render (`useRenderMode`), so the snapshot
 * renders the comparison's own components under a `RenderModeContext.Provider` and never
 * rewrites their markup:
 * - `link` says what a dashboard URL becomes: itself, another URL (an in-page anchor), or `null`
 *   for no link (the element stays, as text, without `href`);
 * - `swaps`: `SwapLink` writes its htmx attributes only where there is htmx and a server to ask;
 * - `methodsLinks`: "How this is computed" links to the Methods page, or none (the definition is
 *   printed beside them);
 * - `idSuffix`: `--<suffix>` on each id the comparison defines and on each reference to it
 *   (`modeId`), where the same view is rendered once per actor in one document;
 * - `marksChosen`: the chosen actor's table row is marked (`class="chosen"`), or not where the
 *   table stands for every actor alike.
 * With no provider every component renders exactly what the dashboard always had.
 */
import { createContext, useContext, type Child, type FC } from 'hono/jsx'
import { methodsUrl } from '../urls.js'

export interface RenderMode {
  link: (href: string) => string | null
  swaps: boolean
  methodsLinks: boolean
  idSuffix?: string
  marksChosen: boolean
}

/** The dashboard: every link as it is, htmx, the Methods links, ids as written. */
export const DASHBOARD: RenderMode = {
  link: (href) => href,
  swaps: true,
  methodsLinks: true,
  marksChosen: true,
}

export const RenderModeContext = createContext<RenderMode>(DASHBOARD)

export const useRenderMode = (): RenderMode => useContext(RenderModeContext)

/** An id (or a space-separated list of id references) with the mode's suffix, if any. */
export function modeId(mode: RenderMode, id: string): string
export function modeId(mode: RenderMode, id: string | undefined): string | undefined
export function modeId(mode: RenderMode, id: string | undefined): string | undefined {
  if (id === undefined || !mode.idSuffix) return id
  return id
    .split(/\s+/)
    .map((x) => `${x}--${mode.idSuffix}`)
    .join(' ')
}

/** A plain link to a dashboard URL: without `href` (text only) where the mode has no link. */
export const Link: FC<{ href: string; children?: Child }> = ({ href, children }) => {
  const to = useRenderMode().link(href)
  return <a href={to ?? undefined}>{children}</a>
}

/** A link to a section of the Methods page, or nothing where the mode has no Methods page. */
export const MethodsLink: FC<{ anchor: string; children?: Child }> = ({ anchor, children }) =>
  useRenderMode().methodsLinks ? <a href={methodsUrl(anchor)}>{children}</a> : null
