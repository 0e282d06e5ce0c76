/**
 * Actor definitions: who the analysis looks for and by which names. They live in an editable JSON
 * file (`data/actors.json` by default, `--actors FILE` in the CLI, or per line in JSONL input),
 * so this module validates them strictly and says precisely which actor and which field is wrong:
 * a typo in an alias list would otherwise silently make an actor "absent" from every article.
 * The engine's limits on actors and aliases (`src/analysis/limits.ts`) are checked here too, so a
 * file over them is refused with the actor and the limit named, like any other mistake in it.
 */

import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import {
  MAX_ACTORS,
  MAX_ALIASES,
  aliasProblem,
  unmatchableAliases,
  type Actor,
  type ActorDef,
} from '../analysis/index.js'
import { InputError, osReason } from './errors.js'

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/

const nonBlank = (value: string) => value.trim() !== ''

/** The fields of an actor; unknown keys are errors (a misspelt key is lost data). */
const ActorDefFields = z.strictObject(
  {
    id: z
      .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
      .regex(
        ID_PATTERN,
        'must be lower-case letters, digits and dashes, starting with a letter or digit (e.g. "north-korea")',
      ),
    label: z.string({ error: 'must be text' }).refine(nonBlank, 'must not be empty').optional(),
    colour: z
      .string({ error: 'must be a colour written #rrggbb' })
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb (e.g. "#2c3e91")')
      .optional(),
    aliases: z
      .array(z.string({ error: 'must be text' }).refine(nonBlank, 'must not be empty'), {
        error: (issue) =>
          issue.input === undefined ? 'must list at least one alias' : 'must be a list of names',
      })
      .min(1, 'must list at least one alias'),
    exclude: z
      .array(z.string({ error: 'must be text' }).refine(nonBlank, 'must not be empty'), {
        error: 'must be a list of phrases',
      })
      .optional(),
  },
  { error: 'must be an object like {"id": "russia", "aliases": ["Russia", "Moscow"]}' },
)

/**
 * One actor as written in an actors file: its fields, and no more aliases and exclusions, nor any
 * longer, than the engine takes (`MAX_ALIASES`, `aliasProblem`).
 */
export const ActorDefSchema = ActorDefFields.superRefine((def, ctx) => {
  // Checked here rather than on each item, so that a list of a million aliases gives one message,
  // not a million. A list may be of the wrong type when other checks failed.
  const lists: [string, unknown][] = [
    ['aliases', def.aliases],
    ['exclude', def.exclude],
  ]
  const count = lists.reduce((n, [, list]) => n + (Array.isArray(list) ? list.length : 0), 0)
  if (count > MAX_ALIASES) {
    ctx.addIssue({
      code: 'custom',
      message: `${count} aliases and exclusions; the limit is ${MAX_ALIASES} an actor`,
    })
    return
  }
  for (const [key, list] of lists) {
    if (!Array.isArray(list)) continue
    list.forEach((phrase: unknown, index) => {
      const problem = typeof phrase === 'string' ? aliasProblem(phrase) : null
      if (problem) ctx.addIssue({ code: 'custom', path: [key, index], message: problem })
    })
  }
})

/** Where an issue sits inside one actor: "aliases: item 2" (1-based, for people). */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `item ${part + 1}` : String(part)))
    .join(': ')
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const hint = key === 'color' ? ' (did you mean "colour"?)' : ''
        return `unknown key "${key}"${hint}; allowed: id, label, colour, aliases, exclude`
      })
      .join('; ')
  }
  const where = fieldPath(issue.path)
  return where ? `${where}: ${issue.message}` : issue.message
}

/**
 * Validates actor definitions: `{"actors": [...]}` (other top-level keys such as "about" are
 * allowed) or a bare array. Throws one `InputError` listing every problem, each as
 * `<source>: actor N ("id"): field: what is wrong`, with N counted from 1.
 */
