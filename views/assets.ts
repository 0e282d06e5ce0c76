/**
 * The browser files the app serves itself (no CDN, so the dashboard works offline): htmx and
 * Chart.js from node_modules, the chart element script and the stylesheet from this folder. The
 * asset routes (src/routes/assets.ts) serve them; the offline snapshot (src/export/snapshot.tsx)
 * inlines some of them. Only paths here: nothing is read until one of those asks.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url))

/** One browser file: where it is, its media type and how long a browser may keep it. */
export interface Asset {
  path: string
  type: string
  /** Vendored files change only with a dependency update; our own files with every edit. */
  cache: string
}

const VENDOR_CACHE = 'public, max-age=86400'
const OWN_CACHE = 'no-cache'

/** Every asset by the name it is served under (`/assets/<name>`). */
export const ASSETS: Record<string, Asset> = {
  // `main` of htmx.org is dist/htmx.js; the minified build sits next to it.
  'htmx.min.js': {
    path: join(dirname(require.resolve('htmx.org')), 'htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
    cache: VENDOR_CACHE,
  },
  // chart.js exports only its modules; the UMD build (which defines window.Chart) is beside them.
  'chart.umd.min.js': {
    path: join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
    cache: VENDOR_CACHE,
  },
  'client.js': {
    path: here('client.js'),
    type: 'text/javascript; charset=utf-8',
    cache: OWN_CACHE,
  },
  'styles.css': { path: here('styles.css'), type: 'text/css; charset=utf-8', cache: OWN_CACHE },
  'teach.css': { path: here('teach.css'), type: 'text/css; charset=utf-8', cache: OWN_CACHE },
  'library.css': { path: here('library.css'), type: 'text/css; charset=utf-8', cache: OWN_CACHE },
  'favicon.svg': { path: here('favicon.svg'), type: 'image/svg+xml', cache: OWN_CACHE },
}
