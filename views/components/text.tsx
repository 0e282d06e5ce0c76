/**
 * Article text with its highlights: actor mentions underlined in the actor's colour, scored words
 * shaded by sign with their value on hover and on keyboard focus (each is a tab stop with a
 * title, and the stylesheet shows the title on focus), negated words and their negators marked,
 * quotations set apart. The framing layers (loaded language, hedges, frame cues, epithets) are
 * framed marks around those, and quotes can be shaded with their source. Used for the whole
 * article, for single evidence clauses and for the passages behind a framing number.
 */
import type { Child, FC } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import {
  NEGATION_FACTOR,
  isQuotedSpeech,
  type Actor,
  type ArticleDetail,
  type Quotation,
  type QuoteInfo,
  type ScoredWord,
} from '../../src/analysis/index.js'
import { LAYERS, type Layer } from '../../src/domain/layers.js'
import type { Measure } from '../../src/domain/measures.js'
import { layerSpans } from '../cues.js'
import { compact } from '../format.js'
import {
  resolveCues,
  resolveMarks,
  runPieces,
  textRuns,
  type CueInRun,
  type CueMark,
  type Mark,
} from '../highlight.js'
import { LAYER_LABELS } from '../layers.js'
import { articleUrl } from '../urls.js'
import { Plain } from './plain.js'

const SOURCE_NAMES = { afinn: 'AFINN-165', news: 'news additions' } as const

/** The explanation of one scored word's value, e.g. "good +3 (AFINN-165), negated ×−0.74 = −2.22". */
export function wordExplanation(w: ScoredWord): string {
  const parts = [`${w.text}: ${compact(w.base)} (${SOURCE_NAMES[w.source]})`]
  if (w.negated) parts.push(`negated ×${compact(NEGATION_FACTOR).replace('+', '')}`)
  if (w.quoted === 'scare') parts.push('in scare quotes: counts 0')
  else if (w.weight !== 1) parts.push(`clause weight ×${w.weight}`)
  if (isQuotedSpeech(w.quoted)) parts.push(`inside a ${w.quoted} quote`)
  return `${parts.join(', ')} = ${compact(w.value)}`
}

function wordClass(w: ScoredWord): string {
  const sign = w.value < 0 ? 'neg' : w.value > 0 ? 'pos' : 'zero'
  return ['w', sign, w.negated ? 'negated' : '', w.quoted ? `quoted-${w.quoted}` : '']
    .filter(Boolean)
    .join(' ')
}

const MarkElement: FC<{ mark: Mark; text: string; actors: ReadonlyMap<string, Actor> }> = ({
  mark,
  text,
  actors,
}) => {
  const content = text.slice(mark.start, mark.end)
  if (mark.kind === 'mention') {
    const actor = actors.get(mark.mention.actor)
    const label = actor?.label ?? mark.mention.actor
    return (
      <span
        class={mark.mention.target ? 'mention target' : 'mention'}
        data-actor={mark.mention.actor}
        style={actor ? `--actor:${actor.colour}` : undefined}
        title={mark.mention.target ? `${label} (named as the target of the clause)` : label}
      >
        {content}
      </span>
    )
  }
  if (mark.kind === 'negator') {
    return (
      <span class="negator" title="negator: flips the tone of the words in its scope">
        {content}
      </span>
    )
  }
  return (
    <mark
      class={wordClass(mark.word)}
      tabindex={0}
      title={wordExplanation(mark.word)}
      data-value={String(mark.word.value)}
    >
      {content}
    </mark>
  )
}

