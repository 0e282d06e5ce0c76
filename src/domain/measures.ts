/**
 * The framing measures whose numbers open the words behind them (naming, frames, loaded
 * language, sources, hedging), the categories each accepts, and what a query for one of them
 * holds. The routes check an evidence query against these (src/routes/params.ts) and the views
 * select and label the words with them (views/cues.ts), so a category one accepts the other shows.
 */
import {
  FRAMES,
  LOADED_CATEGORIES,
  NAMING_EPITHETS,
  SOURCING,
  namingKey,
  type Actor,
  type SourceKind,
} from '../analysis/index.js'

/** The measures, in the order the pages show them. */
export const MEASURES = ['naming', 'frames', 'loaded', 'sources', 'hedging'] as const
/** One framing measure. */
export type Measure = (typeof MEASURES)[number]
/** Whether `x` names a measure. */
export const isMeasure = (x: string): x is Measure => (MEASURES as readonly string[]).includes(x)

/** The measures whose numbers are counted per actor, so that an actor may narrow them. */
export const PER_ACTOR_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['naming', 'frames'])

/** What one evidence link asks for; the routes check every field before building one. */
export interface CueQuery {
  measure: Measure
  /** A frame or loaded-language id, a naming term, a source category; absent: all of them. */
  category?: string
  /** For naming (required) and frames (the clauses that name this actor). */
  actor?: string
}

/** The kinds of source an attribution credits, in the order the tables list them. */
export const SOURCE_KINDS: readonly SourceKind[] = ['named', 'anonymous', 'outlet', 'unattributed']

/** The outlets' display names, as `Sourcing.outlets` reports them. */
export const OUTLET_NAMES: readonly string[] = SOURCING.outlets.map((o) => o.name)

/**
 * The categories of `sources`: the quotes, the attributions that credit one kind of source, or
 * the places that name one outlet.
 */
export const SOURCE_CATEGORIES: readonly string[] = ['quotes', ...SOURCE_KINDS, ...OUTLET_NAMES]

/** A naming term as the engine keys it (each `NamingTerm` carries its `key`). */
export { namingKey }

const epithetKeys = new Set(NAMING_EPITHETS.map((e) => namingKey(e)))

/** Whether a naming term can exist for an actor: one of its aliases or a listed epithet. */
export function isNamingTerm(term: string, actor: Actor): boolean {
  const key = namingKey(term)
  return epithetKeys.has(key) || actor.aliases.some((a) => namingKey(a) === key)
}

/** The categories a measure accepts in `?category=`, or null when any naming term may be asked. */
export function categoriesOf(measure: Measure): readonly string[] | null {
  switch (measure) {
    case 'frames':
      return FRAMES.map((f) => f.id)
    case 'loaded':
      return LOADED_CATEGORIES.map((c) => c.id)
    case 'hedging':
      return ['hedge']
    case 'sources':
      return SOURCE_CATEGORIES
    case 'naming':
      return null
  }
}
