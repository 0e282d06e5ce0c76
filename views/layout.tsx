/**
 * The page around every full response: head with the locally served scripts (Chart.js, htmx,
 * then the chart element, in that order: `defer` keeps it), the navigation and the footer, and
 * the line a printout ends with. Partials never use it; the same components render inside it or
 * alone.
 */
import type { Child, FC } from 'hono/jsx'
import { currentScope, scoped } from '../src/domain/scope.js'

export type Section =
  | 'overview'
  | 'compare'
  | 'terms'
  | 'methods'
  | 'article'
  | 'trends'
  | 'manage'
  | 'collections'
  | 'teach'

/**
 * The pages of a collection (under its prefix), then the ones shared by all. Kept short: every
 * item is a tab stop before the page's content (the brand is the name, not another link to the
 * overview; Methods is linked from the footer and from every "How this is computed"; coverage
 * over time from the overview and the articles page).
 */
const NAV: { section: Section; path: string; label: string; scoped: boolean }[] = [
  { section: 'overview', path: '/', label: 'Overview', scoped: true },
  { section: 'compare', path: '/compare', label: 'Compare', scoped: true },
  { section: 'terms', path: '/terms', label: 'Terms', scoped: true },
  { section: 'teach', path: '/teach', label: 'Teach', scoped: true },
  { section: 'manage', path: '/manage', label: 'Articles & actors', scoped: true },
  { section: 'collections', path: '/collections', label: 'Collections', scoped: false },
]

/** Pages that exist only where the app serves stored collections (not over a bare corpus). */
const NAV_NEEDS_LIBRARY = new Set<Section>(['trends', 'manage', 'collections'])

/**
 * Which collection the page is about, with a link to switch, and how many of its articles are
 * being analysed again (their stored scores are shown meanwhile).
 */
const CollectionBar: FC = () => {
  const { collection } = currentScope()
  if (!collection) return null
  return (
    <p class="collection-bar">
      Collection: <strong>{collection.name}</strong>
      {collection.stale > 0 ? (
        <span class="stale-note" role="status">
          {' '}
          · Re-scoring {collection.stale} of {collection.total} articles in the background; the
          numbers shown are the ones stored before.
        </span>
      ) : null}
    </p>
  )
}

/**
 * The last line of a printout (hidden on screen): the page's address, so a paper copy leads back
 * to it, and where the measures are defined, since no "How this is computed" link can be followed
 * on paper. A partial that changes the address sends it again, out of band, to keep it in step.
 */
export const PrintSource: FC<{ url: string; oob?: boolean }> = ({ url, oob }) => (
  <p id="print-source" class="print-source" hx-swap-oob={oob ? 'true' : undefined}>
    Framelens · {url} · How each number is computed: {new URL('/methods', url).href}
  </p>
)

export const Layout: FC<{
  title: string
  section?: Section
  /** The page's absolute address, for the foot of a printout. */
  url?: string
  children?: Child
}> = ({ title, section, url, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · Framelens`}</title>
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/assets/styles.css" />
      <link rel="stylesheet" href="/assets/library.css" />
      <script src="/assets/chart.umd.min.js" defer></script>
      <script src="/assets/htmx.min.js" defer></script>
      <script src="/assets/client.js" defer></script>
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <span class="brand">Framelens</span>
        <nav aria-label="Main">
          <ul>
            {NAV.filter(
              (item) => currentScope().collection || !NAV_NEEDS_LIBRARY.has(item.section),
            ).map((item) => (
              <li>
                <a
                  href={item.scoped ? scoped(item.path) : item.path}
                  aria-current={item.section === section ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <CollectionBar />
      </header>
      <main id="main">{children}</main>
      <footer class="site">
        Framelens measures wording, not truth: every number links to the words that produced it. See{' '}
        <a href="/methods">Methods</a> for how and with which limits.
      </footer>
      {url ? <PrintSource url={url} /> : null}
    </body>
  </html>
)

/** What a partial response starts with: htmx sets the document title from it. */
export const PartialTitle: FC<{ title: string }> = ({ title }) => (
  <title>{`${title} · Framelens`}</title>
)
