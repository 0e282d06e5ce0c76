/**
 * Where the labelled public data sets live and how they are read. They are not part of the
 * product: the default is the team's shared folder beside the repository, `FRAMELENS_DATA`
 * overrides it, and a missing folder is reported, never an error.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/** The data folder: FRAMELENS_DATA, or `shared/data` next to the repository. */
export const DATA_DIR =
  process.env.FRAMELENS_DATA ?? fileURLToPath(new URL('../../../shared/data', import.meta.url))

export interface NewsMtscTarget {
  from: number
  to: number
  mention: string
  /** 2 negative, 4 neutral, 6 positive. */
  polarity: number
}

export interface NewsMtscSentence {
  gid: string
  text: string
  targets: NewsMtscTarget[]
}

export type Polarity = 'negative' | 'neutral' | 'positive'

export function polarityOf(value: number): Polarity {
  return value <= 3 ? 'negative' : value >= 5 ? 'positive' : 'neutral'
}

/** The NewsMTSC training split (Hamborg & Donnay, EACL 2021), or null when it is absent. */
export function readNewsMtsc(): NewsMtscSentence[] | null {
  const path = join(DATA_DIR, 'newsmtsc', 'train.jsonl')
  if (!existsSync(path)) return null
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const d = JSON.parse(line) as {
        primary_gid: string
        sentence_normalized: string
        targets: NewsMtscTarget[]
      }
      return {
        gid: d.primary_gid,
        text: d.sentence_normalized,
        targets: d.targets.map(({ from, to, mention, polarity }) => ({
          from,
          to,
          mention,
          polarity,
        })),
      }
    })
}

/**
 * The documented dev split: a sentence is held out when the FNV-1a hash of its id is 0 mod 10
 * (about 10 %). Fixed by the id, so it never changes between runs or machines.
 */
export function isDev(gid: string): boolean {
  let h = 0x811c9dc5
  for (let i = 0; i < gid.length; i++) {
    h ^= gid.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % 10 === 0
}

/** F1-macro over the three classes and accuracy, both in percent. */
export function scores(gold: Polarity[], predicted: Polarity[]) {
  const classes: Polarity[] = ['negative', 'neutral', 'positive']
  let correct = 0
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++
  const f1s = classes.map((c) => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++
      else if (predicted[i] === c) fp++
      else if (gold[i] === c) fn++
    }
    const p = tp + fp === 0 ? 0 : tp / (tp + fp)
    const r = tp + fn === 0 ? 0 : tp / (tp + fn)
    return p + r === 0 ? 0 : (2 * p * r) / (p + r)
  })
  return {
    f1Macro: (100 * f1s.reduce((a, b) => a + b, 0)) / 3,
    accuracy: (100 * correct) / gold.length,
    n: gold.length,
  }
}
