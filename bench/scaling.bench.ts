/**
 * Scaling benchmark (npm run bench, after the throughput one): analysis time against text
 * length, on news-like text and on the inputs a security review used to stall the server
 * (issue 14, V1), then the same over real HTTP: while `POST /api/analyze` works on a large
 * article, how long a page request waits. Exits 1 when a target is missed.
 */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { Analyzer, MAX_ARTICLE_WORDS } from '../src/analysis/index.js'
import { loadDefaultActors, resolveActors } from '../src/corpus/actors.js'
import { loadCorpusDir } from '../src/corpus/load-corpus.js'
import { createApp } from '../src/app.js'
import { createStore } from '../src/corpus-store.js'

/**
 * Targets: per-word cost at 20,000 words within 2× of that at 1,000 (linear growth); the
 * adversarial inputs under 300 ms; a page served within 250 ms while an analysis runs.
 */
const TARGETS = { growth: 2, adversarialMs: 300, pageWhileAnalysingMs: 250 }

const defs = await loadDefaultActors()
const analyzer = new Analyzer(resolveActors(defs))
const corpus = await loadCorpusDir()
const words = corpus.flatMap((a) => a.text.split(/\s+/)).filter((w) => w !== '')
const newsText = (n: number) =>
  Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ')

function best(text: string, runs = 5): number {
  let min = Infinity
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    analyzer.analyze({ id: 'x', text })
    min = Math.min(min, performance.now() - t0)
  }
  return min
}

for (let i = 0; i < 5; i++) analyzer.analyze({ id: 'warm', text: newsText(5000) })
const misses: string[] = []

console.log('\nanalysis time against length (news-like text from the bundled corpus, best of 5)')
const perWord: number[] = []
for (const n of [1000, 2000, 5000, 10000, 20000]) {
  const ms = best(newsText(n))
  perWord.push(ms / n)
  console.log(
    `  ${String(n).padStart(6)} words: ${ms.toFixed(1).padStart(7)} ms  ${((ms / n) * 1000).toFixed(1)} µs/word`,
  )
}
const growth = perWord.at(-1)! / perWord[0]!
console.log(`  µs/word at 20,000 over µs/word at 1,000: ${growth.toFixed(2)} (linear is 1)`)
if (growth > TARGETS.growth) misses.push(`growth ${growth.toFixed(2)} > ${TARGETS.growth}`)

console.log('\nadversarial inputs (each took seconds to minutes before issue 14)')
const sentence2000 =
  newsText(2400)
    .replace(/[.!?;:]/g, ',')
    .split(' ')
    .slice(0, 2000)
    .join(' ') + '.'
const adversarial: [string, string][] = [
  ['one sentence of 2,000 words', sentence2000],
  ['"Russia said " × 1,000 (12 KB, was 16–26 s)', 'Russia said '.repeat(1000)],
  ['"Russia said " × 2,000 in one sentence', 'Russia said '.repeat(2000)],
  ['a clause of 1,000 epithets', 'Putin the dictator met Kim the tyrant, '.repeat(500)],
  ['1,000 nested quotations', '“He said ‘Russia “is” bad’ today.” '.repeat(1000)],
  ['90,000 words (near the limit)', newsText(Math.floor(MAX_ARTICLE_WORDS * 0.9))],
]
for (const [name, text] of adversarial) {
  const ms = best(text, 1)
  console.log(`  ${name.padEnd(46)} ${ms.toFixed(1).padStart(8)} ms`)
  const limit = name.includes('(near the limit)')
    ? TARGETS.adversarialMs * 10
    : TARGETS.adversarialMs
  if (ms > limit) misses.push(`${name}: ${ms.toFixed(0)} ms > ${limit} ms`)
}

console.log('\nreal HTTP: GET /api/articles while POST /api/analyze works on 60,000 words')
const store = createStore(corpus, defs)
const app = createApp(store, { maxBodyBytes: 4 * 1024 * 1024 })
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((r) => server.once('listening', r))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const body = JSON.stringify({ articles: [{ id: 'big', text: newsText(60000) }] })
const postOnce = () =>
  fetch(`${base}/api/analyze`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  }).then(async (r) => [r.status, (await r.text()).length])
await postOnce() // starts the worker thread
const t0 = performance.now()
const post = postOnce().then(([status]) => [status, performance.now() - t0])
await new Promise((r) => setTimeout(r, 20))
const t1 = performance.now()
const pageStatus = (await fetch(`${base}/api/articles`)).status
const pageMs = performance.now() - t1
const [postStatus, postMs] = await post
console.log(`  POST /api/analyze: ${postStatus} in ${postMs!.toFixed(0)} ms`)
console.log(`  GET /api/articles meanwhile: ${pageStatus} in ${pageMs.toFixed(0)} ms`)
if (pageMs > TARGETS.pageWhileAnalysingMs)
  misses.push(`page waited ${pageMs.toFixed(0)} ms > ${TARGETS.pageWhileAnalysingMs} ms`)
server.close()

if (misses.length) {
  console.error('scaling targets missed:\n- ' + misses.join('\n- '))
  process.exit(1)
}
console.log('all scaling targets met')
process.exit(0)
