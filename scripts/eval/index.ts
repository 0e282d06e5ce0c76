/**
 * `npm run eval`: the table a paper would print, produced by the code. Each section measures
 * the engine on labelled public data with its baseline beside it, prints the rows and writes
 * them all to data/eval.json, which the README and the Methods page quote. Without the data
 * folder (see scripts/eval/data.ts) it says so and exits 0: the product never needs it.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DATA_DIR } from './data.js'
import { staleModelNote } from './model.js'
import { MODEL_SYSTEM, newsMtscCases, newsMtscRows } from './newsmtsc.js'
import { ptcArticles, ptcRows } from './ptc.js'
import { handLabelCases, handLabelRows } from './hand-labels.js'

export const EVAL_JSON = fileURLToPath(new URL('../../data/eval.json', import.meta.url))

type Row = Record<string, string | number>

const sections: { name: string; rows: Row[] }[] = []
const missing: string[] = []

const cases = newsMtscCases()
if (cases) sections.push({ name: 'newsmtsc', rows: newsMtscRows(cases) })
else missing.push('newsmtsc/train.jsonl')

const ptc = ptcArticles()
if (ptc) sections.push({ name: 'ptc', rows: ptcRows(ptc) })
else missing.push('ptc-dev/')

if (sections.length === 0) {
  console.log(`No labelled data in ${DATA_DIR} (${missing.join(', ')}): nothing to measure.`)
  process.exit(0)
}
// The bundled corpus is part of the repository, so this section needs no data folder.
sections.push({ name: 'hand-labels', rows: handLabelRows(await handLabelCases()) })

const round = (v: unknown) =>
  typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v
for (const s of sections) {
  console.log(`\n${s.name}`)
  console.table(
    s.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
  )
}
if (missing.length) console.log(`\nnot measured (data absent): ${missing.join(', ')}`)
const newsMtsc = sections.find((s) => s.name === 'newsmtsc')
const learned = newsMtsc?.rows.find((r) => r.system === MODEL_SYSTEM)
const stale = typeof learned?.f1Macro === 'number' ? staleModelNote(learned.f1Macro) : null
if (stale) console.log(`\n${stale}`)

writeFileSync(
  EVAL_JSON,
  JSON.stringify(
    {
      command: 'npm run eval',
      date: new Date().toISOString().slice(0, 10),
      sections: Object.fromEntries(
        sections.map((s) => [
          s.name,
          s.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
        ]),
      ),
    },
    null,
    2,
  ) + '\n',
)
console.log(`\nwritten to data/eval.json`)
