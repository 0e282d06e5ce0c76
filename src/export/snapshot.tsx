/**
 * A comparison as one self-contained HTML file: it opens from a disk, a USB stick or an e-mail
 * attachment with its charts drawn and its evidence highlighted, with no server and no network.
 * Everything is inline: the stylesheet (views/styles.css), Chart.js (its UMD build) and the
 * page's own chart element (views/client.js, which does not need htmx), and the chart configs sit
 * in the `data-chart` attributes the element reads. A Content-Security-Policy meta tag forbids
 * every fetch, so a snapshot cannot depend on the network even by accident.
 *
 * The markup is the comparison page's own (`CompareView`), rendered once per actor because the
 * page shows one actor's evidence and frames at a time: each rendering is a section whose id is
 * `actor-<id>`, and CSS `:target` shows the chosen one (the first by default), so the actor links
 * work without a server. Links into the dashboard that a file cannot follow (article pages, the
 * evidence drawer) lose their `href` and stay as text, "How this is computed" links to the
 * Methods page go (the definition is printed beside them); links to another actor's view become
 * in-page links; `hx-*` attributes go, since there is no htmx and no server to ask.
 */
import { readFileSync } from 'node:fs'
import type { FC } from 'hono/jsx'
import { DOMParser } from 'linkedom'
import type { Actor } from '../analysis/index.js'
import type { ChartPoint } from '../charts/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { ASSETS } from '../routes/assets.js'
import { ActorSwatch } from '../../views/components/actors.js'
import { ChartFigure } from '../../views/components/chart.js'
import { displayDate } from '../../views/format.js'
import { CompareView } from '../../views/pages/compare.js'
import { ArticleMetaLine } from '../../views/pages/overview.js'
import { EXPORT_CHARTS } from './charts.js'

const actorSectionId = (actor: string) => `actor-${actor}`

/** The rules a snapshot adds to the page's stylesheet: one actor's section shown at a time. */
const SNAPSHOT_CSS = `
.snapshot-actor { display: none; }
.snapshot-actor:target, .snapshot-actor.snapshot-default { display: block; }
main:has(.snapshot-actor:target) .snapshot-actor.snapshot-default:not(:target) { display: none; }
.snapshot-actors a { margin-right: 1em; }
.snapshot-articles li { margin-bottom: 0.25em; }
.snapshot-actor > h2 { margin-top: 2em; }
a:not([href]) { color: inherit; text-decoration: none; }
`

/** Nothing but what is inline: no fetch, no connection, no frame, no form submission. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

const read = (name: keyof typeof ASSETS & string) => readFileSync(ASSETS[name]!.path, 'utf8')

/** Text safe inside `<script>`: the HTML parser ends a script at `</script` and plays with `<!--`. */
const inlineScript = (js: string) =>
  js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')

const inlineStyle = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1')

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
  const selection = { articles, compared: true }
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

const ActorSection: FC<{
  store: CorpusStore
  articles: StoredArticle[]
  actor: Actor
  first: boolean
}> = ({ store, articles, actor, first }) => (
  <section
    class={first ? 'snapshot-actor snapshot-default' : 'snapshot-actor'}
    id={actorSectionId(actor.id)}
  >
    <h2>
      Side by side, with the evidence for <ActorSwatch actor={actor} /> {actor.label}
    </h2>
    <CompareView
      store={store}
      selection={{ articles, actor, actorIsDefault: first }}
      distinctive={store.distinctiveWithin(articles.map((a) => a.id))}
    />
  </section>
)

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

const ID_REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'headers']

/**
 * Gives every id inside `root` a suffix, and the references to them in `root` too: the same view
 * rendered once per actor would otherwise repeat its ids.
 */
function suffixIds(root: Element, suffix: string): void {
  const owned = new Set([...root.querySelectorAll('[id]')].map((el) => el.getAttribute('id')!))
  const renamed = (id: string) => (owned.has(id) ? `${id}--${suffix}` : id)
  for (const el of [...root.querySelectorAll('*')]) {
    const id = el.getAttribute('id')
    if (id && owned.has(id)) el.setAttribute('id', renamed(id))
    for (const name of ID_REFS) {
      const value = el.getAttribute(name)
      if (value) el.setAttribute(name, value.split(/\s+/).map(renamed).join(' '))
    }
    const href = el.getAttribute('href')
    if (href?.startsWith('#')) el.setAttribute('href', `#${renamed(href.slice(1))}`)
  }
}

/** Makes the rendered dashboard markup work as a file: see the module comment. */
function detach(html: string, store: CorpusStore): string {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  ) as unknown as Document
  for (const el of [...doc.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) {
      if (name.startsWith('hx-')) el.removeAttribute(name)
    }
  }
  for (const section of [...doc.querySelectorAll('section.snapshot-actor')]) {
    suffixIds(section, section.getAttribute('id')!)
  }
  for (const link of [...doc.querySelectorAll('a[href]')]) {
    const original = link.getAttribute('href')!
    // "How this is computed": the definition is printed next to it; the link alone says nothing.
    if (original.startsWith('/methods')) {
      link.remove()
      continue
    }
    const href = snapshotHref(original, store)
    if (href === null) {
      link.removeAttribute('href')
      link.removeAttribute('data-hx-link')
    } else link.setAttribute('href', href)
  }
  for (const chart of [...doc.querySelectorAll('fl-chart[data-links]')]) {
    const links = JSON.parse(chart.getAttribute('data-links')!) as (string | null)[][]
    const mapped = links.map((row) => row.map((h) => (h === null ? null : snapshotHref(h, store))))
    if (mapped.some((row) => row.some((h) => h !== null)))
      chart.setAttribute('data-links', JSON.stringify(mapped))
    else chart.removeAttribute('data-links')
  }
  return doc.body.innerHTML
}

/** Renders the comparison of `articles` (already checked: 2 to 5 of the corpus) as one file. */
export async function renderSnapshot(
  store: CorpusStore,
  articles: StoredArticle[],
  now: Date,
): Promise<string> {
  const exported = displayDate(now.toISOString().slice(0, 10))!
  const body = (
    <>
      <header class="site">
        <span class="brand">Framelens</span>
      </header>
      <main id="main">
        <SnapshotHeader store={store} articles={articles} exported={exported} />
        <AllInOne store={store} articles={articles} />
        {store.actors.map((actor, i) => (
          <ActorSection store={store} articles={articles} actor={actor} first={i === 0} />
        ))}
      </main>
      <footer class="site">
        Made with Framelens on {exported}. Framelens measures wording, not truth: every number comes
        with the words that produced it. Its Methods page documents each measure.
      </footer>
    </>
  )
  const title = `Framelens snapshot: ${articles.map((a) => `“${a.detail.title}”`).join(' | ')}`
  const escapeText = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Framelens">',
    `<meta name="date" content="${now.toISOString()}">`,
    `<title>${escapeText(title)}</title>`,
    `<style>${inlineStyle(read('styles.css'))}${SNAPSHOT_CSS}</style>`,
    '</head>',
    '<body>',
    detach(String(await body.toString()), store),
    // At the end of the body, not deferred (inline scripts cannot be): the elements exist by
    // then, and defining <fl-chart> upgrades them all at once.
    `<script>${inlineScript(read('chart.umd.min.js'))}</script>`,
    `<script>${inlineScript(read('client.js'))}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
