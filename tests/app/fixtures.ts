/**
 * A tiny corpus for the route tests: six short articles and three actors, written so that each
 * case the pages must handle occurs (an absent actor, a negated word, removed boilerplate, an
 * article without outlet or date). Expected numbers are never typed in: tests compute them with
 * a separate Analyzer over the same inputs, so they hold while the engine's lexicons change.
 */
import { Analyzer, summarize, type ActorDef, type ArticleDetail } from '../../src/analysis/index.js'
import { resolveActors } from '../../src/corpus/actors.js'
import { parseArticleText, type ParsedArticle } from '../../src/corpus/article-file.js'
import { createStore, type MemoryStore } from '../../src/corpus-store.js'

export const ACTOR_DEFS: ActorDef[] = [
  { id: 'russia', label: 'Russia', colour: '#c0392b', aliases: ['Russia', 'Moscow', 'Putin'] },
  {
    id: 'north-korea',
    label: 'North Korea',
    colour: '#2c3e91',
    aliases: ['North Korea', 'Pyongyang', 'Kim'],
  },
  {
    id: 'west',
    label: 'The West',
    colour: '#1e8449',
    aliases: ['West', 'Washington', 'NATO'],
    exclude: ['West Bank'],
  },
]

const FILES: [string, string][] = [
  [
    'alpha.md',
    `---
title: Moscow and the West
outlet: Daily Alpha
date: 2024-01-02
---

Russia is a brutal and corrupt regime. The West acted wisely and generously.

Advertisement

Moscow was not honest. Washington praised the good agreement.

Sanctions followed sanctions, and the sanctions stayed. New sanctions came.
`,
  ],
  [
    'beta.md',
    `---
title: Pyongyang's friend
outlet: Beta News
---

Kim praised Putin as a great friend. Pyongyang celebrated a wonderful victory.

North Korea threatened the West with terrible weapons, but Russia was calm.
`,
  ],
  [
    'gamma.txt',
    'A quiet summit\n\nPutin met Kim. The talks were long. Moscow was happy and Pyongyang was proud.\n',
  ],
  [
    'delta.md',
    '---\ntitle: Delta\n---\n\nNATO leaders met in Brussels and agreed on a sensible plan.\n',
  ],
  [
    'epsilon.md',
    '---\ntitle: Epsilon\n---\n\nRussia sent grain. Kim sent shells. Nobody was surprised.\n',
  ],
  ['zeta.md', '---\ntitle: Zeta\n---\n\nThe weather was awful and the roads were dangerous.\n'],
]

export function fixtureArticles(): ParsedArticle[] {
  return FILES.map(([name, text]) =>
    parseArticleText(text, name, name.endsWith('.txt') ? 'txt' : 'md'),
  )
}

export function fixtureStore(): MemoryStore {
  return createStore(fixtureArticles(), ACTOR_DEFS)
}

/** What the engine itself says of the fixture corpus, analysed independently of the store. */
export function expectedDetails(): ArticleDetail[] {
  const analyzer = new Analyzer(resolveActors(ACTOR_DEFS))
  return analyzer.analyzeCorpus(
    fixtureArticles().map((a) => ({
      id: a.id,
      title: a.title,
      headline: a.headline,
      text: a.text,
    })),
  )
}

export const expectedSummaries = () => expectedDetails().map(summarize)

/** Request headers of an htmx 4 request that swaps part of the page. */
export const HX_PARTIAL = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
/** Request headers of an htmx 4 history restore (it swaps the whole body). */
export const HX_FULL = {
  'HX-Request': 'true',
  'HX-Request-Type': 'full',
  'HX-History-Restore-Request': 'true',
}
