/**
 * The teaching tools (issue 12): what-if (edit one article, see every score beside the
 * original's with the words that moved it; nothing saved), spot the frame (mark words, compare
 * with the tool's marks) and the glossary written for a 16-year-old.
 */
import type { FC } from 'hono/jsx'
import type { Actor, ActorFraming, ScoredWord } from '../../src/analysis/index.js'
import type { StoredArticle } from '../../src/corpus-store.js'
import type { Lesson } from '../../src/teach/lessons.js'
import { PREDICTION_OF } from '../../src/teach/predict.js'
import {
  SPOT_KINDS,
  SPOT_LABEL,
  spotSentences,
  type SpotKind,
  type SpotResult,
} from '../../src/teach/spot.js'
import { MAX_EDIT_CHARS, epithetsOf, type Edit, type WhatIf } from '../../src/teach/whatif.js'
import { compact, signed } from '../format.js'
import { glossaryUrl, lessonUrl, spotUrl, teachUrl, whatIfUrl } from '../teach-urls.js'
import { Plain } from '../components/plain.js'
import { ReliabilityNotes, TeachStyles } from './teach-parts.js'

const Crumbs: FC<{ lesson: Lesson }> = ({ lesson }) => (
  <p class="crumbs no-print">
    <a href={teachUrl()}>Lessons</a> › <a href={lessonUrl(lesson.id)}>{lesson.title}</a> ›
  </p>
)

/** The article choice of the what-if and spot forms. */
const ArticleSelect: FC<{ articles: readonly StoredArticle[]; chosen: string; id: string }> = ({
  articles,
  chosen,
  id,
}) => (
  <p>
    <label for={id}>Article</label>{' '}
    <select id={id} name="article">
      {articles.map((a) => (
        <option value={a.id} selected={a.id === chosen}>
          {a.detail.title}
        </option>
      ))}
    </select>
  </p>
)

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** A tone with its plain label ("absent" when the actor is not named). */
const ToneCell: FC<{ framing: ActorFraming | null }> = ({ framing }) =>
  framing ? (
    <>
      <span class="tone-number">{signed(framing.tone)}</span> {PREDICTION_OF[framing.label]}
    </>
  ) : (
    <span class="absent">not named</span>
  )

const Words: FC<{ words: readonly ScoredWord[]; sign: '−' | '+' }> = ({ words, sign }) =>
  words.length > 0 ? (
    <span class={sign === '−' ? 'words-removed' : 'words-added'}>
      {sign === '−' ? 'lost: ' : 'gained: '}
      {words.map((w, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <span class="term">{w.text}</span> ({compact(w.value)})
        </>
      ))}
    </span>
  ) : null

/**
 * The what-if form (a plain GET, so an edit is a link): replace a word or phrase, delete a
 * sentence, swap an epithet. `action` is the lesson's what-if or the article reader's; a lesson
 * offers its articles to choose from (`articles`).
 */
export const WhatIfForm: FC<{
  action: string
  articles?: readonly StoredArticle[]
  article: StoredArticle
  actors: readonly Actor[]
  edit?: Edit
}> = ({ action, articles, article, actors, edit }) => {
  const epithets = epithetsOf(article.detail)
  const labelOf = (id: string) => actors.find((a) => a.id === id)?.label ?? id
  return (
    <form class="whatif-form" method="get" action={action} aria-labelledby="whatif-form-title">
      <h2 id="whatif-form-title">Make a change</h2>
      {articles ? (
        <ArticleSelect articles={articles} chosen={article.id} id="whatif-article" />
      ) : null}
      <p>
        <label for="whatif-find">Replace the word or phrase</label>{' '}
        <input
          id="whatif-find"
          name="find"
          value={edit?.find ?? ''}
          maxlength={MAX_EDIT_CHARS}
          placeholder="e.g. regime"
        />{' '}
        <label for="whatif-replace">with</label>{' '}
        <input
          id="whatif-replace"
          name="replace"
          value={edit?.replace ?? ''}
          maxlength={MAX_EDIT_CHARS}
          placeholder="e.g. government"
        />
      </p>
      <p>
        <label for="whatif-drop">and/or delete the sentence</label>{' '}
        <select id="whatif-drop" name="drop">
          <option value="">(none)</option>
          {article.detail.sentenceSpans.map((s, i) => (
            <option value={String(i)} selected={edit?.drop === i}>
              {i + 1}. {short(article.detail.text.slice(s.start, s.end))}
            </option>
          ))}
        </select>
      </p>
      {epithets.length > 0 ? (
        <p>
          <label for="whatif-epithet">and/or swap the epithet</label>{' '}
          <select id="whatif-epithet" name="epithet">
            <option value="">(none)</option>
            {epithets.map((e) => (
              <option value={e.text} selected={edit?.epithet === e.text}>
                “{e.text}” (for {labelOf(e.actor)})
              </option>
            ))}
          </select>{' '}
          <label for="whatif-swap">for</label>{' '}
          <input
            id="whatif-swap"
            name="swap"
            value={edit?.swap ?? ''}
            maxlength={MAX_EDIT_CHARS}
            placeholder="e.g. leader"
          />
        </p>
      ) : null}
      <p class="hint">
        {articles
          ? 'Changing the article list reloads the sentences after you press the button. '
          : ''}
        Nothing you change is saved.
      </p>
      <p>
        <button type="submit">Show what changes</button>
      </p>
    </form>
  )
}

