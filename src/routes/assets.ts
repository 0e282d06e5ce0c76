/**
 * `/assets/<name>`: the browser files of views/assets.ts (htmx, Chart.js, the chart element
 * script, the stylesheet), served by the app itself so the dashboard works offline. Read once at
 * start-up; a missing file fails the start, not a page view.
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { ASSETS } from '../../views/assets.js'
import { httpError } from './errors.js'

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
