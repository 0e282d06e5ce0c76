/**
 * The JSON API of stored collections (a stable contract; the form routes may change):
 * - `GET /api/collections` → `{collections: [{id, name, articles, actors, createdAt, updatedAt}]}`
 * - `POST /api/collections` `{name, actors?}` → 201 `{collection}` (the default actors unless given)
 * - `GET|PATCH|DELETE /api/collections/:cid` (`PATCH {name}`) → `{collection}` | 204
 * - `PUT /api/collections/:cid/actors` `{actors: [ActorDef]}` → `{collection}`; re-scored in the
 *   background (`GET /api/collections/:cid/progress` says how far)
 * - `GET /api/collections/:cid/articles[?offset=&limit=]` → `{articles, total, offset, limit,
 *   next}`: at most `MAX_PAGE` articles, in the CLI's shape plus `meta` and `source`; `next` is
 *   the URL of the following page, or null
 * - `POST /api/collections/:cid/articles` `{title?, text, outlet?, date?, url?, author?}` → 201
 *   `{article}` once it is stored and analysed; 409 when the same text is stored already
 * - `GET|PATCH|DELETE /api/collections/:cid/articles/:id` → `{article}` | 204
 * Bad input is 400 (unreadable), 413 (too large), 415 (not JSON) or 422 (a field is wrong), with
 * `{error: {status, message}}` naming the field; nothing is written then.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { summarize } from '../../analysis/index.js'
import type { ArticleMeta } from '../../corpus-store.js'
import { decodeAnalysis } from '../../library/codec.js'
import { ArticleEdit, ArticleFields } from '../../library/drafts.js'
import type { Library } from '../../library/library.js'
import { AnalysisBusyError, AnalysisTimeoutError } from '../../pool/analyze-pool.js'
import type { StoredArticle } from '../../store/types.js'
import { errorResponse, httpError } from '../errors.js'
import { parseBody, readJson } from '../json-body.js'
import { whole } from '../params.js'

/**
 * Articles in one answer of the list: a page is bounded whatever the collection's size, and
 * `next` names the following one.
 */
export const MAX_PAGE = 500

/** `?offset=`/`?limit=`: a whole number in range, or the default when absent. */

/** A POST body: far above a long article, far below what would stall the server. */
export const MAX_ARTICLE_BODY_BYTES = 2 * 1024 * 1024

const CollectionBody = z.strictObject(
  { name: z.string({ error: 'must be text' }), actors: z.array(z.unknown()).optional() },
  { error: 'must be an object like {"name": "Monday\'s class"}' },
)
const RenameBody = z.strictObject(
  { name: z.string({ error: 'must be text' }) },
  { error: 'must be an object like {"name": "…"}' },
)
const ActorsBody = z.strictObject(
  { actors: z.array(z.unknown(), { error: 'must be a list of actors' }) },
  { error: 'must be an object like {"actors": [{"id": "china", "aliases": ["China"]}]}' },
)

