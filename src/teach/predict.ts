/**
 * Predict, then reveal: the student's guess for the tone toward each actor in each article of a
 * lesson, set beside Framelens's label, with the words behind it and, where the two differ, why
 * in plain words. Nothing here is a number the pre-reveal page could leak: the lesson page asks
 * only for `PredictionPair`s (article and actor names).
 */
import {
  isQuotedSpeech,
  type Actor,
  type ActorFraming,
  type ArticleDetail,
  type ScoredWord,
  type ToneLabel,
} from '../analysis/index.js'
import type { CorpusStore, StoredArticle } from '../corpus-store.js'
import { DomainError } from '../domain/errors.js'
import type { Lesson } from './lessons.js'

export const PREDICTIONS = ['hostile', 'neutral', 'favourable'] as const
export type Prediction = (typeof PREDICTIONS)[number]

export const isPrediction = (v: unknown): v is Prediction =>
  typeof v === 'string' && (PREDICTIONS as readonly string[]).includes(v)

/** The engine's label in the lesson's words. */
export const PREDICTION_OF: Record<ToneLabel, Prediction> = {
  negative: 'hostile',
  neutral: 'neutral',
  positive: 'favourable',
}

/** One question of the prediction form: an actor the article names. */
export interface PredictionPair {
  article: StoredArticle
  actor: Actor
}

/** The form field of one pair: `p.<article>.<actor>` (ids are hyphenated words). */
export const fieldName = (article: string, actor: string) => `p.${article}.${actor}`

/** A lesson with its articles (whole analyses, in the lesson's order) and its actors. */
export interface LessonParts {
  lesson: Lesson
  articles: StoredArticle[]
  actors: Actor[]
}

/**
 * The lesson's articles and actors from the store: the one place the teaching pages read
 * articles. A missing one is a `not-found` naming it.
 */
export async function loadLesson(store: CorpusStore, lesson: Lesson): Promise<LessonParts> {
  const loaded = new Map((await store.load(lesson.articles)).map((a) => [a.id, a]))
  const articles = lesson.articles.map((id) => {
    const a = loaded.get(id)
    if (!a)
      throw new DomainError(
        'not-found',
        `lesson "${lesson.id}" names article "${id}", which this collection does not have`,
      )
    return a
  })
  const actors = lesson.actors.map((id) => {
    const a = store.actors.find((x) => x.id === id)
    if (!a)
      throw new DomainError(
        'not-found',
        `lesson "${lesson.id}" names actor "${id}", which this collection does not have`,
      )
    return a
  })
  return { lesson, articles, actors }
}

/** Every (article, actor) pair to predict: actors an article never names are left out. */
export function predictionPairs({ articles, actors }: LessonParts): PredictionPair[] {
  return articles.flatMap((article) =>
    actors.filter((actor) => article.detail.actors[actor.id]).map((actor) => ({ article, actor })),
  )
}

/** The student's answers read from a form body; a missing answer is null, a bad one refused. */
export function readPredictions(
  pairs: readonly PredictionPair[],
  get: (name: string) => string | undefined,
): (Prediction | null)[] {
  return pairs.map(({ article, actor }) => {
    const v = get(fieldName(article.id, actor.id))
    if (v === undefined || v === '') return null
    if (!isPrediction(v))
      throw new DomainError(
        'bad-request',
        `${fieldName(article.id, actor.id)} must be one of ${PREDICTIONS.join(', ')}`,
      )
    return v
  })
}

/** The own-voice scored words behind a tone, strongest first. */
export function movingWords(framing: ActorFraming): ScoredWord[] {
  return framing.evidence
    .flatMap((e) => e.words)
    .filter((w) => !isQuotedSpeech(w.quoted) && w.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.start - b.start)
}

/** Loaded-language hits (and epithets) inside the clauses that name the actor. */
function loadedNear(detail: ArticleDetail, framing: ActorFraming): string[] {
  const inside = (s: { start: number; end: number }) =>
    framing.evidence.some((e) => s.start >= e.start && s.end <= e.end)
  const words = detail.framing.loaded.hits.filter(inside).map((h) => h.text)
  return [...new Set(words)]
}

const list = (words: readonly string[]) =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join('”, “')}” and “${words[words.length - 1]}`

/**
 * Why Framelens's label differs from the student's, in plain words: the words it counted, the
 * harsh words it left out because they were quoted, loaded words it has no value for, sarcasm it
 * cannot hear, and the many plain sentences that water an average down.
 */
export function whyDifferent(
  detail: ArticleDetail,
  actor: Actor,
  framing: ActorFraming,
  student: Prediction,
): string[] {
  const tool = PREDICTION_OF[framing.label]
  if (student === tool) return []
  const reasons: string[] = []
  const words = movingWords(framing)
  const negative = words.filter((w) => w.value < 0).map((w) => w.text)
  const positive = words.filter((w) => w.value > 0).map((w) => w.text)
  const clauses = framing.evidence.length
  const bare = framing.evidence.filter((e) => e.words.every((w) => isQuotedSpeech(w.quoted))).length
  const harsher = student === 'hostile' || (student === 'neutral' && tool === 'favourable')
  if (harsher) {
    if (positive.length > 0)
      reasons.push(
        `Framelens counted some friendly words about ${actor.label}: “${list([...new Set(positive)].slice(0, 4))}”. They pull the average up.`,
      )
    if (bare > clauses / 2)
      reasons.push(
        `${bare} of the ${clauses} bits of text that name ${actor.label} have no judging word Framelens knows, so they count as neutral and water the average down.`,
      )
    if (framing.quotedScore < 0)
      reasons.push(
        `Some harsh words about ${actor.label} are inside quotes. Those are someone else’s words, so Framelens leaves them out of the writer’s tone.`,
      )
    const loaded = loadedNear(detail, framing)
    if (loaded.length > 0)
      reasons.push(
        `You may have reacted to loaded words such as “${list(loaded.slice(0, 4))}”. Framelens lists them as loaded language, but only some of them have a value in its tone word list.`,
      )
  } else {
    if (negative.length > 0)
      reasons.push(
        `Framelens found these negative words near ${actor.label} in the writer’s own voice: “${list([...new Set(negative)].slice(0, 4))}”.`,
      )
    if (framing.quotedScore > 0)
      reasons.push(
        `Friendly words about ${actor.label} are inside quotes, so they do not count as the writer’s view.`,
      )
  }
  if (detail.framing.loaded.categories['ridicule-sarcasm']?.count)
    reasons.push(
      'The article uses sarcasm or mockery. Framelens takes words at face value, so it can read a joke the wrong way round: here you may be right and the tool wrong.',
    )
  if (reasons.length === 0)
    reasons.push(
      `Framelens only adds up words from its word list in the sentences that name ${actor.label}. Your reading may rest on facts or on the story as a whole, which it does not weigh.`,
    )
  return reasons
}

/** One row of the reveal. */
export interface RevealRow {
  article: StoredArticle
  actor: Actor
  framing: ActorFraming
  student: Prediction | null
  tool: Prediction
  agree: boolean
  why: string[]
}

export function reveal(
  pairs: readonly PredictionPair[],
  answers: readonly (Prediction | null)[],
): RevealRow[] {
  return pairs.map(({ article, actor }, i) => {
    const framing = article.detail.actors[actor.id]!
    const student = answers[i] ?? null
    const tool = PREDICTION_OF[framing.label]
    return {
      article,
      actor,
      framing,
      student,
      tool,
      agree: student === tool,
      why: student ? whyDifferent(article.detail, actor, framing, student) : [],
    }
  })
}
