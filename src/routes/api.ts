/**
 * The JSON API, mirroring the pages: the corpus (`/api/articles`), one article with every span
 * the article page highlights (`/api/articles/:id`), a comparison (`/api/compare?ids=`), and
 * `POST /api/analyze`, which analyses posted articles and answers in the CLI's shape
 * (`{articles: ArticleAnalysis[]}`). Input is validated once, with zod, at this edge.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import {
  Analyzer,
  summarize,
  withDistinctiveTerms,
  type ActorDef,
  type ArticleAnalysis,
} from '../analysis/index.js'
import { parseActorDefs, resolveActors } from '../corpus/actors.js'
import type { ArticleMeta, CorpusStore, StoredArticle } from '../corpus-store.js'
import { compareScales } from '../charts/index.js'
import { errorResponse, httpError } from './errors.js'
import { parseCompareIds } from './params.js'

/** Default limit on a POST body: far above five long articles, far below what would stall the server. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
/** Articles per analyse request: each is analysed synchronously on the request. */
export const MAX_ANALYZE_ARTICLES = 100

/** An article of the corpus in the CLI's shape plus where it came from. */
export type ArticleSummary = ArticleAnalysis & { meta: ArticleMeta }

export function articleSummary(article: StoredArticle): ArticleSummary {
  return { ...summarize(article.detail), meta: article.meta }
}

const nonBlank = (s: string) => s.trim() !== ''

const AnalyzeArticle = z.strictObject(
  {
    id: z
      .string({ error: 'must be text' })
      .refine(nonBlank, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
    title: z.string({ error: 'must be text' }).optional(),
    headline: z.boolean({ error: 'must be true or false' }).optional(),
    text: z.string({ error: 'must be text' }).refine(nonBlank, 'must not be empty'),
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
function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.')
      const what =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message
      return where ? `${where}: ${what}` : what
    })
    .join('; ')
}

export interface ApiOptions {
  maxBodyBytes?: number
}

export function apiRoutes(store: CorpusStore, options: ApiOptions = {}) {
  const app = new Hono()
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES

  app.get('/articles', (c) =>
    c.json({ actors: store.actors, articles: store.articles.map(articleSummary) }),
  )

  app.get('/articles/:id', (c) => {
    const article = store.get(c.req.param('id'))
    if (!article) throw httpError(404, `no article with id "${c.req.param('id')}"`)
    return c.json({
      actors: store.actors,
      article: { ...article.detail, meta: article.meta, removed: article.removed },
    })
  })

  app.get('/compare', (c) => {
    const articles = parseCompareIds(store, c.req.queries('ids'))
    if (!articles) throw httpError(400, 'name the articles to compare: ?ids=first-id,second-id')
    const ids = articles.map((a) => a.id)
    return c.json({
      ids,
      actors: store.actors,
      scales: compareScales(
        articles.map((a) => a.detail),
        store.actors,
      ),
      articles: articles.map(articleSummary),
      distinctive: Object.fromEntries(store.distinctiveWithin(ids)),
    })
  })

  app.post(
    '/analyze',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => errorResponse(c, 413, `the body is larger than ${maxBodyBytes} bytes`),
    }),
    async (c) => {
      const type = c.req.header('Content-Type') ?? ''
      if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
        throw httpError(
          415,
          `send the articles as JSON (Content-Type: application/json), not ${type || 'no type'}`,
        )
      }
      let json: unknown
      try {
        json = JSON.parse(await c.req.text())
      } catch (err) {
        throw httpError(400, `the body is not valid JSON: ${(err as Error).message}`)
      }
      const parsed = AnalyzeBody.safeParse(json)
      if (!parsed.success) throw httpError(400, zodMessage(parsed.error))
      const body = parsed.data

      const seen = new Set<string>()
      for (const a of body.articles) {
        if (seen.has(a.id))
          throw httpError(400, `two articles have the id "${a.id}"; ids must be unique`)
        seen.add(a.id)
      }

      // The corpus analyser serves articles without actors of their own, as the CLI's defaults do.
      const shared = body.actors
        ? new Analyzer(resolveActors(parseActorDefs(body.actors, 'actors')))
        : store.analyzer
      const analysed = body.articles.map((a, i) => {
        const defs: ActorDef[] | undefined = a.actors
          ? parseActorDefs(a.actors, `articles.${i}.actors`)
          : undefined
        const analyzer = defs ? new Analyzer(resolveActors(defs)) : shared
        return analyzer.analyze({
          id: a.id,
          text: a.text,
          ...(a.title !== undefined && { title: a.title }),
          ...(a.headline !== undefined && { headline: a.headline }),
        })
      })
      return c.json({ articles: withDistinctiveTerms(analysed).map(summarize) })
    },
  )

  return app
}
