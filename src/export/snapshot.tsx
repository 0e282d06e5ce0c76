/**
 * A comparison as one self-contained HTML file: it opens from a disk, a USB stick or an e-mail
 * attachment with its charts drawn and its evidence highlighted, with no server and no network.
 * Everything is inline: the stylesheet (views/styles.css), Chart.js (its UMD build) and the
 * page's own chart element (views/client.js, which does not need htmx), and the chart configs sit
 * in the `data-chart` attributes the element reads. A Content-Security-Policy meta tag forbids
 * every fetch, so a snapshot cannot depend on the network even by accident.
 *
 * The markup is the comparison page's own (`CompareView`, a component of views/components), split
 * in two (`splitCompareView`): what shows every actor alike (charts, tables, naming, frames,
 * sources, distinctive terms) once, then what shows one chosen actor (its frames and its evidence)
 * once per actor, each in a section whose id is `actor-<id>`; CSS `:target` shows the chosen one
 * (the first by default), so the actor links work without a server, and the file grows linearly
 * with the number of actors. Links into the dashboard that a file cannot follow (article pages, the
 * evidence drawer) lose their `href` and stay as text, "How this is computed" links to the Methods
 * page go (the definition is printed beside them); links to another actor's view become in-page
 * links; `hx-*` attributes go, since there is no htmx and no server to ask. The components make
 * those changes themselves while they render, told how by a render mode
 * (views/components/render-mode.tsx) the snapshot provides around each part: the markup is
 * Hono's, escaped once by Hono, and never parsed or rewritten afterwards, so text from the corpus
 * (a title, an outlet, an actor's label) cannot turn into markup or into JSON.
 */
import { createHash } from 'node:crypto'
import { withScope } from '../domain/scope.js'
import { readFileSync } from 'node:fs'
import { cloneElement, isValidElement, type Child, type FC, type JSXNode } from 'hono/jsx'
import type { ChartPoint } from '../charts/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { compareModel, comparison, type CompareModel } from '../view-models/compare.js'
import { ASSETS } from '../../views/assets.js'
import { ActorSwatch } from '../../views/components/actors.js'
import { ArticleMetaLine } from '../../views/components/article-meta.js'
import { ChartFigure } from '../../views/components/chart.js'
import { CompareView } from '../../views/components/compare-view.js'
import { RenderModeContext, type RenderMode } from '../../views/components/render-mode.js'
import { displayDate } from '../../views/format.js'
import { EXPORT_CHARTS } from './charts.js'

const actorSectionId = (actor: string) => `actor-${actor}`

/** The rules a snapshot adds to the page's stylesheet: one actor's section shown at a time. */
const SNAPSHOT_CSS = `
.snapshot-actor { display: none; }
.snapshot-actor:target, .snapshot-actor.snapshot-default { display: block; }
main:has(.snapshot-actor:target) .snapshot-actor.snapshot-default:not(:target) { display: none; }
.snapshot-actors a { margin-right: 1em; }
.snapshot-articles li { margin-bottom: 0.25em; }
.snapshot-comparison > h2, .snapshot-actor > h2 { margin-top: 2em; }
a:not([href]) { color: inherit; text-decoration: none; }
`

/**
 * Nothing but its own inline content: the two scripts it carries, by their hashes (so a script
 * smuggled into the markup would not run even if escaping failed), its inline styles, and no
 * fetch, connection, frame or form submission.
 */
