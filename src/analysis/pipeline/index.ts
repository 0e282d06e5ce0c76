/**
 * The engine as a pipeline: the stages that fill in an `ArticleDocument` (document.ts), in the
 * order they run. The files are numbered in the same order, so the tree reads as the pipeline:
 *
 *   01 normalise → 02 tokenise → 03 segment → 04 quotes → 05 mentions → 06 tone →
 *   07 attribution → 08 framing (naming, frames, loaded, sourcing, hedging) → 09 actors →
 *   10 keywords → 11 detail → 12 model
 *
 * Each stage reads only what is given or written before it (tests/analysis/pipeline.test.ts).
 * Attribution follows tone because it reads the scored words; the framing measures and the
 * actors' tone read the attribution links; the model reads the assembled detail.
 */
import { normalise } from './01-normalise.js'
import { tokenise } from './02-tokenise.js'
import { segmentation } from './03-segment.js'
import { quotes } from './04-quotes.js'
import { mentions } from './05-mentions.js'
import { tone } from './06-tone.js'
import { attribution } from './07-attribution.js'
import { frames, hedging, loaded, naming, sourcing } from './08-framing.js'
import { actors } from './09-actors.js'
import { keywords } from './10-keywords.js'
import { detail } from './11-detail.js'
import { model } from './12-model.js'
import type { AnyStage, ArticleDocument, Given } from './document.js'

export { GIVEN, type AnyStage, type ArticleDocument, type Field, type Given } from './document.js'

/** The stages in the order they run. */
export const STAGES: readonly AnyStage[] = [
  normalise,
  tokenise,
  segmentation,
  quotes,
  mentions,
  tone,
  attribution,
  naming,
  frames,
  loaded,
  sourcing,
  hedging,
  actors,
  keywords,
  detail,
  model,
]

/** Runs every stage over one document; a limit check in a stage throws before later ones run. */
export function runPipeline(given: Given, stages: readonly AnyStage[] = STAGES): ArticleDocument {
  // Filled in stage by stage: each reads only what the stages before it wrote.
  const doc = { ...given } as ArticleDocument
  for (const s of stages) Object.assign(doc, s.run(doc))
  return doc
}
