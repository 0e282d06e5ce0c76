/**
 * `/articles/:id/what-if?find=&replace=&drop=&epithet=&swap=`: the article reader's what-if
 * (issue 12). The article's text and a form to replace a word or phrase, delete a sentence or
 * swap an epithet; the edited text is analysed afresh by the collection's own analyser, exactly
 * as a new article would be, and every score is shown beside the original's with the words that
 * moved it. Nothing is saved. The teaching what-if (src/teach/whatif.ts) does the work and its
 * views show it; this route only finds the article.
 */
import { Hono } from 'hono'
import type { CorpusStore } from '../corpus-store.js'
import { requireArticle } from '../domain/lookup.js'
import { whatIfFromQuery } from '../teach/whatif.js'
import { ArticleWhatIfPage } from '../../views/pages/whatif.js'
import { render } from './htmx.js'

export function whatIfRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/:id/what-if', async (c) => {
    const article = await requireArticle(store, c.req.param('id'))
    const result = whatIfFromQuery(store, article, (name) => c.req.query(name))
    return render(c, {
      section: 'article',
      title: `What if…? ${article.detail.title}`,
      page: () => <ArticleWhatIfPage article={article} actors={store.actors} result={result} />,
    })
  })

  return app
}
