/**
 * Tests of actor definitions: the accepted shapes, each validation message (which must name the
 * actor and the field), reading files, the bundled defaults and the filled-in labels and colours.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACTOR_PALETTE,
  loadDefaultActors,
  parseActorDefs,
  readActorsFile,
  resolveActors,
} from '../../src/corpus/actors.js'
import { InputError } from '../../src/corpus/errors.js'

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as InputError).message
  }
  throw new Error('expected an InputError, nothing was thrown')
}

const russia = { id: 'russia', aliases: ['Russia', 'Moscow'] }

describe('parseActorDefs: accepted shapes', () => {
  it('accepts {"actors": [...]} with other top-level keys such as "about"', () => {
    expect(parseActorDefs({ about: 'notes', actors: [russia] }, 'a.json')).toEqual([russia])
  })

  it('accepts a bare array and keeps every optional field as written', () => {
    const full = {
      id: 'north-korea',
      label: 'North Korea',
      colour: '#2C3E91',
      aliases: ['North Korea', 'Kim'],
      exclude: ['Kim Kardashian'],
    }
    expect(parseActorDefs([full], 'a.json')).toEqual([full])
  })
})

describe('parseActorDefs: messages', () => {
  it('names the actor (counted from 1) and "aliases" when aliases are missing', () => {
    const json = { actors: [russia, { id: 'west', label: 'The West' }] }
    expect(messageOf(() => parseActorDefs(json, 'actors.json'))).toBe(
      'actors.json: actor 2 ("west"): aliases: must list at least one alias',
    )
  })

  it('says the same for an empty alias list, and points at a blank alias', () => {
    const json = [
      { id: 'west', aliases: [] },
      { id: 'nato', aliases: ['NATO', ' '] },
    ]
    expect(messageOf(() => parseActorDefs(json, 'a.json'))).toBe(
      [
        'a.json: actor 1 ("west"): aliases: must list at least one alias',
        'a.json: actor 2 ("nato"): aliases: item 2: must not be empty',
      ].join('\n'),
    )
  })

  it('refuses an id that is not lower-case letters, digits and dashes', () => {
    expect(
      messageOf(() => parseActorDefs([{ id: 'North Korea', aliases: ['Kim'] }], 'a.json')),
    ).toBe(
      'a.json: actor 1 ("North Korea"): id: must be lower-case letters, digits and dashes, starting with a letter or digit (e.g. "north-korea")',
    )
  })

  it('refuses a missing id, a bad colour and an unknown key, all in one message', () => {
    const json = [
      { aliases: ['Kim'] },
      { id: 'eu', colour: 'blue', color: '#000000', aliases: ['EU'] },
    ]
    expect(messageOf(() => parseActorDefs(json, 'a.json'))).toBe(
      [
        'a.json: actor 1: id: required',
        'a.json: actor 2 ("eu"): colour: must be a colour written #rrggbb (e.g. "#2c3e91")',
        'a.json: actor 2 ("eu"): unknown key "color" (did you mean "colour"?); allowed: id, label, colour, aliases, exclude',
      ].join('\n'),
    )
  })

  it('refuses two actors with the same id', () => {
    const json = [russia, { id: 'west', aliases: ['NATO'] }, { id: 'russia', aliases: ['Kremlin'] }]
    expect(messageOf(() => parseActorDefs(json, 'a.json'))).toBe(
      'a.json: actor 3 ("russia"): id: the same id as actor 1; ids must be unique',
    )
  })

  it('refuses other shapes, a non-list "actors" and an empty list', () => {
    expect(messageOf(() => parseActorDefs({ russia }, 'a.json'))).toBe(
      'a.json: expected {"actors": [...]} or a list of actors, each {"id", "aliases", ...}',
    )
    expect(messageOf(() => parseActorDefs({ actors: russia }, 'a.json'))).toBe(
      'a.json: "actors" must be a list',
    )
    expect(messageOf(() => parseActorDefs([], 'a.json'))).toBe(
      'a.json: no actors defined; list at least one',
    )
  })

  it('refuses an actor that is not an object', () => {
    expect(messageOf(() => parseActorDefs(['russia'], 'a.json'))).toBe(
      'a.json: actor 1: must be an object like {"id": "russia", "aliases": ["Russia", "Moscow"]}',
    )
  })
})

describe('readActorsFile', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'framelens-actors-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads a valid file', async () => {
    const path = join(dir, 'ok.json')
    await writeFile(path, JSON.stringify({ actors: [russia] }))
    expect(await readActorsFile(path)).toEqual([russia])
  })

  it('reports invalid JSON with the parser message and where it failed', async () => {
    // The trailing comma before "}" is at offset 22: line 3, column 1.
    const path = join(dir, 'bad.json')
    await writeFile(path, '{\n  "actors": [1, 2],\n}')
    await expect(readActorsFile(path)).rejects.toThrow(
      new InputError(
        `${path}: not valid JSON: Expected double-quoted property name in JSON at position 22 (line 3, column 1)`,
        path,
      ),
    )
  })

  it('reports a missing file with the OS reason', async () => {
    const path = join(dir, 'none.json')
    await expect(readActorsFile(path)).rejects.toThrow(
      `${path}: cannot read the file: no such file or directory (ENOENT)`,
    )
  })
})

describe('loadDefaultActors', () => {
  it('reads data/actors.json wherever the process runs: russia, north-korea, west', async () => {
    const actors = await loadDefaultActors()
    expect(actors.map((actor) => actor.id)).toEqual(['russia', 'north-korea', 'west'])
    // Found from the module's own location, not the working directory.
    expect(actors[1]?.aliases).toContain('Pyongyang')
    expect(actors[2]?.exclude).toContain('West Bank')
  })
})

describe('resolveActors', () => {
  it('fills label from the id and colour from the palette by position; keeps given values', () => {
    const resolved = resolveActors([
      { id: 'russia', label: 'Russia', colour: '#c0392b', aliases: ['Russia'] },
      { id: 'north-korea', aliases: ['Kim'] },
      { id: 'west', aliases: ['NATO'], exclude: ['West Bank'] },
    ])
    expect(resolved).toEqual([
      { id: 'russia', label: 'Russia', colour: '#c0392b', aliases: ['Russia'], exclude: [] },
      { id: 'north-korea', label: 'North Korea', colour: '#D55E00', aliases: ['Kim'], exclude: [] },
      { id: 'west', label: 'West', colour: '#009E73', aliases: ['NATO'], exclude: ['West Bank'] },
    ])
  })

  it('skips a palette colour another actor already uses', () => {
    // Actor 1's palette colour would be #0072B2, which actor 2 has chosen: actor 1 takes the next.
    const resolved = resolveActors([
      { id: 'a', aliases: ['A'] },
      { id: 'b', colour: '#0072b2', aliases: ['B'] },
    ])
    expect(resolved.map((actor) => actor.colour)).toEqual(['#D55E00', '#0072b2'])
  })

  it('uses the Okabe–Ito colours', () => {
    expect(ACTOR_PALETTE).toEqual([
      '#0072B2',
      '#D55E00',
      '#009E73',
      '#CC79A7',
      '#E69F00',
      '#56B4E9',
      '#F0E442',
      '#000000',
    ])
  })
})

describe('aliases that can never match', () => {
  it('refuses them when the actors are loaded, naming the actor and the alias', () => {
    expect(() =>
      parseActorDefs(
        [
          { id: 'trump', aliases: ['Mr. Trump', 'Kim (Jong Un)'] },
          { id: 'north-korea', aliases: ['North Korea', 'South Korea'], exclude: ['South Korea'] },
        ],
        'actors.json',
      ),
    ).toThrow(
      [
        'actors.json: actor 1 ("trump"): aliases: "Kim (Jong Un)" can never match its own text' +
          " (punctuation other than . - ' inside a name, or an exclusion that covers it)",
        'actors.json: actor 2 ("north-korea"): aliases: "South Korea" can never match its own text' +
          " (punctuation other than . - ' inside a name, or an exclusion that covers it)",
      ].join('\n'),
    )
  })

  it('takes "Mr. Trump" and "Vladimir V. Putin", which used to match nothing', () => {
    expect(
      parseActorDefs(
        [{ id: 'people', aliases: ['Mr. Trump', 'Vladimir V. Putin', 'Sen. Schumer'] }],
        'actors.json',
      ).map((a) => a.aliases),
    ).toEqual([['Mr. Trump', 'Vladimir V. Putin', 'Sen. Schumer']])
  })
})
