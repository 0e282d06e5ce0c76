/**
 * The snapshot grows linearly with the number of actors (issue 14, V7): what shows every actor
 * alike (the columns' charts, the tone and mentions tables, naming, frames, sourcing) is in the
 * file once, and only each actor's own frames and evidence once per actor. Before, the whole
 * comparison was repeated per actor, each copy holding every actor: 85 actors and 3 articles made
 * 46 MB. Counted here on 12 actors and 3 articles, where actors² would be 144 per article.
 */
import { describe, expect, it } from 'vitest'
import type { ActorDef } from '../../src/analysis/index.js'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { createStore } from '../../src/corpus-store.js'
import { snapshotArtifact } from '../../src/export/artifacts.js'
import { parseHtml } from '../app/helpers.js'

const NAMES = [
  'Arvenia',
  'Belmora',
  'Corvania',
  'Dalmera',
  'Estoria',
  'Falkenia',
  'Gorvia',
  'Halvenia',
  'Istrava',
  'Jorvenia',
  'Kalmora',
  'Lunaria',
]
const ACTORS: ActorDef[] = NAMES.map((name) => ({
  id: name.toLowerCase(),
  label: name,
  aliases: [name],
}))
const IDS = ['one', 'two', 'three']
const WORDS = ['brutal', 'wise', 'corrupt']

const store = createStore(
  IDS.map((id, i) =>
    parseArticleText(
      `---\ntitle: Article ${id}\n---\n\n${NAMES.map((n) => `${n} was ${WORDS[i]}.`).join(' ')}\n`,
      `${id}.md`,
      'md',
    ),
  ),
  ACTORS,
)

describe('a snapshot of 3 articles and 12 actors', () => {
  it('holds each per-actor block actors × articles times, the rest once', async () => {
    const { body } = await snapshotArtifact(store, [IDS.join(',')], new Date('2025-05-11'))
    const doc = parseHtml(String(body))
    const count = (selector: string) => doc.querySelectorAll(selector).length
    const actors = ACTORS.length
    const articles = IDS.length
    // Every actor named in every article, each once with one evaluative word.
    for (const id of IDS) expect(Object.keys(store.get(id)!.detail.actors).length).toBe(actors)

    // Shown once, for every actor: naming cells, the tone tables, and their rows.
    expect(count('[data-section^="naming-"]')).toBe(actors * articles)
    expect(count('table.cmp-actors')).toBe(articles)
    expect(count('table.cmp-actors tbody tr')).toBe(actors * articles)
    expect(count('[data-section="quoted-tone"]')).toBe(articles)
    // Once per actor: a section with its frames chart and table and its evidence per article.
    expect(count('section.snapshot-actor')).toBe(actors)
    expect(count('section.snapshot-actor [data-section="frames-chart"]')).toBe(actors * articles)
    expect(count('section.snapshot-actor [data-section="frames-actor"]')).toBe(actors * articles)
    expect(count('section.snapshot-actor .evidence-summary')).toBe(actors * articles)
    expect(count('section.snapshot-actor li.evidence')).toBe(actors * articles)
    for (const actor of ACTORS) {
      expect(count(`section#actor-${actor.id} .evidence-summary`), actor.id).toBe(articles)
      expect(count(`section#actor-${actor.id} li.evidence`), actor.id).toBe(articles)
    }
    // Charts: 4 of all articles (the headline of the first actor too), 3 per column, then one frames chart per actor and column.
    expect(count('fl-chart')).toBe(4 + 3 * articles + actors * articles)
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.getAttribute('id'))
    expect(new Set(ids).size).toBe(ids.length)
  })
})
