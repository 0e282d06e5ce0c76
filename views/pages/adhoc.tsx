/**
 * "Ask about another actor": a one-off question of a collection (how do these articles speak of
 * China?) answered without saving anything. The actor lives in the URL (`?label=China&names=
 * China, Beijing`), so the answer can be bookmarked and shared; the articles are analysed with
 * it for this answer only. Each article's tone toward it comes with the clauses behind it and the
 * words that scored, the same evidence the saved actors have.
 */
import type { FC } from 'hono/jsx'
import type { Actor, ActorEvidence, ArticleDetail } from '../../src/analysis/index.js'
import { scoped } from '../../src/domain/scope.js'
import { ToneValue } from '../components/actors.js'
import { Plain } from '../components/plain.js'
import { signed } from '../format.js'
import { articleUrl, methodsUrl } from '../urls.js'

export const adhocUrl = (label: string, names: readonly string[]) =>
  scoped(`/ask?label=${encodeURIComponent(label)}&names=${encodeURIComponent(names.join(', '))}`)

export const AdhocForm: FC<{ label?: string; names?: string; error?: string }> = ({
  label,
  names,
  error,
}) => (
  <form method="get" action={scoped('/ask')} class="library-form">
    <h2>Ask about another actor, without saving it</h2>
    {error ? (
      <div class="form-error" role="alert">
        {error}
      </div>
    ) : null}
    <div class="field-row">
      <div class="field">
        <label for="adhoc-label">Actor</label>
        <input
          id="adhoc-label"
          name="label"
          value={label ?? ''}
          required
          maxlength={60}
          placeholder="e.g. China"
        />
      </div>
      <div class="field">
        <label for="adhoc-names">Its names, separated by commas</label>
        <input
          id="adhoc-names"
          name="names"
          value={names ?? ''}
          required
          placeholder="China, Beijing, Xi Jinping"
        />
      </div>
    </div>
    <button type="submit">Ask</button>
  </form>
)

/** One clause of evidence: its text with the scored words marked, and its score. */
const Clause: FC<{ detail: ArticleDetail; evidence: ActorEvidence }> = ({ detail, evidence }) => {
  const parts = []
  let at = evidence.start
  for (const w of evidence.words) {
    if (w.start < at || w.end > evidence.end) continue
    parts.push(detail.text.slice(at, w.start))
    parts.push(
      <mark class={w.base * (w.negated ? -1 : 1) < 0 ? 'neg' : 'pos'}>
        {detail.text.slice(w.start, w.end)}
      </mark>,
    )
    at = w.end
  }
  parts.push(detail.text.slice(at, evidence.end))
  return (
    <li>
      <span class="num">{signed(evidence.score)}</span> {parts}
    </li>
  )
}

export const AdhocPage: FC<{
  actor: Actor
  names: readonly string[]
  details: readonly ArticleDetail[]
}> = ({ actor, names, details }) => {
  const present = details.filter((d) => d.actors[actor.id])
  return (
    <>
      <h1>How these articles speak of {actor.label}</h1>
      <p class="lede">
        A one-off question: {actor.label} is looked for by the names {names.join(', ')}, in this
        answer only; nothing is saved. To keep it (and see it in every chart), add it on the actors
        page. <a href={methodsUrl('actor-tone')}>How tone is computed</a>
      </p>
      <p>
        Named in {present.length} of {details.length} articles.
      </p>
      <div class="table-wrap">
        <table class="library-table">
          <caption>
            <Plain tech={`tone toward ${actor.label}`}>
              How kind or harsh the words about {actor.label} are
            </Plain>
            , article by article
          </caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">
                <Plain tech="tone (mean clause score)">Kind or harsh words</Plain>
              </th>
              <th scope="col" class="num">
                Mentions
              </th>
            </tr>
          </thead>
          <tbody>
            {details.map((d) => {
              const f = d.actors[actor.id] ?? null
              return (
                <tr>
                  <th scope="row">
                    <a href={articleUrl(d.id)}>{d.title}</a>
                  </th>
                  <td>
                    {f ? (
                      <a href={`#adhoc-${d.id}`}>
                        <ToneValue framing={f} />
                      </a>
                    ) : (
                      <ToneValue framing={null} />
                    )}
                  </td>
                  <td class="num">{f ? f.mentions : 0}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {present.map((d) => {
        const f = d.actors[actor.id]!
        return (
          <section id={`adhoc-${d.id}`} aria-labelledby={`adhoc-${d.id}-title`}>
            <h2 id={`adhoc-${d.id}-title`}>
              {d.title}: <ToneValue framing={f} />
            </h2>
            <p class="hint">
              The average of {f.evidence.length}{' '}
              <Plain tech={f.evidence.length === 1 ? 'clause' : 'clauses'}>
                sentence part{f.evidence.length === 1 ? '' : 's'}
              </Plain>{' '}
              naming {actor.label}; the marked words carry a value.
            </p>
            <ol class="adhoc-clauses">
              {f.evidence.map((e) => (
                <Clause detail={d} evidence={e} />
              ))}
            </ol>
          </section>
        )
      })}
      <AdhocForm label={actor.label} names={names.join(', ')} />
    </>
  )
}
