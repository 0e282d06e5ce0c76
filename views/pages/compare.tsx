/**
 * The comparison: 2 to 5 articles side by side. A form (an actor select, then the checkboxes,
 * folded away once a comparison is shown so the keyboard reaches the numbers in a few Tabs) asks
 * for `/compare?ids=…&actor=…`; htmx swaps only the columns and pushes the URL, and without
 * JavaScript the same form loads the whole page. While the choice is incomplete the page says
 * what is missing ("pick one more"), never an error. The columns sit in one grid, one row per
 * section, so each section starts at the same height in every column; the charts share their
 * axis ranges so equal bars mean equal numbers. A tone or a framing number opens the words behind
 * it in a drawer (`&article=…&tone=…`, `&article=…&measure=…&category=…&about=…`), which the
 * browser script turns into a dialog: it takes focus, keeps it, closes on Escape and gives focus
 * back to the number. The grid itself is a component (views/components/compare-view.tsx), which
 * the offline snapshot renders too.
 */
import type { FC } from 'hono/jsx'
import type { Actor } from '../../src/analysis/index.js'
import type { CorpusStore } from '../../src/corpus-store.js'
import { COMPARE_MAX, COMPARE_MIN } from '../../src/domain/compare.js'
import type { CompareModel } from '../../src/view-models/compare.js'
import { ArticleMetaLine } from '../components/article-meta.js'
import { CompareView, actorParam } from '../components/compare-view.js'
import { CuePanel } from '../components/cue-evidence.js'
import { EvidencePanel } from '../components/evidence.js'
import { selectCues } from '../cues.js'
import { compareFormUrl, compareUrl, overviewUrl } from '../urls.js'

/**
 * The drawer for the words behind a tone or a framing number, fixed to the window (at its right
 * edge on a wide screen, its foot on a phone) while the page scrolls. Empty (and hidden) until a
 * number is chosen; a partial sends it out of band so it empties when the columns change. The
 * browser script (views/client.js) makes it a modal dialog while open; `data-close` is the URL
 * of the view without it, which the script pushes when Escape or "Close" closes it.
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
      aria-label="Evidence behind a number"
      data-close={close}
      hx-swap-oob={oob ? 'true' : undefined}
    >
      {close ? (
        <p class="cue-drawer-bar">
          <a class="close" href={close} data-drawer-close="">
            Close <span aria-hidden="true">×</span>
            <span class="visually-hidden"> the evidence (Escape)</span>
          </a>
        </p>
      ) : null}
      <div id="cues" aria-live="polite">
        {cue?.tone ? (
          <EvidencePanel detail={cue.article.detail} actor={cue.tone} actors={store.actors} />
        ) : cue ? (
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
    <label for="compare-actor">How kind or harsh the words are about</label>{' '}
    <select id="compare-actor" name="actor">
      {actors.map((a) => (
        <option value={a.id} selected={a.id === actor?.id}>
          {a.label}
        </option>
      ))}
    </select>
  </p>
)

/** Articles the picker lists: a page's worth, whatever the size of the collection. */
export const MAX_PICKER = 100

/** The chosen articles, then the collection's first ones, `MAX_PICKER` in all (or more chosen). */
function pickable(store: CorpusStore, ids: readonly string[]) {
  const chosen = new Set(ids)
  let others = Math.max(0, MAX_PICKER - chosen.size)
  // In collection order, in one pass.
  return store.articles.filter((a) => chosen.has(a.id) || others-- > 0)
}

export const CompareForm: FC<{
  store: CorpusStore
  ids: readonly string[]
  actor?: Actor
  /** Whether a comparison is shown: the checkboxes then fold away behind one control. */
  folded?: boolean
}> = ({ store, ids, actor, folded }) => (
  <form
    id="compare-form"
    class="compare-form"
    action={compareFormUrl()}
    method="get"
    hx-get={compareFormUrl()}
    hx-trigger="change, submit"
    hx-target="#compare-view"
    hx-swap="innerHTML"
    hx-push-url="true"
    hx-sync="this:replace"
    hx-indicator="#compare-loading"
    // An invalid choice shows its message but is not a place in the history.
    {...{ 'hx-status:4xx': 'push:false' }}
  >
    <ActorField actors={store.actors} actor={actor} />
    <details class="picker-menu" open={!folded}>
      <summary>
        Articles to compare ({COMPARE_MIN} to {COMPARE_MAX})
        {ids.length > 0 ? `: ${ids.length} chosen` : ''}
      </summary>
      <fieldset>
        <legend class="visually-hidden">
          Articles to compare ({COMPARE_MIN} to {COMPARE_MAX})
        </legend>
        <ul class="picker">
          {pickable(store, ids).map((a) => (
            <li>
              <label>
                <input type="checkbox" name="ids" value={a.id} checked={ids.includes(a.id)} />{' '}
                {a.digest.title} <ArticleMetaLine article={a} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {store.articles.length > MAX_PICKER ? (
        <p class="hint">
          The first {MAX_PICKER} of {store.articles.length} articles (and the chosen ones). To
          compare others, tick them on the <a href={overviewUrl()}>overview</a>, which lists them
          all, a page at a time.
        </p>
      ) : null}
      <p>
        <button type="submit">Compare</button>
      </p>
    </details>
    <p id="compare-loading" class="loading htmx-indicator" role="status">
      Updating the comparison…
    </p>
  </form>
)

/** What the view says while no comparison is shown: what to pick, or what is still missing. */
export const CompareHint: FC<{ message?: string }> = ({ message }) => (
  <p class={message ? 'hint pick-more' : 'hint'} role="status">
    {message ?? `Choose ${COMPARE_MIN} to ${COMPARE_MAX} articles above to put them side by side.`}
  </p>
)

export const ComparePage: FC<{
  store: CorpusStore
  model?: CompareModel
  /** An incomplete choice (one article ticked): ticked again, with `message` saying what is missing. */
  picked?: readonly string[]
  message?: string
}> = ({ store, model, picked, message }) => (
  <>
    <h1>Compare articles</h1>
    <CompareForm
      store={store}
      ids={model?.ids ?? picked ?? []}
      actor={model?.actor}
      folded={model !== undefined}
    />
    <div id="compare-view">
      {model ? <CompareView model={model} downloads /> : <CompareHint message={message} />}
    </div>
    <CueDrawer store={store} model={model} />
  </>
)
