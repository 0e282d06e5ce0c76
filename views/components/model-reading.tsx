/**
 * The learned second reading of an actor, as the actor tables show it beside the lexicon label:
 * the model's label and its probability, a "how" disclosure listing the features that moved it
 * in plain words, and a note where the two readings disagree. The lexicon label stays the first
 * reading; this one is trained on NewsMTSC, where quoted speech counts. `LearnedReadingMethod`
 * is the Methods page's account of it (section id `learned-reading`), from the model file.
 */
import type { FC } from 'hono/jsx'
import {
  describeFeature,
  NEWSMTSC_MODEL,
  TOP_CONTRIBUTIONS,
  type ActorFraming,
  type ModelReading,
} from '../../src/analysis/index.js'
import { num, percent, signed } from '../format.js'
import { methodsUrl } from '../urls.js'

/** The id the Methods page's section on the learned reading should take (`LearnedReadingMethod`). */
export const LEARNED_READING_ANCHOR = 'learned-reading'
/**
 * Where the "how" disclosure links: the tone section of the Methods page, until that page holds a
 * `LEARNED_READING_ANCHOR` section (every /methods# link must land on a section).
 */
export const MODEL_METHODS_LINK = LEARNED_READING_ANCHOR

/** The sentence that says the two readings disagree, or null when they agree. */
export function disagreement(framing: ActorFraming): string | null {
  const model = framing.model
  if (!model || model.label === framing.label) return null
  const quotes =
    framing.labelWithQuotes === model.label
      ? ' With quoted words counted, as the model counts them, the lexicon reads it the same.'
      : ''
  return (
    `The learned reading disagrees: it reads ${model.label} where the lexicon label reads ` +
    `${framing.label}.${quotes}`
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
          A logistic regression trained on NewsMTSC, where quoted speech counts; a second reading
          beside the lexicon label, not a replacement.{' '}
          <a href={methodsUrl(MODEL_METHODS_LINK)}>Methods</a>
        </p>
      </details>
      {note ? <p class="note model-disagree">{note}</p> : null}
    </div>
  )
}

/**
 * What the learned reading is, for the Methods page: its model, features, construct, training
 * data (cited) and dev figures, all read from the bundled model file.
 */
export const LearnedReadingMethod: FC = () => {
  const { file } = NEWSMTSC_MODEL
  const training = file.training as {
    examples?: number
    date?: string
    crossValidation?: { f1Macro?: number }
  }
  const cv = training.crossValidation?.f1Macro
  return (
    <>
      <p>
        Beside the lexicon label, each actor the body names gets a second reading: a multinomial
        logistic regression (softmax over three classes, trained by stochastic gradient descent with
        an L2 penalty, no framework) over {file.features.length.toLocaleString('en')} features of
        the engine’s own output for that actor. For each mention: the tone words near it, on each
        side, in its clause (own voice and quotes apart) and in its sentence; negation; whether it
        is a target, first in its sentence, possessive, quoted or credited as a source;
        loaded-language, hedge and epithet cues; and the words around it and in its sentence, with
        actor names masked. An article’s reading is the model applied to the mean over its mentions.
        The {TOP_CONTRIBUTIONS} features that moved a reading most are listed under “how”, each with
        its weight times its value.
      </p>
      <p>
        Its construct is NewsMTSC’s, not the lexicon label’s: the sentiment a sentence expresses
        toward the target, <strong>quoted speech counted</strong>. The lexicon label is the author’s
        own voice, so the two can disagree for that reason alone; the tables say where they do. It
        is a second reading and never replaces the label.
      </p>
      <p>
        Trained by <code>npm run train</code> on the NewsMTSC training split (
        {training.examples?.toLocaleString('en') ?? '—'} targets, {training.date ?? 'date unknown'})
        without its dev split (sentences whose id hashes to 0 mod 10). On that dev split (
        {file.dev.n} targets) it scores F1-macro {num(file.dev.f1Macro, 1)} and accuracy{' '}
        {num(file.dev.accuracy, 1)}
        {cv === undefined
          ? ''
          : `; 5-fold cross-validation on the training part gives ${num(cv, 1)}`}
        . The settings were chosen by that cross-validation, with the dev figures in view, so they
        are figures of a tuned model, not of a test.
      </p>
      <p class="refs">
        Data: F. Hamborg and K. Donnay, “NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
        Classification in Political News Articles”, EACL 2021 (training split, repository
        fhamborg/NewsMTSC, commit b9d9b797, MIT licence).
      </p>
    </>
  )
}
