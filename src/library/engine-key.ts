/**
 * The key a stored analysis is made under: the engine version (a hash of the engine's source,
 * so any change to the code that scores makes the stored scores stale without anyone having to
 * remember to bump a number), the lexicon hash (every word list and model the engine reads) and
 * the collection's actors. An analysis under another key is stale: it is still served, and the
 * library redoes it in the background (./reanalysis.ts).
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ActorDef } from '../analysis/index.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256')
  for (const file of files) {
    // The name as well as the bytes: a file renamed is a different engine.
    hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

export interface EngineVersion {
  /** A hash of src/analysis. */
  engine: string
  /** A hash of data/lexicons, data/models and the AFINN list of the `sentiment` package. */
  lexicons: string
}

let cached: EngineVersion | undefined

/** Computed once per process (the files are read at start, never again). */
export function engineVersion(): EngineVersion {
  if (cached) return cached
  const afinn = createRequire(import.meta.url).resolve('sentiment/languages/en/labels.json')
  cached = {
    engine: hashFiles(filesUnder(join(ROOT, 'src/analysis'), /\.ts$/)),
    lexicons: hashFiles([
      ...filesUnder(join(ROOT, 'data/lexicons'), /\.json$/),
      ...filesUnder(join(ROOT, 'data/models'), /\.json$/),
      afinn,
    ]),
  }
  return cached
}

/** The analysis key of a collection: the engine, its lexicons and the collection's actors. */
export function analysisKey(actors: readonly ActorDef[]): string {
  const { engine, lexicons } = engineVersion()
  const who = createHash('sha256').update(JSON.stringify(actors)).digest('hex').slice(0, 12)
  return `${engine}.${lexicons}.${who}`
}