function snapshotCsp(scripts: readonly string[]): string {
  const hashes = scripts
    .map((js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`)
    .join(' ')
  return `default-src 'none'; script-src ${hashes}; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'`
}

const read = (name: keyof typeof ASSETS & string) => readFileSync(ASSETS[name]!.path, 'utf8')

/** Text safe inside `<script>`: the HTML parser ends a script at `</script` and plays with `<!--`. */
const inlineScript = (js: string) =>
  js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')

const inlineStyle = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1')

const ESCAPED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
/** Text safe as an attribute value between double quotes or as `<title>`, escaped as Hono does. */
const escapeText = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPED[c]!)

const SnapshotHeader: FC<{
  store: CorpusStore
  articles: StoredArticle[]
  exported: string
}> = ({ store, articles, exported }) => (
  <>
    <h1>
      Comparison of {articles.length} articles <span class="muted">· Framelens snapshot</span>
    </h1>
    <p class="snapshot-meta">
      Exported from Framelens on {exported}. This file works offline: the charts are drawn by the
      copy of Chart.js inside it, and it loads nothing from a server or the network.
    </p>
    <ol class="snapshot-articles">
      {articles.map((a) => (
        <li>
          <strong>{a.detail.title}</strong> <ArticleMetaLine article={a} />
          {a.meta.url ? (
            <>
              {' '}
              · <a href={a.meta.url}>original</a>
            </>
          ) : null}
        </li>
      ))}
    </ol>
    <nav class="snapshot-actors" aria-label="Actors">
      Evidence, tone and frames for:{' '}
      {store.actors.map((x) => (
        <a href={`#${actorSectionId(x.id)}`}>
          <ActorSwatch actor={x} /> {x.label}
        </a>
      ))}
    </nav>
  </>
)

/** Every overview chart over the compared articles: all of them in one picture each. */
const AllInOne: FC<{ store: CorpusStore; articles: StoredArticle[] }> = ({ store, articles }) => {
  const selection = { articles, full: articles, compared: true }
  const linkFor = (p: ChartPoint) => (p.actor ? `#${actorSectionId(p.actor)}` : null)
  return (
    <section class="snapshot-overview">
      <h2>The compared articles in one chart</h2>
      <div class="charts">
        {[...EXPORT_CHARTS.values()]
          .filter((chart) => chart.scope === 'articles')
          .map((chart) => (
            <ChartFigure spec={chart.spec(store, selection)} linkFor={linkFor} size="wide" />
          ))}
      </div>
    </section>
  )
}

/** The `data-section` of `CompareView`'s cells that show the chosen actor rather than every actor. */
const ACTOR_CELLS = new Set(['frames-chart', 'frames-actor'])

const classes = (node: JSXNode) => String(node.props['class'] ?? '').split(/\s+/)
const isCell = (node: JSXNode) => node.tag === 'div' && classes(node).includes('cmp-cell')

/** The elements of a JSX child list, arrays flattened and empty children left out. */
function elements(children: readonly Child[]): JSXNode[] {
  return children.flatMap((child): JSXNode[] => {
    if (Array.isArray(child)) return elements(child)
    if (child === null || child === undefined || typeof child === 'boolean') return []
    if (!isValidElement(child)) throw new Error('CompareView: a grid child is not an element')
    return [child]
  })
}

/** `CompareView` with `actor` chosen, split into two grids of the same columns. */
interface SplitView {
  /** What the view shows alike whichever actor is chosen. */
  shared: JSXNode
  /** What shows the chosen actor: its frames (chart and table) and its evidence. */
  chosen: JSXNode
}

/**
 * The comparison page's own view, split so that the snapshot holds what every actor's view shares
 * once and only the rest once per actor: the charts, the tone table, naming, whole-article frames,
 * loaded language, sources, hedging and distinctive terms show every actor alike, and repeating
 * them per actor made a snapshot grow with the square of the number of actors. The view's grid is
 * flat: row heads, each followed by its cells (one per article). A cell whose `data-section` is in
 * `ACTOR_CELLS`, the evidence row (`.evidence-head`) and every row after it show the chosen actor;
 * a head goes with its cells (to both grids when they are split), and the column headings that
 * open the grid go to both. The split happens on the JSX, before anything is rendered, so a row
 * that is left out costs nothing.
 */
function splitCompareView(model: CompareModel): SplitView {
  const grid = CompareView({ model })
  if (!isValidElement(grid) || grid.tag !== 'div') {
    throw new Error('CompareView: expected its grid, a <div>, to split for the snapshot')
  }
  const shared: JSXNode[] = []
  const chosen: JSXNode[] = []
  let head: JSXNode | null = null
  let cells: JSXNode[] = []
  let evidence = false
  let actorCells = 0
  const flush = () => {
    // The column headings (title, outlet, words), before any row head: in both, to say which
    // article each column is.
    if (head === null) {
      shared.push(...cells)
      chosen.push(...cells)
      return
    }
    evidence ||= classes(head).includes('evidence-head')
    const own = evidence
      ? cells
      : cells.filter((c) => ACTOR_CELLS.has(String(c.props['data-section'] ?? '')))
    const rest = cells.filter((c) => !own.includes(c))
    actorCells += own.length
    if (evidence || own.length > 0) chosen.push(head)
    if (!evidence && (rest.length > 0 || own.length === 0)) shared.push(head)
    chosen.push(...own)
    shared.push(...rest)
  }
  for (const node of elements(grid.children)) {
    if (isCell(node)) {
      cells.push(node)
      continue
    }
    flush()
    head = node
    cells = []
  }
  flush()
  if (!evidence || actorCells === 0) {
    throw new Error('CompareView: found no rows of the chosen actor to split for the snapshot')
  }
  return { shared: cloneElement(grid, {}, ...shared), chosen: cloneElement(grid, {}, ...chosen) }
}

/** Where a dashboard URL leads inside the snapshot: another actor's section, or nowhere. */
function snapshotHref(href: string, store: CorpusStore): string | null {
  if (href.startsWith('#') || /^https?:\/\//i.test(href)) return href
  if (!href.startsWith('/')) return null
  const url = new URL(href, 'http://snapshot.invalid')
  // The comparison with another actor chosen is one of this file's sections; with an open cue
  // (`article=…`) it needs the server's drawer.
  if (url.pathname === '/compare' && !url.searchParams.has('article')) {
    const actor = url.searchParams.get('actor') ?? store.actors[0]?.id
    if (actor && store.actors.some((x) => x.id === actor)) return `#${actorSectionId(actor)}`
  }
  return null
}

/**
 * How each part of the snapshot renders (see the module comment): links re-pointed or dropped,
 * no htmx, no Methods links. With `idSuffix`, every id the part defines, and every reference to
 * one, gets `--<suffix>`: each actor's part is the same view rendered once per actor and would
 * otherwise repeat its ids. Without `marksChosen`, no actor's row is marked as the chosen one: the
 * shared part stands for every actor alike.
 */
function snapshotMode(
  store: CorpusStore,
  { idSuffix, marksChosen = true }: { idSuffix?: string; marksChosen?: boolean } = {},
): RenderMode {
  return {
    link: (href) => snapshotHref(href, store),
    swaps: false,
    methodsLinks: false,
    marksChosen,
    ...(idSuffix !== undefined && { idSuffix }),
  }
}

/** Markup rendered by Hono's JSX, as a string (a node may render asynchronously). */
const render = async (node: { toString(): string | Promise<string> }) =>
  String(await node.toString())

/**
 * Renders the comparison of `articles` (already checked: 2 to 5 of the corpus) as one file. Its
 * links are made as at the root (outside any collection's prefix), which is the form
 * `snapshotHref` reads back.
 */
export function renderSnapshot(
  store: CorpusStore,
  articles: StoredArticle[],
  now: Date,
): Promise<string> {
  return withScope({ base: '' }, () => renderUnscoped(store, articles, now))
}

async function renderUnscoped(
  store: CorpusStore,
  articles: StoredArticle[],
  now: Date,
): Promise<string> {
  const exported = displayDate(now.toISOString().slice(0, 10))!
  // One comparison, its actor chosen in turn: the shared parts are computed once.
  const compared = comparison(store, articles)
  const views = store.actors.map((actor, i) =>
    splitCompareView(compareModel(compared, actor, { actorIsDefault: i === 0 })),
  )
  const body = (
    <>
      <header class="site">
        <span class="brand">Framelens</span>
      </header>
      <main id="main">
        <RenderModeContext.Provider value={snapshotMode(store)}>
          <SnapshotHeader store={store} articles={articles} exported={exported} />
          <AllInOne store={store} articles={articles} />
        </RenderModeContext.Provider>
        {views[0] ? (
          <section class="snapshot-comparison">
            <h2>Side by side</h2>
            <RenderModeContext.Provider value={snapshotMode(store, { marksChosen: false })}>
              {views[0].shared}
            </RenderModeContext.Provider>
          </section>
        ) : null}
        {store.actors.map((actor, i) => (
          <section
            class={i === 0 ? 'snapshot-actor snapshot-default' : 'snapshot-actor'}
            id={actorSectionId(actor.id)}
          >
            <h2>
              Frames and evidence for <ActorSwatch actor={actor} /> {actor.label}
            </h2>
            <RenderModeContext.Provider
              value={snapshotMode(store, { idSuffix: actorSectionId(actor.id) })}
            >
              {views[i]!.chosen}
            </RenderModeContext.Provider>
          </section>
        ))}
      </main>
      <footer class="site">
        Made with Framelens on {exported}. Framelens measures wording, not truth: every number comes
        with the words that produced it. Its Methods page documents each measure.
      </footer>
    </>
  )
  const title = `Framelens snapshot: ${articles.map((a) => `“${a.detail.title}”`).join(' | ')}`
  const scripts = [inlineScript(read('chart.umd.min.js')), inlineScript(read('client.js'))]
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeText(snapshotCsp(scripts))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Framelens">',
    `<meta name="date" content="${now.toISOString()}">`,
    `<title>${escapeText(title)}</title>`,
    `<style>${inlineStyle(read('styles.css'))}${SNAPSHOT_CSS}</style>`,
    '</head>',
    '<body>',
    await render(body),
    // At the end of the body, not deferred (inline scripts cannot be): the elements exist by
    // then, and defining <fl-chart> upgrades them all at once.
    ...scripts.map((js) => `<script>${js}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
