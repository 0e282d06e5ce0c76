/**
 * The JSON API, mirroring the pages: the corpus (`/api/articles`), one article with every span
 * the article page highlights (`/api/articles/:id`), a comparison (`/api/compare?ids=`), and
 * `POST /api/analyze`, which analyses posted articles and answers in the CLI's shape
 * (`{articles: ArticleAnalysis[]}`). Input is validated once, with zod, at this edge.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { AnalysisLimitError, checkActorSet, type Actor } from '../analysis/index.js'
import { parseActorDefs, resolveActors } from '../corpus/actors.js'
import type { CorpusStore } from '../corpus-store.js'
import { parseCompareIds } from '../domain/compare.js'
import { hasLoneSurrogate } from '../domain/unicode.js'
import { articleSummary } from '../domain/summary.js'
import { comparison, comparisonDocument } from '../view-models/compare.js'
import {
  AnalysisBusyError,
  AnalysisTimeoutError,
  AnalyzePool,
  ArticleLimitError,
  type PoolArticle,
} from '../pool/analyze-pool.js'
import { errorResponse, httpError } from './errors.js'
import { whole } from './params.js'
import { apiArticlesUrl } from '../../views/urls.js'
import { readJson, zodMessage } from './json-body.js'

/** Default limit on a POST body: far above five long articles, far below what would stall the server. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
/** Articles per analyse request: each is analysed synchronously on the request. */
export const MAX_ANALYZE_ARTICLES = 100
/** Articles a page of `GET /api/articles` holds at most, whole analyses each. */
export const ARTICLES_PAGE = 500

const nonBlank = (s: string) => s.trim() !== ''
const LONE_SURROGATE =
  'holds a lone UTF-16 surrogate (an escape like \\ud800 without its pair), which is not text'

const AnalyzeArticle = z.strictObject(
  {
    id: z
      .string({ error: 'must be text' })
      .refine(nonBlank, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .refine((s) => !hasLoneSurrogate(s), LONE_SURROGATE),
    title: z
      .string({ error: 'must be text' })
      .max(1000, 'must be at most 1000 characters')
      .refine((s) => !hasLoneSurrogate(s), LONE_SURROGATE)
      .optional(),
    headline: z.boolean({ error: 'must be true or false' }).optional(),
    text: z
      .string({ error: 'must be text' })
      .refine(nonBlank, 'must not be empty')
      .refine((s) => !hasLoneSurrogate(s), LONE_SURROGATE),
    // Checked by the corpus layer's parser, whose messages name the actor and the field.
    actors: z.array(z.unknown(), { error: 'must be a list of actors' }).optional(),
  },
  { error: 'must be an object like {"id": "a", "text": "…"}' },
)

const AnalyzeBody = z.strictObject(
  {
    articles: z
      .array(AnalyzeArticle, { error: 'must be a list of articles' })
      .min(1, 'must list at least one article')
      .max(MAX_ANALYZE_ARTICLES, `must list at most ${MAX_ANALYZE_ARTICLES} articles`),
    actors: z.array(z.unknown(), { error: 'must be a list of actors' }).optional(),
  },
  { error: 'must be an object like {"articles": [{"id": "a", "text": "…"}]}' },
)

/** "articles.1.text: must not be empty; …" (0-based indexes, as in the JSON). */
export interface ApiOptions {
  maxBodyBytes?: number
  /** The threads that run `POST /api/analyze`; one is made on first use when not given. */
  analyzePool?: AnalyzePool
}

/** Actor definitions checked by the corpus layer, then the engine's size limits (a 400 each). */
function actorSet(defs: unknown[], source: string): Actor[] {
  const actors = resolveActors(parseActorDefs(defs, source))
  try {
    checkActorSet(actors)
  } catch (err) {
    if (err instanceof AnalysisLimitError) throw httpError(400, `${source}: ${err.message}`)
    throw err
  }
  return actors
}

export function apiRoutes(store: CorpusStore, options: ApiOptions = {}) {
  const app = new Hono()
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  let ownPool = options.analyzePool
  const pool = () => (ownPool ??= new AnalyzePool())

  // A page of articles: `offset` and `limit` (at most ARTICLES_PAGE), with the total and the
  // URL of the next page (null on the last), so the answer stays bounded on any corpus.
  app.get('/articles', async (c) => {
    const offset = whole(c.req.query('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0)
    const limit = whole(c.req.query('limit'), 'limit', 1, ARTICLES_PAGE, ARTICLES_PAGE)
    const page = store.articles.slice(offset, offset + limit).map((a) => a.id)
    const articles = (await store.load(page, { distinctive: true })).map(articleSummary)
    const next = offset + page.length < store.articles.length ? offset + page.length : null
    return c.json({
      actors: store.actors,
      articles,
      total: store.articles.length,
      next: next === null ? null : apiArticlesUrl(next, limit),
    })
  })

  app.get('/articles/:id', async (c) => {
    const [article] = await store.load([c.req.param('id')], { distinctive: true })
    if (!article) throw httpError(404, `no article with id "${c.req.param('id')}"`)
    return c.json({
      actors: store.actors,
      article: { ...article.detail, meta: article.meta, removed: article.removed },
    })
  })

  app.get('/compare', async (c) => {
    const articles = await parseCompareIds(store, c.req.queries('ids'))
    if (!articles) throw httpError(400, 'name the articles to compare: ?ids=first-id,second-id')
    return c.json(comparisonDocument(comparison(store, articles)))
  })

  app.post(
    '/analyze',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => errorResponse(c, 413, `the body is larger than ${maxBodyBytes} bytes`),
    }),
    async (c) => {
      const json = await readJson(c, 'the articles')
      const parsed = AnalyzeBody.safeParse(json)
      if (!parsed.success) throw httpError(400, zodMessage(parsed.error))
      const body = parsed.data

      const seen = new Set<string>()
      for (const a of body.articles) {
        if (seen.has(a.id))
          throw httpError(400, `two articles have the id "${a.id}"; ids must be unique`)
        seen.add(a.id)
      }

      // Actor sets are checked here, where a bad one is a 400 naming the field; the corpus's
      // actors serve articles without actors of their own, as the CLI's defaults do.
      const shared = body.actors ? actorSet(body.actors, 'actors') : store.actors
      const articles: PoolArticle[] = body.articles.map((a, i) => ({
        actors: a.actors ? actorSet(a.actors, `articles.${i}.actors`) : shared,
        input: {
          id: a.id,
          text: a.text,
          ...(a.title !== undefined && { title: a.title }),
          ...(a.headline !== undefined && { headline: a.headline }),
        },
      }))
      try {
        return c.json({ articles: await pool().analyze(articles) })
      } catch (err) {
        if (err instanceof ArticleLimitError) {
          const a = body.articles[err.index]!
          throw httpError(413, `articles.${err.index} ("${a.id}"): ${err.message}`)
        }
        if (err instanceof AnalysisBusyError || err instanceof AnalysisTimeoutError) {
          c.header('Retry-After', '5')
          throw httpError(503, err.message)
        }
        throw err
      }
    },
  )

  return app
}
