/**
 * Teaching lessons (issue 12): each one a JSON file of data/lessons, so a teacher can write a new
 * one without touching code. A lesson names articles of the corpus, the actors whose treatment
 * the student predicts (hostile, neutral or favourable in each article), a goal, a plain-words
 * introduction and questions; it may also (or instead) ask the student to rank its articles by
 * their tone toward one actor (`rank`). A file that does not fit the schema is refused with a
 * message that names the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DomainError } from '../domain/errors.js'

export const DEFAULT_LESSONS_DIR = fileURLToPath(new URL('../../data/lessons/', import.meta.url))

/** Ids are used in URLs and form field names: lower-case words joined by hyphens. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Names under /teach that are pages, not lessons. */
export const RESERVED_IDS = ['glossary', 'make'] as const

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max)

/** Articles of a lesson without a ranking question, and with one. */
export const MAX_ARTICLES = 3
export const MAX_RANKED = 5

/**
 * The rules that tie fields together: something to predict, the number of articles, and a
 * ranked actor that the per-actor reveal would not give away (its tones would order the
 * articles). Run even when another field is wrong, so every problem is named at once.
 */
function checkLessonParts(
  lesson: { articles?: unknown; actors?: unknown; rank?: { actor?: unknown } },
  ctx: z.RefinementCtx,
) {
  const articles = Array.isArray(lesson.articles) ? (lesson.articles as unknown[]) : []
  const actors = Array.isArray(lesson.actors) ? (lesson.actors as unknown[]) : []
  const rank = lesson.rank
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message, input: lesson })
  if (!rank && actors.length === 0)
    issue(['actors'], 'needs at least one actor to predict, or a ranking question (rank)')
  if (!rank && articles.length > MAX_ARTICLES)
    issue(
      ['articles'],
      `at most ${MAX_ARTICLES} articles (up to ${MAX_RANKED} with a ranking question)`,
    )
  if (rank && articles.length < 2) issue(['rank'], 'a ranking needs at least 2 articles')
  const seen = new Set<unknown>()
  articles.forEach((a, i) => {
    if (seen.has(a)) issue(['articles', i], `"${String(a)}" is listed twice`)
    seen.add(a)
  })
  if (rank && actors.includes(rank.actor))
    issue(
      ['rank', 'actor'],
      'must not be one of actors: revealing the per-actor predictions would give the ranking away',
    )
}

