/**
 * The overview: every article in a table (outlet, date, words, document tone, tone toward and
 * mentions of each actor) and the three corpus charts. A tone in the table or a bar in a chart
 * loads the evidence behind it into the panel below the charts; the URL (`/?article=…&actor=…`)
 * says which evidence is open, so the view can be bookmarked and restored. Files of the corpus
 * folder that could not be loaded are listed, with the reason, above the table.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import {
  actorToneByArticle,
  documentToneByArticle,
  mentionShareByArticle,
  type ChartPoint,
} from '../../src/charts/index.js'
import type { CorpusStore, StoredArticle } from '../../src/corpus-store.js'
import type { InputError } from '../../src/corpus/errors.js'
import { refusedFile, refusedReason } from '../../src/corpus/load-corpus.js'
import { ActorSwatch, SwapLink, ToneValue, type HxLink } from '../components/actors.js'
import { ArticleMetaLine } from '../components/article-meta.js'
import { ChartFigure } from '../components/chart.js'
import { EvidencePanel } from '../components/evidence.js'
import { Plain } from '../components/plain.js'
import { num, signed } from '../format.js'
import { currentScope, scoped } from '../../src/domain/scope.js'
import { MAX_ARTICLE_BARS, OVERVIEW_PAGE_SIZE, pageCount } from '../../src/domain/overview.js'
import { mentionShareTotal, toneDistribution } from '../../src/charts/distribution-charts.js'
import { articleUrl, compareFormUrl, evidenceUrl, methodsUrl, overviewUrl } from '../urls.js'

/** The evidence link of one (article, actor) cell; chart bars resolve to the same `href`. */
export function overviewEvidenceLink(article: string, actor: string): HxLink {
  return {
    href: `${overviewUrl({ article, actor })}#evidence`,
    get: evidenceUrl(article, actor),
    target: '#evidence',
    push: overviewUrl({ article, actor }),
  }
}

const linkFor = (p: ChartPoint) =>
  p.actor ? overviewEvidenceLink(p.article, p.actor).href : articleUrl(p.article)

/** "Articles 51–100 of 1,234 · ‹ previous · next ›", when the table has more than one page. */
const Pager: FC<{ page: number; total: number }> = ({ page, total }) => {
  const pages = pageCount(total)
  if (pages <= 1) return null
  const from = (page - 1) * OVERVIEW_PAGE_SIZE + 1
  const to = Math.min(total, page * OVERVIEW_PAGE_SIZE)
  const at = (n: number) => scoped(n === 1 ? '/' : `/?page=${n}`)
  return (
    <nav class="pager" aria-label="Pages of articles">
      Articles {from}–{to} of {total.toLocaleString('en-GB')}
      {page > 1 ? (
        <>
          {' · '}
          <a href={at(page - 1)} rel="prev">
            ‹ previous
          </a>
        </>
      ) : null}
      {page < pages ? (
        <>
          {' · '}
          <a href={at(page + 1)} rel="next">
            next ›
          </a>
        </>
      ) : null}
    </nav>
  )
}

/** A collection with no article yet: where to add some (only where the app stores collections). */
const EmptyCollection: FC = () =>
  currentScope().collection ? (
    <p class="notice" role="status">
      This collection has no article yet. <a href={scoped('/manage')}>Add articles</a>: paste them,
      upload files or import them from a web address.
    </p>
  ) : (
    <p class="notice">No article was loaded.</p>
  )

export const EvidenceHint: FC = () => (
  <p class="hint">
    Choose a tone in the table or a bar in a chart to see the clauses and words behind it.
  </p>
)

/** The files the loader refused: "2 files were not loaded", then each file and why. */
export const RefusedNotice: FC<{ refused: readonly InputError[] }> = ({ refused }) => (
  <section class="note refused" aria-labelledby="refused-title">
    <p id="refused-title">
      <strong>
        {refused.length === 1 ? '1 file was' : `${refused.length} files were`} not loaded
      </strong>{' '}
      from the corpus folder; the other articles are shown.
    </p>
    <ul class="removed">
      {refused.map((error) => (
        <li>
          <code>{refusedFile(error)}</code>: {refusedReason(error)}
        </li>
      ))}
    </ul>
  </section>
)

