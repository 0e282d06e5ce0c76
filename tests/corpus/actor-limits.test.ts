/**
 * The engine's limits on actors and aliases (`src/analysis/limits.ts`) as an actors file meets
 * them: refused when the file is read, with the actor and the limit named, so that no analysis
 * ever starts on an actor set the engine would refuse.
 */

import { describe, expect, it } from 'vitest'
import { MAX_ACTORS, MAX_ALIASES } from '../../src/analysis/index.js'
import { parseActorDefs } from '../../src/corpus/actors.js'
import { InputError } from '../../src/corpus/errors.js'

/** The message of the `InputError` that `parseActorDefs` throws for `json`. */
function problems(json: unknown): string {
  try {
    parseActorDefs(json, 'actors.json')
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as InputError).message
  }
  throw new Error('the actors were accepted')
}

describe('actor and alias caps', () => {
  it('refuses an alias too long or of too many words, naming the actor, the item and the limit', () => {
    const long = `Russia${'n'.repeat(115)}`
    expect(
      problems([
        { id: 'russia', aliases: ['Russia', long] },
        { id: 'west', aliases: ['West'], exclude: ['a b c d e f g h i j k l m'] },
      ]),
    ).toBe(
      [
        `actors.json: actor 1 ("russia"): aliases: item 2: "Russia${'n'.repeat(34)}…" has 121 characters; the limit is 120 an alias`,
        'actors.json: actor 2 ("west"): exclude: item 1: "a b c d e f g h i j k l m" has 13 words; the limit is 12 an alias',
      ].join('\n'),
    )
  })

  it('refuses more aliases and exclusions than the limit, with one message for the actor', () => {
    const aliases = Array.from({ length: MAX_ALIASES }, (_, i) => `Name ${i}`)
    // 200 aliases alone are fine; one exclusion more is over, however long the aliases are.
    expect(parseActorDefs([{ id: 'many', aliases }], 'actors.json')).toHaveLength(1)
    expect(
      problems([{ id: 'many', aliases: aliases.map((a) => a.repeat(50)), exclude: ['x'] }]),
    ).toBe('actors.json: actor 1 ("many"): 201 aliases and exclusions; the limit is 200 an actor')
  })

  it('refuses more actors than the limit', () => {
    const actors = Array.from({ length: MAX_ACTORS + 1 }, (_, i) => ({
      id: `a${i}`,
      aliases: [`A${i}`],
    }))
    expect(problems(actors)).toBe('actors.json: 51 actors; the limit is 50 actors')
    expect(parseActorDefs(actors.slice(1), 'actors.json')).toHaveLength(MAX_ACTORS)
  })
})
