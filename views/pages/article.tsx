/**
 * One article: where it comes from, its measures per actor (each leading to its evidence), its
 * charts, its framing (naming, frames, loaded language, voice and sourcing, hedging, as on the
 * comparison), the text with every mention and scored word highlighted and the framing layers
 * chosen, its keywords, and what the loader removed as boilerplate. One evidence region shows
 * what the URL names: the tone toward an actor (`?actor=`) or the words behind a framing number
 * (`?measure=…`); the layers (`?layers=`) travel in every link so the view survives a reload.
 * On a phone the actor table stacks each actor's row as a card, each value named by its column
 * (`data-label`), so nothing is cut or scrolls sideways.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import {
  actorToneInArticle,
  frameSharesInArticle,
  mentionsInArticle,
  sentenceTone,
  toneRatesInArticle,
  type ChartPoint,
} from '../../src/charts/index.js'
import type { CorpusStore, StoredArticle } from '../../src/corpus-store.js'
import { ActorSwatch, SwapLink, ToneValue, type HxLink } from '../components/actors.js'
import { ChartFigure } from '../components/chart.js'
import { ModelReadingCell } from '../components/model-reading.js'
import { CuePanel } from '../components/cue-evidence.js'
import { EvidencePanel } from '../components/evidence.js'
import {
  FRAMING_HOW,
  FrameTable,
  HedgingSummary,
  LoadedTable,
  NamingTerms,
  QuotedToneTable,
  QuoteList,
  SourcingSummary,
  FramingTitle,
  type CueLinker,
} from '../components/framing.js'
import { Plain, PlainLabels } from '../components/plain.js'
import { ReliabilityNotes } from '../components/reliability-notes.js'
import { ArticleText, LayersForm } from '../components/text.js'
import type { Layer } from '../../src/domain/layers.js'
import type { CueQuery, Measure } from '../../src/domain/measures.js'
import { MEASURE_INFO, selectCues } from '../cues.js'
import { displayDate, num, percent, signed } from '../format.js'
import {
  apiArticleUrl,
  articleUrl,
  articleWhatIfUrl,
  compareUrl,
  cuesUrl,
  evidenceUrl,
  methodsUrl,
  overviewUrl,
  termsUrl,
} from '../urls.js'
import { hedgingMax, loadedMax } from '../../src/view-models/tables.js'

/** The evidence an article page opens: behind a tone, or behind a framing number. */
export type ArticleEvidence = { actor: Actor } | { cue: CueQuery }

export function articleEvidenceLink(
  article: string,
  actor: string,
  layers?: readonly Layer[],
): HxLink {
  const url = articleUrl(article, { actor, layers })
  return {
    href: `${url}#evidence`,
    get: evidenceUrl(article, actor),
    target: '#evidence',
    push: url,
  }
}

/** A framing number of the article: its words in the evidence region. */
export function articleCueLinker(article: string, layers?: readonly Layer[]): CueLinker {
  return (cue) => {
    const url = articleUrl(article, { cue, layers })
    return { href: `${url}#evidence`, get: cuesUrl(article, cue), target: '#evidence', push: url }
  }
}

/** One measure of the framing section: its heading, how it is computed, its tables. */
const FramingBlock: FC<{ measure: Measure; children?: unknown; wide?: boolean }> = ({
  measure,
  children,
  wide,
}) => (
  <section
    class={wide ? 'framing-block wide' : 'framing-block'}
    data-section={measure}
    aria-labelledby={`framing-${measure}`}
  >
    <h3 id={`framing-${measure}`}>
      <FramingTitle measure={measure} />
    </h3>
    <p class="how">
      {FRAMING_HOW[measure]}{' '}
      <a href={methodsUrl(MEASURE_INFO[measure].anchor)}>How this is computed</a>
    </p>
    {children as never}
  </section>
)

