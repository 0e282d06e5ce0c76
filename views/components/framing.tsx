/**
 * The framing measures of one article as tables and lists: naming, frames, loaded language,
 * voice and sourcing, hedging. The comparison puts one per column, aligned row by row; the
 * article page shows them for its one article. Every number is a link to the words behind it
 * (`link` says where: the comparison's drawer or the article's evidence region).
 */
import type { Child, FC } from 'hono/jsx'
import {
  EPITHET_WINDOW,
  FRAMES,
  LOADED_CATEGORIES,
  type Actor,
  type ArticleAnalysis,
  type ArticleDetail,
} from '../../src/analysis/index.js'
import { SOURCE_KINDS, type CueQuery, type Measure } from '../../src/domain/measures.js'
import { MEASURE_INFO, SOURCE_KIND_LABELS } from '../cues.js'
import { num, percent, signed } from '../format.js'
import { ActorSwatch, SwapLink, type HxLink } from './actors.js'
import { Plain } from './plain.js'

/** Where a framing number leads: the evidence behind it. */
export type CueLinker = (cue: CueQuery) => HxLink
/** Where a tone leads: the clauses behind the tone toward an actor. */
export type ToneLinker = (actor: string) => HxLink

/** The one line under each measure's heading: how its numbers are computed, in plain words. */
export const FRAMING_HOW: Record<Measure, Child> = {
  naming: (
    <>
      The names the article uses for the actor (the aliases in the actors file) and the{' '}
      <Plain tech="epithets (naming lexicon)">labels it sticks on it</Plain> (“dictator”,
      “strongman”), with counts; a label counts for the nearest name at most {EPITHET_WINDOW} words
      away in the same part of the sentence.
    </>
  ),
  frames: (
    <>
      <Plain tech="frame cues">Signal words</Plain> of {FRAMES.length}{' '}
      <Plain tech="frame dimensions (after the Media Frames Corpus codebook)">
        angles a story can take
      </Plain>{' '}
      (money, security, law …); a share is an angle’s signal words as a percentage of all of them in
      the article, or in the sentence parts that name the actor.
    </>
  ),
  loaded: (
    <>
      <Plain tech="cues">Signal words</Plain> of {LOADED_CATEGORIES.length}{' '}
      <Plain tech="propaganda techniques (after SemEval-2020 Task 11, a 2020 research contest)">
        tricks that push a feeling
      </Plain>
      , per 1,000 words of the article: a word found is a hint to read, not a verdict.
    </>
  ),
  sources: (
    <>
      Words inside quotes, the <Plain tech="attribution verbs">words that credit someone</Plain>{' '}
      (“said”, “according to”) and whom they credit; tone “with quotes” also counts the quoted words
      the writer’s own tone leaves out.
    </>
  ),
  hedging: (
    <>
      <Plain tech="hedging and speculation cues (after Hyland 2005 and the CoNLL-2010 hedge cues)">
        Words of doubt
      </Plain>{' '}
      (“may”, “reportedly”) per 1,000 words; a denied one (“not likely”) still counts and is marked.
    </>
  ),
}

export const framingTitle = (m: Measure) => MEASURE_INFO[m].title

/** Each measure's heading in plain words; the technical name (`MEASURE_INFO`'s title) on hover. */
const FRAMING_PLAIN_TITLE: Record<Measure, string> = {
  naming: 'What the article calls each actor',
  frames: 'Angles of the story',
  loaded: 'Words that push a feeling',
  sources: 'Who gets to speak',
  hedging: 'Words of doubt',
}

export const FramingTitle: FC<{ measure: Measure; focusable?: boolean }> = ({
  measure,
  focusable,
}) => (
  <Plain tech={framingTitle(measure).toLowerCase()} focusable={focusable}>
    {FRAMING_PLAIN_TITLE[measure]}
  </Plain>
)

/** Loaded-language categories whose name is jargon: a plain name, the lexicon's on hover. */
const LOADED_PLAIN: Record<string, string> = {
  'name-calling': 'Insulting names and labels',
  'loaded-words': 'Strong emotional words',
  exaggeration: 'Blowing up or playing down',
  'flag-waving': 'Appeals to national pride',
  'reductio-ad-hitlerum': 'Comparisons with the Nazis',
  'ridicule-sarcasm': 'Mockery and sarcasm',
}

