/**
 * Rank, then reveal: a lesson with a ranking question (`rank` in its file) asks the student to
 * order its articles by their tone toward one actor, most hostile first. The reveal sets the
 * student's order beside Framelens's, which orders by the same measure as the per-actor reveal
 * (the actor's tone: the mean own-voice clause score), and, for each pair of articles the two
 * orders put the other way round, says why in plain words: the clauses and words that moved
 * them, or that the two tones are closer than the rounding the page shows, so the order between
 * them is uncertain. Nothing here is a number the pre-reveal page could leak: the form asks for
 * places only, and the articles are in the lesson's order.
 */
import {
  isQuotedSpeech,
  type Actor,
  type ActorEvidence,
  type ActorFraming,
} from '../analysis/index.js'
import type { StoredArticle } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import { DECIMALS } from '../domain/rounding.js'
import { signed } from '../../views/format.js'
import { movingWords, type LessonParts } from './predict.js'

/**
 * Tones closer than this are shown alike or one step apart: the pages print a tone with two
 * decimals (`signed`, `DECIMALS.tone`), so 0.01 is the smallest difference they can show.
 */
export const RANK_MARGIN = 10 ** -DECIMALS.tone

/** One article to place: it names the ranked actor, so it has a tone toward it. */
export interface RankItem {
  article: StoredArticle
  framing: ActorFraming
}

export interface RankQuestion {
  actor: Actor
  /** In the lesson's order; articles that never name the actor are left out. */
  items: RankItem[]
}

/** The form field of one article's place: `r.<article>` (ids are hyphenated words). */
export const rankField = (article: string) => `r.${article}`

/**
 * The lesson's ranking question, or null when it has none or fewer than two of its articles
 * name the actor (there is nothing to order).
 */
export function rankQuestion(
  { lesson, articles }: LessonParts,
  actors: readonly Actor[],
): RankQuestion | null {
  if (!lesson.rank) return null
  const id = lesson.rank.actor
  const actor = actors.find((a) => a.id === id)
  if (!actor)
    throw new DomainError(
      'not-found',
      `lesson "${lesson.id}" ranks by actor "${id}", which this collection does not have`,
    )
  const items = articles.flatMap((article) => {
    const framing = article.detail.actors[id]
    return framing ? [{ article, framing }] : []
  })
  return items.length >= 2 ? { actor, items } : null
}

/** The student's places as read from a form: one per item, or the problems, each naming its article. */
export type RankReading =
  | { places: number[]; problems: []; invalid: [] }
  | { places: null; problems: string[]; invalid: string[] }

const titleOf = (item: RankItem) => `“${item.article.detail.title}”`

