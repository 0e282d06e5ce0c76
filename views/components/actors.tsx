/**
 * How an actor's framing reads in tables: the tone with its label, or "absent" (never a number)
 * when the article never names the actor; and the link that loads the evidence behind it. A
 * link is named by what it shows; what it does is its description (`title`), never an
 * `aria-label` that would replace the visible words: the name a speech user says and a screen
 * reader user hears is the one on screen (WCAG 2.5.3, axe's label-content-name-mismatch).
 */
import type { Child, FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import type { ActorDigest } from '../../src/domain/digest.js'
import { signed } from '../format.js'
import { useRenderMode } from './render-mode.js'

/** Where an evidence link goes: `href` without JavaScript, `get` into `target` with htmx. */
export interface HxLink {
  href: string
  get: string
  target: string
  /** The URL that says what is on screen after the swap. */
  push: string
  /** How to swap; by default the region's content, scrolled into view. */
  swap?: string
}

/**
 * A link that works as a plain link and that htmx upgrades to a partial swap. `data-hx-link` lets
 * the chart script find it from a bar's URL and click it, so a chart click and a table click do
 * exactly the same thing. Where the render mode has no htmx (the offline snapshot), the htmx
 * attributes go and the link leads where the mode points it, or nowhere (text, no `href`).
 * `label` says what the link does, as its description (`title`, see above).
 * While its request runs the link carries htmx's `htmx-request` class, which the stylesheet
 * shows as a spinner beside it.
 */
export const SwapLink: FC<{ link: HxLink; class?: string; children?: Child; label?: string }> = ({
  link,
  class: cls,
  children,
  label,
}) => {
  const mode = useRenderMode()
  const href = mode.link(link.href)
  const hx = mode.swaps && href !== null
  return (
    <a
      href={href ?? undefined}
      class={cls}
      title={label}
      data-hx-link={href === null ? undefined : ''}
      hx-get={hx ? link.get : undefined}
      hx-target={hx ? link.target : undefined}
      hx-swap={hx ? (link.swap ?? 'innerHTML show:top') : undefined}
      hx-push-url={hx ? link.push : undefined}
    >
      {children}
    </a>
  )
}

export const ActorSwatch: FC<{ actor: Actor }> = ({ actor }) => (
  <span class="swatch" style={`--actor:${actor.colour}`} aria-hidden="true" />
)

export const ToneValue: FC<{ framing: ActorDigest | null }> = ({ framing }) =>
  framing ? (
    <span class={`tone tone-${framing.label}`}>
      <span class="tone-number">{signed(framing.tone)}</span>{' '}
      <span class="tone-label">{framing.label}</span>
    </span>
  ) : (
    <span class="absent">absent</span>
  )
