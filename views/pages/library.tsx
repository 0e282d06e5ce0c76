/**
 * The pages that manage stored collections: the list of collections (and a form to make one),
 * a collection's articles with the three ways to add more (paste, upload, a web address), the
 * edit form of one article, the actors editor, and the confirmation asked before anything is
 * deleted. Every form is a plain HTML form (it works without script); a refused form comes back
 * with the message naming the field and everything the user typed still in it.
 */
import type { FC } from 'hono/jsx'
import type { ActorDef } from '../../src/analysis/index.js'
import { collectionPath } from '../../src/domain/scope.js'
import type { CollectionSummary, Progress } from '../../src/library/library.js'
import type { Collection, StoredArticle } from '../../src/store/types.js'
import { displayDate } from '../format.js'

/** What a refused form shows above itself: what was wrong, said once, announced. */
export const FormError: FC<{ message?: string }> = ({ message }) =>
  message ? (
    <div class="form-error" role="alert">
      <strong>Not saved:</strong> {message}
    </div>
  ) : null

/** What a successful write says on the page it leads to. */
export const Notice: FC<{ message?: string }> = ({ message }) =>
  message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null

const manageUrl = (cid: string, path = '') => collectionPath(cid, `/manage${path}`)

export const CollectionsPage: FC<{
  collections: CollectionSummary[]
  error?: string
  name?: string
  notice?: string
}> = ({ collections, error, name, notice }) => (
  <>
    <h1>Collections</h1>
    <p class="lede">
      A collection is a set of articles with its own actors: this week's coverage, one class's
      reading, one story across outlets. Each has its own overview, comparison, terms and trends.
    </p>
    <Notice message={notice} />
    {collections.length === 0 ? (
      <p>There is no collection yet. Make one below, then add articles to it.</p>
    ) : (
      <div class="table-wrap">
        <table class="library-table">
          <caption>Your collections</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" class="num">
                Articles
              </th>
              <th scope="col">Actors</th>
              <th scope="col">Made</th>
            </tr>
          </thead>
          <tbody>
            {collections.map((c) => (
              <tr>
                <th scope="row">
                  <a href={collectionPath(c.id)}>{c.name}</a>
                </th>
                <td class="num">{c.articles}</td>
                <td>{c.actors.map((a) => a.label ?? a.id).join(', ')}</td>
                <td>{displayDate(c.createdAt.slice(0, 10))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <form method="post" action="/collections" class="library-form">
      <h2>New collection</h2>
      <FormError message={error} />
      <label for="collection-name">Name</label>
      <input
        id="collection-name"
        name="name"
        required
        maxlength={100}
        value={name ?? ''}
        placeholder="e.g. Monday's class"
      />
      <p class="hint">
        It starts with the default actors (Russia, North Korea, the West); change them on its
        “Articles &amp; actors” page.
      </p>
      <button type="submit">Make the collection</button>
    </form>
  </>
)

/** The values of the paste form, kept when it is refused. */
export interface PasteValues {
  title?: string
  text?: string
  outlet?: string
  date?: string
  url?: string
  author?: string
}

export interface FormState {
  /** Which form the message is about. */
  form?: 'paste' | 'upload' | 'url' | 'rename'
  error?: string
  paste?: PasteValues
  url?: string
  name?: string
}

const Field: FC<{
  id: string
  name: string
  label: string
  value?: string
  type?: string
  hint?: string
  required?: boolean
  maxlength?: number
}> = ({ id, name, label, value, type, hint, required, maxlength }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input
      id={id}
      name={name}
      type={type ?? 'text'}
      value={value ?? ''}
      required={required}
      maxlength={maxlength}
      aria-describedby={hint ? `${id}-hint` : undefined}
    />
    {hint ? (
      <span class="hint" id={`${id}-hint`}>
        {hint}
      </span>
    ) : null}
  </div>
)

/** The fields of an article, empty (paste) or filled (edit). */
export const ArticleFieldset: FC<{ prefix: string; values: PasteValues }> = ({
  prefix,
  values,
}) => (
  <>
    <Field
      id={`${prefix}-title`}
      name="title"
      label="Title"
      value={values.title}
      maxlength={300}
      hint="Leave empty if it has none: the opening words stand in, and count for nothing."
    />
    <div class="field-row">
      <Field
        id={`${prefix}-outlet`}
        name="outlet"
        label="Outlet"
        value={values.outlet}
        maxlength={200}
      />
      <Field id={`${prefix}-date`} name="date" label="Date" type="date" value={values.date} />
      <Field
        id={`${prefix}-author`}
        name="author"
        label="Author"
        value={values.author}
        maxlength={200}
      />
    </div>
    <Field
      id={`${prefix}-url`}
      name="url"
      label="Address (URL) of the original"
      type="url"
      value={values.url}
    />
    <div class="field">
      <label for={`${prefix}-text`}>Text</label>
      <textarea id={`${prefix}-text`} name="text" rows={12} required>
        {values.text ?? ''}
      </textarea>
    </div>
  </>
)

export const ManagePage: FC<{
  collection: Collection
  articles: StoredArticle[]
  progress: Progress
  state: FormState
  notice?: string
  allowPrivate: boolean
}> = ({ collection, articles, progress, state, notice }) => {
  const cid = collection.id
  const err = (form: FormState['form']) => (state.form === form ? state.error : undefined)
  return (
    <>
      <h1>{collection.name}: articles and actors</h1>
      <Notice message={notice} />
      {progress.stale > 0 ? (
        <p class="notice" role="status">
          {progress.stale} of {progress.total} articles are being analysed again (the engine or the
          actors changed); pages show the scores stored before until they are done.
        </p>
      ) : null}
      <nav class="manage-links" aria-label="This collection">
        <a href={collectionPath(cid)}>Overview</a> ·{' '}
        <a href={manageUrl(cid, '/actors')}>Edit the actors</a> (
        {collection.actors.map((a) => a.label ?? a.id).join(', ')}) ·{' '}
        <a href={collectionPath(cid, '/trends')}>Over time and by outlet</a>
      </nav>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add articles</h2>
        <div class="add-forms">
          <form method="post" action={manageUrl(cid, '/paste')} class="library-form">
            <h3>Paste an article</h3>
            <FormError message={err('paste')} />
            <ArticleFieldset prefix="paste" values={state.paste ?? {}} />
            <button type="submit">Add the article</button>
          </form>
          <div>
            <form
              method="post"
              action={manageUrl(cid, '/upload')}
              enctype="multipart/form-data"
              class="library-form"
            >
              <h3>Upload files</h3>
              <FormError message={err('upload')} />
              <label for="upload-files">.txt, .md or .html files (several at once)</label>
              <input
                id="upload-files"
                name="files"
                type="file"
                multiple
                required
                accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
              />
              <p class="hint">
                A Markdown file may start with front matter (title, outlet, date, url, author). The
                text of an HTML page is found with Readability, as a browser's reader view does.
              </p>
              <button type="submit">Upload</button>
            </form>
            <form method="post" action={manageUrl(cid, '/import-url')} class="library-form">
              <h3>Import from a web address</h3>
              <FormError message={err('url')} />
              <label for="import-url">Address of the article</label>
              <input
                id="import-url"
                name="url"
                type="url"
                required
                value={state.url ?? ''}
                placeholder="https://…"
              />
              <p class="hint">
                The server fetches the page (at most 10 s and 5 MB) and keeps its article text.
              </p>
              <button type="submit">Import</button>
            </form>
          </div>
        </div>
      </section>

      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">
          {articles.length === 1 ? 'The article' : `The ${articles.length} articles`}
        </h2>
        {articles.length === 0 ? (
          <p>None yet: add the first one above.</p>
        ) : (
          <div class="table-wrap">
            <table class="library-table">
              <caption>Articles of {collection.name}, in the order they were added</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Outlet</th>
                  <th scope="col">Date</th>
                  <th scope="col" class="source-col">
                    From
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {articles.map((a) => (
                  <tr>
                    <th scope="row">
                      <a href={collectionPath(cid, `/articles/${encodeURIComponent(a.id)}`)}>
                        {a.title}
                      </a>
                    </th>
                    <td>{a.outlet ?? '—'}</td>
                    <td>{a.date ? displayDate(a.date) : '—'}</td>
                    <td class="source-cell source-col">{a.source}</td>
                    <td class="actions">
                      <a href={manageUrl(cid, `/articles/${encodeURIComponent(a.id)}/edit`)}>
                        Edit<span class="visually-hidden"> “{a.title}”</span>
                      </a>{' '}
                      <a href={manageUrl(cid, `/articles/${encodeURIComponent(a.id)}/delete`)}>
                        Delete<span class="visually-hidden"> “{a.title}”</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="collection-heading">
        <h2 id="collection-heading">The collection</h2>
        <form method="post" action={manageUrl(cid, '/rename')} class="library-form inline-form">
          <FormError message={err('rename')} />
          <label for="rename">Name</label>
          <input
            id="rename"
            name="name"
            required
            maxlength={100}
            value={state.name ?? collection.name}
          />
          <button type="submit">Rename</button>
        </form>
        <p>
          <a href={manageUrl(cid, '/delete')} class="danger-link">
            Delete this collection and{' '}
            {articles.length === 1 ? 'its article' : `its ${articles.length} articles`}…
          </a>
        </p>
      </section>
    </>
  )
}

export const EditArticlePage: FC<{
  collection: Collection
  article: StoredArticle
  values: PasteValues
  error?: string
}> = ({ collection, article, values, error }) => (
  <>
    <h1>Edit “{article.title}”</h1>
    <p>
      In <a href={manageUrl(collection.id)}>{collection.name}</a>. A changed title or text is
      analysed again when you save.
    </p>
    <form
      method="post"
      action={manageUrl(collection.id, `/articles/${encodeURIComponent(article.id)}/edit`)}
      class="library-form"
    >
      <FormError message={error} />
      <ArticleFieldset prefix="edit" values={values} />
      <button type="submit">Save</button> <a href={manageUrl(collection.id)}>Cancel</a>
    </form>
  </>
)

/** The question asked before a delete: what goes, and a button that does it. */
export const ConfirmDeletePage: FC<{
  what: string
  consequence: string
  action: string
  cancel: string
}> = ({ what, consequence, action, cancel }) => (
  <>
    <h1>Delete {what}?</h1>
    <p>{consequence} This cannot be undone.</p>
    <form method="post" action={action} class="library-form">
      <button type="submit" class="danger">
        Delete {what}
      </button>{' '}
      <a href={cancel}>Keep it</a>
    </form>
  </>
)

/** One actor's fields in the editor; `index` numbers the form fields (`actors[0].label` …). */
export interface ActorRow {
  id: string
  label: string
  colour: string
  aliases: string
  exclude: string
  isNew?: boolean
}

export function actorRowsOf(defs: readonly ActorDef[]): ActorRow[] {
  return defs.map((d) => ({
    id: d.id,
    label: d.label ?? '',
    colour: d.colour ?? '#000000',
    aliases: d.aliases.join('\n'),
    exclude: (d.exclude ?? []).join('\n'),
  }))
}

const ActorFields: FC<{ row: ActorRow; index: number }> = ({ row, index }) => {
  const p = `actor-${index}`
  return (
    <fieldset class="actor-fields">
      <legend>{row.isNew ? 'Add an actor' : row.label || row.id}</legend>
      <div class="field-row">
        <div class="field">
          <label for={`${p}-id`}>Id</label>
          <input
            id={`${p}-id`}
            name={`id.${index}`}
            value={row.id}
            pattern="[a-z0-9][a-z0-9\-]*"
            aria-describedby={`${p}-id-hint`}
            readonly={!row.isNew}
          />
          <span class="hint" id={`${p}-id-hint`}>
            {row.isNew ? 'lower case, digits and dashes, e.g. china' : 'fixed once saved'}
          </span>
        </div>
        <div class="field">
          <label for={`${p}-label`}>Label</label>
          <input id={`${p}-label`} name={`label.${index}`} value={row.label} maxlength={60} />
        </div>
        <div class="field">
          <label for={`${p}-colour`}>Colour</label>
          <input id={`${p}-colour`} name={`colour.${index}`} type="color" value={row.colour} />
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`${p}-aliases`}>Names (one a line)</label>
          <textarea id={`${p}-aliases`} name={`aliases.${index}`} rows={5}>
            {row.aliases}
          </textarea>
        </div>
        <div class="field">
          <label for={`${p}-exclude`}>Not this actor (one a line)</label>
          <textarea
            id={`${p}-exclude`}
            name={`exclude.${index}`}
            rows={5}
            aria-describedby={`${p}-exclude-hint`}
          >
            {row.exclude}
          </textarea>
          <span class="hint" id={`${p}-exclude-hint`}>
            Phrases whose names are not a mention, e.g. “South Korea” for Korea.
          </span>
        </div>
      </div>
      {row.isNew ? null : (
        <p>
          <input type="checkbox" id={`${p}-remove`} name={`remove.${index}`} value="1" />{' '}
          <label for={`${p}-remove`}>Remove {row.label || row.id}</label>
        </p>
      )}
    </fieldset>
  )
}

export const ActorsEditorPage: FC<{
  collection: Collection
  rows: ActorRow[]
  error?: string
  notice?: string
}> = ({ collection, rows, error, notice }) => (
  <>
    <h1>Actors of {collection.name}</h1>
    <p class="lede">
      Who the analysis looks for, and by which names. A name matches as whole words, in any case
      unless written in capitals (US, EU); “Kim Jong Un” also matches “Kim Jong-un”. Saving
      re-scores every article of the collection in the background.
    </p>
    <Notice message={notice} />
    <form method="post" action={manageUrl(collection.id, '/actors')} class="library-form">
      <FormError message={error} />
      <input type="hidden" name="count" value={String(rows.length)} />
      {rows.map((row, i) => (
        <ActorFields row={row} index={i} />
      ))}
      <button type="submit">Save the actors</button> <a href={manageUrl(collection.id)}>Cancel</a>
    </form>
  </>
)
