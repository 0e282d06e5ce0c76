/**
 * The comparison: 2 to 5 articles side by side. A form (checkboxes and an actor select) asks for
 * `/compare?ids=…&actor=…`; htmx swaps only the columns and pushes the URL, and without
 * JavaScript the same form loads the whole page. The columns sit in one grid, one row per
 * section, so each section starts at the same height in every column; the charts share their
 * axis ranges so equal bars mean equal numbers. A number of the framing sections opens the words
 * behind it in a drawer at the foot of the window (`&article=…&measure=…&category=…&about=…`),
 * so the tables stay in view while the evidence is read. The grid itself is a component
 * (views/components/compare-view.tsx), which the offline snapshot renders too.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import type { CorpusStore } from '../../src/corpus-store.js'
import { COMPARE_MAX, COMPARE_MIN } from '../../src/domain/compare.js'
import type { CompareModel } from '../../src/view-models/compare.js'
import { ArticleMetaLine } from '../components/article-meta.js'
import { CompareView, actorParam } from '../components/compare-view.js'
import { CuePanel } from '../components/cue-evidence.js'
import { selectCues } from '../cues.js'
import { compareUrl } from '../urls.js'

/**
 * The drawer for the words behind a framing number, fixed to the foot of the window while the
 * page scrolls. Empty (and hidden) until a number is chosen; a partial sends it out of band so it
 * empties when the columns change.
 */
export const CueDrawer: FC<{
  store: CorpusStore
  model?: CompareModel
  oob?: boolean
}> = ({ store, model, oob }) => {
  const cue = model?.cue
  const close = model ? compareUrl(model.ids, actorParam(model)) : undefined
  return (
    <aside
      id="cue-drawer"
      class="cue-drawer"
      aria-label="Evidence behind a framing number"
      hx-swap-oob={oob ? 'true' : undefined}
    >
      {close ? (
        <p class="cue-drawer-bar">
          <a
            class="close"
            href={close}
            hx-get={close}
            hx-target="#compare-view"
            hx-swap="innerHTML"
            hx-push-url={close}
          >
            Close <span aria-hidden="true">×</span>
          </a>
        </p>
      ) : null}
      <div id="cues" aria-live="polite">
        {cue ? (
          <CuePanel
            detail={cue.article.detail}
            selection={selectCues(cue.article.detail, cue.query, store.actors)}
            actors={store.actors}
          />
        ) : null}
      </div>
    </aside>
  )
}

/** The actor select; in a partial it is sent out of band so it follows the chosen actor. */
export const ActorField: FC<{ actors: readonly Actor[]; actor?: Actor; oob?: boolean }> = ({
  actors,
  actor,
  oob,
}) => (
  <p id="actor-field" hx-swap-oob={oob ? 'true' : undefined}>
    <label for="compare-actor">Evidence for</label>{' '}
    <select id="compare-actor" name="actor">
      {actors.map((a) => (
        <option value={a.id} selected={a.id === actor?.id}>
          {a.label}
        </option>
      ))}
    </select>
  </p>
)

export const CompareForm: FC<{ store: CorpusStore; ids: readonly string[]; actor?: Actor }> = ({
  store,
  ids,
  actor,
}) => (
  <form
    id="compare-form"
    class="compare-form"
    action="/compare"
    method="get"
    hx-get="/compare"
    hx-trigger="change, submit"
    hx-target="#compare-view"
    hx-swap="innerHTML"
    hx-push-url="true"
    hx-sync="this:replace"
    // An invalid choice (one article) shows its message but is not a place in the history.
    {...{ 'hx-status:4xx': 'push:false' }}
  >
    <fieldset>
      <legend>
        Articles to compare ({COMPARE_MIN} to {COMPARE_MAX})
      </legend>
      <ul class="picker">
        {store.articles.map((a) => (
          <li>
            <label>
              <input type="checkbox" name="ids" value={a.id} checked={ids.includes(a.id)} />{' '}
              {a.detail.title} <ArticleMetaLine article={a} />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
    <ActorField actors={store.actors} actor={actor} />
    <p>
      <button type="submit">Compare</button>
    </p>
  </form>
)

export const CompareHint: FC<{ message?: string }> = ({ message }) => (
  <p class="hint">
    {message ?? `Choose ${COMPARE_MIN} to ${COMPARE_MAX} articles above to put them side by side.`}
  </p>
)

export const ComparePage: FC<{ store: CorpusStore; model?: CompareModel }> = ({ store, model }) => (
  <>
    <h1>Compare articles</h1>
    <CompareForm store={store} ids={model?.ids ?? []} actor={model?.actor} />
    <div id="compare-view">{model ? <CompareView model={model} downloads /> : <CompareHint />}</div>
    <CueDrawer store={store} model={model} />
  </>
)
