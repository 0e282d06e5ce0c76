/**
 * The form routes of the library (HTML; the JSON contract is ./collections-api.ts):
 * - `GET|POST /collections`: list and make collections;
 * - under `/c/:cid/manage`: the articles (paste, upload, import from a URL, edit, delete), the
 *   collection (rename, delete after a confirmation) and `/actors` (the editor).
 * A write that succeeds redirects (303) to the page that shows it, so reloading never posts it
 * twice; one that is refused answers its form again with the status of what was wrong (413, 415,
 * 422, 409), the message naming the field, and the user's input kept. A refused write stores
 * nothing: the library writes a batch in one transaction, after every check.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ActorDef } from '../../analysis/index.js'
import {
  articleKind,
  decodeArticleBytes,
  parseArticleText,
  ARTICLE_EXTENSIONS,
} from '../../corpus/article-file.js'
import { resolveActors } from '../../corpus/actors.js'
import { InputError } from '../../corpus/errors.js'
import { MAX_FILE_BYTES } from '../../corpus/limits.js'
import { DomainError } from '../../domain/errors.js'
import { collectionPath } from '../../domain/scope.js'
import { ArticleEdit, ArticleFields, type ArticleDraft } from '../../library/drafts.js'
import { draftOf } from '../../library/bootstrap.js'
import { fetchArticle } from '../../library/fetch-article.js'
import type { Library } from '../../library/library.js'
import { AnalysisBusyError, AnalysisTimeoutError } from '../../pool/analyze-pool.js'
import type { Collection } from '../../store/types.js'
import {
  ActorsEditorPage,
  CollectionsPage,
  ConfirmDeletePage,
  EditArticlePage,
  ManagePage,
  actorRowsOf,
  type ActorRow,
  type FormState,
  type PasteValues,
} from '../../../views/pages/library.js'
import { DOMAIN_STATUS, errorResponse, httpError } from '../errors.js'
import { render } from '../htmx.js'
import { zodMessage } from '../json-body.js'

export interface ImportOptions {
  /** Let "import from a URL" reach loopback and private addresses (off by default). */
  allowPrivateUrls?: boolean
}

/** Files one upload may carry, and the whole upload's size. */
export const MAX_UPLOAD_FILES = 100
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** A form without files (paste, edit, actors). */
export const MAX_FORM_BYTES = 2 * 1024 * 1024

const mib = (n: number) => `${n / 1024 / 1024} MB`

const notice = (c: Context) => c.req.query('done')

/** Redirects after a write, with a line for the next page to say what happened. */
const done = (c: Context, to: string, message: string) =>
  c.redirect(`${to}${to.includes('?') ? '&' : '?'}done=${encodeURIComponent(message)}`, 303)

/** The status and message of a refused write. */
function refusal(err: unknown): { status: ContentfulStatusCode; message: string } {
  if (err instanceof DomainError) return { status: DOMAIN_STATUS[err.kind], message: err.message }
  if (err instanceof InputError) return { status: 422, message: err.message }
  if (err instanceof AnalysisBusyError || err instanceof AnalysisTimeoutError) {
    return { status: 503, message: `${err.message}; try again in a few seconds` }
  }
  throw err
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

function pasteValues(body: Record<string, unknown>): PasteValues {
  return {
    title: str(body.title),
    text: str(body.text),
    outlet: str(body.outlet),
    date: str(body.date),
    url: str(body.url),
    author: str(body.author),
  }
}

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) => errorResponse(c, 413, `the form is larger than ${mib(maxSize)}`),
  })

export function collectionsPage(library: Library, defaultActors: () => Promise<unknown[]>) {
  const app = new Hono()
  app.get('/', async (c) => {
    const collections = await library.listCollections()
    return render(c, {
      title: 'Collections',
      section: 'collections',
      page: () => <CollectionsPage collections={collections} notice={notice(c)} />,
    })
  })

  app.post('/', limit(64 * 1024), async (c) => {
    const body = await c.req.parseBody()
    try {
      const collection = await library.createCollection({
        name: body.name,
        actors: (await defaultActors()) as ActorDef[],
      })
      return done(c, collectionPath(collection.id, '/manage'), `Made “${collection.name}”.`)
    } catch (err) {
      const { status, message } = refusal(err)
      const collections = await library.listCollections()
      return render(c, {
        title: 'Collections',
        section: 'collections',
        status,
        page: () => (
          <CollectionsPage collections={collections} error={message} name={str(body.name)} />
        ),
      })
    }
  })
  return app
}