/** An article as the API gives it: the CLI's shape, where it came from, and when it was stored. */
export function articleJson(row: StoredArticle) {
  const meta: ArticleMeta = {
    headline: row.headline,
    ...(row.outlet !== undefined && { outlet: row.outlet }),
    ...(row.date !== undefined && { date: row.date }),
    ...(row.url !== undefined && { url: row.url }),
    ...(row.author !== undefined && { author: row.author }),
  }
  const analysis = row.analysis ? summarize(decodeAnalysis(row.analysis, row.text).detail) : null
  return {
    ...(analysis ?? { id: row.id, title: row.title }),
    meta,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

const limited = bodyLimit({
  maxSize: MAX_ARTICLE_BODY_BYTES,
  onError: (c) => errorResponse(c, 413, `the body is larger than ${MAX_ARTICLE_BODY_BYTES} bytes`),
})

/** The pool's refusals under load: try again later. */
function busy(c: Context, err: unknown): never {
  if (err instanceof AnalysisBusyError || err instanceof AnalysisTimeoutError) {
    c.header('Retry-After', '5')
    throw httpError(503, err.message)
  }
  throw err
}

export function collectionsApi(library: Library, defaultActors: () => Promise<unknown[]>) {
  const app = new Hono()

  const requireCollection = async (cid: string) => {
    const collection = await library.getCollection(cid)
    if (!collection) throw httpError(404, `no collection "${cid}"`)
    return collection
  }

  app.get('/', async (c) => c.json({ collections: await library.listCollections() }))

  app.post('/', limited, async (c) => {
    const body = parseBody(CollectionBody, await readJson(c, 'the collection'))
    const collection = await library.createCollection({
      name: body.name,
      actors: (body.actors ?? (await defaultActors())) as never,
    })
    return c.json({ collection }, 201)
  })

  app.get('/:cid', async (c) => c.json({ collection: await requireCollection(c.req.param('cid')) }))

  app.patch('/:cid', limited, async (c) => {
    const body = parseBody(RenameBody, await readJson(c, 'the new name'))
    return c.json({ collection: await library.renameCollection(c.req.param('cid'), body.name) })
  })

  app.delete('/:cid', async (c) => {
    await library.deleteCollection(c.req.param('cid'))
    return c.body(null, 204)
  })

  app.put('/:cid/actors', limited, async (c) => {
    await requireCollection(c.req.param('cid'))
    const body = parseBody(ActorsBody, await readJson(c, 'the actors'))
    return c.json({ collection: await library.setActors(c.req.param('cid'), body.actors) })
  })

  app.get('/:cid/progress', async (c) => {
    await requireCollection(c.req.param('cid'))
    return c.json(await library.progress(c.req.param('cid')))
  })

  app.get('/:cid/articles', async (c) => {
    const cid = c.req.param('cid')
    await requireCollection(cid)
    const offset = whole(c.req.query('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0)
    const limit = whole(c.req.query('limit'), 'limit', 1, MAX_PAGE, MAX_PAGE)
    const [rows, total] = await Promise.all([
      library.storage.listArticles(cid, { offset, limit }),
      library.storage.countArticles(cid),
    ])
    const next = offset + rows.length < total ? offset + rows.length : null
    return c.json({
      articles: rows.map(articleJson),
      total,
      offset,
      limit,
      next:
        next === null
          ? null
          : `/api/collections/${encodeURIComponent(cid)}/articles?offset=${next}&limit=${limit}`,
    })
  })

  app.post('/:cid/articles', limited, async (c) => {
    const cid = c.req.param('cid')
    await requireCollection(cid)
    const fields = parseBody(ArticleFields, await readJson(c, 'the article'))
    try {
      const { added, duplicates } = await library.addArticles(cid, [{ ...fields, source: 'api' }])
      if (duplicates.length > 0) {
        const existing = duplicates[0]!.existingId
        return c.json(
          {
            error: {
              status: 409,
              message: `text: the same text is already stored as "${existing}"`,
            },
            existing,
          },
          409,
        )
      }
      return c.json({ article: articleJson(added[0]!) }, 201)
    } catch (err) {
      busy(c, err)
    }
  })

  app.get('/:cid/articles/:id', async (c) => {
    const row = await library.storage.getArticle(c.req.param('cid'), c.req.param('id'))
    if (!row) throw httpError(404, `no article "${c.req.param('id')}" in "${c.req.param('cid')}"`)
    return c.json({ article: { ...articleJson(row), text: row.text } })
  })

  app.patch('/:cid/articles/:id', limited, async (c) => {
    const patch = parseBody(ArticleEdit, await readJson(c, 'the changes'))
    try {
      const row = await library.updateArticle(c.req.param('cid'), c.req.param('id'), patch)
      return c.json({ article: articleJson(row) })
    } catch (err) {
      busy(c, err)
    }
  })

  app.delete('/:cid/articles/:id', async (c) => {
    await library.deleteArticle(c.req.param('cid'), c.req.param('id'))
    return c.body(null, 204)
  })

  return app
}
