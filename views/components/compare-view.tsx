/**
 * The comparison's grid of columns (`CompareView`) and what it links to: the chosen actor, the
 * clauses behind a tone (`toneLink`) and the words behind a framing number (`cueLinker`), both in
 * the evidence drawer, and the downloads of the whole comparison. It opens with the headline: the
 * chosen actor across every column in one chart, one plain sentence and a small table whose tone
 * numbers are the first links a keyboard reaches. On a phone the grid shows one article at a time,
 * chosen with a row of radio buttons (pure CSS, `:has`), on the same shared scales. A component,
 * not a page, so that the Compare page and the offline snapshot render the same markup without
 * the export importing a page. It draws a `CompareModel` (src/view-models/compare.ts) and
 * computes no number of its own: the charts, their shared ranges, the tables' maxima and the
 * evidence groups come made.
 */
import type { Child, FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import type { ChartPoint } from '../../src/charts/index.js'
import type { StoredArticle } from '../../src/corpus-store.js'
import type { Measure } from '../../src/domain/measures.js'
import { compareExportUrl } from '../../src/export/urls.js'
import {
  EVIDENCE_GROUPS,
  type CompareColumn,
  type CompareModel,
} from '../../src/view-models/compare.js'
import { MEASURE_INFO } from '../cues.js'
import { num, percent, signed } from '../format.js'
import { compareToneUrl } from '../compare-urls.js'
import { articleUrl, compareUrl, cuesUrl, evidenceUrl, termsUrl } from '../urls.js'
import { ActorSwatch, SwapLink, ToneValue, type HxLink } from './actors.js'
import { ArticleMetaLine } from './article-meta.js'
import { ChartFigure } from './chart.js'
import { EvidenceClause } from './evidence.js'
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
} from './framing.js'
import { ModelReadingCell } from './model-reading.js'
import { Plain, PlainLabels } from './plain.js'
import { ReliabilityNotes } from './reliability-notes.js'
import { Link, MethodsLink, modeId, useRenderMode } from './render-mode.js'

/** The comparison with another actor chosen, swapped into the columns. */
function compareLink(ids: string[], actor: string): HxLink {
  const url = compareUrl(ids, actor)
  return { href: url, get: url, target: '#compare-view', push: url }
}

/** The actor as the page's URL names it: not at all when it is the default. */
export const actorParam = (model: CompareModel) =>
  model.actorIsDefault ? undefined : model.actor.id

/** A framing number of one column: its words in the drawer, the page URL saying which. */
function cueLinker(model: CompareModel, article: string): CueLinker {
  return (cue) => {
    const url = compareUrl(model.ids, actorParam(model), { article, ...cue })
    // The drawer keeps its place at the foot of the window: scroll its own content, not the page.
    return {
      href: url,
      get: cuesUrl(article, cue),
      target: '#cues',
      push: url,
      swap: 'innerHTML scroll:top',
    }
  }
}

/** A column's tone toward `actor`: its clauses in the drawer, the page URL saying which. */
function toneLink(model: CompareModel, article: string, actor: string): HxLink {
  const url = compareToneUrl(model.ids, actorParam(model), { article, tone: actor })
  return {
    href: url,
    get: evidenceUrl(article, actor),
    target: '#cues',
    push: url,
    swap: 'innerHTML scroll:top',
  }
}

/** A tone as a link to its clauses, or "absent" (no link: there are no clauses). */
const ToneLink: FC<{ model: CompareModel; article: StoredArticle; actor: Actor }> = ({
  model,
  article,
  actor,
}) => {
  const f = article.detail.actors[actor.id] ?? null
  return f ? (
    <SwapLink
      link={toneLink(model, article.id, actor.id)}
      class="tone-link"
      label={`Evidence for the tone toward ${actor.label} in “${article.detail.title}”`}
    >
      <ToneValue framing={f} />
    </SwapLink>
  ) : (
    <ToneValue framing={null} />
  )
}

/**
 * The headline: the chosen actor's tone and mentions across every compared article in one chart,
 * the sentence that says who is harder on it, and the same numbers as a table whose tones open
 * their clauses. Before the columns, so it is what a reader (and a keyboard) meets first.
 */