export const WhatIfResult: FC<{ result: WhatIf }> = ({ result }) => {
  const { before, after, edit } = result
  const changed = result.removed.length > 0 || result.added.length > 0
  return (
    <section class="whatif-result" aria-labelledby="whatif-title">
      <h2 id="whatif-title">Before and after</h2>
      <p role="status">
        {edit.find
          ? `“${edit.find}” → “${edit.replace}”: replaced ${result.replaced} time${result.replaced === 1 ? '' : 's'}. `
          : ''}
        {edit.drop !== null ? `Sentence ${edit.drop + 1} deleted. ` : ''}
        {edit.epithet
          ? `Epithet “${edit.epithet}” → “${edit.swap}”: swapped ${result.swapped} time${result.swapped === 1 ? '' : 's'}. `
          : ''}
        {!edit.find && edit.drop === null && !edit.epithet
          ? 'No change asked for: both columns are the same. '
          : ''}
        {changed ? '' : 'No word Framelens counts was changed, so no score moved.'}
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-label="Scores before and after">
        <table class="whatif-table">
          <caption>Every score of the original and of your edited version</caption>
          <thead>
            <tr>
              <th scope="col">What is measured</th>
              <th scope="col">Original</th>
              <th scope="col">Your version</th>
              <th scope="col">Words that moved it</th>
            </tr>
          </thead>
          <tbody>
            {result.actors.map((c) => (
              <tr data-actor={c.actor.id}>
                <th scope="row">
                  <Plain tech={`tone toward ${c.actor.label} (mean clause score) and its label`}>
                    How the writer treats {c.actor.label}
                  </Plain>
                </th>
                <td class="before">
                  <ToneCell framing={c.before} />
                </td>
                <td class="after">
                  <ToneCell framing={c.after} />
                </td>
                <td>
                  <Words words={c.removed} sign="−" /> <Words words={c.added} sign="+" />
                </td>
              </tr>
            ))}
            <tr data-measure="document">
              <th scope="row">
                <Plain tech="document tone per 1,000 words">
                  How positive the whole article’s words are
                </Plain>
              </th>
              <td class="before">{signed(before.tone.per1000, 1)}</td>
              <td class="after">{signed(after.tone.per1000, 1)}</td>
              <td>
                <Words words={result.removed} sign="−" /> <Words words={result.added} sign="+" />
              </td>
            </tr>
            <tr data-measure="loaded">
              <th scope="row">
                <Plain tech="loaded-language hits">Loaded words found</Plain>
              </th>
              <td class="before">{before.framing.loaded.total}</td>
              <td class="after">{after.framing.loaded.total}</td>
              <td />
            </tr>
            <tr data-measure="hedges">
              <th scope="row">
                <Plain tech="hedge cues">Hedges found</Plain>
              </th>
              <td class="before">{before.framing.hedging.count}</td>
              <td class="after">{after.framing.hedging.count}</td>
              <td />
            </tr>
            <tr data-measure="words">
              <th scope="row">Words</th>
              <td class="before">{before.words}</td>
              <td class="after">{after.words}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <ReliabilityNotes detail={after} />
    </section>
  )
}

