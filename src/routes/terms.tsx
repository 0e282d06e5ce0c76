/** `/terms?q=…`: keyword in context across the corpus, with counts per article. */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { MAX_QUERY_LENGTH } from '../domain/terms.js'
import { TermsPage, TermsResults } from '../../views/pages/terms.js'
import { termsUrl } from '../../views/urls.js'
import { httpError } from './errors.js'
import { render } from './htmx.js'
import { whole } from './params.js'

export function termRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/', async (c) => {
    const query = (c.req.query('q') ?? '').trim()
    if (query.length > MAX_QUERY_LENGTH) {
      throw httpError(
        400,
        `the query is ${query.length} characters long; at most ${MAX_QUERY_LENGTH}`,
      )
    }
    const page = whole(c.req.query('page'), 'page', 1, Number.MAX_SAFE_INTEGER, 1)
    const search = query ? await store.searchTerms(query, page) : undefined
    return render(c, {
      title: query ? `“${query}” in context` : 'Terms',
      section: 'terms',
      page: () => <TermsPage query={query} search={search} total={store.articles.length} />,
      partial: () => <TermsResults query={query} search={search} total={store.articles.length} />,
      partialTitle: true,
      pushUrl: termsUrl(query, search?.page),
    })
  })

  return app
}
