/**
 * The page around every full response: head with the locally served scripts (Chart.js, htmx,
 * then the chart element, in that order: `defer` keeps it), the navigation and the footer, and
 * the line a printout ends with. Partials never use it; the same components render inside it or
 * alone.
 */
import type { Child, FC } from 'hono/jsx'

export type Section = 'overview' | 'compare' | 'terms' | 'methods' | 'article'

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'overview', href: '/', label: 'Overview' },
  { section: 'compare', href: '/compare', label: 'Compare' },
  { section: 'terms', href: '/terms', label: 'Terms' },
  { section: 'methods', href: '/methods', label: 'Methods' },
]

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
      <script src="/assets/chart.umd.min.js" defer></script>
      <script src="/assets/htmx.min.js" defer></script>
      <script src="/assets/client.js" defer></script>
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href="/">
          Framelens
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li>
                <a href={item.href} aria-current={item.section === section ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
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
