/**
 * Agreement with the hand labels of the bundled corpus: the engine labels each default actor in
 * each article of corpus/*.md, and each label is compared with the careful reader's in
 * tests/fixtures/hand-labels.ts. The count comes from the engine, not from the fixture's notes;
 * the unit test (tests/analysis/hand-labels.test.ts) asserts every cell's label.
 */
import { Analyzer } from '../../src/analysis/index.js'
import { loadDefaultActors, resolveActors } from '../../src/corpus/actors.js'
import { loadCorpusDir } from '../../src/corpus/load-corpus.js'
import { HAND_LABELS } from '../../tests/fixtures/hand-labels.js'

/** One hand-labelled cell with the engine's label beside the reader's. */
export interface HandLabelCase {
  article: string
  actor: string
  reader: string
  engine: string
}

/** Every hand-labelled cell of the bundled corpus, analysed with the default actors. */
export async function handLabelCases(): Promise<HandLabelCase[]> {
  const analyzer = new Analyzer(resolveActors(await loadDefaultActors()))
  const details = analyzer.analyzeCorpus(await loadCorpusDir())
  const byId = new Map(details.map((d) => [d.id, d]))
  return HAND_LABELS.map((h) => ({
    article: h.article,
    actor: h.actor,
    reader: h.label,
    engine: byId.get(h.article)?.actors[h.actor]?.label ?? 'absent',
  }))
}

/** The table row: how many cells the lexicon label gets right, and which it misses. */
export function handLabelRows(cases: readonly HandLabelCase[]) {
  const misses = cases.filter((c) => c.engine !== c.reader)
  const agreed = cases.length - misses.length
  return [
    {
      dataset: 'bundled corpus hand labels',
      split: `${cases.length} actor cells`,
      system: 'lexicon label',
      agreement: `${agreed}/${cases.length}`,
      accuracy: cases.length === 0 ? 0 : (100 * agreed) / cases.length,
      n: cases.length,
      misses: misses
        .map((c) => `${c.article}/${c.actor} (reader ${c.reader}, engine ${c.engine})`)
        .join('; '),
    },
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(handLabelRows(await handLabelCases()))
}