/** "a, b and c". */
const andList = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`

/**
 * Reads the places (`r.<article>` = 1 … n) and checks them: every article placed, each place a
 * whole number from 1 to n, no place given twice.
 */
export function readRanking(
  question: RankQuestion,
  get: (name: string) => string | undefined,
): RankReading {
  const n = question.items.length
  const problems: string[] = []
  const invalid = new Set<string>()
  const places = question.items.map((item) => {
    const raw = (get(rankField(item.article.id)) ?? '').trim()
    if (raw === '') {
      problems.push(`${titleOf(item)} has no place: give it a place from 1 to ${n}.`)
      invalid.add(item.article.id)
      return null
    }
    const place = Number(raw)
    if (!/^\d+$/.test(raw) || place < 1 || place > n) {
      problems.push(
        `The place of ${titleOf(item)} must be a whole number from 1 to ${n}, not “${raw.slice(0, 20)}”.`,
      )
      invalid.add(item.article.id)
      return null
    }
    return place
  })
  for (let place = 1; place <= n; place++) {
    const at = question.items.filter((_, i) => places[i] === place)
    if (at.length > 1) {
      problems.push(
        `${andList(at.map(titleOf))} are ${at.length === 2 ? 'both' : `all ${at.length}`} in place ${place}: each place takes one article.`,
      )
      for (const item of at) invalid.add(item.article.id)
    }
  }
  if (problems.length > 0) return { places: null, problems, invalid: [...invalid] }
  return { places: places as number[], problems: [], invalid: [] }
}

/** Items from most to least hostile by the tone toward the actor; equal tones keep lesson order. */
export function toolOrder(question: RankQuestion): RankItem[] {
  return question.items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.framing.tone - b.item.framing.tone || a.i - b.i)
    .map(({ item }) => item)
}

/** Items in the student's order (place 1 first). */
export function studentOrder(question: RankQuestion, places: readonly number[]): RankItem[] {
  return question.items
    .map((item, i) => ({ item, place: places[i]! }))
    .sort((a, b) => a.place - b.place)
    .map(({ item }) => item)
}

/** Own-voice words of an item, as `movingWords` orders them, by sign. */
function wordsOf(item: RankItem, sign: -1 | 1): string[] {
  return [
    ...new Set(
      movingWords(item.framing)
        .filter((w) => Math.sign(w.value) === sign)
        .map((w) => w.text),
    ),
  ]
}

/** The clause that pulls an item's tone down most (its own-voice score), if any is negative. */
function harshestClause(item: RankItem): ActorEvidence | undefined {
  return [...item.framing.evidence]
    .filter((e) => e.score < 0)
    .sort((a, b) => a.score - b.score || a.start - b.start)[0]
}

const quoteList = (words: readonly string[]) => andList(words.map((w) => `“${w}”`))

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s)

/** A tone as the pages print it. */
const shown = (x: number) => signed(x, DECIMALS.tone)

/** A pair the two orders put the other way round: the student put `above` first. */
export interface RankSwap {
  /** The student put this one as more hostile… */
  above: RankItem
  /** …than this one, which Framelens finds more hostile. */
  below: RankItem
  /** The tones are closer than the rounding shown: the order between them is uncertain. */
  close: boolean
  why: string[]
}

/**
 * Why Framelens puts `harsher` before `milder` where the student put them the other way round,
 * in plain words: a difference smaller than the rounding shown, or the clauses and words that
 * pulled `harsher` down and `milder` up.
 */
export function whySwapped(actor: Actor, harsher: RankItem, milder: RankItem): string[] {
  const a = harsher.framing
  const b = milder.framing
  const diff = b.tone - a.tone
  // "More hostile" only when its score is below zero; above it, the one is just less friendly.
  const harsh = a.tone < 0 ? 'more hostile toward' : 'less friendly to'
  const head = `Framelens finds ${titleOf(harsher)} ${harsh} ${actor.label} than ${titleOf(milder)} (${shown(a.tone)} against ${shown(b.tone)}).`
  if (diff < RANK_MARGIN)
    return [
      `${head} But the two differ by less than ${RANK_MARGIN.toFixed(DECIMALS.tone)}, the smallest step of the numbers shown, so the order between them is uncertain: one word more or less would swap them. Your order is as good as Framelens’s here.`,
    ]
  const reasons = [head]
  const clause = harshestClause(harsher)
  if (clause) {
    const words = [
      ...new Set(
        clause.words.filter((w) => !isQuotedSpeech(w.quoted) && w.value < 0).map((w) => w.text),
      ),
    ]
    reasons.push(
      `In ${titleOf(harsher)}, the bit of text that pulls it down most is “${clip(clause.text)}” (${shown(clause.score)}: ${quoteList(words.slice(0, 4))}).`,
    )
    const others = wordsOf(harsher, -1).filter((w) => !words.includes(w))
    if (others.length > 0)
      reasons.push(
        `Its other negative words about ${actor.label} in the writer’s own voice: ${quoteList(others.slice(0, 4))}.`,
      )
  }
  const positive = wordsOf(milder, 1)
  if (positive.length > 0)
    reasons.push(
      `In ${titleOf(milder)}, Framelens counted friendly words about ${actor.label}: ${quoteList(positive.slice(0, 4))}. They pull its average up.`,
    )
  const clauses = b.evidence.length
  const bare = b.evidence.filter((e) => e.words.every((w) => isQuotedSpeech(w.quoted))).length
  if (bare > clauses / 2)
    reasons.push(
      `${bare} of the ${clauses} bits of text that name ${actor.label} in ${titleOf(milder)} have no judging word Framelens knows, so they count as neutral and water its average down.`,
    )
  if (b.quotedScore < 0)
    reasons.push(
      `Some harsh words about ${actor.label} in ${titleOf(milder)} are inside quotes: they are someone else’s words, so Framelens leaves them out of the writer’s tone.`,
    )
  for (const item of [milder, harsher])
    if (item.article.detail.framing.loaded.categories['ridicule-sarcasm']?.count)
      reasons.push(
        `${titleOf(item)} uses sarcasm or mockery. Framelens takes words at face value, so it can read a joke the wrong way round: here you may be right and the tool wrong.`,
      )
  if (reasons.length === 1)
    reasons.push(
      `Framelens only adds up words from its word list in the sentences that name ${actor.label}. Your order may rest on facts or on the story as a whole, which it does not weigh.`,
    )
  return reasons
}

/** One article of the reveal: both places, and what is behind its tone. */
export interface RankRow {
  item: RankItem
  /** 1-based places. */
  student: number
  tool: number
}

export interface RankReveal {
  actor: Actor
  /** In the lesson's order. */
  rows: RankRow[]
  studentOrder: RankItem[]
  toolOrder: RankItem[]
  /** Whether the student's order is Framelens's (up to tones too close to tell apart exactly). */
  agree: boolean
  /** Every pair the orders put the other way round, in the student's order. */
  swaps: RankSwap[]
}

/** The reveal of a ranking: the student's order beside Framelens's, with why they differ. */
export function revealRanking(question: RankQuestion, places: readonly number[]): RankReveal {
  const mine = studentOrder(question, places)
  const tool = toolOrder(question)
  const swaps: RankSwap[] = []
  for (let i = 0; i < mine.length; i++)
    for (let j = i + 1; j < mine.length; j++) {
      const above = mine[i]!
      const below = mine[j]!
      // Framelens puts `below` first only when its tone is lower; equal tones are no swap.
      if (below.framing.tone < above.framing.tone)
        swaps.push({
          above,
          below,
          close: above.framing.tone - below.framing.tone < RANK_MARGIN,
          why: whySwapped(question.actor, below, above),
        })
    }
  return {
    actor: question.actor,
    rows: question.items.map((item, i) => ({
      item,
      student: places[i]!,
      tool: tool.indexOf(item) + 1,
    })),
    studentOrder: mine,
    toolOrder: tool,
    agree: swaps.every((s) => s.close),
    swaps,
  }
}
