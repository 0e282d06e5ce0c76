/**
 * Background re-analysis: the articles of a collection whose stored analysis was made under
 * another key (the engine or its lexicons changed since, or the collection's actors were edited)
 * are analysed again, a batch at a time, and saved. Pages keep serving what is stored meanwhile
 * and show how many are left; when a collection is done, its served store is rebuilt once.
 * The same loop runs in `npm run worker` processes (src/worker.ts), which share a PostgreSQL
 * database with the server: the store claims each batch with FOR UPDATE SKIP LOCKED there.
 */
import { resolveActors } from '../corpus/actors.js'
import type { Storage, StoredAnalysis } from '../store/types.js'
import { encodeAnalysis } from './codec.js'
import { analysisKey } from './engine-key.js'
import type { AnalyseFn } from './library.js'

/** Articles analysed in one batch: large enough to keep both cores busy, small enough to save often. */
export const REANALYSE_BATCH = 32

/**
 * Works through one collection until nothing under another key is left (or others took the
 * rest). Returns how many analyses this process saved. An article the engine refuses (a limit
 * lowered since it was stored) is left as it is, and reported through `onRefused`.
 */
export async function reanalyseCollection(
  storage: Storage,
  analyse: AnalyseFn,
  collectionId: string,
  hooks: {
    onBatch?: (saved: number) => void
    onRefused?: (articleId: string, reason: string) => void
  } = {},
): Promise<number> {
  let total = 0
  const refused = new Set<string>()
  for (;;) {
    const collection = await storage.getCollection(collectionId)
    if (!collection) return total
    const key = analysisKey(collection.actors)
    const actors = resolveActors(collection.actors)
    let candidates = 0
    const saved = await storage.reanalyse(collectionId, key, REANALYSE_BATCH, async (pending) => {
      const todo = pending.filter((p) => !refused.has(p.id))
      candidates = todo.length
      const out = new Map<string, StoredAnalysis>()
      const inputs = todo.map((p) => ({
        id: p.id,
        title: p.title,
        headline: p.headline,
        text: p.text,
      }))
      let analysed
      try {
        analysed = await analyse(actors, inputs)
      } catch {
        // One article over a limit fails its batch: analyse them one by one to find it.
        analysed = await Promise.all(
          inputs.map((input) =>
            analyse(actors, [input]).then(
              ([a]) => a,
              (err: unknown) => {
                refused.add(input.id)
                hooks.onRefused?.(input.id, err instanceof Error ? err.message : String(err))
                return undefined
              },
            ),
          ),
        )
      }
      todo.forEach((p, i) => {
        const a = analysed[i]
        if (a) out.set(p.id, encodeAnalysis(a, key))
      })
      return out
    })
    total += saved
    if (saved > 0) hooks.onBatch?.(saved)
    if (saved === 0 || candidates === 0) return total
  }
}

/** Runs `reanalyseCollection` for each collection that asks, one run per collection at a time. */
export class Reanalyser {
  private readonly running = new Map<string, Promise<void>>()
  private readonly again = new Set<string>()

  constructor(
    private readonly storage: Storage,
    private readonly analyse: AnalyseFn,
    private readonly onDone: (collectionId: string) => Promise<void> | void,
    private readonly log: (line: string) => void = () => {},
  ) {}

  isRunning(collectionId: string): boolean {
    return this.running.has(collectionId)
  }

  /** Starts (or, when running, re-runs after the current run) the collection's re-analysis. */
  schedule(collectionId: string): void {
    if (this.running.has(collectionId)) {
      this.again.add(collectionId)
      return
    }
    const run = (async () => {
      do {
        this.again.delete(collectionId)
        const saved = await reanalyseCollection(this.storage, this.analyse, collectionId, {
          onRefused: (id, reason) =>
            this.log(`Framelens: ${collectionId}/${id} not re-analysed: ${reason}`),
        })
        if (saved > 0) this.log(`Framelens: re-analysed ${saved} articles of "${collectionId}"`)
        await this.onDone(collectionId)
      } while (this.again.has(collectionId))
    })()
      .catch((err: unknown) =>
        this.log(`Framelens: re-analysis of "${collectionId}" failed: ${String(err)}`),
      )
      .finally(() => this.running.delete(collectionId))
    this.running.set(collectionId, run)
  }

  /** Schedules every collection with stale analyses. */
  async scheduleStale(): Promise<void> {
    for (const c of await this.storage.listCollections()) {
      if ((await this.storage.countStale(c.id, analysisKey(c.actors))) > 0) this.schedule(c.id)
    }
  }

  /** Resolves when no re-analysis is running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values())
  }
}
