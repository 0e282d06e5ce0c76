/**
 * Where the tool is unreliable for one article, said where its numbers are (issue 12): on the
 * article page under its facts and at the head of each comparison column. The numbers come from
 * src/domain/reliability.ts; where the learned reading disagrees with the lexicon label, the actor
 * table says so in its cell (model-reading.tsx), so it is not repeated here.
 */
import type { FC } from 'hono/jsx'
import {
  reliability,
  SHORT_ARTICLE_WORDS,
  type ReliabilityInput,
} from '../../src/domain/reliability.js'
import { num } from '../format.js'
import { Plain } from './plain.js'

export const ReliabilityNotes: FC<{ detail: ReliabilityInput }> = ({ detail }) => {
  const r = reliability(detail)
  return (
    <ul class="reliability-notes" aria-label="How far to trust these numbers">
      {r.sarcasm.length > 0 ? (
        <li class="note-sarcasm">
          <strong>Sarcasm warning:</strong> this article mocks or jokes (
          {r.sarcasm.map((s) => `“${s}”`).join(', ')}). Framelens reads words at face value, so a
          sarcastic “good” counts as good.
        </li>
      ) : null}
      {r.short ? (
        <li class="note-short">
          <strong>Short article:</strong> with {r.words} words (fewer than {SHORT_ARTICLE_WORDS}),
          one word changes the counts per 1,000 words a lot, so they are not stable.
        </li>
      ) : null}
      <li class="note-coverage" data-value={String(r.toneWordShare)}>
        Framelens’s word list knows{' '}
        <Plain tech="lexicon coverage: share of words with a value in the tone word list">
          {num(r.toneWordShare, 1)}&nbsp;% of the words
        </Plain>{' '}
        here ({r.toneWords} of {r.words}); every other word counts as neutral, so the tone rests on
        those few.
      </li>
    </ul>
  )
}
