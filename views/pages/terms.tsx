/**
 * Keyword in context: every occurrence of a word or phrase across the corpus, with the words
 * around it and the count per article. Words match by word form (the engine's stemmer: "dictator"
 * finds "dictators"), so the page says which forms it matched. The search form swaps only the
 * results and pushes `/terms?q=…`; without JavaScript it loads the page.
 *
 * Each line is a list item of three inline parts (left context, match, right context) rather than
 * a table row: with no style at all it reads as the sentence it came from and wraps like text, so
 * the match can never be drawn over its neighbours however narrow the screen; a stylesheet may
 * lay the parts out as aligned columns where there is room.
 */
import type { FC } from 'hono/jsx'
import { kwicForms } from '../../src/analysis/index.js'
import { termHitsByArticle } from '../../src/charts/index.js'
import type { TermSearch } from '../../src/corpus-store.js'
import { MAX_QUERY_LENGTH } from '../../src/domain/terms.js'
import { ChartFigure } from '../components/chart.js'
import { Plain } from '../components/plain.js'
import { articleUrl, methodsUrl, termsUrl } from '../urls.js'

/** Links to the other pages of a search that spans several. */
const TermsPager: FC<{ query: string; search: TermSearch }> = ({ query, search }) =>
  search.pages > 1 ? (
    <nav class="pager" aria-label="Pages of results">
      {search.page > 1 ? (
        <a href={termsUrl(query, search.page - 1)} rel="prev">
          ← Previous articles
        </a>
      ) : null}{' '}
      <span>
        Page {search.page} of {search.pages}
      </span>{' '}
      {search.page < search.pages ? (
        <a href={termsUrl(query, search.page + 1)} rel="next">
          Next articles →
        </a>
      ) : null}
    </nav>
  ) : null

export const TermsResults: FC<{ query: string; search?: TermSearch; total: number }> = ({
  query,
  search,
  total: articleCount,
}) => {
  if (!query || !search)
    return (
      <p class="hint">Type a word or a phrase, e.g. “dictator”, “sanctions” or “Kim Jong Un”.</p>
    )
  const { results } = search
  const total = results.reduce((n, r) => n + r.lines.length, 0)
  const forms = kwicForms(results.flatMap((r) => r.lines))
  const withHits = results.filter((r) => r.lines.length > 0).length
  return (
    <>
      {search.pages > 1 ? (
        <p class="result-count" data-total={String(total)}>
          <strong>{total}</strong> occurrence{total === 1 ? '' : 's'} of “{query}” in {withHits} of
          the {results.length} articles of this page. The search index finds {search.candidates} of
          the {articleCount} articles with these words or words that begin like them; each page
          reads {results.length === 0 ? 'none' : results.length} of them.
        </p>
      ) : (
        <p class="result-count" data-total={String(total)}>
          <strong>{total}</strong> occurrence{total === 1 ? '' : 's'} of “{query}” in {withHits} of{' '}
          {articleCount} articles.
        </p>
      )}
      <TermsPager query={query} search={search} />
      {forms.length > 0 ? (
        <p class="matched-forms">
          Matched{' '}
          {forms.map((f, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <span class="form" data-count={String(f.count)}>
                {f.form}
              </span>{' '}
              ({f.count})
            </>
          ))}
          .
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="counts">
          <caption>Times used in each article</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col" class="num">
                Times used
              </th>
              <th scope="col" class="num">
                Per 1,000 words
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr>
                <th scope="row">
                  <a href={articleUrl(r.article.id)}>{r.article.digest.title}</a>
                </th>
                <td class="num">{r.lines.length}</td>
                <td class="num">
                  {((r.lines.length / Math.max(1, r.article.digest.words)) * 1000).toFixed(1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > 0 ? (
        <>
          <div class="charts charts-one">
            <ChartFigure
              spec={termHitsByArticle(
                results.map((r) => ({
                  id: r.article.id,
                  title: r.article.digest.title,
                  count: r.lines.length,
                })),
                query,
              )}
              linkFor={(p) => `#kwic-${p.article}`}
              exports={{ q: query, ...(search.page > 1 && { page: search.page }) }}
            />
          </div>
          {results
            .filter((r) => r.lines.length > 0)
            .map((r) => (
              <section class="kwic" id={`kwic-${r.article.id}`}>
                <h3>
                  <a href={articleUrl(r.article.id)}>{r.article.digest.title}</a>{' '}
                  <span class="count">{r.lines.length}</span>
                </h3>
                <ol class="kwic-lines">
                  {r.lines.map((line) => (
                    <li class="kwic-line">
                      <span class="kwic-left">{line.left}</span>
                      <mark class="kwic-match">{line.match}</mark>
                      <span class="kwic-right">{line.right}</span>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
        </>
      ) : null}
    </>
  )
}

export const TermsPage: FC<{ query: string; search?: TermSearch; total: number }> = ({
  query,
  search,
  total,
}) => (
  <>
    <h1>
      <Plain tech="terms in context (keyword in context, KWIC)">A word in its sentences</Plain>
    </h1>
    <form
      class="terms-form"
      role="search"
      action={termsUrl()}
      method="get"
      hx-get={termsUrl()}
      hx-trigger="submit, input delay:400ms"
      hx-target="#terms-results"
      hx-swap="innerHTML"
      hx-push-url="true"
      hx-sync="this:replace"
    >
      <label for="q">Word or phrase</label>{' '}
      <input
        id="q"
        name="q"
        type="search"
        value={query}
        maxlength={MAX_QUERY_LENGTH}
        autocomplete="off"
      />{' '}
      <button type="submit">Search</button>
    </form>
    <p class="how">
      Whole words in any of their forms (“dictator” finds “dictators”, “sanction” finds
      “sanctioned”), case-insensitive; a phrase matches its words in order.{' '}
      <a href={methodsUrl('kwic')}>How this is computed</a>
    </p>
    <div id="terms-results">
      <TermsResults query={query} search={search} total={total} />
    </div>
  </>
)
