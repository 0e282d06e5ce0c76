/**
 * Which words stand behind a number of the framing tables: the hits of one measure (one category
 * of it, in the clauses about one actor when asked), each with the label a reader sees on hover
 * and focus, and the sentences they sit in. Pure, like highlight.ts: the routes validate the
 * query once (against the measures of src/domain/measures.ts), the components draw what this
 * selects, and the article text's layers are built from the same spans so a highlight reads the
 * same wherever it appears.
 */
import {
  FRAMES,
  LOADED_CATEGORIES,
  type Actor,
  type ArticleDetail,
  type CueHit,
  type NamingTerm,
  type Source,
  type SourceKind,
  type Span,
} from '../src/analysis/index.js'
import type { Layer } from '../src/domain/layers.js'
import { SOURCE_KINDS, namingKey, type CueQuery, type Measure } from '../src/domain/measures.js'

/** The heading of each measure and its section of the Methods page. */
export const MEASURE_INFO: Record<Measure, { title: string; anchor: string }> = {
  naming: { title: 'Naming', anchor: 'naming' },
  frames: { title: 'Frames', anchor: 'frames' },
  loaded: { title: 'Loaded language', anchor: 'loaded-language' },
  sources: { title: 'Voice and sourcing', anchor: 'sourcing' },
  hedging: { title: 'Hedging', anchor: 'hedging' },
}

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  named: 'Named',
  anonymous: 'Anonymous',
  outlet: 'Outlet',
  unattributed: 'Unattributed',
}

const frameLabels = new Map(FRAMES.map((f) => [f.id, f.label]))
const loadedLabels = new Map(LOADED_CATEGORIES.map((c) => [c.id, c.label]))

export const frameLabel = (id: string) => frameLabels.get(id) ?? id
export const loadedLabel = (id: string) => loadedLabels.get(id) ?? id

/** Words to highlight for a measure. */
export interface CueSpan extends Span {
  measure: Measure
  /** What a reader is told on hover and focus: the category and the cue. */
  label: string
  /** Its place among the hits the cell counts; absent on the words that name a source. */
  hit?: number
  /** The words naming who speaks, for an attribution or a quote: drawn apart from the hit. */
  source?: boolean
  /** A hedge in the scope of a negator ("not likely"). */
  negated?: boolean
  /** For a quote or an attribution: where its source is named. */
  sourceAt?: Span
}

export interface CueSelection {
  query: CueQuery
  /** The measure and category in words: "Security & defence", "“dictator” for North Korea". */
  heading: string
  /** The hits the cell counts, in text order. */
  hits: CueSpan[]
  /** Every span to mark: the hits and, for sourcing, the words naming their sources. */
  spans: CueSpan[]
  /** The query's actor is never named in the article: absent, which is not zero. */
  absent: boolean
}

const quoted = (s: string) => `“${s}”`

function describeSource(s: Source): string {
  return s.text ? `${s.text} (${s.kind})` : 'unattributed: no source found'
}

/** The words naming the source of a hit, marked apart from it. */
function sourceSpans(hits: readonly CueSpan[], sources: readonly Source[]): CueSpan[] {
  return hits.flatMap((h, i) => {
    const s = sources[i]!
    return s.span
      ? [{ ...s.span, measure: h.measure, source: true, label: `Source (${s.kind}): ${s.text}` }]
      : []
  })
}

const frameSpan = (h: CueHit): CueSpan => ({
  start: h.start,
  end: h.end,
  measure: 'frames',
  label: `Frame: ${frameLabel(h.category)}, cue ${quoted(h.cue)}`,
})

const loadedSpan = (h: CueHit): CueSpan => ({
  start: h.start,
  end: h.end,
  measure: 'loaded',
  label: `Loaded language: ${loadedLabel(h.category)}, cue ${quoted(h.cue)}`,
})

const hedgeSpan = (h: CueHit): CueSpan => ({
  start: h.start,
  end: h.end,
  measure: 'hedging',
  negated: h.negated,
  label: `Hedge: ${quoted(h.cue)}${h.negated ? ' (negated)' : ''}`,
})

function namingSpans(detail: ArticleDetail, terms: readonly NamingTerm[], actor: Actor) {
  return terms.flatMap((t) =>
    t.spans.map((s): CueSpan => ({
      start: s.start,
      end: s.end,
      measure: 'naming',
      label: `${t.kind === 'epithet' ? 'Epithet' : 'Name'} for ${actor.label}: ${quoted(detail.text.slice(s.start, s.end))}`,
    })),
  )
}

/** Where an article names an outlet, from the engine's sourcing measure. */
export function outletSpans(detail: ArticleDetail): (Span & { outlet: string })[] {
  return detail.framing.sourcing.outlets.flatMap((o) =>
    o.spans.map((s) => ({ start: s.start, end: s.end, outlet: o.term })),
  )
}

const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end

/**
 * The words behind one cell. The query must be valid (the routes check it): a known measure, a
 * category of it, an actor for naming.
 */
