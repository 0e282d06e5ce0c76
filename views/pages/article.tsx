/**
 * One article: where it comes from, its measures per actor (each leading to its evidence), its
 * charts, the text with every mention and scored word highlighted, its keywords, and what the
 * loader removed as boilerplate. `?actor=` opens the evidence of that actor.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import {
  actorToneInArticle,
  mentionsInArticle,
  sentenceTone,
  toneRatesInArticle,
  type ChartPoint,
} from '../../src/charts/index.js'
import type { CorpusStore, StoredArticle } from '../../src/corpus-store.js'
import { ActorSwatch, SwapLink, ToneValue, type HxLink } from '../components/actors.js'
import { ChartFigure } from '../components/chart.js'
import { EvidencePanel } from '../components/evidence.js'
import { ArticleText, HighlightLegend } from '../components/text.js'
import { displayDate, num, percent, signed } from '../format.js'
import {
  apiArticleUrl,
  articleUrl,
  compareUrl,
  evidenceUrl,
  methodsUrl,
  termsUrl,
} from '../urls.js'

export function articleEvidenceLink(article: string, actor: string): HxLink {
  return {
    href: `${articleUrl(article, actor)}#evidence`,
    get: evidenceUrl(article, actor),
    target: '#evidence',
    push: articleUrl(article, actor),
  }
}

export const ArticlePage: FC<{ store: CorpusStore; article: StoredArticle; focus?: Actor }> = ({
  store,
  article,
  focus,
}) => {
  const { actors } = store
  const { detail, meta } = article
  const linkFor = (p: ChartPoint) => (p.actor ? articleEvidenceLink(p.article, p.actor).href : null)
  const others = store.articles.filter((a) => a.id !== article.id)
  return (
    <article class="article-page">
      <p class="crumbs">
        <a href="/">Overview</a> › article
      </p>
      <h1>{detail.title}</h1>
      <p class="meta-block">
        {meta.outlet ? <span>{meta.outlet}</span> : <span class="muted">outlet unknown</span>}
        {' · '}
        {meta.date ? (
          <time datetime={meta.date}>{displayDate(meta.date)}</time>
        ) : (
          <span class="muted">date unknown</span>
        )}
        {meta.author ? <> · by {meta.author}</> : null}
        {meta.url ? (
          <>
            {' · '}
            <a href={meta.url} rel="noopener noreferrer">
              source
            </a>
          </>
        ) : null}
        {meta.headline ? null : (
          <span class="muted"> · no headline: the title is the lead’s opening words</span>
        )}
      </p>
      <p class="facts">
        {detail.words} words · {detail.sentences} sentences · tone {signed(detail.tone.per1000, 1)}{' '}
        per 1,000 words (score {signed(detail.tone.score, 1)}; {num(detail.tone.positivePer1000, 1)}{' '}
        positive and {num(detail.tone.negativePer1000, 1)} negative words per 1,000;{' '}
        {percent(detail.tone.polarity)} of words carry tone) ·{' '}
        <a href={apiArticleUrl(detail.id)}>JSON</a>
        {others[0] ? (
          <>
            {' · '}
            <a href={compareUrl([detail.id, others[0].id])}>compare with another article</a>
          </>
        ) : null}
      </p>

      <div class="table-wrap">
        <table class="actors-table">
          <caption>
            Tone toward and salience of each actor (<a href={methodsUrl('actor-tone')}>how</a>)
          </caption>
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Tone</th>
              <th scope="col" class="num">
                Mentions
              </th>
              <th scope="col" class="num">
                Share
              </th>
              <th scope="col">Named in</th>
              <th scope="col" class="num">
                Clauses
              </th>
            </tr>
          </thead>
          <tbody>
            {actors.map((actor) => {
              const f = detail.actors[actor.id] ?? null
              return (
                <tr>
                  <th scope="row">
                    <ActorSwatch actor={actor} /> {actor.label}
                  </th>
                  {f ? (
                    <>
                      <td>
                        <SwapLink
                          link={articleEvidenceLink(detail.id, actor.id)}
                          label={`Evidence for the tone toward ${actor.label}`}
                        >
                          <ToneValue framing={f} />
                        </SwapLink>
                      </td>
                      <td class="num">{f.mentions}</td>
                      <td class="num">{percent(f.share)}</td>
                      <td>
                        {[f.inTitle ? 'title' : '', f.inLead ? 'lead' : '', 'body']
                          .filter(Boolean)
                          .join(', ')}
                      </td>
                      <td class="num">{f.evidence.length}</td>
                    </>
                  ) : (
                    <>
                      <td>
                        <ToneValue framing={null} />
                      </td>
                      <td class="num">0</td>
                      <td class="num">—</td>
                      <td>—</td>
                      <td class="num">—</td>
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <div class="charts">
        <ChartFigure spec={actorToneInArticle(detail, actors)} linkFor={linkFor} />
        <ChartFigure spec={mentionsInArticle(detail, actors)} linkFor={linkFor} />
        <ChartFigure spec={toneRatesInArticle(detail)} />
        <ChartFigure spec={sentenceTone(detail)} />
      </div>

      <section id="evidence" class="evidence-slot" aria-live="polite">
        {focus ? (
          <EvidencePanel detail={detail} actor={focus} actors={actors} />
        ) : (
          <p class="hint">
            Choose a tone in the table or a bar in the first two charts to see the evidence behind
            it.
          </p>
        )}
      </section>

      <div class="article-columns">
        <section class="text-section" aria-labelledby="text-title">
          <h2 id="text-title">Text</h2>
          <p class="hint">
            Hover or focus (Tab) a shaded word to see its value.{' '}
            <a href={methodsUrl('document-tone')}>How words are scored</a>
          </p>
          <HighlightLegend actors={actors} />
          <ArticleText detail={detail} actors={actors} />
        </section>

        <aside class="side">
          <section aria-labelledby="keywords-title">
            <h2 id="keywords-title">Keywords</h2>
            <h3>Most frequent</h3>
            <ol class="terms">
              {detail.keywords.top.map((t) => (
                <li>
                  <a href={termsUrl(t.term)}>{t.term}</a> <span class="count">{t.count}</span>
                </li>
              ))}
            </ol>
            <h3>Distinctive against the other articles</h3>
            {detail.keywords.distinctive.length > 0 ? (
              <ol class="terms">
                {detail.keywords.distinctive.map((t) => (
                  <li>
                    <a href={termsUrl(t.term)}>{t.term}</a>{' '}
                    <span
                      class="count"
                      title={`here ${t.count}, in the other articles ${t.restCount}`}
                    >
                      {t.count} vs {t.restCount} · G² {num(t.logLikelihood, 1)}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">None significant.</p>
            )}
            <p class="how">
              Log-likelihood (G²) of each word here against the rest of the corpus.{' '}
              <a href={methodsUrl('keywords')}>How</a>
            </p>
          </section>

          <section aria-labelledby="removed-title">
            <h2 id="removed-title">Removed as boilerplate</h2>
            {article.removed.length > 0 ? (
              <ul class="removed">
                {article.removed.map((r) => (
                  <li>
                    <q>{r.text}</q>{' '}
                    <span class="muted">
                      — {r.reason}, line {r.line}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">Nothing: the whole body is analysed.</p>
            )}
            <p class="how">
              Scraped page furniture is left out of every measure.{' '}
              <a href={methodsUrl('boilerplate')}>Rules</a>
            </p>
          </section>
        </aside>
      </div>
    </article>
  )
}
