/**
 * Benchmark of the analysis engine (npm run bench). Not a test: it prints timings and checks
 * them against the targets below, exiting 1 when one is missed, so a slowdown is visible.
 *
 * Synthetic articles are made by drawing paragraphs of the bundled corpus with a seeded
 * generator, so every run analyses the same text.
 */
import { Analyzer } from '../src/analysis/index.js'
import { loadDefaultActors, resolveActors } from '../src/corpus/actors.js'
import { loadCorpusDir } from '../src/corpus/load-corpus.js'

/** Targets for this machine class (2 cores): articles of ~600 words. */
const TARGETS = { corpusMs: 200, perArticleMs: 3, heapMiBFor10k: 1500 }

const analyzer = new Analyzer(resolveActors(await loadDefaultActors()))
const corpus = await loadCorpusDir()

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now()
  const out = fn()
  return [out, performance.now() - t0]
}

// Warm up the JIT on the real corpus, then time it.
for (let i = 0; i < 20; i++) analyzer.analyzeCorpus(corpus)
const [, corpusMs] = time(() => analyzer.analyzeCorpus(corpus))

const paragraphs = corpus.flatMap((a) => a.text.split(/\n+/)).filter((p) => p.trim().length > 0)
let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
function synthetic(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const count = 6 + Math.floor(random() * 8)
    const text = Array.from(
      { length: count },
      () => paragraphs[Math.floor(random() * paragraphs.length)],
    ).join('\n\n')
    return { id: `synthetic-${i}`, title: `Synthetic ${i}`, text }
  })
}

const rows: [string, number, number, number][] = []
let heapFor10k = 0
for (const n of [1000, 3000, 10000]) {
  const inputs = synthetic(n)
  const words = inputs.reduce((s, a) => s + a.text.split(/\s+/).length, 0)
  global.gc?.()
  const [details, ms] = time(() => analyzer.analyzeCorpus(inputs))
  if (n === 10000) heapFor10k = process.memoryUsage().heapUsed / 2 ** 20
  rows.push([`${n} synthetic articles`, ms, words, details.length])
}

console.log(`bundled corpus (${corpus.length} articles): ${corpusMs.toFixed(1)} ms`)
for (const [name, ms, words] of rows)
  console.log(
    `${name}: ${(ms / 1000).toFixed(2)} s, ${(words / (ms / 1000) / 1000).toFixed(0)}k words/s, ${(ms / Number(name.split(' ')[0])).toFixed(2)} ms/article`,
  )
console.log(`heap after 10,000 articles (all details kept): ${heapFor10k.toFixed(0)} MiB`)

const misses: string[] = []
if (corpusMs > TARGETS.corpusMs)
  misses.push(`bundled corpus took ${corpusMs.toFixed(0)} ms > ${TARGETS.corpusMs} ms`)
const per10k = rows[2]![1] / 10000
if (per10k > TARGETS.perArticleMs)
  misses.push(`${per10k.toFixed(2)} ms per article > ${TARGETS.perArticleMs} ms`)
if (heapFor10k > TARGETS.heapMiBFor10k)
  misses.push(`heap ${heapFor10k.toFixed(0)} MiB > ${TARGETS.heapMiBFor10k} MiB`)
if (misses.length) {
  console.error('targets missed:\n- ' + misses.join('\n- '))
  process.exit(1)
}
console.log('all targets met')