/** One framing cue (or several on the same words): a tab stop whose title names each cue. */
const CueElement: FC<{ cue: CueInRun; children?: unknown }> = ({ cue, children }) => {
  const measures = [...new Set(cue.cues.map((c) => c.measure))]
  const title = cue.cues.map((c) => c.label).join('; ')
  const hit = cue.cues.find((c) => c.hit !== undefined)?.hit
  const cls = [
    'cue',
    ...measures.map((m: Measure) => `cue-${m}`),
    cue.cues.every((c) => c.source) ? 'cue-source' : '',
    cue.cues.some((c) => c.negated) ? 'cue-negated' : '',
  ]
  return (
    <mark
      class={cls.filter(Boolean).join(' ')}
      // A cue cut by a paragraph or quotation edge is one stop, at its first piece.
      tabindex={cue.continued ? undefined : 0}
      title={title}
      aria-label={cue.continued ? undefined : title}
      data-hit={hit !== undefined && !cue.continued ? String(hit) : undefined}
    >
      {children as never}
    </mark>
  )
}

/** Plain text with the inner marks (mentions, scored words, negators) of `[start, end)`. */
function markedText(
  text: string,
  start: number,
  end: number,
  marks: readonly Mark[],
  actors: ReadonlyMap<string, Actor>,
) {
  const children: (string | ReturnType<typeof MarkElement>)[] = []
  let at = start
  for (const mark of marks) {
    if (mark.start > at) children.push(text.slice(at, mark.start))
    children.push(<MarkElement mark={mark} text={text} actors={actors} />)
    at = mark.end
  }
  if (at < end) children.push(text.slice(at, end))
  return children
}

/** What a shaded quote says on hover and focus: its kind, length and who is quoted. */
export function quoteExplanation(info: QuoteInfo): string {
  const who = info.source.text
    ? `${info.source.text} (${info.source.kind} source)`
    : 'no source found (unattributed)'
  return `${info.kind === 'block' ? 'Block' : 'Direct'} quote, ${info.words} words: ${who}`
}

/**
 * `text[from, to)` with its marks and quotations; `cues` frame the marks, and `quoteSources`
 * (the sourcing layer) shades direct and block quotes and names their source.
 */
export const HighlightedRange: FC<{
  text: string
  from: number
  to: number
  marks: readonly Mark[]
  quotations?: readonly Quotation[]
  actors: ReadonlyMap<string, Actor>
  cues?: readonly CueMark[]
  quoteSources?: readonly QuoteInfo[]
}> = ({ text, from, to, marks, quotations, actors, cues, quoteSources }) => (
  <>
    {textRuns(from, to, marks, quotations, cues).map((run) => {
      const children = runPieces(run).map((piece) => {
        const inner = markedText(text, piece.start, piece.end, piece.marks, actors)
        return piece.cue ? <CueElement cue={piece.cue}>{inner}</CueElement> : <>{inner}</>
      })
      if (!run.quote) return <>{children}</>
      const info =
        run.quote !== 'scare'
          ? quoteSources?.find((qt) => qt.start <= run.start && qt.end >= run.end)
          : undefined
      return info ? (
        <span
          class={`quote quote-${run.quote} sourced`}
          tabindex={info.start === run.start ? 0 : undefined}
          title={quoteExplanation(info)}
        >
          {children}
        </span>
      ) : (
        <span class={`quote quote-${run.quote}`}>{children}</span>
      )
    })}
  </>
)

/** Of two layers' cues that overlap in part, the one listed first is drawn. */
const LAYER_PRIORITY: readonly Measure[] = ['loaded', 'naming', 'hedging', 'frames', 'sources']

/** The whole cleaned text, one `<p>` per paragraph, with the chosen framing layers. */
export const ArticleText: FC<{
  detail: ArticleDetail
  actors: readonly Actor[]
  layers?: readonly Layer[]
}> = ({ detail, actors, layers = [] }) => {
  const byId = new Map(actors.map((a) => [a.id, a]))
  const marks = resolveMarks(detail.mentions, detail.scoredWords)
  const cues = resolveCues(layerSpans(detail, layers, actors), LAYER_PRIORITY)
  const quoteSources = layers.includes('quotes') ? detail.framing.sourcing.quotes : undefined
  return (
    <div class="article-text" data-layers={layers.join(',')}>
      {detail.paragraphs.map((p) => (
        <p>
          <HighlightedRange
            text={detail.text}
            from={p.start}
            to={p.end}
            marks={marks}
            quotations={detail.quotations}
            actors={byId}
            cues={cues}
            quoteSources={quoteSources}
          />
        </p>
      ))}
    </div>
  )
}