export const LessonSchema = z
  .object({
    id: z
      .string()
      .regex(ID, 'must be lower-case words joined by hyphens (e.g. "loaded-words")')
      .refine((id) => !(RESERVED_IDS as readonly string[]).includes(id), {
        message: `must not be ${RESERVED_IDS.map((r) => `"${r}"`).join(' or ')} (a page of /teach)`,
      }),
    title: text(120),
    goal: text(400),
    /** Plain words for a 16-year-old, one paragraph an entry. */
    intro: z.array(text(1200)).min(1, 'needs at least one paragraph').max(6),
    /** One to three articles; two to five with a ranking question. */
    articles: z.array(z.string().regex(ID, 'must be an article id')).min(1).max(MAX_RANKED),
    /**
     * The actors the student predicts the tone toward (ids of the actor set); none when the
     * lesson asks only for a ranking.
     */
    actors: z.array(z.string().regex(ID, 'must be an actor id')).max(5),
    questions: z.array(text(400)).min(1, 'needs at least one question').max(12),
    /** What the spot-the-frame worksheet asks for first. */
    spot: z.enum(['loaded', 'hedge', 'quote']).default('loaded'),
    /** Rank the articles by the tone toward this actor, most hostile first. */
    rank: z
      .object({ actor: z.string().regex(ID, 'must be an actor id') })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine(checkLessonParts, { when: () => true })

export type Lesson = z.infer<typeof LessonSchema>

/** "articles.1: must be an article id" for each problem of a parse. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(the file)'}: ${i.message}`)
    .join('; ')
}

/** Parses one lesson file's contents; `file` names it in the error. */
export function parseLesson(file: string, json: string): Lesson {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (err) {
    throw new DomainError('invalid', `${file}: not valid JSON (${(err as Error).message})`)
  }
  const parsed = LessonSchema.safeParse(raw)
  if (!parsed.success) throw new DomainError('invalid', `${file}: ${describeIssues(parsed.error)}`)
  const expected = basename(file, '.json')
  if (parsed.data.id !== expected)
    throw new DomainError(
      'invalid',
      `${file}: id: is "${parsed.data.id}" but the file is named "${expected}.json"`,
    )
  return parsed.data
}

/** Every lesson of `dir`, in file-name order. Throws on the first bad file. */
export function loadLessons(dir: string = DEFAULT_LESSONS_DIR): Lesson[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseLesson(f, readFileSync(join(dir, f), 'utf8')))
}

/**
 * The lessons saved with a collection (made in the builder, kept in its database), and how to
 * save and delete them; absent where there is no database (the CLI's corpus, tests of a store).
 */
export interface SavedLessons {
  stored: readonly { id: string; lesson: unknown }[]
  save(lesson: Lesson): Promise<void>
  remove(id: string): Promise<void>
}

/**
 * The saved lessons that still parse, beside the folder's (a saved lesson whose id a file took
 * since is refused with a message, as is one the schema no longer accepts).
 */
export function withSaved(
  shelf: LessonShelf,
  saved: readonly { id: string; lesson: unknown }[],
): LessonShelf & { saved: Set<string> } {
  const out = { lessons: [...shelf.lessons], refused: [...shelf.refused], saved: new Set<string>() }
  for (const { id, lesson } of saved) {
    const parsed = LessonSchema.safeParse(lesson)
    if (!parsed.success) {
      out.refused.push(`saved lesson "${id}": ${describeIssues(parsed.error)}`)
    } else if (out.lessons.some((l) => l.id === id)) {
      out.refused.push(`saved lesson "${id}": a lesson file has the same id`)
    } else {
      out.lessons.push(parsed.data)
      out.saved.add(id)
    }
  }
  return out
}

/** What a lessons folder holds: the lessons that parse, and a message for each file that did not. */
export interface LessonShelf {
  lessons: Lesson[]
  /** "y-lesson.json: title: must not be empty", one a refused file. */
  refused: string[]
}

/**
 * Every lesson of `dir` that parses, in file-name order; a bad file is refused (its message
 * names the file and the field) and the others are served. A missing folder holds no lesson.
 */
export function readLessons(dir: string = DEFAULT_LESSONS_DIR): LessonShelf {
  let files: string[]
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  } catch {
    return { lessons: [], refused: [] }
  }
  const shelf: LessonShelf = { lessons: [], refused: [] }
  for (const f of files) {
    try {
      shelf.lessons.push(parseLesson(f, readFileSync(join(dir, f), 'utf8')))
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      shelf.refused.push(err.message)
    }
  }
  return shelf
}

/**
 * The lessons whose articles and actors all exist in a corpus: a lesson written for the bundled
 * articles is not offered over a collection that lacks them.
 */
export function lessonsFor(
  lessons: readonly Lesson[],
  has: { article: (id: string) => boolean; actor: (id: string) => boolean },
): Lesson[] {
  return lessons.filter(
    (l) =>
      l.articles.every(has.article) &&
      l.actors.every(has.actor) &&
      (l.rank === undefined || has.actor(l.rank.actor)),
  )
}

/** A lesson id made from a title: "Who is the villain?" → "who-is-the-villain". */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'lesson'
}

/** What the lesson builder's form sends. */
export interface LessonDraft {
  title?: string
  goal?: string
  intro?: string
  questions?: string
  articles: readonly string[]
  actors: readonly string[]
  spot?: string
  /** The actor of a ranking question, or empty for none. */
  rank?: string
}

/** Lines of a text area, trimmed, empty ones left out. */
const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

/**
 * A lesson from the builder's form, checked by the same schema as a file: the lesson, or the
 * problems, each naming its field.
 */
export function lessonFromDraft(
  draft: LessonDraft,
): { lesson: Lesson; problems: [] } | { lesson: null; problems: string[] } {
  const raw = {
    id: slugOf(draft.title ?? ''),
    title: draft.title ?? '',
    goal: draft.goal ?? '',
    intro: lines(draft.intro),
    articles: [...draft.articles],
    actors: [...draft.actors],
    questions: lines(draft.questions),
    spot: draft.spot || undefined,
    ...(draft.rank ? { rank: { actor: draft.rank } } : {}),
  }
  const parsed = LessonSchema.safeParse(raw)
  if (parsed.success) return { lesson: parsed.data, problems: [] }
  return {
    lesson: null,
    problems: parsed.error.issues.map(
      (i) => `${i.path.length > 0 ? i.path.join('.') : 'the lesson'}: ${i.message}`,
    ),
  }
}
