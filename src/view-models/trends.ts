/**
 * Coverage over time and by outlet: the articles of a collection grouped by month, by ISO week
 * or by outlet, and for each group and actor the mean tone toward the actor (over the articles
 * that name it, with how many those are) and the actor's share of all actor mentions in the
 * group. Counts always travel with means: a mean of two articles is not a trend. Articles with
 * no date (or no outlet) are counted apart, never put in a group they do not belong to.
 */
import type { Actor } from '../analysis/index.js'
import type { ArticleEntry } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'

export const TREND_GROUPINGS = ['month', 'week', 'outlet'] as const
export type TrendGrouping = (typeof TREND_GROUPINGS)[number]

export function parseGrouping(value: string | undefined): TrendGrouping {
  if (value === undefined || value === '') return 'month'
  if ((TREND_GROUPINGS as readonly string[]).includes(value)) return value as TrendGrouping
  throw new DomainError(
    'bad-request',
    `no grouping "${value}"; group by ${TREND_GROUPINGS.join(', ')}`,
  )
}

export interface ActorInGroup {
  /** Mean of the articles' tone toward the actor; null when no article of the group names it. */
  meanTone: number | null
  /** Articles of the group that name the actor (the mean's count). */
  articles: number
  mentions: number
  /** The actor's mentions as a percentage of all actor mentions in the group (0 when none). */
  share: number
}

export interface TrendGroup {
  /** "2024-06", "2024-W25" or the outlet's name. */
  key: string
  label: string
  articles: ArticleEntry[]
  byActor: Record<string, ActorInGroup>
}

export interface Trends {
  grouping: TrendGrouping
  actors: readonly Actor[]
  groups: TrendGroup[]
  /** Articles left out: no date (by time) or no outlet (by outlet). */
  ungrouped: ArticleEntry[]
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** ISO 8601 week of a YYYY-MM-DD date: "2024-W25" (weeks start on Monday; week 1 holds 4 January). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  const day = (d.getUTCDay() + 6) % 7 // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3) // the Thursday of this week decides its year
  const year = d.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

function keyOf(article: ArticleEntry, grouping: TrendGrouping): string | undefined {
  const { date, outlet } = article.meta
  if (grouping === 'outlet') return outlet
  if (!date) return undefined
  return grouping === 'month' ? date.slice(0, 7) : isoWeek(date)
}

function labelOf(key: string, grouping: TrendGrouping): string {
  if (grouping === 'month') return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`
  if (grouping === 'week') return `week ${Number(key.slice(6))} of ${key.slice(0, 4)}`
  return key
}

export function trends(
  articles: readonly ArticleEntry[],
  actors: readonly Actor[],
  grouping: TrendGrouping,
): Trends {
  const groups = new Map<string, ArticleEntry[]>()
  const ungrouped: ArticleEntry[] = []
  for (const article of articles) {
    const key = keyOf(article, grouping)
    if (key === undefined) ungrouped.push(article)
    else groups.set(key, [...(groups.get(key) ?? []), article])
  }
  const keys = [...groups.keys()].sort((a, b) =>
    grouping === 'outlet' ? a.localeCompare(b, 'en') : a < b ? -1 : a > b ? 1 : 0,
  )
  return {
    grouping,
    actors,
    ungrouped,
    groups: keys.map((key) => {
      const members = groups.get(key)!
      const allMentions = members.reduce(
        (sum, a) => sum + actors.reduce((s, x) => s + (a.digest.actors[x.id]?.mentions ?? 0), 0),
        0,
      )
      const byActor: Record<string, ActorInGroup> = {}
      for (const actor of actors) {
        const present = members.flatMap((a) => a.digest.actors[actor.id] ?? [])
        const mentions = present.reduce((s, f) => s + f.mentions, 0)
        byActor[actor.id] = {
          meanTone:
            present.length > 0 ? present.reduce((s, f) => s + f.tone, 0) / present.length : null,
          articles: present.length,
          mentions,
          share: allMentions > 0 ? (100 * mentions) / allMentions : 0,
        }
      }
      return { key, label: labelOf(key, grouping), articles: members, byActor }
    }),
  }
}

/** The articles of one group (for the click-through from a point or a cell). */
export function groupArticles(
  articles: readonly ArticleEntry[],
  grouping: TrendGrouping,
  key: string,
): ArticleEntry[] {
  return articles.filter((a) => keyOf(a, grouping) === key)
}
