/**
 * Tone toward a target on NewsMTSC: each sentence is analysed with its annotated targets given
 * as mentions (one actor each, so a sentence with two targets splits its words between them),
 * and the lexicon label of each target is compared with the gold polarity. The baseline is the
 * `sentiment` package's score of the whole sentence (its sign).
 */
import { Analyzer, sentimentPackageScore, type Actor } from '../../src/analysis/index.js'
import { isDev, polarityOf, readNewsMtsc, scores, type Polarity } from './data.js'

const MAX_TARGETS = 12
const actors: Actor[] = Array.from({ length: MAX_TARGETS }, (_, i) => ({
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
    const { detail } = analyzer.analyze({
      id: s.gid,
      text: s.text,
      mentions: targets.map((t, i) => ({ actor: `t${i}`, start: t.from, end: t.to })),
    })
    targets.forEach((t, i) => {
      const framing = detail.actors[`t${i}`]
      cases.push({
        gid: s.gid,
        dev: isDev(s.gid),
        gold: polarityOf(t.polarity),
        baseline,
        lexicon: framing ? framing.label : 'neutral',
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
    row('sentence sentiment (baseline)', 'all', cases, (c) => c.baseline),
    row('lexicon label toward the target', 'all', cases, (c) => c.lexicon),
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = newsMtscCases()
  if (!cases) console.log('NewsMTSC not found')
  else console.table(newsMtscRows(cases))
}
