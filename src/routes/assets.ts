/**
 * Browser files served by the app itself (no CDN, so the dashboard works offline): htmx and
 * Chart.js from node_modules, the chart element script and the stylesheet from views/. Read once
 * at start-up; a missing file fails the start, not a page view.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { httpError } from './errors.js'

const require = createRequire(import.meta.url)
const views = (name: string) => fileURLToPath(new URL(`../../views/${name}`, import.meta.url))

interface Asset {
  path: string
  type: string
  /** Vendored files change only with a dependency update; our own files with every edit. */
  cache: string
}

const VENDOR_CACHE = 'public, max-age=86400'
const OWN_CACHE = 'no-cache'

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
    path: views('client.js'),
    type: 'text/javascript; charset=utf-8',
    cache: OWN_CACHE,
  },
  'styles.css': { path: views('styles.css'), type: 'text/css; charset=utf-8', cache: OWN_CACHE },
  'favicon.svg': { path: views('favicon.svg'), type: 'image/svg+xml', cache: OWN_CACHE },
}

export function assetRoutes() {
  const app = new Hono()
  const files = new Map(
    Object.entries(ASSETS).map(([name, a]) => [name, { ...a, body: readFileSync(a.path) }]),
  )
  app.get('/:name', (c) => {
    const file = files.get(c.req.param('name'))
    if (!file) throw httpError(404, `no asset ${c.req.param('name')}`)
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': file.cache })
  })
  return app
}