export const WhatIfPage: FC<{
  lesson: Lesson
  articles: readonly StoredArticle[]
  article: StoredArticle
  actors: readonly Actor[]
  result?: WhatIf
}> = ({ lesson, articles, article, actors, result }) => (
  <div class="teach">
    <TeachStyles />
    <Crumbs lesson={lesson} />
    <h1>What if…? {lesson.title}</h1>
    <p class="lede">
      Swap a word for another (try a harsh word for a plain one, like “regime” → “government”),
      delete a sentence or swap an epithet, and see how each result changes. This page shows scores:
      do the lesson’s prediction first.
    </p>
    <WhatIfForm
      action={whatIfUrl(lesson.id)}
      articles={articles}
      article={article}
      actors={actors}
      edit={result?.edit}
    />
    <div id="whatif-out" aria-live="polite">
      {result ? <WhatIfResult result={result} /> : null}
    </div>
  </div>
)

/** Spot the frame: the worksheet form, and the comparison once checked. */
export const SpotPage: FC<{
  lesson: Lesson
  articles: readonly StoredArticle[]
  article: StoredArticle
  kind: SpotKind
  marks: readonly number[]
  result?: SpotResult
}> = ({ lesson, articles, article, kind, marks, result }) => {
  const marked = new Set(marks)
  const sentences = spotSentences(article.detail)
  return (
    <div class="teach spot">
      <TeachStyles />
      <Crumbs lesson={lesson} />
      <h1>Spot the frame: {lesson.title}</h1>
      <p class="lede">
        Mark the {SPOT_LABEL[kind]} you find in the article, then press “Compare with Framelens”.
        See the <a href={glossaryUrl()}>glossary</a> if a word is new.
      </p>
      <nav aria-label="What to look for" class="spot-kinds">
        <ul>
          {SPOT_KINDS.map((k) => (
            <li>
              <a
                href={spotUrl(lesson.id, article.id, k)}
                aria-current={k === kind ? 'page' : undefined}
              >
                {SPOT_LABEL[k]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {result ? <SpotComparison result={result} /> : null}
      <form method="get" action={spotUrl(lesson.id)} class="spot-form">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="check" value="1" />
        <ArticleSelect articles={articles} chosen={article.id} id="spot-article" />
        <h2>“{article.detail.title}”</h2>
        {sentences.map((s) =>
          kind === 'quote' ? (
            <p class="spot-sentence">
              <label>
                <input
                  type="checkbox"
                  name="m"
                  value={String(s.start)}
                  checked={marked.has(s.start)}
                />{' '}
                {s.text}
              </label>
            </p>
          ) : (
            <fieldset class="spot-sentence">
              <legend>Sentence {s.index + 1}</legend>
              {s.words.map((w) => (
                <label class="spot-word">
                  <input
                    type="checkbox"
                    name="m"
                    value={String(w.start)}
                    checked={marked.has(w.start)}
                  />
                  <span>{w.text}</span>
                </label>
              ))}
            </fieldset>
          ),
        )}
        <p>
          <button type="submit">Compare with Framelens</button>
        </p>
      </form>
    </div>
  )
}

export const SpotComparison: FC<{ result: SpotResult }> = ({ result }) => (
  <section class="spot-result" id="spot-result" aria-labelledby="spot-result-title">
    <h2 id="spot-result-title">Your marks and Framelens’s</h2>
    <p role="status">
      You and Framelens agree on <strong class="spot-both-count">{result.both.length}</strong>; you
      found <strong class="spot-student-count">{result.studentOnly.length}</strong> it did not; it
      found <strong class="spot-tool-count">{result.toolOnly.length}</strong> you did not.
      Agreement: {Math.round(result.agreement * 100)}&nbsp;% of everything either of you marked.
    </p>
    <div class="spot-columns">
      <section>
        <h3>Both of you</h3>
        <ul class="spot-both">
          {result.both.map((m) => (
            <li>
              “{m.text}” <span class="muted">({m.what})</span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Only you</h3>
        <ul class="spot-student">
          {result.studentOnly.map((w) => (
            <li>“{short(w.text, 120)}”</li>
          ))}
        </ul>
        <p class="hint">
          The tool only knows the words on its lists. If you think it missed one, you may be right:
          that is a gap in its list.
        </p>
      </section>
      <section>
        <h3>Only Framelens</h3>
        <ul class="spot-tool">
          {result.toolOnly.map((m) => (
            <li>
              “{short(m.text, 120)}” <span class="muted">({m.what})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  </section>
)

/** The glossary's entries: a plain definition, an example from the articles, the tool's name. */
export const GLOSSARY: {
  id: string
  term: string
  plain: string
  example: string
  tech?: string
}[] = [
  {
    id: 'tone',
    term: 'Tone',
    plain:
      'How positive or negative a writer’s words are. A writer who calls a visit a “triumph” has a positive tone; one who calls it a “humiliation” has a negative one.',
    example:
      'Framelens gives each word it knows a value (for example “threat” is negative), adds them up in each bit of a sentence, and takes the average.',
    tech: 'Framelens: mean clause score, from the AFINN word list plus news words',
  },
  {
    id: 'toward',
    term: 'Toward',
    plain:
      'Who a word is aimed at. “Putin praised Kim” is about both of them, but the praise is toward Kim. Framelens counts a word toward the country named nearest to it in the same part of the sentence.',
    example: 'In “North Korea’s brutal regime”, “brutal” is toward North Korea.',
    tech: 'attribution of scored words to actor mentions',
  },
  {
    id: 'frame',
    term: 'Frame',
    plain:
      'The angle a story is told from: as a fight, as a danger, as a money question, as a human story. The same facts can be framed in very different ways.',
    example:
      'A summit can be framed as “two dictators team up” (a threat) or as “a trade deal” (money).',
    tech: 'frame categories (after the Policy Frames Codebook)',
  },
  {
    id: 'loaded-language',
    term: 'Loaded language',
    plain:
      'Words that carry a judgement on top of their meaning, so they tell you what to feel. Name-calling and exaggeration are kinds of loaded language.',
    example: '“Regime” instead of “government”, “despot” instead of “leader”.',
    tech: 'loaded-language lexicon (propaganda techniques, SemEval-2020 Task 11)',
  },
  {
    id: 'hedge',
    term: 'Hedge',
    plain:
      'A word that makes a claim less sure: “may”, “probably”, “reportedly”, “it seems”. Hedges are honest when facts are unclear, but many hedges can let a writer suggest things they cannot prove.',
    example: '“Kim might visit Russia” is hedged; “Kim will visit Russia” is not.',
    tech: 'hedge cues',
  },
  {
    id: 'source',
    term: 'Source',
    plain:
      'Who the information comes from. A named source (“Kremlin spokesman Dmitry Peskov said”) can be checked; an anonymous one (“a U.S. official said”) cannot.',
    example: '“according to the Associated Press” names another news outlet as the source.',
    tech: 'attributions by source kind: named, anonymous, outlet, unattributed',
  },
  {
    id: 'quote',
    term: 'Quote',
    plain:
      'Someone else’s exact words, in quotation marks. A quote tells you what that person said, not what the writer thinks, so Framelens leaves quoted words out of the writer’s tone.',
    example:
      'A word alone in quotation marks, like calling a result “winning”, is a scare quote: the writer is keeping a distance from it.',
    tech: 'direct quotations; scare quotes (one or two words)',
  },
  {
    id: 'salience',
    term: 'Salience',
    plain:
      'How much attention a story gives someone: how often they are named, and whether they are in the headline or the first paragraph. Being left out is also a choice.',
    example:
      'An article that names Russia 25 times and the West twice makes Russia the main character.',
    tech: 'mentions, share of mentions, in title, in lead',
  },
]

export const GlossaryPage: FC = () => (
  <div class="teach glossary">
    <TeachStyles />
    <p class="crumbs">
      <a href={teachUrl()}>Lessons</a> ›
    </p>
    <h1>Glossary</h1>
    <p class="lede">The words the lessons use, explained without jargon.</p>
    <dl>
      {GLOSSARY.map((g) => (
        <>
          <dt id={g.id}>{g.term}</dt>
          <dd>
            <p>{g.plain}</p>
            <p class="example">
              <strong>Example:</strong> {g.example}
            </p>
            {g.tech ? <p class="tech">In the tool’s own terms: {g.tech}.</p> : null}
          </dd>
        </>
      ))}
    </dl>
  </div>
)