/** A sample of each layer's highlight, for the key and the layer checkboxes. */
const LAYER_SAMPLES: Record<Layer, () => JSX.Element> = {
  loaded: () => (
    <mark class="cue cue-loaded">
      <LayerName layer="loaded">words that push a feeling</LayerName>
    </mark>
  ),
  hedging: () => (
    <mark class="cue cue-hedging">
      <LayerName layer="hedging">words of doubt</LayerName>
    </mark>
  ),
  quotes: () => <span class="quote quote-direct sourced">“{LAYER_LABELS.quotes}”</span>,
  naming: () => (
    <mark class="cue cue-naming">
      <LayerName layer="naming">labels stuck on an actor</LayerName>
    </mark>
  ),
  frames: () => (
    <mark class="cue cue-frames">
      <LayerName layer="frames">signal words of a story’s angle</LayerName>
    </mark>
  ),
}

/**
 * A layer's plain name in its checkbox's label, the technical one (`LAYER_LABELS`) on hover and
 * while the checkbox has focus: not a tab stop of its own beside the checkbox.
 */
const LayerName: FC<{ layer: Layer; children?: Child }> = ({ layer, children }) => (
  <Plain tech={LAYER_LABELS[layer]} focusable={false}>
    {children}
  </Plain>
)

/**
 * The key to the highlights, which is also the form that turns the framing layers on and off:
 * plain checkboxes submitting `?layers=` (the hidden "none" says the choice was made, so no box
 * ticked means no layer rather than the default), upgraded by htmx to redraw the page in place.
 * The open evidence panel adds its own hidden fields to this form (`form="layers-form"`), so
 * changing a layer keeps the evidence open.
 */
export const LayersForm: FC<{
  articleId: string
  actors: readonly Actor[]
  layers: readonly Layer[]
}> = ({ articleId, actors, layers }) => {
  const action = articleUrl(articleId)
  return (
    <form
      id="layers-form"
      class="layers-form"
      action={action}
      method="get"
      hx-get={action}
      hx-trigger="change"
      hx-target="#main"
      hx-swap="innerHTML"
      hx-sync="this:replace"
    >
      <input type="hidden" name="layers" value="none" />
      <ul class="legend" aria-label="Key to the highlights">
        {actors.map((a) => (
          <li>
            <span class="mention" style={`--actor:${a.colour}`}>
              {a.label}
            </span>
          </li>
        ))}
        <li>
          <mark class="w neg">harsh word</mark>
        </li>
        <li>
          <mark class="w pos">kind word</mark>
        </li>
        <li>
          <span class="negator">
            <Plain tech="negator">a “not”</Plain>
          </span>{' '}
          <mark class="w pos negated">
            <Plain tech="negated word">the word it flips</Plain>
          </mark>
        </li>
        <li>
          <span class="mention target" style="--actor:#5f5f5f">
            dotted
          </span>
          : the name this <Plain tech="clause">part of the sentence</Plain> is about (its words
          count toward that actor)
        </li>
      </ul>
      <fieldset class="layers">
        <legend>Also highlight</legend>
        <ul class="legend">
          {LAYERS.map((layer) => (
            <li>
              <label>
                <input
                  type="checkbox"
                  id={`layer-${layer}`}
                  name="layers"
                  value={layer}
                  checked={layers.includes(layer)}
                />{' '}
                {LAYER_SAMPLES[layer]()}
              </label>
            </li>
          ))}
        </ul>
        <noscript>
          <button type="submit">Show</button>
        </noscript>
      </fieldset>
    </form>
  )
}
