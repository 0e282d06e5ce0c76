/**
 * Tone toward a target on NewsMTSC: each sentence is analysed with its annotated targets given
 * as mentions (one actor each, so a sentence with two targets splits its words between them),
 * and the lexicon label of each target is compared with the gold polarity. The baseline is the
 * `sentiment` package's score of the whole sentence (its sign).
 */
import { Analyzer, sentimentPackageScore, type Actor } from '../../src/analysis/index.js'
import {
  isDev,
  polarityOf,
  readNewsMtsc,
  scores,
  type NewsMtscTarget,
  type Polarity,
} from './data.js'

/** At most this many targets of a sentence are analysed (each as its own actor, t0, t1 …). */
export const MAX_TARGETS = 12
/** The actors a NewsMTSC sentence is analysed with: one per target, named by offset. */
export const actors: Actor[] = Array.from({ length: MAX_TARGETS }, (_, i) => ({
  id: `t${i}`,
  label: `target ${i}`,
  colour: '#000000',
  aliases: [],
  exclude: [],
}))
const analyzer = new Analyzer(actors)

export interface TargetCase {
  gid: string
  dev: boolean
  gold: Polarity
  baseline: Polarity
  lexicon: Polarity
  /** The same with quoted words counted: NewsMTSC's construct ("quotes included"). */
  lexiconWithQuotes: Polarity
  /** The learned reading (the bundled model), beside the lexicon label. */
  model: Polarity
}

/** The row name of the learned reading in the eval table. */
export const MODEL_SYSTEM = 'learned reading (logistic regression)'

/**
 * The actors and mentions a sentence's targets become (training uses the same, scripts/eval/
 * model.ts). One actor per entity: a target that repeats an earlier one's words ("Mr. Trump"
 * twice) or overlaps it ("Roger" inside "Roger Ailes") is the same actor, as an alias list would
 * make it.
 */
export function targetActors(targets: readonly NewsMtscTarget[]) {
  const actorOf: string[] = []
  targets.forEach((t, i) => {
    const same = targets.findIndex(
      (u, j) =>
        j < i &&
        ((u.from < t.to && t.from < u.to) || u.mention.toLowerCase() === t.mention.toLowerCase()),
    )
    actorOf.push(same >= 0 ? actorOf[same]! : `t${i}`)
  })
  const mentions = targets
    .map((t, i) => ({ actor: actorOf[i]!, start: t.from, end: t.to }))
    .filter(
      (m, i) =>
        !targets.some(
          (u, j) => j < i && u.from <= m.start && m.end <= u.to && actorOf[j] === m.actor,
        ),
    )
  return { actorOf, mentions }
}

/** Every target of the data set with its gold label, the baseline's and the engine's. */
export function newsMtscCases(): TargetCase[] | null {
  const data = readNewsMtsc()
  if (!data) return null
  const cases: TargetCase[] = []
  for (const s of data) {
    const targets = s.targets.slice(0, MAX_TARGETS)
    const score = sentimentPackageScore(s.text)
    const baseline: Polarity = score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral'
    const { actorOf, mentions } = targetActors(targets)
    const { detail } = analyzer.analyze({ id: s.gid, text: s.text, mentions })
    targets.forEach((t, i) => {
      const framing = detail.actors[actorOf[i]!]
      cases.push({
        gid: s.gid,
        dev: isDev(s.gid),
        gold: polarityOf(t.polarity),
        baseline,
        lexicon: framing ? framing.label : 'neutral',
        lexiconWithQuotes: framing ? framing.labelWithQuotes : 'neutral',
        model: framing?.model?.label ?? 'neutral',
      })
    })
  }
  return cases
}

/** The table rows: baseline and lexicon label on the dev split and on the whole file. */
export function newsMtscRows(cases: TargetCase[]) {
  const dev = cases.filter((c) => c.dev)
  const row = (
    system: string,
    split: string,
    cs: TargetCase[],
    pick: (c: TargetCase) => Polarity,
  ) => ({
    dataset: 'NewsMTSC train.jsonl',
    split,
    system,
    ...scores(
      cs.map((c) => c.gold),
      cs.map(pick),
    ),
  })
  return [
    row('sentence sentiment (baseline)', 'dev (10 %)', dev, (c) => c.baseline),
    row('lexicon label toward the target', 'dev (10 %)', dev, (c) => c.lexicon),
    row('lexicon label, quotes counted', 'dev (10 %)', dev, (c) => c.lexiconWithQuotes),
    row(MODEL_SYSTEM, 'dev (10 %)', dev, (c) => c.model),
    row('sentence sentiment (baseline)', 'all', cases, (c) => c.baseline),
    row('lexicon label toward the target', 'all', cases, (c) => c.lexicon),
    row('lexicon label, quotes counted', 'all', cases, (c) => c.lexiconWithQuotes),
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = newsMtscCases()
  if (!cases) console.log('NewsMTSC not found')
  else console.table(newsMtscRows(cases))
}