export const OverviewPage: FC<{
  store: CorpusStore
  focus?: { article: StoredArticle; actor: Actor }
  /** 1-based page of the table (`OVERVIEW_PAGE_SIZE` rows each). */
  page?: number
}> = ({ store, focus, page = 1 }) => {
  const { actors } = store
  const all = store.articles
  const first = (page - 1) * OVERVIEW_PAGE_SIZE
  const articles = all.slice(first, first + OVERVIEW_PAGE_SIZE)
  const analyses = all.map((a) => a.digest)
  const aggregate = all.length > MAX_ARTICLE_BARS
  // The charts draw every article of the corpus, which is what an export without ids covers.
  const wholeCorpus = {}
  return (
    <>
      <h1>
        How {all.length === 1 ? 'one article frames' : `${all.length} articles frame`}{' '}
        {actors.map((a) => a.label).join(', ')}
      </h1>
      <p class="lede">
        <Plain tech="tone toward an actor">How kind or harsh the words about each actor are</Plain>{' '}
        comes from the words that judge it, one <Plain tech="clause">part of a sentence</Plain> at a
        time; an actor an article never names is <em>absent</em>, not neutral.{' '}
        <a href={methodsUrl()}>Methods</a>
      </p>
      {store.refused.length > 0 && <RefusedNotice refused={store.refused} />}
      <ul class="actor-key" aria-label="Actors">
        {actors.map((a) => (
          <li>
            <ActorSwatch actor={a} /> {a.label}
          </li>
        ))}
      </ul>

      {all.length === 0 ? <EmptyCollection /> : null}
      {currentScope().collection ? (
        <p>
          <a href={scoped('/trends')}>Coverage over time and by outlet</a> ·{' '}
          <a href={scoped('/ask')}>Ask about another actor</a>
        </p>
      ) : null}
      <form action={compareFormUrl()} method="get" class="overview-form">
        <div class="table-wrap">
          <table class="overview-table">
            <caption>
              Articles:{' '}
              <Plain tech="document tone, and tone toward each actor (tone · mentions)">
                how kind or harsh the words are
              </Plain>
              , overall and about each actor
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">Compare</span>
                </th>
                <th scope="col">Article</th>
                <th scope="col" class="num">
                  Words
                </th>
                <th scope="col" class="num">
                  <a href={methodsUrl('document-tone')}>
                    <Plain tech="document tone per 1,000 words" focusable={false}>
                      Kind or harsh words overall / 1,000 words
                    </Plain>
                  </a>
                </th>
                {actors.map((a) => (
                  <th scope="col" style={`--actor:${a.colour}`} class="actor-col">
                    <ActorSwatch actor={a} /> {a.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr id={`row-${article.id}`}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={article.id}
                      aria-label={`Compare “${article.digest.title}”`}
                    />
                  </td>
                  <th scope="row">
                    <a href={articleUrl(article.id)}>{article.digest.title}</a>
                    <br />
                    <ArticleMetaLine article={article} />
                  </th>
                  <td class="num">{article.digest.words}</td>
                  <td class="num">{signed(article.digest.tone.per1000, 1)}</td>
                  {actors.map((actor) => {
                    const framing = article.digest.actors[actor.id] ?? null
                    return (
                      <td class="actor-cell">
                        {framing ? (
                          <>
                            <SwapLink
                              link={overviewEvidenceLink(article.id, actor.id)}
                              label={`Evidence for the tone toward ${actor.label} in “${article.digest.title}”`}
                            >
                              <ToneValue framing={framing} />
                            </SwapLink>
                            <span class="mentions">
                              {framing.mentions}&nbsp;mention{framing.mentions === 1 ? '' : 's'} ·{' '}
                              {num(framing.share, 0)}&nbsp;%
                            </span>
                          </>
                        ) : (
                          <ToneValue framing={null} />
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={page} total={all.length} />
        <p>
          <button type="submit">Compare the chosen articles</button>{' '}
          <span class="muted">(2 to 5)</span>
        </p>
      </form>

      {aggregate ? (
        <div class="charts">
          <ChartFigure spec={toneDistribution(analyses, actors)} size="wide" />
          <ChartFigure spec={mentionShareTotal(analyses, actors)} />
          <p class="hint">
            With {all.length} articles a bar each would be too thin to read or click: these charts
            count the articles instead. <a href={scoped('/trends')}>Over time and by outlet</a>{' '}
            groups them by month, week or outlet, and the table above lists every article.
          </p>
        </div>
      ) : (
        <div class="charts">
          <ChartFigure
            spec={actorToneByArticle(analyses, actors)}
            rows={all.length}
            linkFor={linkFor}
            size="wide"
            exports={wholeCorpus}
          />
          <ChartFigure
            spec={mentionShareByArticle(analyses, actors)}
            rows={all.length}
            linkFor={linkFor}
            exports={wholeCorpus}
          />
          <ChartFigure
            spec={documentToneByArticle(analyses)}
            rows={all.length}
            linkFor={linkFor}
            exports={wholeCorpus}
          />
        </div>
      )}

      <section id="evidence" class="evidence-slot" aria-live="polite">
        {focus ? (
          <EvidencePanel detail={focus.article.detail} actor={focus.actor} actors={actors} />
        ) : (
          <EvidenceHint />
        )}
      </section>
    </>
  )
}
