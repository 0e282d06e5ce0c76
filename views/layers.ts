/**
 * What the article page calls each framing layer of its text. The layers themselves, their order
 * and the default choice are the domain's (src/domain/layers.ts), which the routes check
 * `?layers=` against.
 */
import type { Layer } from '../src/domain/layers.js'

export const LAYER_LABELS: Record<Layer, string> = {
  loaded: 'loaded language',
  hedging: 'hedges',
  quotes: 'quotes and their sources',
  naming: 'epithets',
  frames: 'frame cues',
}
