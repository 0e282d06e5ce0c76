/**
 * The learned reading on NewsMTSC: the analysis and features that `npm run train` learns from,
 * and the check `npm run eval` makes of the bundled model. Both analyse a sentence exactly as the
 * eval does (`newsmtsc.ts`: targets named by offset, one actor per entity) and take the features
 * from `featureReader`, the function the Analyzer itself calls, so training and use agree.
 */
import {
  featureReader,
  NEWSMTSC_MODEL,
  type FeatureSettings,
  type Features,
} from '../../src/analysis/model/index.js'
import {
  Analyzer,
  normalizeText,
  tokenize,
  type ArticleDetail,
  type Token,
} from '../../src/analysis/index.js'
import { isDev, polarityOf, type NewsMtscSentence, type Polarity } from './data.js'
import { actors, MAX_TARGETS, targetActors } from './newsmtsc.js'

/** One analysed sentence of the data set and the gold polarity of each of its targets. */
export interface AnalysedSentence {
  gid: string
  dev: boolean
  detail: ArticleDetail
  tokens: Token[]
  /** Each target: the actor it was analysed as (`targetActors`) and its gold polarity. */
  targets: { actor: string; gold: Polarity }[]
}

/** One target as a training or dev example. */
export interface TargetExample {
  gid: string
  dev: boolean
  gold: Polarity
  features: Features
}

/** Analyses every sentence once, without a model (the features do not depend on one). */
export function analyseNewsMtsc(data: readonly NewsMtscSentence[]): AnalysedSentence[] {
  const analyzer = new Analyzer(actors, { model: null })
  return data.map((s) => {
    const targets = s.targets.slice(0, MAX_TARGETS)
    const { actorOf, mentions } = targetActors(targets)
    const { detail } = analyzer.analyze({ id: s.gid, text: s.text, mentions })
    return {
      gid: s.gid,
      dev: isDev(s.gid),
      detail,
      tokens: tokenize(normalizeText(s.text)),
      targets: targets.map((t, i) => ({ actor: actorOf[i]!, gold: polarityOf(t.polarity) })),
    }
  })
}

/** The examples of the analysed sentences: one per target, with its features. */
export function targetExamples(
  sentences: readonly AnalysedSentence[],
  settings: FeatureSettings,
): TargetExample[] {
  return sentences.flatMap((s) => {
    const read = featureReader(s.detail, settings, s.tokens)
    const byActor = new Map<string, Features>()
    return s.targets.map(({ actor, gold }) => {
      const features = byActor.get(actor) ?? read(actor)
      byActor.set(actor, features)
      return { gid: s.gid, dev: s.dev, gold, features }
    })
  })
}

/**
 * A warning when the bundled model's dev figure, measured when it was trained, is not what the
 * eval measures now: the engine's output (lexicons, attribution) changed since, and the model
 * should be trained again with `npm run train`.
 */
export function staleModelNote(devF1Macro: number): string | null {
  const recorded = NEWSMTSC_MODEL.file.dev.f1Macro // rounded to 1 decimal when written
  if (Math.abs(recorded - Math.round(devF1Macro * 10) / 10) < 0.05) return null
  return (
    `The learned reading scores F1-macro ${devF1Macro.toFixed(1)} on dev, but ${recorded.toFixed(1)} ` +
    `when it was trained (${String(NEWSMTSC_MODEL.file.training.date)}): the engine changed since. ` +
    'Run `npm run train` to retrain it on the current engine.'
  )
}
