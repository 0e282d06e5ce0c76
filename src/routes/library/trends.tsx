/** `/c/:cid/trends?by=month|week|outlet[&group=…]`: coverage over time and by outlet. */
import { Hono } from 'hono'
import type { ArticleEntry } from '../../corpus-store.js'
import type { Library } from '../../library/library.js'
import { groupArticles, parseGrouping, trends } from '../../view-models/trends.js'
import { TrendsPage } from '../../../views/pages/trends.js'
import { httpError } from '../errors.js'
import { render } from '../htmx.js'

export function trendRoutes(library: Library) {
  const app = new Hono()
  app.get('/', async (c) => {
    const cid = c.req.param('cid')!
    const view = await library.view(cid)
    if (!view) throw httpError(404, `no collection "${cid}"`)
    const by = parseGrouping(c.req.query('by'))
    const { articles, actors } = view.store
    const model = trends(articles, actors, by)
    const key = c.req.query('group')
    let open: { key: string; label: string; articles: ArticleEntry[] } | undefined
    if (key !== undefined) {
      const group = model.groups.find((g) => g.key === key)
      if (!group) {
        throw httpError(404, `no ${by === 'outlet' ? 'outlet' : by} "${key}" among the articles`)
      }
      open = { key, label: group.label, articles: groupArticles(articles, by, key) }
    }
    return render(c, {
      title: by === 'outlet' ? 'By outlet' : 'Over time',
      section: 'trends',
      page: () => <TrendsPage trends={model} total={articles.length} open={open} />,
    })
  })
  return app
}
