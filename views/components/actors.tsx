/**
 * How an actor's framing reads in tables: the tone with its label, or "absent" (never a number)
 * when the article never names the actor; and the link that loads the evidence behind it.
 */
import type { Child, FC } from 'hono/jsx'
import type { Actor, ActorFraming } from '../../src/analysis/index.js'
import { signed } from '../format.js'

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
 * exactly the same thing.
 */
export const SwapLink: FC<{ link: HxLink; class?: string; children?: Child; label?: string }> = ({
  link,
  class: cls,
  children,
  label,
}) => (
  <a
    href={link.href}
    class={cls}
    aria-label={label}
    data-hx-link=""
    hx-get={link.get}
    hx-target={link.target}
    hx-swap={link.swap ?? 'innerHTML show:top'}
    hx-push-url={link.push}
  >
    {children}
  </a>
)

export const ActorSwatch: FC<{ actor: Actor }> = ({ actor }) => (
  <span class="swatch" style={`--actor:${actor.colour}`} aria-hidden="true" />
)

export const ToneValue: FC<{ framing: ActorFraming | null }> = ({ framing }) =>
  framing ? (
    <span class={`tone tone-${framing.label}`}>
      <span class="tone-number">{signed(framing.tone)}</span>{' '}
      <span class="tone-label">{framing.label}</span>
    </span>
  ) : (
    <span class="absent">absent</span>
  )
