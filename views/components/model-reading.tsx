/**
 * The learned second reading of an actor, as the actor tables show it beside the lexicon label:
 * the model's label and its probability, a "how" disclosure listing the features that moved it
 * in plain words, and a note where the two readings disagree. The lexicon label stays the first
 * reading; this one is trained on NewsMTSC, where quoted speech counts. The Methods page's
 * account of it (section id `learned-reading`) comes from docs/methods.md.
 */
import type { FC } from 'hono/jsx'
import { describeFeature, type ActorFraming, type ModelReading } from '../../src/analysis/index.js'
import { percent, signed } from '../format.js'
import { Plain } from './plain.js'
import { MethodsLink } from './render-mode.js'

/** The id of the Methods page's section on the learned reading (docs/methods.md). */
export const LEARNED_READING_ANCHOR = 'learned-reading'
/** Where the "how" disclosure links (every /methods# link must land on a section). */
export const MODEL_METHODS_LINK = LEARNED_READING_ANCHOR

/** The sentence that says the two readings disagree, or null when they agree. */
export function disagreement(framing: ActorFraming): string | null {
  const model = framing.model
  if (!model || model.label === framing.label) return null
  const quotes =
    framing.labelWithQuotes === model.label
      ? ' Counting quoted words too, as the model does, the word list reads it the same.'
      : ''
  return (
    `The two methods disagree, so take this tone with care: the trained model (learned reading) ` +
    `reads ${model.label} where the word list (lexicon label) reads ${framing.label}.${quotes}`
  )
}

/** One contribution in plain words: what pushed the reading, and which way. */
export function contributionText(model: ModelReading, c: ModelReading['contributions'][number]) {
  const way = c.value >= 0 ? `toward ${model.label}` : `away from ${model.label}`
  return `${describeFeature(c.feature)}: ${way} (${signed(c.value)})`
}

/** The model's reading of one actor, or nothing when there is none (absent actor, no model). */
export const ModelReadingCell: FC<{ framing: ActorFraming | null; actorLabel: string }> = ({
  framing,
  actorLabel,
}) => {
  const model = framing?.model
  if (!framing || !model) return <span class="muted">—</span>
  const note = disagreement(framing)
  return (
    <div class="model-reading">
      <span class={`tone tone-${model.label}`}>
        <span class="tone-label">{model.label}</span>
      </span>{' '}
      <span class="muted" title="the model’s probability for this label">
        {percent(model.probabilities[model.label] * 100)}
        <span class="visually-hidden"> probability</span>
      </span>
      <details class="model-how">
        <summary aria-label={`How the learned reading of ${actorLabel} came out ${model.label}`}>
          how
        </summary>
        <ul>
          {model.contributions.map((c) => (
            <li data-feature={c.feature}>{contributionText(model, c)}</li>
          ))}
        </ul>
        <p class="how">
          A computer model trained on news sentences that people labelled (
          <Plain tech="logistic regression trained on NewsMTSC">the learned reading</Plain>), where
          quoted speech counts; a second opinion beside the word list’s label, not a replacement.{' '}
          <MethodsLink anchor={MODEL_METHODS_LINK}>Methods</MethodsLink>
        </p>
      </details>
      {note ? <p class="note model-disagree">{note}</p> : null}
    </div>
  )
}
