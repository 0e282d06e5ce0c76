/**
 * A plain name for a technical label (issue 12, "Plain words"): the page says what a
 * 16-year-old can follow ("words typical of this article") and keeps the technical name ("G²")
 * one hover or one keyboard focus away, for readers who want to look it up in the Methods page.
 *
 * Why a focusable span and not `<abbr title>` or `<dfn>`: a `title` shows only to a mouse that
 * rests on it (never to a keyboard or a touch screen) and screen readers read it unevenly; `<dfn>`
 * marks the defining instance of a term, which is the glossary's job, not every label's. So:
 * - the technical name is in the text, visually hidden, so a screen reader reads it once, after
 *   the plain words ("words typical of this article (technical name: G²)");
 * - the stylesheet draws the same name from `data-tech` as a tooltip on `:hover` and on
 *   `:focus-visible` (its generated text has empty alternative text, so it is not read twice);
 * - one tab stop per label (`tabindex=0`), so a keyboard user can reach each tooltip; a touch
 *   focuses it too. Inside a link or a `<summary>` the label must not be a second tab stop
 *   (axe's nested-interactive): `focusable={false}` leaves the tab stop to the control, and the
 *   tooltip shows when the control has focus. Labels repeated on every row of a list pass
 *   `focusable={false}` as well, when one focusable label above (a heading) explains them, and a
 *   block that repeats a whole set of labels renders under `PlainLabels` (below).
 */
import { createContext, useContext, type Child, type FC } from 'hono/jsx'

/**
 * Whether the labels below are tab stops when they do not say (`focusable` unset). A block that
 * repeats the same labels (the second to fifth comparison column, the per-actor frame tables)
 * renders under `<PlainLabels focusable={false}>`: the first copy is the keyboard's, and the rest
 * still show the technical name on hover and read it to a screen reader.
 */
const PlainFocusContext = createContext(true)

export const PlainLabels: FC<{ focusable: boolean; children?: Child }> = ({
  focusable,
  children,
}) => <PlainFocusContext.Provider value={focusable}>{children}</PlainFocusContext.Provider>

export const Plain: FC<{ tech: string; children?: Child; focusable?: boolean }> = ({
  tech,
  children,
  focusable,
}) => {
  const tabStop = focusable ?? useContext(PlainFocusContext)
  return (
    <span class="plain" tabindex={tabStop ? 0 : undefined} data-tech={tech}>
      {children}
      <span class="visually-hidden"> (technical name: {tech})</span>
    </span>
  )
}
