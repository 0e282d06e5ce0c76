/**
 * The query parameters only the pages take, checked once here so handlers get typed values: the
 * framing number whose evidence is asked for and the text layers of an article page. What they
 * are checked against (the measures, their categories, the layers) is the domain's
 * (src/domain), as are the checks the exports share: an article, an actor, the articles of a
 * comparison (src/domain/lookup.ts, src/domain/compare.ts).
 */
import type { CorpusStore } from '../corpus-store.js'
import { isLayer, LAYERS, type Layer } from '../domain/layers.js'
import { requireActor } from '../domain/lookup.js'
import {
  categoriesOf,
  isMeasure,
  isNamingTerm,
  MEASURES,
  PER_ACTOR_MEASURES,
  type CueQuery,
} from '../domain/measures.js'
import { httpError } from './errors.js'

/**
 * A framing number's evidence query (`measure`, `category`, `actor`), every field checked: the
 * measure and the category must exist, naming needs an actor and a term that is one of its
 * aliases or a listed epithet, sourcing needs a category, and only naming and frames take an
 * actor. A category left out means the whole measure.
 */
export function requireCueQuery(
  store: CorpusStore,
  raw: { measure?: string; category?: string; actor?: string },
): CueQuery {
  const { measure, category, actor } = raw
  if (measure === undefined || measure === '') {
    throw httpError(400, `say which measure: ?measure=${MEASURES.join('|')}`)
  }
  if (!isMeasure(measure)) {
    throw httpError(400, `no measure "${measure}"; the measures are: ${MEASURES.join(', ')}`)
  }
  if (category === '') throw httpError(400, 'the category is empty; leave it out for all of them')
  const cue: CueQuery = { measure }
  if (actor !== undefined) {
    if (!PER_ACTOR_MEASURES.has(measure)) {
      throw httpError(400, `${measure} is not counted per actor: leave out the actor`)
    }
    cue.actor = requireActor(store, actor).id
  }
  if (measure === 'naming') {
    if (cue.actor === undefined) {
      throw httpError(400, `say whose names: &actor=${store.actors.map((a) => a.id).join('|')}`)
    }
    const who = requireActor(store, cue.actor)
    if (category !== undefined && !isNamingTerm(category, who)) {
      throw httpError(
        400,
        `"${category}" is neither a name of ${who.label} (an alias in the actors file) nor an epithet of the naming lexicon`,
      )
    }
  } else {
    const known = categoriesOf(measure)!
    if (category === undefined && measure === 'sources') {
      throw httpError(400, `say which sources: &category=${known.join('|')}`)
    }
    if (category !== undefined && !known.includes(category)) {
      throw httpError(
        400,
        `no category "${category}" of ${measure}; the categories are: ${known.join(', ')}`,
      )
    }
  }
  // "hedge" is hedging's only category: the canonical form leaves it out.
  if (category !== undefined && measure !== 'hedging') cue.category = category
  return cue
}

/**
 * The text layers of `?layers=a,b` (or repeated, as checkboxes send them). Undefined when the
 * parameter is absent (the page then shows the default); "none" says the choice was made, so
 * a form with no box ticked shows no layer.
 */
export function parseLayers(values: readonly string[] | undefined): Layer[] | undefined {
  if (!values || values.length === 0) return undefined
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '' && v !== 'none')
  for (const name of names) {
    if (!isLayer(name)) {
      throw httpError(400, `no layer "${name}"; the layers are: ${LAYERS.join(', ')}, or none`)
    }
  }
  // In the order of LAYERS, once each: one choice has one URL.
  return LAYERS.filter((l) => names.includes(l))
}

/** A whole-number query parameter from `min` to `max`; `fallback` when absent or empty. */
export function whole(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
) {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!/^\d{1,16}$/.test(value) || n < min || n > max) {
    // A limit no one would type (the largest safe integer) is no help in a message.
    const range = max >= Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`
    throw httpError(400, `${name} must be a whole number ${range}, not "${value}"`)
  }
  return n
}
