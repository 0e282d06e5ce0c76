/**
 * What is behind a tone toward an actor in an article, as the teaching reveals show it (issue
 * 12): the per-actor reveal and the ranking reveal both use it.
 */
import type { FC } from 'hono/jsx'
import type { Actor, ActorFraming } from '../../src/analysis/index.js'
import type { CorpusStore, StoredArticle } from '../../src/corpus-store.js'
import { movingWords } from '../../src/teach/predict.js'
import { EvidenceClause } from '../components/evidence.js'
import { compact } from '../format.js'
import { ReliabilityNotes } from './teach-parts.js'

/**
 * What is behind a tone toward an actor in an article: the words that moved it most, where the
 * tool is unreliable, and (folded) every clause that names the actor with the words counted.
 * The per-actor reveal and the ranking reveal both show it.
 */
export const ToneEvidence: FC<{
  article: StoredArticle
  actor: Actor
  framing: ActorFraming
  store: CorpusStore
}> = ({ article, actor, framing, store }) => {
  const words = movingWords(framing).slice(0, 6)
  return (
    <>
      <p>
        Words that moved it most:{' '}
        {words.length > 0
          ? words.map((w, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <span class="term">{w.text}</span> ({compact(w.value)})
              </>
            ))
          : 'none: no word Framelens knows judges it in the writer’s own voice.'}
      </p>
      <ReliabilityNotes detail={article.detail} actor={actor.id} />
      <details>
        <summary>
          The {framing.evidence.length} bits of text that name {actor.label}, and the words counted
        </summary>
        <ol class="evidence-list">
          {framing.evidence.map((e) => (
            <EvidenceClause detail={article.detail} evidence={e} actors={store.actors} />
          ))}
        </ol>
      </details>
    </>
  )
}
