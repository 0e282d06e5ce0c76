/**
 * Coverage over time and by outlet, for one collection: by month, ISO week or outlet, the mean
 * tone toward each actor with the number of articles behind it, and each actor's share of the
 * mentions. A point of a chart or a group's name opens the list of the articles behind it, each
 * with its own tone leading to the evidence. Articles without a date (or an outlet) are counted
 * apart and listed, never guessed into a group.
 */
import type { FC } from 'hono/jsx'
import { mentionShareTrend, toneTrend } from '../../src/charts/trend-charts.js'
import type { ArticleEntry } from '../../src/corpus-store.js'
import type { TrendGrouping, Trends } from '../../src/view-models/trends.js'
import { scoped } from '../../src/domain/scope.js'
import { ActorSwatch, ToneValue } from '../components/actors.js'
import { ArticleMetaLine } from '../components/article-meta.js'
import { ChartFigure } from '../components/chart.js'
import { Plain } from '../components/plain.js'
import { AdhocForm } from './adhoc.js'
import { percent, signed } from '../format.js'
import { articleUrl, methodsUrl } from '../urls.js'

const GROUPINGS: { by: TrendGrouping; label: string }[] = [
  { by: 'month', label: 'By month' },
  { by: 'week', label: 'By week' },
  { by: 'outlet', label: 'By outlet' },
]

export const trendsUrl = (by: TrendGrouping, group?: string) =>
  scoped(`/trends?by=${by}${group !== undefined ? `&group=${encodeURIComponent(group)}` : ''}`)

const ArticleList: FC<{ articles: readonly ArticleEntry[]; trends: Trends }> = ({
  articles,
  trends,
}) => (
  <ul class="trend-articles">
    {articles.map((a) => (
      <li>
        <a href={articleUrl(a.id)}>{a.digest.title}</a> <ArticleMetaLine article={a} />
        <ul class="inline-list">
          {trends.actors.map((x) => (
            <li>
              <ActorSwatch actor={x} /> {x.label}:{' '}
              {a.digest.actors[x.id] ? (
                <a href={articleUrl(a.id, x.id)}>
                  <ToneValue framing={a.digest.actors[x.id]!} />
                </a>
              ) : (
                <ToneValue framing={null} />
              )}
            </li>
          ))}
        </ul>
      </li>
    ))}
  </ul>
)

export const TrendsPage: FC<{
  trends: Trends
  total: number
  open?: { key: string; label: string; articles: ArticleEntry[] }
}> = ({ trends, total, open }) => {
  const { grouping, groups, actors, ungrouped } = trends
  const overTime = grouping !== 'outlet'
  const tone = toneTrend(groups, actors, overTime)
  const share = mentionShareTrend(groups, actors, overTime)
  const linkFor = (p: { category?: string }) =>
    p.category !== undefined ? `${trendsUrl(grouping, p.category)}#group` : null
  return (
    <>
      <h1>{overTime ? 'Coverage over time' : 'Coverage by outlet'}</h1>
      <p class="lede">
        For each group,{' '}
        <Plain tech="mean tone toward the actor">
          how kind or harsh the words about an actor are
        </Plain>{' '}
        is the average over its articles that name the actor; the number of those articles stands
        beside it, because an average of two articles is not a trend.{' '}
        <a href={methodsUrl('actor-tone')}>How tone is computed</a>
      </p>
      <nav class="grouping" aria-label="Group the articles">
        {GROUPINGS.map((g) => (
          <a href={trendsUrl(g.by)} aria-current={g.by === grouping ? 'page' : undefined}>
            {g.label}
          </a>
        ))}
      </nav>
      {groups.length === 0 ? (
        <p>
          {total === 1
            ? `The article has no ${overTime ? 'date' : 'outlet'} yet.`
            : `None of the ${total} articles has ${overTime ? 'a date' : 'an outlet'} yet.`}{' '}
          Add one on the <a href={scoped('/manage')}>articles page</a> (each article’s “Edit”).
        </p>
      ) : (
        <>
          <div class="charts">
            <ChartFigure spec={tone} linkFor={linkFor} size="wide" />
            <ChartFigure spec={share} linkFor={linkFor} size="wide" />
          </div>
          <div class="table-wrap">
            <table class="trend-table">
              <caption>
                {overTime ? 'By ' + grouping : 'By outlet'}:{' '}
                <Plain tech="mean tone toward each actor">
                  how kind or harsh the words about each actor are
                </Plain>{' '}
                (articles naming it) and share of mentions
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    {overTime ? (grouping === 'month' ? 'Month' : 'Week') : 'Outlet'}
                  </th>
                  <th scope="col" class="num">
                    Articles
                  </th>
                  {actors.map((x) => (
                    <th scope="col" class="actor-col" style={`--actor:${x.colour}`}>
                      <ActorSwatch actor={x} /> {x.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr>
                    <th scope="row">
                      <a href={`${trendsUrl(grouping, g.key)}#group`}>{g.label}</a>
                    </th>
                    <td class="num">{g.articles.length}</td>
                    {actors.map((x) => {
                      const a = g.byActor[x.id]!
                      return (
                        <td class="num">
                          {a.meanTone === null ? (
                            <span class="absent">not named</span>
                          ) : (
                            <>
                              {signed(a.meanTone)}{' '}
                              <span class="mentions">
                                {a.articles} of {g.articles.length} articles · {percent(a.share)} of
                                mentions
                              </span>
                            </>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {open ? (
        <section id="group" aria-labelledby="group-heading" tabindex={-1}>
          <h2 id="group-heading">
            {open.label}: {open.articles.length}{' '}
            {open.articles.length === 1 ? 'article' : 'articles'}
          </h2>
          <ArticleList articles={open.articles} trends={trends} />
        </section>
      ) : null}
      {ungrouped.length > 0 ? (
        <section aria-labelledby="ungrouped-heading">
          <h2 id="ungrouped-heading">
            Not in any group: {ungrouped.length} {ungrouped.length === 1 ? 'article' : 'articles'}{' '}
            without {overTime ? 'a date' : 'an outlet'}
          </h2>
          <ArticleList articles={ungrouped} trends={trends} />
        </section>
      ) : null}
      <AdhocForm />
    </>
  )
}
