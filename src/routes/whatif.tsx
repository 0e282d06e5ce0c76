/**
 * `/articles/:id/what-if?find=&replace=&drop=&epithet=&swap=`: the article reader's what-if
 * (issue 12). The article's text and a form to replace a word or phrase, delete a sentence or
 * swap an epithet; the edited text is analysed afresh by the collection's own analyser, exactly
 * as a new article would be, and every score is shown beside the original's with the words that
 * moved it. Nothing is saved. The teaching what-if (src/teach/whatif.ts) does the work and its
 * views show it; this route only finds the article.
 */
import { Hono } from 'hono'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import { parseEdit, whatIf } from '../teach/whatif.js'
import { ArticleWhatIfPage } from '../../views/pages/whatif.js'
import { render } from './htmx.js'

/** The whole article from the store (the one place this route reads it), or a `not-found`. */
async function loadArticle(store: CorpusStore, id: string): Promise<StoredArticle> {
  const [article] = await store.load([id])
  if (!article)
    throw new DomainError(
      'not-found',
      `no article with id "${id}"; the ids are: ${store.articles.map((a) => a.id).join(', ')}`,
    )
  return article
}

export function whatIfRoutes(store: CorpusStore) {
  const app = new Hono()

  app.get('/:id/what-if', async (c) => {
    const article = await loadArticle(store, c.req.param('id'))
    const asked = ['find', 'drop', 'epithet'].some((k) => c.req.query(k) !== undefined)
    const result = asked
      ? whatIf(
          store,
          article,
          parseEdit(article.detail, {
            find: c.req.query('find'),
            replace: c.req.query('replace'),
            drop: c.req.query('drop'),
            epithet: c.req.query('epithet'),
            swap: c.req.query('swap'),
          }),
        )
      : undefined
    return render(c, {
      section: 'article',
      title: `What if…? ${article.detail.title}`,
      page: () => <ArticleWhatIfPage article={article} actors={store.actors} result={result} />,
    })
  })

  return app
}
