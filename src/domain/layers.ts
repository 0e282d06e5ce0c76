/**
 * The framing layers an article's text can show on top of its mentions and scored words. They
 * are chosen with `?layers=a,b` (checkboxes that work without JavaScript), so a highlighted view
 * has a URL; the default shows the layers that are sparse enough to read at once. Their labels
 * are the views' (views/layers.ts).
 */

/** Every layer, in the order a URL lists them. */
export const LAYERS = ['loaded', 'hedging', 'quotes', 'naming', 'frames'] as const
/** One framing layer of an article's text. */
export type Layer = (typeof LAYERS)[number]

/** Frames mark most sentences and epithets repeat the loaded words: both wait to be asked for. */
export const DEFAULT_LAYERS: readonly Layer[] = ['loaded', 'hedging', 'quotes']

/** Whether `x` names a layer. */
export const isLayer = (x: string): x is Layer => (LAYERS as readonly string[]).includes(x)