export function selectCues(
  detail: ArticleDetail,
  query: CueQuery,
  actors: readonly Actor[],
): CueSelection {
  const { framing } = detail
  const { measure, category } = query
  const actor = query.actor !== undefined ? actors.find((a) => a.id === query.actor) : undefined
  let heading = ''
  let hits: CueSpan[] = []
  let extra: CueSpan[] = []
  let absent = false

  switch (measure) {
    case 'frames': {
      heading = category ? frameLabel(category) : 'All frames'
      // Per actor, the engine lists the hits in the clauses that name it.
      const own = actor ? framing.frames.byActor[actor.id] : undefined
      if (actor) {
        heading += ` in the clauses that name ${actor.label}`
        absent = own === null
      }
      const all = framing.frames.hits
      const scope = own ? own.hits.map((i) => all[i]!) : actor ? [] : all
      hits = scope.filter((h) => !category || h.category === category).map(frameSpan)
      break
    }
    case 'loaded':
      heading = category ? loadedLabel(category) : 'All categories'
      hits = framing.loaded.hits.filter((h) => !category || h.category === category).map(loadedSpan)
      break
    case 'hedging':
      heading = 'Hedges'
      hits = framing.hedging.hits.map(hedgeSpan)
      break
    case 'naming': {
      const who = actor!
      const terms = framing.naming[who.id] ?? null
      absent = terms === null
      const key = category !== undefined ? namingKey(category) : undefined
      const chosen = (terms ?? []).filter((t) => key === undefined || t.key === key)
      heading =
        category !== undefined
          ? `${quoted(chosen[0]?.term ?? category)} for ${who.label}`
          : `How the article names ${who.label}`
      hits = namingSpans(detail, chosen, who).sort(byStart)
      break
    }
    case 'sources': {
      const { sourcing } = framing
      if (category === 'quotes') {
        heading = 'Direct and block quotes'
        hits = sourcing.quotes.map((qt) => ({
          start: qt.start,
          end: qt.end,
          measure: 'sources',
          label: `${qt.kind === 'block' ? 'Block' : 'Direct'} quote, ${qt.words} words: ${describeSource(qt.source)}`,
          ...(qt.source.span && { sourceAt: qt.source.span }),
        }))
        extra = sourceSpans(
          hits,
          sourcing.quotes.map((qt) => qt.source),
        )
      } else if ((SOURCE_KINDS as readonly string[]).includes(category ?? '')) {
        const kind = category as SourceKind
        heading = `Attributions to ${kind === 'unattributed' ? 'no source found' : `${kind} sources`}`
        const chosen = sourcing.attributions.filter((a) => a.source.kind === kind)
        hits = chosen.map((a) => ({
          start: a.start,
          end: a.end,
          measure: 'sources',
          label: `Attribution ${quoted(a.verb)}: ${describeSource(a.source)}`,
          ...(a.source.span && { sourceAt: a.source.span }),
        }))
        extra = sourceSpans(
          hits,
          chosen.map((a) => a.source),
        )
      } else {
        heading = `${category} named`
        hits = outletSpans(detail)
          .filter((o) => o.outlet === category)
          .map((o) => ({
            start: o.start,
            end: o.end,
            measure: 'sources',
            label: `Outlet named: ${o.outlet}`,
          }))
      }
      break
    }
  }
  hits.forEach((h, i) => (h.hit = i))
  return { query, heading, hits, spans: [...hits, ...extra], absent }
}

/** A stretch of whole sentences holding one or more hits (and the source of each). */
export interface Passage extends Span {
  hits: number
}

/**
 * The sentences to show for a selection: each hit's sentences, stretched to the sentence that
 * names its source (a block quote's credit sits in the paragraph before), overlapping stretches
 * merged, in text order.
 */
export function passages(detail: ArticleDetail, selection: CueSelection): Passage[] {
  const sentences = detail.sentenceSpans
  const sentenceAt = (offset: number) => {
    let lo = 0
    let hi = sentences.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (sentences[mid]!.start <= offset) lo = mid
      else hi = mid - 1
    }
    return sentences[lo]!
  }
  const ranges = selection.hits.map((h) => {
    const s = h.sourceAt
    const start = s ? Math.min(h.start, s.start) : h.start
    const end = s ? Math.max(h.end, s.end) : h.end
    return { start: sentenceAt(start).start, end: sentenceAt(Math.max(start, end - 1)).end }
  })
  ranges.sort(byStart)
  const merged: Passage[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end)
      last.hits++
    } else merged.push({ ...r, hits: 1 })
  }
  return merged
}

/** The spans of the article text's cue layers (quotes are drawn as quotations, not cues). */
export function layerSpans(
  detail: ArticleDetail,
  layers: readonly Layer[],
  actors: readonly Actor[],
): CueSpan[] {
  const { framing } = detail
  const on = new Set(layers)
  const spans: CueSpan[] = []
  if (on.has('loaded')) spans.push(...framing.loaded.hits.map(loadedSpan))
  if (on.has('hedging')) spans.push(...framing.hedging.hits.map(hedgeSpan))
  if (on.has('frames')) spans.push(...framing.frames.hits.map(frameSpan))
  if (on.has('naming')) {
    for (const actor of actors) {
      const epithets = (framing.naming[actor.id] ?? []).filter((t) => t.kind === 'epithet')
      spans.push(...namingSpans(detail, epithets, actor))
    }
  }
  return spans.sort(byStart)
}
