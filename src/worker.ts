/**
 * `npm run worker`: a process that analyses what the library has pending — articles stored
 * unanalysed (`npm run library -- import --defer`) and analyses made under another key (the
 * engine, its lexicons or a collection's actors changed) — on every core of its machine. Any
 * number of workers, on any number of machines, share one PostgreSQL (DATABASE_URL) with the
 * server: each batch is claimed with FOR UPDATE SKIP LOCKED, so no article is analysed twice.
 * (On the SQLite default a worker works too, but the server already does this itself.) Set
 * FRAMELENS_BACKGROUND=0 on the server to leave the work to the workers. SIGINT or SIGTERM stops
 * after the batch in hand.
 */
import { availableParallelism } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { InputError } from './corpus/errors.js'
import { analysisKey } from './library/engine-key.js'
import { analyseInPool } from './library/pool-analyse.js'
import { reanalyseCollection } from './library/reanalysis.js'
import { AnalyzePool } from './pool/analyze-pool.js'
import { openStorage } from './store/open.js'

/** How long an idle worker waits before it looks again (ms); WORKER_IDLE_MS overrides it. */
const IDLE_MS = Number(process.env.WORKER_IDLE_MS) || 2_000

async function main() {
  let storage
  try {
    storage = await openStorage(process.env)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    console.error(err.message)
    process.exit(1)
  }
  const threads = Math.max(1, availableParallelism())
  const pool = new AnalyzePool({ threads, timeBudgetMs: 600_000, maxQueued: 1_000 })
  const analyse = analyseInPool(pool)
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1)
      stopping = true
      console.log('Framelens worker: stopping after this batch')
    })
  }
  console.log(`Framelens worker: ${threads} threads on ${storage.location}`)
  const once = process.argv.includes('--once')
  while (!stopping) {
    let saved = 0
    for (const c of await storage.listCollections()) {
      if (stopping) break
      if ((await storage.countStale(c.id, analysisKey(c.actors))) === 0) continue
      const n = await reanalyseCollection(storage, analyse, c.id, {
        onRefused: (id, reason) => console.warn(`Framelens worker: ${c.id}/${id}: ${reason}`),
      })
      if (n > 0) console.log(`Framelens worker: analysed ${n} articles of "${c.id}"`)
      saved += n
    }
    if (once) break
    if (saved === 0 && !stopping) await sleep(IDLE_MS)
  }
  await pool.close()
  await storage.close()
}

void main()
