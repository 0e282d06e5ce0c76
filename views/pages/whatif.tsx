/**
 * The article reader's what-if (issue 12): change a word, delete a sentence or swap an epithet
 * in one article and see every score of the edited text beside the original's, with the words
 * that moved it; then the edited text and the original. The form and the result are the
 * teaching what-if's (teach-tools.tsx); every URL stays within the collection.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import type { StoredArticle } from '../../src/corpus-store.js'
import type { WhatIf } from '../../src/teach/whatif.js'
import { articleUrl, articleWhatIfUrl, overviewUrl } from '../urls.js'
import { PlainArticle, TeachStyles } from './teach-parts.js'
import { WhatIfForm, WhatIfResult } from './teach-tools.js'

export const ArticleWhatIfPage: FC<{
  article: StoredArticle
  actors: readonly Actor[]
  result?: WhatIf
}> = ({ article, actors, result }) => (
  <div class="teach whatif-reader">
    <TeachStyles />
    <p class="crumbs no-print">
      <a href={overviewUrl()}>Overview</a> › <a href={articleUrl(article.id)}>article</a> › what
      if…?
    </p>
    <h1>What if…? {article.detail.title}</h1>
    <p class="lede">
      Swap a word for another (try a harsh word for a plain one, like “regime” → “government”),
      delete a sentence or swap an epithet, and see how each score of this article changes. The
      edited text is analysed afresh, exactly as a new article would be. Nothing you change is
      saved. <a href={articleUrl(article.id)}>Back to the article</a>
    </p>
    <WhatIfForm
      action={articleWhatIfUrl(article.id)}
      article={article}
      actors={actors}
      edit={result?.edit}
    />
    <div id="whatif-out" aria-live="polite">
      {result ? <WhatIfResult result={result} /> : null}
    </div>
    {result ? (
      <details class="whatif-text">
        <summary>Your edited text</summary>
        <div class="teach-article" tabindex={0} role="region" aria-label="Your edited text">
          {result.text
            .split(/\n{2,}/)
            .map((p) => p.trim())
            .filter(Boolean)
            .map((p) => (
              <p>{p}</p>
            ))}
        </div>
      </details>
    ) : null}
    <h2 class="whatif-original">The article as published</h2>
    <PlainArticle article={article} level={3} />
  </div>
)