/** Whom an attribution credits, in plain words; the kind's name on hover. */
const SOURCE_KIND_PLAIN: Record<string, string> = {
  named: 'A person named',
  anonymous: 'A source not named',
  outlet: 'Another news outlet',
  unattributed: 'Nobody (no source given)',
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** A bar behind a rate, scaled to the largest rate shown beside it (the same in every column). */
const RateBar: FC<{ value: number; max: number }> = ({ value, max }) => (
  <span
    class="rate-bar"
    style={`--w:${max > 0 ? Math.round((value / max) * 1000) / 10 : 0}%`}
    aria-hidden="true"
  />
)

/** The names and epithets one article uses for one actor: epithets first, each with its count. */
export const NamingTerms: FC<{ detail: ArticleAnalysis; actor: Actor; link: CueLinker }> = ({
  detail,
  actor,
  link,
}) => {
  const terms = detail.framing.naming[actor.id] ?? null
  if (!terms)
    return (
      <p class="naming-absent">
        <span class="absent">absent</span>
      </p>
    )
  const groups = [
    {
      kind: 'epithet',
      title: <Plain tech="epithets">Labels stuck on it</Plain>,
      terms: terms.filter((t) => t.kind === 'epithet'),
    },
    { kind: 'alias', title: 'Names', terms: terms.filter((t) => t.kind === 'alias') },
  ] as const
  return (
    <dl class="naming" data-actor={actor.id}>
      {groups.map((g) => (
        <>
          <dt>{g.title}</dt>
          <dd>
            {g.terms.length === 0 ? (
              <span class="muted">none</span>
            ) : (
              <ul class={`terms-inline term-${g.kind}`}>
                {g.terms.map((t) => (
                  <li data-term={t.term} data-count={String(t.count)}>
                    <SwapLink
                      link={link({ measure: 'naming', category: t.term, actor: actor.id })}
                      label={`“${t.term}”, ${t.kind === 'epithet' ? 'an epithet' : 'a name'} for ${actor.label}, ${plural(t.count, 'time')}: show where`}
                    >
                      {t.term} <span class="n">{t.count}</span>
                    </SwapLink>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      ))}
    </dl>
  )
}

/** Counts and shares of each frame: of the whole article, or of the clauses naming `actor`. */
export const FrameTable: FC<{ detail: ArticleAnalysis; link: CueLinker; actor?: Actor }> = ({
  detail,
  link,
  actor,
}) => {
  const { frames } = detail.framing
  const scope = actor ? (frames.byActor[actor.id] ?? null) : frames.article
  if (actor && !scope)
    return (
      <p class="frames-absent">
        <span class="absent">absent</span>
      </p>
    )
  const counts = actor ? frames.byActor[actor.id]!.frames : frames.article
  const total = actor ? frames.byActor[actor.id]!.total : frames.total
  const cue = (category?: string): CueQuery => ({
    measure: 'frames',
    ...(category !== undefined && { category }),
    ...(actor && { actor: actor.id }),
  })
  return (
    <table class="framing-table frames-table" data-actor={actor?.id}>
      <thead>
        <tr>
          <th scope="col">
            <Plain tech="frame">Angle</Plain>
          </th>
          <th scope="col" class="num">
            <Plain tech="cues">Signal words</Plain>
          </th>
          <th scope="col" class="num">
            <Plain tech="share of frame cues">Share</Plain>
          </th>
        </tr>
      </thead>
      <tbody>
        {FRAMES.map((f) => {
          const c = counts[f.id] ?? { count: 0, share: 0, per1000: 0 }
          const l = link(cue(f.id))
          return (
            <tr data-category={f.id}>
              <th scope="row">{f.label}</th>
              <td class="num" data-value={String(c.count)}>
                <SwapLink link={l} label={`${f.label}: ${plural(c.count, 'cue')}, show them`}>
                  {c.count}
                </SwapLink>
              </td>
              <td class="num" data-value={String(c.share)}>
                <SwapLink link={l} label={`${f.label}: ${percent(c.share)} of frame cues`}>
                  {percent(c.share)}
                </SwapLink>
              </td>
            </tr>
          )
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All angles</th>
          <td class="num" data-value={String(total)}>
            <SwapLink link={link(cue())} label={`All frames: ${plural(total, 'cue')}, show them`}>
              {total}
            </SwapLink>
          </td>
          <td class="num">{total > 0 ? percent(100) : '—'}</td>
        </tr>
      </tfoot>
    </table>
  )
}

/** Hits and rate per 1,000 words of each loaded-language category. */
export const LoadedTable: FC<{ detail: ArticleAnalysis; link: CueLinker; max: number }> = ({
  detail,
  link,
  max,
}) => {
  const { loaded } = detail.framing
  return (
    <table class="framing-table loaded-table">
      <thead>
        <tr>
          <th scope="col">
            <Plain tech="technique">Trick</Plain>
          </th>
          <th scope="col" class="num">
            <Plain tech="hits">Times found</Plain>
          </th>
          <th scope="col" class="num">
            Per 1,000 words
          </th>
        </tr>
      </thead>
      <tbody>
        {LOADED_CATEGORIES.map((cat) => {
          const c = loaded.categories[cat.id] ?? { count: 0, share: 0, per1000: 0 }
          const l = link({ measure: 'loaded', category: cat.id })
          return (
            <tr data-category={cat.id}>
              <th scope="row">
                {LOADED_PLAIN[cat.id] ? (
                  <Plain tech={cat.label}>{LOADED_PLAIN[cat.id]}</Plain>
                ) : (
                  cat.label
                )}
              </th>
              <td class="num" data-value={String(c.count)}>
                <SwapLink link={l} label={`${cat.label}: ${plural(c.count, 'hit')}, show them`}>
                  {c.count}
                </SwapLink>
              </td>
              <td class="num rate" data-value={String(c.per1000)}>
                <SwapLink link={l} label={`${cat.label}: ${num(c.per1000, 1)} per 1,000 words`}>
                  {num(c.per1000, 1)}
                </SwapLink>
                <RateBar value={c.per1000} max={max} />
              </td>
            </tr>
          )
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All tricks</th>
          <td class="num" data-value={String(loaded.total)}>
            <SwapLink
              link={link({ measure: 'loaded' })}
              label={`Loaded language: ${plural(loaded.total, 'hit')}, show them`}
            >
              {loaded.total}
            </SwapLink>
          </td>
          <td class="num" data-value={String(loaded.per1000)}>
            <SwapLink
              link={link({ measure: 'loaded' })}
              label={`Loaded language: ${num(loaded.per1000, 1)} hits per 1,000 words, show them`}
            >
              {num(loaded.per1000, 1)}
            </SwapLink>
          </td>
        </tr>
      </tfoot>
    </table>
  )
}

/** Quoted share, attributions by kind of source, and the outlets named. */
export const SourcingSummary: FC<{ detail: ArticleAnalysis; link: CueLinker }> = ({
  detail,
  link,
}) => {
  const { sourcing } = detail.framing
  const quotes = link({ measure: 'sources', category: 'quotes' })
  return (
    <div class="sourcing">
      <p class="quoted-share" data-value={String(sourcing.quotedShare)}>
        <SwapLink link={quotes} label={`${percent(sourcing.quotedShare)} of words quoted`}>
          <strong>{percent(sourcing.quotedShare)}</strong>
        </SwapLink>{' '}
        of the words are quoted, in{' '}
        <SwapLink link={quotes} label={`${plural(sourcing.quotes.length, 'quote')}: show them`}>
          <span class="quote-count">{plural(sourcing.quotes.length, 'quote')}</span>
        </SwapLink>
      </p>
      <table class="framing-table sources-table">
        <thead>
          <tr>
            <th scope="col">
              <Plain tech="attributions to">Who is credited (“said”, “according to”)</Plain>
            </th>
            <th scope="col" class="num">
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {SOURCE_KINDS.map((kind) => (
            <tr data-category={kind}>
              <th scope="row">
                <Plain tech={SOURCE_KIND_LABELS[kind].toLowerCase()}>
                  {SOURCE_KIND_PLAIN[kind] ?? SOURCE_KIND_LABELS[kind]}
                </Plain>
              </th>
              <td class="num" data-value={String(sourcing.byKind[kind])}>
                <SwapLink
                  link={link({ measure: 'sources', category: kind })}
                  label={`${plural(sourcing.byKind[kind], 'attribution')} to ${kind} sources: show them`}
                >
                  {sourcing.byKind[kind]}
                </SwapLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="outlets">
        <span class="kind">Outlets named:</span>{' '}
        {sourcing.outlets.length === 0 ? (
          <span class="muted">none</span>
        ) : (
          <ul class="terms-inline">
            {sourcing.outlets.map((o) => (
              <li data-term={o.term} data-count={String(o.count)}>
                <SwapLink
                  link={link({ measure: 'sources', category: o.term })}
                  label={`${o.term}, named ${plural(o.count, 'time')}: show where`}
                >
                  {o.term} <span class="n">{o.count}</span>
                </SwapLink>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

/** Tone toward each actor in the author's own words beside the tone with quoted words counted. */
export const QuotedToneTable: FC<{
  detail: ArticleAnalysis
  actors: readonly Actor[]
  link: ToneLinker
}> = ({ detail, actors, link }) => (
  <table class="framing-table quoted-tone">
    <thead>
      <tr>
        <th scope="col">Actor</th>
        <th scope="col">
          <Plain tech="own-voice tone">The writer’s own words</Plain>
        </th>
        <th scope="col">
          <Plain tech="tone with quotes">Quotes counted too</Plain>
        </th>
      </tr>
    </thead>
    <tbody>
      {actors.map((x) => {
        const f = detail.actors[x.id] ?? null
        return (
          <tr data-actor={x.id}>
            <th scope="row">
              <ActorSwatch actor={x} /> {x.label}
            </th>
            {f ? (
              <>
                <td data-value={String(f.tone)}>
                  <SwapLink link={link(x.id)} label={`Evidence for the tone toward ${x.label}`}>
                    <span class={`tone tone-${f.label}`}>
                      <span class="tone-number">{signed(f.tone)}</span>{' '}
                      <span class="tone-label">{f.label}</span>
                    </span>
                  </SwapLink>
                </td>
                <td data-value={String(f.toneWithQuotes)}>
                  <SwapLink
                    link={link(x.id)}
                    label={`Evidence for the tone toward ${x.label}, quoted words included`}
                  >
                    <span class={`tone tone-${f.labelWithQuotes}`}>
                      <span class="tone-number">{signed(f.toneWithQuotes)}</span>{' '}
                      <span class="tone-label">{f.labelWithQuotes}</span>
                    </span>
                  </SwapLink>
                </td>
              </>
            ) : (
              <td colspan={2}>
                <span class="absent">absent</span>
              </td>
            )}
          </tr>
        )
      })}
    </tbody>
  </table>
)

const EXCERPT_WORDS = 14

/** The first words of a quote, to recognise it by. */
function excerpt(text: string): string {
  const words = text.replace(/^[>\s]+/, '').split(/\s+/)
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : text
}

/** Each direct and block quote, its first words and who it is credited to. */
export const QuoteList: FC<{ detail: ArticleDetail; link: CueLinker }> = ({ detail, link }) => {
  const { quotes } = detail.framing.sourcing
  if (quotes.length === 0) return <p class="muted">No quotes.</p>
  const l = link({ measure: 'sources', category: 'quotes' })
  return (
    <ol class="quote-list">
      {quotes.map((qt) => (
        <li class={`quote-item quote-item-${qt.kind}`} data-source-kind={qt.source.kind}>
          <SwapLink link={l} label={`Show the quotes in context`}>
            {excerpt(detail.text.slice(qt.start, qt.end))}
          </SwapLink>{' '}
          <span class="quote-source">
            — {qt.source.text ? qt.source.text : <span class="muted">no source found</span>} (
            {(SOURCE_KIND_PLAIN[qt.source.kind] ?? qt.source.kind).toLowerCase()}
            {qt.kind === 'block' ? ', long quote set apart' : ''}, {plural(qt.words, 'word')})
          </span>
        </li>
      ))}
    </ol>
  )
}

/** The hedging rate, the count, and the cues used with their counts. */
export const HedgingSummary: FC<{ detail: ArticleAnalysis; link: CueLinker; max: number }> = ({
  detail,
  link,
  max,
}) => {
  const { hedging } = detail.framing
  const l = link({ measure: 'hedging' })
  const cues = new Map<string, number>()
  for (const h of hedging.hits) cues.set(h.cue, (cues.get(h.cue) ?? 0) + 1)
  const negated = hedging.hits.filter((h) => h.negated).length
  return (
    <div class="hedging" data-count={String(hedging.count)} data-per1000={String(hedging.per1000)}>
      <p class="rate">
        <SwapLink link={l} label={`${num(hedging.per1000, 1)} hedges per 1,000 words: show them`}>
          <strong>{num(hedging.per1000, 1)}</strong>
        </SwapLink>{' '}
        words of doubt per 1,000 words
      </p>
      <RateBar value={hedging.per1000} max={max} />
      <p>
        <SwapLink link={l} label={`${plural(hedging.count, 'hedge')}: show them`}>
          <Plain tech="hedges" focusable={false}>
            {plural(hedging.count, 'word', 'words')} of doubt
          </Plain>
        </SwapLink>{' '}
        in {plural(hedging.claims.length, 'sentence')}
        {negated > 0 ? `, ${negated} denied (“not likely”)` : ''}
      </p>
      {cues.size > 0 ? (
        <p class="hedge-cues">
          {[...cues]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .map(([cue, n]) => `${cue}${n > 1 ? ` ×${n}` : ''}`)
            .join(', ')}
        </p>
      ) : null}
    </div>
  )
}
