/**
 * The page around every full response: head with the locally served scripts (Chart.js, htmx,
 * then the chart element, in that order: `defer` keeps it), the navigation and the footer.
 * Partials never use it; the same components render inside it or alone.
 */
import type { Child, FC } from 'hono/jsx'

export type Section = 'overview' | 'compare' | 'terms' | 'methods' | 'article'

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'overview', href: '/', label: 'Overview' },
  { section: 'compare', href: '/compare', label: 'Compare' },
  { section: 'terms', href: '/terms', label: 'Terms' },
  { section: 'methods', href: '/methods', label: 'Methods' },
]

export const Layout: FC<{ title: string; section?: Section; children?: Child }> = ({
  title,
  section,
  children,
}) => (
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
    </body>
  </html>
)

/** What a partial response starts with: htmx sets the document title from it. */
export const PartialTitle: FC<{ title: string }> = ({ title }) => (
  <title>{`${title} · Framelens`}</title>
)