export function collectionPages(library: Library, options: ImportOptions) {
  const app = new Hono()

  const requireCollection = async (c: Context): Promise<Collection> => {
    const cid = c.req.param('cid')!
    const collection = await library.getCollection(cid)
    if (!collection) throw httpError(404, `no collection "${cid}"`)
    return collection
  }

  const managePage = async (
    c: Context,
    collection: Collection,
    state: FormState = {},
    status?: ContentfulStatusCode,
  ) => {
    const [articles, progress] = await Promise.all([
      library.storage.listArticles(collection.id),
      library.progress(collection.id),
    ])
    return render(c, {
      title: `${collection.name}: articles`,
      section: 'manage',
      status,
      page: () => (
        <ManagePage
          collection={collection}
          articles={articles}
          progress={progress}
          state={state}
          notice={notice(c)}
          allowPrivate={options.allowPrivateUrls ?? false}
        />
      ),
    })
  }

  /** Adds drafts and says what happened: how many were added, which were duplicates. */
  const add = async (c: Context, collection: Collection, drafts: ArticleDraft[]) => {
    const { added, duplicates } = await library.addArticles(collection.id, drafts)
    const parts = []
    if (added.length > 0) {
      parts.push(
        added.length === 1 ? `Added “${added[0]!.title}”.` : `Added ${added.length} articles.`,
      )
    }
    for (const d of duplicates) {
      parts.push(`“${d.title}” is already here (as “${d.existingId}”), so it was not added again.`)
    }
    if (added.length === 0 && duplicates.length > 0) {
      throw new DomainError('conflict', parts.join(' '))
    }
    return done(c, collectionPath(collection.id, '/manage'), parts.join(' '))
  }

  app.get('/', async (c) => managePage(c, await requireCollection(c)))

  app.post('/paste', limit(MAX_FORM_BYTES), async (c) => {
    const collection = await requireCollection(c)
    const body = await c.req.parseBody()
    const values = pasteValues(body)
    try {
      const parsed = ArticleFields.safeParse(values)
      if (!parsed.success) throw new DomainError('invalid', zodMessage(parsed.error))
      return await add(c, collection, [{ ...parsed.data, source: 'pasted' }])
    } catch (err) {
      const { status, message } = refusal(err)
      return managePage(c, collection, { form: 'paste', error: message, paste: values }, status)
    }
  })

  app.post('/upload', limit(MAX_UPLOAD_BYTES), async (c) => {
    const collection = await requireCollection(c)
    try {
      const body = await c.req.parseBody({ all: true })
      const raw = body.files
      const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
        (f): f is File => typeof f !== 'string' && f.name !== '',
      )
      if (files.length === 0) throw new DomainError('invalid', 'files: choose at least one file')
      if (files.length > MAX_UPLOAD_FILES) {
        throw new DomainError('too-large', `files: at most ${MAX_UPLOAD_FILES} files at once`)
      }
      const problems: string[] = []
      const drafts: ArticleDraft[] = []
      for (const file of files) {
        const kind = articleKind(file.name)
        if (!kind) {
          problems.push(
            `${file.name}: cannot read this kind of file; accepted: ${Object.keys(ARTICLE_EXTENSIONS).join(', ')}`,
          )
          continue
        }
        if (file.size > MAX_FILE_BYTES) {
          problems.push(`${file.name}: larger than ${mib(MAX_FILE_BYTES)}`)
          continue
        }
        try {
          const bytes = new Uint8Array(await file.arrayBuffer())
          const article = parseArticleText(decodeArticleBytes(bytes, file.name), file.name, kind)
          drafts.push(draftOf(article, `uploaded: ${file.name}`))
        } catch (err) {
          if (!(err instanceof InputError)) throw err
          problems.push(err.message)
        }
      }
      // One bad file refuses the upload: nothing is added until every file can be.
      if (problems.length > 0) {
        const wrong = problems.length === 1 ? 'a file' : `${problems.length} files`
        throw new DomainError(
          'invalid',
          `${wrong} could not be read, so none was added: ${problems.join('; ')}`,
        )
      }
      return await add(c, collection, drafts)
    } catch (err) {
      const { status, message } = refusal(err)
      return managePage(c, collection, { form: 'upload', error: message }, status)
    }
  })

  app.post('/import-url', limit(64 * 1024), async (c) => {
    const collection = await requireCollection(c)
    const body = await c.req.parseBody()
    const url = str(body.url) ?? ''
    try {
      if (url.trim() === '') throw new DomainError('invalid', 'url: give the page’s address')
      const article = await fetchArticle(url, { allowPrivate: options.allowPrivateUrls ?? false })
      const source = article.url ?? url
      // A page's id comes from its title: the name made of its address says little.
      return await add(c, collection, [{ ...draftOf(article, source), id: undefined, url: source }])
    } catch (err) {
      const { status, message } = refusal(err)
      return managePage(c, collection, { form: 'url', error: message, url }, status)
    }
  })

  app.post('/rename', limit(64 * 1024), async (c) => {
    const collection = await requireCollection(c)
    const body = await c.req.parseBody()
    try {
      const renamed = await library.renameCollection(collection.id, body.name)
      return done(c, collectionPath(collection.id, '/manage'), `Renamed to “${renamed.name}”.`)
    } catch (err) {
      const { status, message } = refusal(err)
      return managePage(
        c,
        collection,
        { form: 'rename', error: message, name: str(body.name) },
        status,
      )
    }
  })

  app.get('/delete', async (c) => {
    const collection = await requireCollection(c)
    const count = await library.storage.countArticles(collection.id)
    return render(c, {
      title: `Delete ${collection.name}?`,
      section: 'manage',
      page: () => (
        <ConfirmDeletePage
          what={`“${collection.name}”`}
          consequence={`${count === 1 ? 'Its article, its analysis' : `Its ${count} articles, their analyses`} and its actors go with it.`}
          action={collectionPath(collection.id, '/manage/delete')}
          cancel={collectionPath(collection.id, '/manage')}
        />
      ),
    })
  })

  app.post('/delete', async (c) => {
    const collection = await requireCollection(c)
    await library.deleteCollection(collection.id)
    return done(c, '/collections', `Deleted “${collection.name}”.`)
  })

  const requireArticle = async (c: Context, collection: Collection) => {
    const id = c.req.param('id')!
    const article = await library.storage.getArticle(collection.id, id)
    if (!article) throw httpError(404, `no article "${id}" in "${collection.name}"`)
    return article
  }

  app.get('/articles/:id/edit', async (c) => {
    const collection = await requireCollection(c)
    const article = await requireArticle(c, collection)
    return render(c, {
      title: `Edit ${article.title}`,
      section: 'manage',
      page: () => (
        <EditArticlePage
          collection={collection}
          article={article}
          values={{
            title: article.headline ? article.title : '',
            text: article.text,
            outlet: article.outlet,
            date: article.date,
            url: article.url,
            author: article.author,
          }}
        />
      ),
    })
  })

  app.post('/articles/:id/edit', limit(MAX_FORM_BYTES), async (c) => {
    const collection = await requireCollection(c)
    const article = await requireArticle(c, collection)
    const values = pasteValues(await c.req.parseBody())
    try {
      const parsed = ArticleEdit.safeParse(values)
      if (!parsed.success) throw new DomainError('invalid', zodMessage(parsed.error))
      // An emptied optional field removes it (the form sends every field).
      const patch = {
        ...parsed.data,
        outlet: parsed.data.outlet,
        date: parsed.data.date,
        url: parsed.data.url,
        author: parsed.data.author,
      }
      const saved = await library.updateArticle(collection.id, article.id, patch)
      return done(c, collectionPath(collection.id, '/manage'), `Saved “${saved.title}”.`)
    } catch (err) {
      const { status, message } = refusal(err)
      return render(c, {
        title: `Edit ${article.title}`,
        section: 'manage',
        status,
        page: () => (
          <EditArticlePage
            collection={collection}
            article={article}
            values={values}
            error={message}
          />
        ),
      })
    }
  })

  app.get('/articles/:id/delete', async (c) => {
    const collection = await requireCollection(c)
    const article = await requireArticle(c, collection)
    return render(c, {
      title: `Delete ${article.title}?`,
      section: 'manage',
      page: () => (
        <ConfirmDeletePage
          what={`“${article.title}”`}
          consequence={`The article and its analysis leave “${collection.name}”.`}
          action={collectionPath(
            collection.id,
            `/manage/articles/${encodeURIComponent(article.id)}/delete`,
          )}
          cancel={collectionPath(collection.id, '/manage')}
        />
      ),
    })
  })

  app.post('/articles/:id/delete', async (c) => {
    const collection = await requireCollection(c)
    const article = await requireArticle(c, collection)
    await library.deleteArticle(collection.id, article.id)
    return done(c, collectionPath(collection.id, '/manage'), `Deleted “${article.title}”.`)
  })

  app.get('/actors', async (c) => {
    const collection = await requireCollection(c)
    return actorsPage(c, collection, [
      ...actorRowsOf(collection.actors),
      newActorRow(collection.actors),
    ])
  })

  const actorsPage = (
    c: Context,
    collection: Collection,
    rows: ActorRow[],
    error?: string,
    status?: ContentfulStatusCode,
  ) =>
    render(c, {
      title: `Actors of ${collection.name}`,
      section: 'manage',
      status,
      page: () => (
        <ActorsEditorPage collection={collection} rows={rows} error={error} notice={notice(c)} />
      ),
    })

  app.post('/actors', limit(MAX_FORM_BYTES), async (c) => {
    const collection = await requireCollection(c)
    const body = await c.req.parseBody()
    const count = Math.min(Number(str(body.count) ?? 0) || 0, 60)
    const rows: (ActorRow & { remove: boolean })[] = []
    for (let i = 0; i < count; i++) {
      rows.push({
        id: (str(body[`id.${i}`]) ?? '').trim(),
        label: (str(body[`label.${i}`]) ?? '').trim(),
        colour: str(body[`colour.${i}`]) ?? '#000000',
        aliases: str(body[`aliases.${i}`]) ?? '',
        exclude: str(body[`exclude.${i}`]) ?? '',
        isNew: !collection.actors.some((a) => a.id === str(body[`id.${i}`])),
        remove: str(body[`remove.${i}`]) === '1',
      })
    }
    const lines = (v: string) =>
      v
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    // The empty "add an actor" block is not an actor.
    const kept = rows.filter((r) => !r.remove && !(r.isNew && !r.id && !r.aliases.trim()))
    const defs = kept.map((r) => ({
      id: r.id,
      ...(r.label && { label: r.label }),
      colour: r.colour,
      aliases: lines(r.aliases),
      ...(lines(r.exclude).length > 0 && { exclude: lines(r.exclude) }),
    }))
    try {
      await library.setActors(collection.id, defs)
      return done(
        c,
        collectionPath(collection.id, '/manage/actors'),
        'Saved. The articles are being re-scored with these actors.',
      )
    } catch (err) {
      const { status, message } = refusal(err)
      const shown = rows.filter((r) => !(r.isNew && !r.id && !r.aliases.trim()))
      return actorsPage(c, collection, [...shown, newActorRow(collection.actors)], message, status)
    }
  })

  return app
}

/**
 * The empty block that adds an actor. Its colour is the one the palette would give the actor
 * after `actors`, so an actor added without choosing a colour does not share one (a colour input
 * always sends a value, so the form cannot leave it unset).
 */
function newActorRow(actors: readonly ActorDef[]): ActorRow {
  const resolved = resolveActors([...actors, { id: 'new-actor', aliases: ['new actor'] }])
  const colour = resolved[resolved.length - 1]!.colour
  return { id: '', label: '', colour, aliases: '', exclude: '', isNew: true }
}