const Headline: FC<{ model: CompareModel; downloads?: boolean }> = ({ model, downloads }) => {
  const { actor, articles, ids } = model
  return (
    <section class="cmp-headline" aria-labelledby={modeId(useRenderMode(), 'headline-title')}>
      <h2 id={modeId(useRenderMode(), 'headline-title')} class="visually-hidden">
        {actor.label} across the compared articles
      </h2>
      <p class="headline-sentence">{model.headlineSentence}</p>
      <div class="headline-body">
        <table class="headline-table">
          <caption>
            <ActorSwatch actor={actor} />{' '}
            <Plain tech={`tone toward ${actor.label}`} focusable={false}>
              How kind or harsh the words about {actor.label} are
            </Plain>
            , and how often each article names it
          </caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">
                {/* Not a tab stop: the tone links of the rows below come first for a keyboard. */}
                <Plain tech="tone (mean clause score)" focusable={false}>
                  Kind or harsh words
                </Plain>
              </th>
              <th scope="col" class="num">
                Mentions
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => {
              const f = a.detail.actors[actor.id] ?? null
              return (
                <tr>
                  <th scope="row">{a.detail.title}</th>
                  <td>
                    <ToneLink model={model} article={a} actor={actor} />
                  </td>
                  <td class="num">{f ? f.mentions : 0}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <ChartFigure
          spec={model.headline}
          linkFor={(p) => (p.actor ? toneLink(model, p.article, p.actor).href : null)}
          exports={downloads ? { ids, actor: actor.id } : undefined}
        />
      </div>
    </section>
  )
}

/**
 * On a phone, which article the grid shows: one radio button per column (the first checked), and
 * CSS hides the other columns' cells. Hidden on wider screens, where every column fits.
 */
const ColumnSwitcher: FC<{ model: CompareModel }> = ({ model }) => {
  const mode = useRenderMode()
  return (
    <fieldset class="cmp-switcher">
      <legend>Article</legend>
      {model.articles.map((a, i) => (
        <label>
          <input
            type="radio"
            name={modeId(mode, 'cmp-show') ?? 'cmp-show'}
            value={String(i + 1)}
            checked={i === 0}
          />{' '}
          <span class="switch-number">{i + 1}</span>{' '}
          <span class="switch-title">{a.detail.title}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** Row of the grid: a heading across every column, then one cell per article. */
const Row: FC<{ title: Child; how?: { text: Child; anchor: string }; id?: string }> = ({
  title,
  how,
  id,
}) => (
  <div class="cmp-row-head" id={modeId(useRenderMode(), id)}>
    <h3>{title as never}</h3>
    {how ? (
      <p class="how">
        {how.text as never} <MethodsLink anchor={how.anchor}>How this is computed</MethodsLink>
      </p>
    ) : null}
  </div>
)

/**
 * A row of an actor table, marked `chosen` for the chosen actor where the render mode marks it
 * (the snapshot's shared table stands for every actor alike: none is chosen there).
 */
const ActorRow: FC<{ chosen: boolean; children?: Child }> = ({ chosen, children }) => {
  const { marksChosen } = useRenderMode()
  return <tr class={chosen && marksChosen ? 'chosen' : undefined}>{children}</tr>
}

/**
 * The whole comparison as files: every analysis in one JSON document, and the page itself as one
 * HTML file that opens offline. Attachments, so plain links.
 */
export const CompareDownloads: FC<{ ids: readonly string[] }> = ({ ids }) => (
  <p class="downloads compare-downloads">
    Download this comparison:{' '}
    <a
      href={compareExportUrl('json', ids)}
      download
      aria-label="full analysis (JSON) of the compared articles"
    >
      full analysis (JSON)
    </a>
    {' · '}
    <a
      href={compareExportUrl('html', ids)}
      download
      aria-label="offline snapshot (HTML): this comparison as one file that opens offline"
    >
      offline snapshot (HTML)
    </a>
  </p>
)

/**
 * The columns of the comparison in one grid: a row per section (charts on shared scales, tone and
 * mentions, naming, frames, loaded language, sources, hedging, distinctive terms), then the chosen
 * actor's evidence grouped by what it does to the tone. The page and the offline snapshot
 * (src/export/snapshot.tsx, which splits the grid by `data-section`) both render it.
 */
export const CompareView: FC<{
  model: CompareModel
  /**
   * Links to the exports (each chart's files, the whole comparison's): the dashboard's view. The
   * offline snapshot renders this view too and leaves them out, as no server would answer them.
   */
  downloads?: boolean
}> = ({ model, downloads }) => {
  const { actors, articles, actor, ids, columns } = model
  // The headline and the phone's switcher are the live page's (the one that asks for downloads):
  // the offline snapshot has its own chart of every article per actor and its own layout. (The
  // snapshot calls this component outside its render mode's context, so the mode cannot say.)
  const dashboard = downloads === true
  // A column's charts export as drawn here: that article on the comparison's shared scales, and
  // the frames of the chosen actor (named even when it is the default, which the export lacks).
  const exportsOf = (a: StoredArticle, chosen?: Actor) =>
    downloads ? { id: a.id, ids, ...(chosen && { actor: chosen.id }) } : undefined
  const linkFor = (p: ChartPoint) => (p.actor ? compareUrl(ids, p.actor) : null)
  // `data-column` and `data-title` place and name a cell where a printout stacks the columns.
  const cells = (render: (a: StoredArticle, column: CompareColumn) => unknown, section?: string) =>
    columns.map((column, i) => (
      <div
        class="cmp-cell"
        data-section={section}
        data-article={section ? column.article.id : undefined}
        data-column={String(i + 1)}
        data-title={column.article.detail.title}
      >
        {/* The first column's labels are the keyboard's; the others repeat them. */}
        <PlainLabels focusable={i === 0}>{render(column.article, column) as never}</PlainLabels>
      </div>
    ))
  const links = new Map(articles.map((a) => [a.id, cueLinker(model, a.id)]))
  const cueLink = (a: StoredArticle) => links.get(a.id)!
  // A frame bar leads where the frame's count in the table does (the script clicks that link).
  const frameLinkFor = (p: ChartPoint) =>
    p.category
      ? links.get(p.article)!({
          measure: 'frames',
          category: p.category,
          ...(p.actor && { actor: p.actor }),
        }).href
      : null
  const { loaded: maxLoaded, hedging: maxHedging } = model.tableMax
  const measureRow = (m: Measure, title: Child = <FramingTitle measure={m} />) => (
    <Row
      id={`cmp-${m}`}
      title={title}
      how={{ text: FRAMING_HOW[m], anchor: MEASURE_INFO[m].anchor }}
    />
  )
  return (
    <div
      class="cmp-grid"
      style={`--columns:${articles.length}`}
      data-columns={String(articles.length)}
      data-ids={ids.join(',')}
    >
      {dashboard ? <Headline model={model} downloads={downloads} /> : null}
      {downloads ? <CompareDownloads ids={ids} /> : null}
      {dashboard ? <ColumnSwitcher model={model} /> : null}
      {cells((a) => (
        <header class="cmp-head">
          <h2>
            <Link href={articleUrl(a.id)}>{a.detail.title}</Link>
          </h2>
          <ArticleMetaLine article={a} />
          <p class="facts">
            {a.detail.words} words ·{' '}
            <Plain tech="document tone per 1,000 words">kind or harsh words overall</Plain>{' '}
            {signed(a.detail.tone.per1000, 1)} / 1,000 words
          </p>
        </header>
      ))}
      {/* Apart from the header, which stays on screen while the columns scroll: notes there
          would cover the rows below. */}
      <Row title="How far to trust these numbers" />
      {cells((a) => (
        <ReliabilityNotes detail={a.detail} />
      ))}

      <Row
        title={
          <>
            <Plain tech="tone toward each actor and mentions">
              How kind or harsh the words about each actor are
            </Plain>
            , and how often each is named
          </>
        }
      />
      {cells((a) => (
        <table class="cmp-actors">
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
            </tr>
          </thead>
          <tbody>
            {actors.map((x) => {
              const f = a.detail.actors[x.id] ?? null
              return (
                <ActorRow chosen={x.id === actor.id}>
                  <th scope="row">
                    <SwapLink
                      link={compareLink(ids, x.id)}
                      label={`Show the evidence for ${x.label}`}
                    >
                      <ActorSwatch actor={x} /> {x.label}
                    </SwapLink>
                  </th>
                  <td data-label="Kind or harsh words">
                    <ToneLink model={model} article={a} actor={x} />
                  </td>
                  <td data-label="Second opinion">
                    <ModelReadingCell framing={f} actorLabel={x.label} />
                  </td>
                  <td data-label="Mentions" class="num">
                    {f ? `${f.mentions} (${num(f.share, 0)}\u00a0%)` : '—'}
                  </td>
                </ActorRow>
              )
            })}
          </tbody>
        </table>
      ))}

      <Row title="Charts (same scales in every column)" />
      {(['actor-tone', 'mentions', 'tone-rates'] as const).map((chart) =>
        cells((a, column) => (
          <ChartFigure
            spec={column.charts[chart]}
            // bars of the actor charts open the evidence; the tone rates are the whole article
            linkFor={chart === 'tone-rates' ? undefined : linkFor}
            suffix={a.id}
            size="small"
            exports={exportsOf(a)}
            about={a.detail.title}
          />
        )),
      )}

      {measureRow('naming', <Plain tech="naming">What each article calls each actor</Plain>)}
      {actors.flatMap((x) => [
        <div class="cmp-row-head sub">
          <h4>
            <ActorSwatch actor={x} /> {x.label}
          </h4>
        </div>,
        ...cells(
          (a) => <NamingTerms detail={a.detail} actor={x} link={cueLink(a)} />,
          `naming-${x.id}`,
        ),
      ])}

      {measureRow('frames')}
      {cells(
        (a, column) => (
          <ChartFigure
            spec={column.frames}
            linkFor={frameLinkFor}
            suffix={a.id}
            size="tall"
            exports={exportsOf(a, actor)}
            about={a.detail.title}
          />
        ),
        'frames-chart',
      )}
      {cells(
        (a) => (
          <FrameTable detail={a.detail} link={cueLink(a)} />
        ),
        'frames',
      )}
      <div class="cmp-row-head sub">
        <h4>
          <Plain tech="frames in the clauses that name the actor">Angles</Plain> in the sentence
          parts that name <ActorSwatch actor={actor} /> {actor.label}
        </h4>
      </div>
      {cells(
        (a) => (
          <FrameTable detail={a.detail} link={cueLink(a)} actor={actor} />
        ),
        'frames-actor',
      )}

      {measureRow('loaded')}
      {cells(
        (a) => (
          <LoadedTable detail={a.detail} link={cueLink(a)} max={maxLoaded} />
        ),
        'loaded',
      )}

      {measureRow('sources')}
      {cells(
        (a) => (
          <SourcingSummary detail={a.detail} link={cueLink(a)} />
        ),
        'sources',
      )}
      <div class="cmp-row-head sub">
        <h4>
          <Plain tech="tone toward each actor">
            How kind or harsh the words about each actor are
          </Plain>
          : the writer’s own words, and with quotes counted
        </h4>
      </div>
      {cells(
        (a) => (
          <QuotedToneTable
            detail={a.detail}
            actors={actors}
            link={(x) => toneLink(model, a.id, x)}
          />
        ),
        'quoted-tone',
      )}
      <div class="cmp-row-head sub">
        <h4>Quotes and their sources</h4>
      </div>
      {cells(
        (a) => (
          <QuoteList detail={a.detail} link={cueLink(a)} />
        ),
        'quotes',
      )}

      {measureRow('hedging')}
      {cells(
        (a) => (
          <HedgingSummary detail={a.detail} link={cueLink(a)} max={maxHedging} />
        ),
        'hedging',
      )}

      <Row
        title={
          <Plain tech="distinctive terms against the other compared articles (log-likelihood G²)">
            Words typical of each article, against the other columns
          </Plain>
        }
        how={{
          text: (
            <>
              Words used clearly more often here than in the other columns, with a{' '}
              <Plain tech="log-likelihood (G²)">score: the higher, the more typical</Plain>.
            </>
          ),
          anchor: 'keywords',
        }}
      />
      {cells((_a, { distinctive: terms }) =>
        terms.length > 0 ? (
          <ol class="terms">
            {terms.map((t) => (
              <li>
                <Link href={termsUrl(t.term)}>{t.term}</Link>{' '}
                <span class="count">
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
        ),
      )}

      <div class="cmp-row-head evidence-head" style={`--actor:${actor.colour}`}>
        <h3>
          Evidence for <ActorSwatch actor={actor} /> {actor.label}
        </h3>
        <p class="how">
          Each <Plain tech="clause">part of a sentence</Plain> that names {actor.label}, with the
          words that count toward it and their values.{' '}
          <MethodsLink anchor="actor-tone">How this is computed</MethodsLink>
        </p>
      </div>
      {cells((a, { framing: f }) =>
        f ? (
          <p class="evidence-summary">
            <ToneLink model={model} article={a} actor={actor} /> over {f.evidence.length} sentence
            part{f.evidence.length === 1 ? '' : 's'}, {percent(f.share)} of all names of the actors
          </p>
        ) : (
          <p class="evidence-summary">
            <span class="absent">absent</span>: never named
          </p>
        ),
      )}
      {EVIDENCE_GROUPS.flatMap((group) => [
        <div class="cmp-row-head sub">
          <h4>{group.title}</h4>
        </div>,
        ...cells((a, column) => {
          if (!column.framing) return <p class="muted">—</p>
          const list = column.evidence[group.key]
          if (list.length === 0) return <p class="muted">none</p>
          const items = (
            <ol class={`evidence-list group-${group.key}`}>
              {list.map((e) => (
                <EvidenceClause detail={a.detail} evidence={e} actors={actors} />
              ))}
            </ol>
          )
          // Clauses that only name the actor explain its mentions, not its tone: folded away.
          return group.key === 'zero' ? (
            <details>
              <summary>
                {list.length} sentence part{list.length === 1 ? '' : 's'}
              </summary>
              {items}
            </details>
          ) : (
            items
          )
        }),
      ])}
    </div>
  )
}