export const ArticlePage: FC<{
  store: CorpusStore
  article: StoredArticle
  evidence?: ArticleEvidence
  layers: readonly Layer[]
}> = ({ store, article, evidence, layers }) => {
  const { actors } = store
  const { detail, meta } = article
  const linkFor = (p: ChartPoint) =>
    p.actor ? articleEvidenceLink(p.article, p.actor, layers).href : null
  const cueLink = articleCueLinker(detail.id, layers)
  const frameLinkFor = (p: ChartPoint) =>
    p.category
      ? cueLink({ measure: 'frames', category: p.category, ...(p.actor && { actor: p.actor }) })
          .href
      : null
  const present = actors.filter((x) => detail.actors[x.id])
  // The rate bars share the corpus's scale, so a long bar means a high rate among these articles.
  const corpus = store.articles.map((a) => a.digest)
  const others = store.articles.filter((a) => a.id !== article.id)
  // Every chart here is of this article alone, on its own scales: exported by its id.
  const own = { id: article.id }
  return (
    <article class="article-page">
      <p class="crumbs">
        <a href={overviewUrl()}>Overview</a> › article
      </p>
      <h1>{detail.title}</h1>
      <p class="meta-block">
        {meta.outlet ? <span>{meta.outlet}</span> : <span class="muted">outlet unknown</span>}
        {' · '}
        {meta.date ? (
          <time datetime={meta.date}>{displayDate(meta.date)}</time>
        ) : (
          <span class="muted">date unknown</span>
        )}
        {meta.author ? <> · by {meta.author}</> : null}
        {meta.url ? (
          <>
            {' · '}
            <a href={meta.url} rel="noopener noreferrer">
              source
            </a>
          </>
        ) : null}
        {meta.headline ? null : (
          <span class="muted"> · no headline: the title is the lead’s opening words</span>
        )}
      </p>
      <p class="facts">
        {detail.words} words · {detail.sentences} sentences ·{' '}
        <Plain tech="document tone per 1,000 words">how kind or harsh the words are overall</Plain>{' '}
        {signed(detail.tone.per1000, 1)} per 1,000 words (
        <Plain tech="tone score: the sum of every word’s value">all word values added up</Plain>{' '}
        {signed(detail.tone.score, 1)}; {num(detail.tone.positivePer1000, 1)} kind and{' '}
        {num(detail.tone.negativePer1000, 1)} harsh words per 1,000;{' '}
        <Plain tech="polarity: share of words with a non-zero tone value">
          {percent(detail.tone.polarity)} of words count as kind or harsh
        </Plain>
        ){/* Links that lead somewhere only on screen: a printout leaves them out. */}
        <span class="screen-only">
          {' · '}
          <a href={apiArticleUrl(detail.id)}>JSON</a> ·{' '}
          <a href={articleWhatIfUrl(detail.id)}>what if…? (edit a word, see the scores move)</a>
          {others[0] ? (
            <>
              {' · '}
              <a href={compareUrl([detail.id, others[0].id])}>compare with another article</a>
            </>
          ) : null}
        </span>
      </p>
      <ReliabilityNotes detail={detail} />

      <div class="table-wrap">
        <table class="actors-table">
          <caption>
            <Plain tech="tone toward and salience of each actor">
              How kind or harsh the words about each actor are, and how much each is named
            </Plain>{' '}
            <span class="screen-only">
              (<a href={methodsUrl('actor-tone')}>how</a>)
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">
                <Plain tech="tone (mean clause score)">Kind or harsh words</Plain>
              </th>
              <th scope="col">
                <Plain tech="learned reading (a model trained on NewsMTSC)">
                  Second opinion (trained model)
                </Plain>
              </th>
              <th scope="col" class="num">
                Mentions
              </th>
              <th scope="col" class="num">
                <Plain tech="share of actor mentions (salience)">Share of all names</Plain>
              </th>
              <th scope="col">Named in</th>
              <th scope="col" class="num">
                <Plain tech="clauses">Sentence parts</Plain>
              </th>
            </tr>
          </thead>
          <tbody>
            {actors.map((actor) => {
              const f = detail.actors[actor.id] ?? null
              return (
                <tr>
                  <th scope="row">
                    <ActorSwatch actor={actor} /> {actor.label}
                  </th>
                  {f ? (
                    <>
                      <td data-label="Kind or harsh words">
                        <SwapLink
                          link={articleEvidenceLink(detail.id, actor.id, layers)}
                          label={`Evidence for the tone toward ${actor.label}`}
                        >
                          <ToneValue framing={f} />
                        </SwapLink>
                      </td>
                      <td data-label="Second opinion">
                        <ModelReadingCell framing={f} actorLabel={actor.label} />
                      </td>
                      <td data-label="Mentions" class="num">
                        {f.mentions}
                      </td>
                      <td data-label="Share of all names" class="num">
                        {percent(f.share)}
                      </td>
                      <td data-label="Named in">
                        {[f.inTitle ? 'title' : '', f.inLead ? 'first paragraph' : '', 'body']
                          .filter(Boolean)
                          .join(', ')}
                      </td>
                      <td data-label="Sentence parts" class="num">
                        {f.evidence.length}
                      </td>
                    </>
                  ) : (
                    <>
                      <td data-label="Kind or harsh words">
                        <ToneValue framing={null} />
                      </td>
                      <td data-label="Second opinion">—</td>
                      <td data-label="Mentions" class="num">
                        0
                      </td>
                      <td data-label="Share of all names" class="num">
                        —
                      </td>
                      <td data-label="Named in">—</td>
                      <td data-label="Sentence parts" class="num">
                        —
                      </td>
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <div class="charts">
        <ChartFigure spec={actorToneInArticle(detail, actors)} linkFor={linkFor} exports={own} />
        <ChartFigure spec={mentionsInArticle(detail, actors)} linkFor={linkFor} exports={own} />
        <ChartFigure spec={toneRatesInArticle(detail)} exports={own} />
        <ChartFigure spec={sentenceTone(detail)} exports={own} />
      </div>

      <section class="framing" aria-labelledby="framing-title">
        <h2 id="framing-title">
          <Plain tech="framing">How the story is told</Plain>
        </h2>
        <div class="framing-grid">
          <FramingBlock measure="naming">
            {actors.map((x, i) => (
              <PlainLabels focusable={i === 0}>
                <h4>
                  <ActorSwatch actor={x} /> {x.label}
                </h4>
                <NamingTerms detail={detail} actor={x} link={cueLink} />
              </PlainLabels>
            ))}
          </FramingBlock>
          <FramingBlock measure="frames">
            <FrameTable detail={detail} link={cueLink} />
            {present.length > 0 ? (
              <details class="frames-by-actor">
                <summary>
                  In the{' '}
                  <Plain tech="clauses" focusable={false}>
                    sentence parts
                  </Plain>{' '}
                  that name each actor
                </summary>
                {/* The same labels as the table above: tab stops there only. */}
                <PlainLabels focusable={false}>
                  {present.map((x) => (
                    <>
                      <h4>
                        <ActorSwatch actor={x} /> {x.label}
                      </h4>
                      <FrameTable detail={detail} link={cueLink} actor={x} />
                    </>
                  ))}
                </PlainLabels>
              </details>
            ) : null}
          </FramingBlock>
          <div class="framing-stack">
            <FramingBlock measure="loaded">
              <LoadedTable detail={detail} link={cueLink} max={loadedMax(corpus)} />
            </FramingBlock>
            <FramingBlock measure="hedging">
              <HedgingSummary detail={detail} link={cueLink} max={hedgingMax(corpus)} />
            </FramingBlock>
          </div>
          <div class="framing-chart">
            <ChartFigure
              spec={frameSharesInArticle(detail, present)}
              linkFor={frameLinkFor}
              size="tall"
              exports={own}
            />
          </div>
          <FramingBlock measure="sources" wide>
            <div class="sources-columns">
              <div>
                <SourcingSummary detail={detail} link={cueLink} />
                <h4>
                  <Plain tech="tone toward each actor">
                    How kind or harsh the words about each actor are
                  </Plain>
                  : the writer’s own words, and with quotes counted
                </h4>
                <QuotedToneTable
                  detail={detail}
                  actors={actors}
                  link={(x) => articleEvidenceLink(detail.id, x, layers)}
                />
              </div>
              <div>
                <h4>Quotes and their sources</h4>
                <QuoteList detail={detail} link={cueLink} />
              </div>
            </div>
          </FramingBlock>
        </div>
      </section>

      <section id="evidence" class="evidence-slot" aria-live="polite">
        {evidence && 'actor' in evidence ? (
          <EvidencePanel detail={detail} actor={evidence.actor} actors={actors} />
        ) : evidence ? (
          <CuePanel
            detail={detail}
            selection={selectCues(detail, evidence.cue, actors)}
            actors={actors}
          />
        ) : (
          <p class="hint">
            Choose a tone in the table, a bar in the first two charts or a number of the framing
            tables to see the words behind it.
          </p>
        )}
      </section>

      <div class="article-columns">
        <section class="text-section" aria-labelledby="text-title">
          <h2 id="text-title">Text</h2>
          <p class="hint">
            Hover or focus (Tab) a shaded word to see its value, and a framed word or a shaded quote
            to see what it counts as. <a href={methodsUrl('document-tone')}>How words are scored</a>
          </p>
          <LayersForm articleId={detail.id} actors={actors} layers={layers} />
          <ArticleText detail={detail} actors={actors} layers={layers} />
        </section>

        <aside class="side">
          <section aria-labelledby="keywords-title">
            <h2 id="keywords-title">Keywords</h2>
            <h3>Most frequent</h3>
            <ol class="terms">
              {detail.keywords.top.map((t) => (
                <li>
                  <a href={termsUrl(t.term)}>{t.term}</a> <span class="count">{t.count}</span>
                </li>
              ))}
            </ol>
            <h3>
              <Plain tech="distinctive terms (log-likelihood G²)">
                Words typical of this article
              </Plain>
            </h3>
            {detail.keywords.distinctive.length > 0 ? (
              <ol class="terms">
                {detail.keywords.distinctive.map((t) => (
                  <li>
                    <a href={termsUrl(t.term)}>{t.term}</a>{' '}
                    <span
                      class="count"
                      title={`here ${t.count}, in the other articles ${t.restCount}`}
                    >
                      {t.count} vs {t.restCount} ·{' '}
                      <Plain tech="G² (log-likelihood)" focusable={false}>
                        how typical
                      </Plain>{' '}
                      {num(t.logLikelihood, 1)}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">None significant.</p>
            )}
            <p class="how">
              How much more often each word comes here than in the other articles, as a{' '}
              <Plain tech="log-likelihood (G²)">score: the higher, the more typical</Plain>.{' '}
              <a href={methodsUrl('keywords')}>How</a>
            </p>
          </section>

          <section aria-labelledby="removed-title">
            <h2 id="removed-title">
              <Plain tech="boilerplate">Page clutter left out</Plain>
            </h2>
            {article.removed.length > 0 ? (
              <ul class="removed">
                {article.removed.map((r) => (
                  <li>
                    <q>{r.text}</q>{' '}
                    <span class="muted">
                      — {r.reason}, line {r.line}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">Nothing: the whole body is analysed.</p>
            )}
            <p class="how">
              Menus, share buttons and other page clutter are left out of every count.{' '}
              <a href={methodsUrl('boilerplate')}>Rules</a>
            </p>
          </section>
        </aside>
      </div>
    </article>
  )
}