export function parseActorDefs(json: unknown, source: string): ActorDef[] {
  let list: unknown[]
  if (Array.isArray(json)) list = json
  else if (typeof json === 'object' && json !== null && 'actors' in json) {
    const actors = (json as { actors: unknown }).actors
    if (!Array.isArray(actors)) throw new InputError(`${source}: "actors" must be a list`, source)
    list = actors
  } else {
    throw new InputError(
      `${source}: expected {"actors": [...]} or a list of actors, each {"id", "aliases", ...}`,
      source,
    )
  }
  if (list.length === 0) {
    throw new InputError(`${source}: no actors defined; list at least one`, source)
  }
  if (list.length > MAX_ACTORS) {
    throw new InputError(
      `${source}: ${list.length} actors; the limit is ${MAX_ACTORS} actors`,
      source,
    )
  }

  const problems: string[] = []
  const defs: ActorDef[] = []
  const firstIndex = new Map<string, number>()
  list.forEach((item, index) => {
    const rawId = (item as { id?: unknown } | null)?.id
    const who = `actor ${index + 1}${typeof rawId === 'string' ? ` (${JSON.stringify(rawId)})` : ''}`
    const result = ActorDefSchema.safeParse(item)
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`${source}: ${who}: ${issueMessage(issue)}`)
      }
      return
    }
    const earlier = firstIndex.get(result.data.id)
    if (earlier !== undefined) {
      problems.push(
        `${source}: ${who}: id: the same id as actor ${earlier + 1}; ids must be unique`,
      )
      return
    }
    firstIndex.set(result.data.id, index)
    const [actor] = resolveActors([result.data])
    for (const alias of unmatchableAliases(actor!))
      problems.push(
        `${source}: ${who}: aliases: "${alias}" can never match its own text` +
          ` (punctuation other than . - ' inside a name, or an exclusion that covers it)`,
      )
    defs.push(result.data)
  })
  if (problems.length > 0) throw new InputError(problems.join('\n'), source)
  return defs
}

/** Adds " (line L, column C)" to a JSON.parse message that gives only a position. */
function withLineAndColumn(message: string, text: string): string {
  const match = /at position (\d+)/.exec(message)
  if (!match || /line \d+/.test(message)) return message
  const before = text.slice(0, Number(match[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `${message} (line ${line}, column ${column})`
}

async function readActors(path: string, source: string): Promise<ActorDef[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new InputError(`${source}: cannot read the file: ${osReason(err)}`, source)
  }
  text = text.replace(/^\uFEFF/, '')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    const message = withLineAndColumn((err as Error).message, text)
    throw new InputError(`${source}: not valid JSON: ${message}`, source)
  }
  return parseActorDefs(json, source)
}

/** Reads and validates an actors file (JSON); errors name the file as given. */
export function readActorsFile(path: string): Promise<ActorDef[]> {
  return readActors(path, path)
}

/** The default actors, from `data/actors.json` in the repository (found from this module). */
export function loadDefaultActors(): Promise<ActorDef[]> {
  return readActors(
    fileURLToPath(new URL('../../data/actors.json', import.meta.url)),
    'data/actors.json',
  )
}

/**
 * Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008), ordered so the first
 * colours are the most distinct on a white background; the yellow and black come last.
 */
export const ACTOR_PALETTE: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
]

/** "north-korea" → "North Korea". */
function labelFromId(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ')
}

/**
 * Fills in what a definition leaves out: the label from the id ("north-korea" → "North Korea"),
 * the colour from `ACTOR_PALETTE` by the actor's position (the next free one when another actor
 * already uses that colour, so two actors never share one while the palette lasts), and an empty
 * exclusion list.
 */
export function resolveActors(defs: readonly ActorDef[]): Actor[] {
  const used = new Set(defs.flatMap((def) => (def.colour ? [def.colour.toLowerCase()] : [])))
  return defs.map((def, index) => {
    let colour = def.colour
    if (!colour) {
      const rotated = ACTOR_PALETTE.map(
        (_, k) => ACTOR_PALETTE[(index + k) % ACTOR_PALETTE.length]!,
      )
      colour =
        rotated.find((c) => !used.has(c.toLowerCase())) ??
        ACTOR_PALETTE[index % ACTOR_PALETTE.length]!
      used.add(colour.toLowerCase())
    }
    return {
      id: def.id,
      label: def.label ?? labelFromId(def.id),
      colour,
      aliases: [...def.aliases],
      exclude: [...(def.exclude ?? [])],
    }
  })
}
