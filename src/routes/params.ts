/**
 * Query parameters as the pages and the API accept them, checked once here so handlers get
 * typed values: an article (404 when unknown), an actor (400 when unknown: the page exists, the
 * parameter is wrong), the list of articles to compare, the framing number whose evidence is
 * asked for, and the text layers of an article page.
 */
import type { Actor } from '../analysis/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { categoriesOf, isMeasure, isNamingTerm, MEASURES, type CueQuery } from '../../views/cues.js'
import { isLayer, LAYERS, type Layer } from '../../views/layers.js'
import { COMPARE_MAX, COMPARE_MIN } from '../../views/pages/compare.js'
import { httpError } from './errors.js'

export function requireArticle(store: CorpusStore, id: string): StoredArticle {
  const article = store.get(id)
  if (!article) {
    throw httpError(
      404,
      `no article with id "${id}"; the ids are: ${store.articles.map((a) => a.id).join(', ')}`,
    )
  }
  return article
}

export function requireActor(store: CorpusStore, id: string): Actor {
  const actor = store.actors.find((a) => a.id === id)
  if (!actor) {
    throw httpError(
      400,
      `no actor with id "${id}"; the actors are: ${store.actors.map((a) => a.id).join(', ')}`,
    )
  }
  return actor
}

/**
 * The articles of `ids`: given as `ids=a,b,c` (the canonical, shareable form) or as repeated
 * `ids=a&ids=b` (what a form of checkboxes sends without JavaScript), or both. Returns undefined
 * when no ids are given at all (the comparison page then asks for a choice).
 *
 * Ids are file names, so one may hold a comma. A value that is exactly an article's id names that
 * article (`ids=a%2Cb&ids=c`, as `idsQuery` writes ids with a comma and a form sends them); any
 * other value is a list, split on commas. The one exception is a lone value whose every part is an
 * article too: a comparison needs two articles, so `ids=a,b` compares `a` and `b` even when an
 * article is called "a,b".
 */
export function parseCompareIds(
  store: CorpusStore,
  values: readonly string[] | undefined,
): StoredArticle[] | undefined {
  if (!values || values.length === 0) return undefined
  const ids = values.flatMap((v) => idsOfValue(store, v, values.length === 1))
  if (ids.some((id) => id === '')) {
    throw httpError(400, 'the ids list has an empty entry; write ids=first-id,second-id')
  }
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw httpError(400, `the ids list names "${id}" twice`)
    seen.add(id)
  }
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    throw httpError(
      400,
      `choose ${COMPARE_MIN} to ${COMPARE_MAX} articles to compare; ${ids.length === 1 ? '1 was' : `${ids.length} were`} given`,
    )
  }
  return ids.map((id) => requireArticle(store, id))
}

/** The ids one `ids` value names (see `parseCompareIds`); `lone` when it is the only value. */
function idsOfValue(store: CorpusStore, value: string, lone: boolean): string[] {
  const parts = value.split(',').map((id) => id.trim())
  if (store.get(value) === undefined) return parts
  if (lone && parts.length > 1 && parts.every((id) => store.get(id) !== undefined)) return parts
  return [value]
}

/** The measures whose numbers are counted per actor, so that `actor` may narrow them. */
const PER_ACTOR = new Set(['naming', 'frames'])

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
    if (!PER_ACTOR.has(measure)) {
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
