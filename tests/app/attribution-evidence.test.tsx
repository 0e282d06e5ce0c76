/**
 * The evidence shows how a word reached its actor when not by the nearest name (issue 9): the
 * pronoun, appositive or coordination rule, with the words it moved, so a reader can check it.
 */
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/analysis/index.js'
import { resolveActors } from '../../src/corpus/actors.js'
import { EvidencePanel } from '../../views/components/evidence.js'
import { parseHtml } from './helpers.js'

const actors = resolveActors([
  { id: 'russia', label: 'Russia', aliases: ['Russia', 'Putin'] },
  { id: 'north-korea', label: 'North Korea', aliases: ['North Korea', 'Kim'] },
])
const analyzer = new Analyzer(actors)

const reasons = async (text: string, actor: number) => {
  const detail = analyzer.analyze({ id: 'a', title: 'Summit', text }).detail
  const html = await (
    <EvidencePanel detail={detail} actor={actors[actor]!} actors={actors} />
  ).toString()
  return [...parseHtml(html).querySelectorAll('.evidence-why li')].map((li) => li.textContent)
}

describe('evidence panel', () => {
  it('lists the pronoun that moved words, with the words', async () => {
    expect(await reasons('Kim arrived on Tuesday. He is a cruel tyrant.', 1)).toEqual([
      '“He” → North Korea (Kim, the subject of the sentence before) (moves: cruel, tyrant)',
    ])
  })

  it('lists an appositive, and nothing where the nearest name decided', async () => {
    expect(await reasons('Putin, a cruel man, met Kim.', 0)).toEqual([
      'appositive of Putin (Russia): “a cruel man” (moves: cruel)',
    ])
    expect(await reasons('Putin, a cruel man, met Kim.', 1)).toEqual([])
  })
})
