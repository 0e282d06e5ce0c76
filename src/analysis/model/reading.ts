/**
 * The learned second reading of an actor: a trained logistic regression applied to the actor's
 * features (`features.ts`), giving a label, the three class probabilities and the features that
 * moved it most. It sits beside the transparent lexicon label and never replaces it.
 *
 * Its construct is the one of its training data, NewsMTSC (Hamborg & Donnay, EACL 2021): the
 * sentiment a sentence expresses toward the target, with quoted speech counted. The lexicon
 * label is the author's own voice only; the two can disagree for that reason alone.
 */
import type { ActorFraming, ArticleDetail, Token, ToneLabel } from '../types.js'
import { actorFeatures, featureReader, type FeatureSettings, type Features } from './features.js'
import { argmax, classScores, softmax, type LogRegWeights, type SparseVector } from './logreg.js'

/** How many contributions a reading lists. */
export const TOP_CONTRIBUTIONS = 8

/** One feature's push on a reading: its value times its weight for the label, centred. */
export interface Contribution {
  /** The feature's name, e.g. `word:criticized` (`describeFeature` says it in plain words). */
  feature: string
  /** Positive: pushed toward the reading's label; negative: pushed away from it. */
  value: number
}

/** The learned reading of one actor in one article. */
export interface ModelReading {
  label: ToneLabel
  probabilities: Record<ToneLabel, number>
  /** The features that moved the reading most, by |value|, at most TOP_CONTRIBUTIONS. */
  contributions: Contribution[]
}

/** The JSON a training run writes (data/models/*.json). */
export interface ModelFile {
  format: 'framelens-logreg/1'
  name: string
  about: string
  /** What the labels mean: the construct of the training data. */
  construct: string
  classes: ToneLabel[]
  featureSettings: FeatureSettings
  /** Data, citation, split, hyperparameters and date of the run. */
  training: Record<string, unknown>
  /** F1-macro and accuracy on the held-out dev split, measured when the model was trained. */
  dev: { split: string; n: number; f1Macro: number; accuracy: number }
  bias: number[]
  features: string[]
  /** `weights[f]`: the weights of `features[f]`, one per class. */
  weights: number[][]
}

const LABELS: readonly ToneLabel[] = ['negative', 'neutral', 'positive']
const round3 = (x: number) => Math.round(x * 1000) / 1000 + 0

/** Checks the parts of a model file that inference relies on, and types it. */
export function parseModelFile(raw: unknown): ModelFile {
  const m = raw as Partial<ModelFile> | null
  const fail = (why: string): never => {
    throw new Error(`Invalid model file: ${why}`)
  }
  if (!m || typeof m !== 'object') return fail('not an object')
  if (m.format !== 'framelens-logreg/1') fail(`unknown format ${String(m.format)}`)
  if (!Array.isArray(m.classes) || m.classes.join() !== LABELS.join())
    fail('classes must be negative, neutral, positive')
  if (!Array.isArray(m.features) || !Array.isArray(m.weights) || !Array.isArray(m.bias))
    fail('features, weights and bias must be arrays')
  if (m.weights!.length !== m.features!.length) fail('one weight row per feature')
  if (m.bias!.length !== 3 || m.weights!.some((row) => row.length !== 3))
    fail('three weights per feature and three biases')
  if (!m.featureSettings) fail('featureSettings missing')
  return m as ModelFile
}

/** A model ready to read actors: its file and an index from feature name to row. */
export class ToneModel {
  private readonly index: Map<string, number>
  private readonly weights: LogRegWeights

  constructor(readonly file: ModelFile) {
    this.index = new Map(file.features.map((f, i) => [f, i]))
    this.weights = { weights: file.weights, bias: file.bias }
  }

  /** The model's reading of a feature vector; features it does not know count for nothing. */
  read(features: Features): ModelReading {
    const x: SparseVector = { index: [], value: [] }
    for (const [name, v] of features) {
      const i = this.index.get(name)
      if (i === undefined) continue
      x.index.push(i)
      x.value.push(v)
    }
    const p = softmax(classScores(this.weights, x))
    const k = argmax(p)
    const contributions: Contribution[] = x.index.map((i, j) => {
      const row = this.file.weights[i]!
      const centred = row[k]! - (row[0]! + row[1]! + row[2]!) / 3
      return { feature: this.file.features[i]!, value: round3(centred * x.value[j]!) }
    })
    contributions.sort(
      (a, b) =>
        Math.abs(b.value) - Math.abs(a.value) ||
        (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
    )
    return {
      label: LABELS[k]!,
      probabilities: { negative: round3(p[0]!), neutral: round3(p[1]!), positive: round3(p[2]!) },
      contributions: contributions.filter((c) => c.value !== 0).slice(0, TOP_CONTRIBUTIONS),
    }
  }

  /** The reading of one actor of an analysed article, or null when its body never names it. */
  readActor(detail: ArticleDetail, actor: string, tokens?: readonly Token[]): ModelReading | null {
    if (!detail.mentions.some((m) => m.actor === actor)) return null
    return this.read(actorFeatures(detail, actor, this.file.featureSettings, tokens))
  }

  /** The article's actors with the model's reading beside each present actor's label. */
  readActors(
    detail: ArticleDetail,
    tokens?: readonly Token[],
  ): Record<string, ActorFraming | null> {
    const features = featureReader(detail, this.file.featureSettings, tokens)
    const named = new Set(detail.mentions.map((m) => m.actor))
    const out: Record<string, ActorFraming | null> = {}
    for (const [id, framing] of Object.entries(detail.actors)) {
      if (!framing || !named.has(id)) {
        out[id] = framing
        continue
      }
      // Placed right after the labels, before the (long) evidence list.
      const { evidence, ...rest } = framing
      out[id] = { ...rest, model: this.read(features(id)), evidence }
    }
    return out
  }
}
