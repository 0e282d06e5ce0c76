/**
 * Methods: every measure the dashboard shows, how it is computed, its thresholds, references and
 * limits. Numbers come from the engine's own constants (never retyped here), so this page cannot
 * drift from what the code does.
 */
import { readFileSync } from 'node:fs'
import type { FC } from 'hono/jsx'
import {
  CONTRAST_WEIGHT_AFTER,
  CONTRAST_WEIGHT_BEFORE,
  CONTRAST_WORDS,
  DISTINCTIVE_MIN_COUNT,
  DISTINCTIVE_MIN_G2,
  DISTINCTIVE_TERMS,
  EPITHET_WINDOW,
  FRAMES,
  HEDGES,
  LEXICON_INFO,
  LOADED_CATEGORIES,
  LOADED_EVALUATION,
  NEGATED_NEGATIVE_FACTOR,
  NEGATION_FACTOR,
  SCARE_QUOTE_MAX_WORDS,
  SENSE_TRAPS,
  SOURCING,
  SUBJECT_WINDOW,
  TARGET_PREPOSITIONS,
  TONE_THRESHOLDS,
  TOP_TERMS,
  type Actor,
  type CueCategory,
  type LoadedCategory,
} from '../../src/analysis/index.js'
import { BOILERPLATE_RULES } from '../../src/corpus/boilerplate.js'
import { ActorSwatch } from '../components/actors.js'
import { SOURCE_KIND_LABELS } from '../cues.js'
import { compact } from '../format.js'
import { LearnedReadingMethod } from '../components/model-reading.js'

const list = (words: Iterable<string>) => [...words].map((w) => `“${w}”`).join(', ')

const Section: FC<{ id: string; title: string; children?: unknown }> = ({
  id,
  title,
  children,
}) => (
  <section id={id} class="method" aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>
      {title}{' '}
      <a class="anchor" href={`#${id}`} aria-label={`Link to ${title}`}>
        #
      </a>
    </h2>
    {children as never}
  </section>
)

/** A lexicon's size and source, as the engine loaded it. */
const LexiconLine: FC<{ name: string; info: { size: number; source: string } }> = ({
  name,
  info,
}) => (
  <p class="lexicon-line">
    <strong>{name}</strong>: {info.size} entries. Source: {info.source}.
  </p>
)

/** The categories of a cue lexicon with the labels and descriptions its file gives them. */
const CategoryTable: FC<{ caption: string; categories: readonly CueCategory[] }> = ({
  caption,
  categories,
}) => (
  <div class="table-wrap">
    <table class="categories">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">What it stands for</th>
          <th scope="col" class="num">
            Cues
          </th>
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr id={`category-${c.id}`}>
            <th scope="row">{c.label}</th>
            <td>{c.description}</td>
            <td class="num">{c.cues.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
)

/** A lexicon file's own description, quoted: it is the source of truth for what the list holds. */
const FileNote: FC<{ file: string; about: string }> = ({ file, about }) => (
  <blockquote class="file-note">
    <p>
      <code>{file}</code>: {about}
    </p>
  </blockquote>
)

/** One loaded-language category as `npm run eval` measured it on PTC-dev. */
interface PtcFigures {
  hitPrecision: number
  spanRecall: number
  hits: number
}

/**
 * The PTC-dev figures of each loaded-language category (and of all of them, as "all claimed")
 * from data/eval.json, which `npm run eval` writes; empty when the file or its section is absent.
 */
function readPtcFigures(): { date: string; byCategory: ReadonlyMap<string, PtcFigures> } {
  try {
    const file = JSON.parse(readFileSync(new URL('../../data/eval.json', import.meta.url), 'utf8'))
    const rows = (file.sections?.ptc ?? []) as (PtcFigures & { category: string; system: string })[]
    return {
      date: String(file.date ?? ''),
      byCategory: new Map(
        rows.filter((r) => r.system === 'loaded-language cues').map((r) => [r.category, r]),
      ),
    }
  } catch {
    return { date: '', byCategory: new Map() }
  }
}

const PTC = readPtcFigures()

/** The NewsMTSC dev-split rows of data/eval.json (system, F1-macro, accuracy, n), or none. */
function readNewsMtscFigures(): { system: string; f1Macro: number; accuracy: number; n: number }[] {
  try {
    const file = JSON.parse(readFileSync(new URL('../../data/eval.json', import.meta.url), 'utf8'))
    const rows = (file.sections?.newsmtsc ?? []) as {
      split: string
      system: string
      f1Macro: number
      accuracy: number
      n: number
    }[]
    return rows.filter((r) => r.split.startsWith('dev'))
  } catch {
    return []
  }
}

const NEWSMTSC = readNewsMtscFigures()

const percent = (v: number) => `${v.toFixed(1)} %`

/** The loaded-language categories with their PTC techniques and measured hit precision. */
const LoadedCategoryTable: FC<{ categories: readonly LoadedCategory[] }> = ({ categories }) => {
  const all = PTC.byCategory.get('all claimed')
  return (
    <div class="table-wrap">
      <table class="categories">
        <caption>
          Techniques (data/lexicons/loaded-language.json) and their precision on PTC-dev
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">What it stands for</th>
            <th scope="col">PTC technique</th>
            <th scope="col" class="num">
              Cues
            </th>
            <th scope="col" class="num">
              Hit precision
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => {
            const m = PTC.byCategory.get(c.id)
            return (
              <tr id={`category-${c.id}`}>
                <th scope="row">{c.label}</th>
                <td>{c.description}</td>
                <td>{c.techniques.join('; ')}</td>
                <td class="num">{c.cues.length}</td>
                <td class="num" data-precision={m ? String(m.hitPrecision) : ''}>
                  {m ? percent(m.hitPrecision) : 'not measured'}
                </td>
              </tr>
            )
          })}
        </tbody>
        {all ? (
          <tfoot>
            <tr>
              <th scope="row">All techniques</th>
              <td colspan={3}>
                {all.hits} hits; {percent(all.spanRecall)} of the gold spans found
              </td>
              <td class="num" data-precision={String(all.hitPrecision)}>
                {percent(all.hitPrecision)}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  )
}

export const MethodsPage: FC<{ actors: readonly Actor[] }> = ({ actors }) => (
  <>
    <h1>Methods</h1>
    <p class="lede">
      What each number on these pages means, how it is computed, and where it can mislead. Framelens
      counts words; it does not judge whether an article is true or fair.
    </p>
    <nav class="toc" aria-label="Measures">
      <ul>
        <li>
          <a href="#boilerplate">Cleaning</a>
        </li>
        <li>
          <a href="#document-tone">Document tone</a>
        </li>
        <li>
          <a href="#negation">Negation, contrast, quotes</a>
        </li>
        <li>
          <a href="#sentence-tone">Sentence tone</a>
        </li>
        <li>
          <a href="#actor-tone">Tone toward an actor</a>
        </li>
        <li>
          <a href="#salience">Salience</a>
        </li>
        <li>
          <a href="#actors">Actors</a>
        </li>
        <li>
          <a href="#keywords">Keywords</a>
        </li>
        <li>
          <a href="#kwic">Keyword in context</a>
        </li>
        <li>
          <a href="#naming">Naming</a>
        </li>
        <li>
          <a href="#frames">Frames</a>
        </li>
        <li>
          <a href="#loaded-language">Loaded language</a>
        </li>
        <li>
          <a href="#sourcing">Voice and sourcing</a>
        </li>
        <li>
          <a href="#hedging">Hedging</a>
        </li>
        <li>
          <a href="#scales">Charts and scales</a>
        </li>
        <li>
          <a href="#limits">Limits</a>
        </li>
      </ul>
    </nav>

    <Section id="boilerplate" title="Cleaning: what is not analysed">
      <p>
        Scraped page furniture is taken out of the body before any measure, by the rules below; the
        files are not edited, and each article page lists what was removed and why.
      </p>
      <ul>
        {BOILERPLATE_RULES.map((r) => (
          <li>
            {r.reason} ({r.scope === 'line' ? 'whole line' : 'inside a line'}), e.g.{' '}
            <q>{r.example}</q>
          </li>
        ))}
      </ul>
    </Section>

    <Section id="document-tone" title="Document tone">
      <p>
        Each word (or listed phrase) found in a tone lexicon gets that lexicon’s value from −5 to
        +5: <strong>{LEXICON_INFO.afinn.name}</strong> ({LEXICON_INFO.afinn.size} entries,{' '}
        {LEXICON_INFO.afinn.source}) and the <strong>{LEXICON_INFO.news.name}</strong> additions (
        {LEXICON_INFO.news.size} entries; {LEXICON_INFO.news.source}
        ), which override AFINN where both list a word.
      </p>
      <FileNote file="data/lexicons/news-tone.json" about={LEXICON_INFO.news.about} />
      <FileNote file="data/lexicons/news-tone-newsmtsc.json" about={LEXICON_INFO.newsMtsc.about} />
      <ul>
        <li>
          <strong>Score</strong>: the sum of the values of every scored word, after negation and
          contrast.
        </li>
        <li>
          <strong>Tone per 1,000 words</strong>: score ÷ words × 1,000, so long and short articles
          compare.
        </li>
        <li>
          <strong>Positive / negative words per 1,000</strong>: words with a value above / below 0
          per 1,000 words, as GDELT reports them.
        </li>
        <li>
          <strong>Polarity</strong>: the share of words that carry any tone, in percent.
        </li>
      </ul>
      <p class="refs">
        References: F. Å. Nielsen, “A new ANEW: evaluation of a word list for sentiment analysis in
        microblogs”, 2011 (AFINN); K. Leetaru and P. Schrodt, “GDELT: Global Data on Events,
        Location and Tone”, 2013; the <code>sentiment</code> package 5.0.2.
      </p>
    </Section>

    <Section id="negation" title="Negation, contrast and quotation">
      <ul>
        <li>
          <strong>Negation</strong>: a negator ({LEXICON_INFO.negators.size} words, and any word
          ending in n’t) flips a tone word that follows it in the same clause, at most{' '}
          {LEXICON_INFO.negators.scope} words on and with no punctuation between: the value is
          multiplied by {compact(NEGATION_FACTOR)} when it is positive, so “not good” is mildly
          negative (VADER’s damping), and by {compact(NEGATED_NEGATIVE_FACTOR)} when it is negative:
          “was not damaged” or “not bad” denies blame, which is not praise.
          <FileNote file="data/lexicons/negators.json" about={LEXICON_INFO.negators.about} />
        </li>
        <li>
          <strong>Contrast</strong>: within a sentence, the clause before {list(CONTRAST_WORDS)}{' '}
          counts ×{CONTRAST_WEIGHT_BEFORE} and the clause from it on counts ×{CONTRAST_WEIGHT_AFTER}
          : what follows “but” is what the writer stresses.
        </li>
        <li>
          <strong>Quotation</strong>: one to {SCARE_QUOTE_MAX_WORDS} words in quotation marks are
          scare quotes (the writer keeps the word at a distance) and count 0. Longer quotations are
          direct speech: they count in the document’s tone but not in the writer’s tone toward an
          actor, which is reported separately.
        </li>
      </ul>
      <p class="refs">
        Reference: C. J. Hutto and E. Gilbert, “VADER: A Parsimonious Rule-based Model for Sentiment
        Analysis of Social Media Text”, ICWSM 2014.
      </p>
    </Section>

    <Section id="sentence-tone" title="Sentence tone">
      <p>
        The sum of the scored words of each sentence, as above. Beside it, the score the{' '}
        <code>sentiment</code> package alone gives the same sentence with the same word list: it
        looks only one word back for a negator and knows no contrast or quotation, so the two differ
        exactly where those rules apply.
      </p>
    </Section>

    <Section id="actor-tone" title="Tone toward an actor">
      <p>
        Sentences are split into clauses (at “while”, “whereas”, “but”, “yet”, semicolons, colons
        and dashes). Only the clauses that name an actor count for it, and in those only the words
        that evaluate it: each scored word goes to the actor named nearest to it among those the
        clause names as agents. An actor named right after {list(TARGET_PREPOSITIONS)} (optionally
        followed by “the”), after “than”, or as the object of an evaluation (“hatred of the West”)
        is on the receiving end of the clause, not its agent: the clause is listed in its evidence
        with no words. Words inside a name never count.
      </p>
      <p>These links take a word past the nearest name; the evidence says which one moved it:</p>
      <ul>
        <li>
          <strong>Appositives and relative clauses</strong> belong to their head: in “Mr. Putin, a
          ruthless dictator, met Mr. Kim” the words between the commas are about Putin.
        </li>
        <li>
          <strong>Coordinated names</strong> share their predicate and a plural epithet: “Putin and
          Kim are two brutal dictators” gives both of them “brutal” and “dictators”.
        </li>
        <li>
          <strong>Pronouns and descriptions</strong> (“he”, “his”, “they”, “the regime”) stand for
          the subject of their sentence when they follow it, and in a sentence that names no actor
          for the subject of the sentence before; not when a name that is no actor’s stands in their
          sentence.
        </li>
      </ul>
      <p>
        The <strong>tone</strong> is the mean clause score over the clauses that name the actor. Its{' '}
        <strong>label</strong>: <strong>negative</strong> at or below {TONE_THRESHOLDS.negative},{' '}
        <strong>positive</strong> at or above {TONE_THRESHOLDS.positive}, <strong>neutral</strong>{' '}
        between. An actor the article never names is <strong>absent</strong>: no tone, no label,
        never shown as 0.
      </p>
      <p>
        <strong>How well it does</strong> on NewsMTSC, sentences of US and UK political news with
        the sentiment each expresses toward each target (training split, its documented 10 % dev
        split; from <code>npm run eval</code>):
      </p>
      {NEWSMTSC.length > 0 ? (
        <table class="categories">
          <thead>
            <tr>
              <th scope="col">reading</th>
              <th scope="col">F1-macro</th>
              <th scope="col">accuracy</th>
              <th scope="col">targets</th>
            </tr>
          </thead>
          <tbody>
            {NEWSMTSC.map((r) => (
              <tr>
                <td>{r.system}</td>
                <td>{r.f1Macro.toFixed(1)}</td>
                <td>{r.accuracy.toFixed(1)}</td>
                <td>{r.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="note">
          Not measured: <code>data/eval.json</code> has no NewsMTSC figures.
        </p>
      )}
      <p>
        The lexicon label stays below the plain sentence score on this data: NewsMTSC counts quoted
        speech and world knowledge (“Flynn pleaded guilty”), and in sentences with two targets it
        often gives both the sentence’s polarity, where the label gives each word to one name. The
        learned reading below is trained for that construct; the label is kept because every one of
        its numbers can be traced to words.
      </p>
      <p class="refs">
        F. Hamborg and K. Donnay, “NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
        Classification in Political News Articles”, EACL 2021.
      </p>
    </Section>

    <Section id="learned-reading" title="A learned second reading">
      <LearnedReadingMethod />
    </Section>

    <Section id="sense-traps" title="Sense traps">
      <p>
        Phrases in which a word of the lexicon has another sense in this coverage score as a whole (
        {LEXICON_INFO.senseTraps.size} phrases), mostly 0, so their words are not counted one by
        one:
      </p>
      <ul>
        {SENSE_TRAPS.map((t) => (
          <li>
            “{t.phrase}” {compact(t.value)}: disarms {t.disarms}; {t.why}.
          </li>
        ))}
      </ul>
      <FileNote file="data/lexicons/sense-traps.json" about={LEXICON_INFO.senseTraps.about} />
    </Section>

    <Section id="salience" title="Salience">
      <ul>
        <li>
          <strong>Mentions</strong>: how many times any alias of the actor is named in the body.
        </li>
        <li>
          <strong>Share</strong>: the actor’s mentions as a percentage of all actor mentions in the
          article.
        </li>
        <li>
          <strong>Title, lead</strong>: whether the headline or the first paragraph names the actor.
          A title made from the lead’s opening words is not a headline and counts for nothing.
        </li>
      </ul>
    </Section>

    <Section id="actors" title="Actors">
      <p>
        Actors and their names live in an editable file (<code>data/actors.json</code>), not in
        code. Aliases match whole words, case-insensitively except aliases written in capitals; a
        match inside an excluded phrase is not a mention.
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Aliases</th>
              <th scope="col">Not a mention</th>
            </tr>
          </thead>
          <tbody>
            {actors.map((a) => (
              <tr>
                <th scope="row">
                  <ActorSwatch actor={a} /> {a.label}
                </th>
                <td>{a.aliases.join(', ')}</td>
                <td>{a.exclude.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>

    <Section id="keywords" title="Keywords">
      <p>
        Terms are single words in lower case with a possessive ’s dropped, leaving out numbers and{' '}
        {LEXICON_INFO.stopwords.size} stop words ({LEXICON_INFO.stopwords.source}).
      </p>
      <ul>
        <li>
          <strong>Most frequent</strong>: the {TOP_TERMS} most frequent terms of the article.
        </li>
        <li>
          <strong>Distinctive</strong>: up to {DISTINCTIVE_TERMS} terms used relatively more in the
          article than in the others (the rest of the corpus on an article page, the other columns
          on the comparison), by Dunning’s log-likelihood G², kept when G² ≥ {DISTINCTIVE_MIN_G2} (p
          &lt; 0.05, one degree of freedom) and the term occurs at least {DISTINCTIVE_MIN_COUNT}{' '}
          times.
        </li>
      </ul>
      <p class="refs">
        References: T. Dunning, “Accurate Methods for the Statistics of Surprise and Coincidence”,
        Computational Linguistics 19(1), 1993; P. Rayson and R. Garside, “Comparing Corpora using
        Frequency Profiling”, 2000.
      </p>
    </Section>

    <Section id="kwic" title="Keyword in context">
      <p>
        Every occurrence of the query as whole words (a phrase matches word by word; “Russia” also
        finds “Russia’s”), case-insensitive, with up to 60 characters either side cut at word and
        paragraph boundaries.
      </p>
    </Section>

    <Section id="naming" title="Naming">
      <p>
        How each article names each actor: every <strong>name</strong> (a mention by one of the
        actor’s aliases, counted in the form the article writes it, lower-cased and with a
        possessive ’s dropped) and every <strong>epithet</strong> (a word or phrase of the naming
        lexicon, such as “dictator”, “hermit kingdom” or “comrades-in-arms”) it attaches to the
        actor. The tables list the epithets first, then the names, each with its count; an actor the
        article never names is <strong>absent</strong>.
      </p>
      <ul>
        <li>
          An epithet counts for the actor whose name is nearest to it, at most {EPITHET_WINDOW}{' '}
          words away <strong>in the same clause</strong>. One with no name in reach counts for
          nobody; one that is itself part of a name (“hermit kingdom” is an alias of North Korea)
          counts as the name.
        </li>
        <li>
          An epithet after a possessive (“his new BFF”) describes someone else and is left out.
        </li>
        <li>
          Inside a quotation an epithet goes to a name in the same quotation, or to one named just
          before the quotation opens (“called the US ‘evil forces’”).
        </li>
      </ul>
      <LexiconLine name="Naming lexicon" info={LEXICON_INFO.naming} />
      <FileNote file="data/lexicons/naming.json" about={LEXICON_INFO.naming.about} />
      <p>
        <strong>Limits</strong>: no coreference, so an epithet in a clause that names nobody (“the
        despot said”) is not counted; when two actors are named close together the nearest name may
        be the wrong one; no stemming, so every form must be listed; neutral role words (leader,
        president, partner) are listed on purpose, beside the loaded labels.
      </p>
    </Section>

    <Section id="frames" title="Frames">
      <p>
        Which frames an article leans on, estimated from cue words for {FRAMES.length} framing
        dimensions after the Media Frames Corpus codebook. Each cue found in the text is a hit of
        its frame. A frame’s <strong>share</strong> is its hits as a percentage of all frame hits in
        the article; <strong>per actor</strong>, only the hits in the clauses that name the actor
        count, as a share of those. Cues are whole words or phrases, the longest match first, so
        “arms control” counts as legality and not as security.
      </p>
      <CategoryTable caption="Frame dimensions (data/lexicons/frames.json)" categories={FRAMES} />
      <LexiconLine name="Frame cues" info={LEXICON_INFO.frames} />
      <FileNote file="data/lexicons/frames.json" about={LEXICON_INFO.frames.about} />
      <p>
        <strong>Limits</strong>: the codebook defines dimensions, not word lists, and annotators
        read whole passages; a cue word signals a frame, it does not establish one. A clause that
        names two actors gives its frame cues to both. No stemming.
      </p>
      <p class="refs">
        References: A. E. Boydstun, D. Card, J. H. Gross, P. Resnik and N. A. Smith, “Tracking the
        Development of Media Frames within and across Policy Issues”, 2014; D. Card, A. E. Boydstun,
        J. H. Gross, P. Resnik and N. A. Smith, “The Media Frames Corpus”, ACL 2015.
      </p>
    </Section>

    <Section id="loaded-language" title="Loaded language">
      <p>
        Cue words and phrases for {LOADED_CATEGORIES.length} propaganda techniques a word list can
        approximate, after SemEval-2020 Task 11. Each hit is highlighted; the <strong>rate</strong>{' '}
        is hits per 1,000 words of the article, per technique and in all. Matching runs across all
        techniques at once, longest match first, so each word counts for one technique only.
      </p>
      <p>
        <strong>Measured precision</strong>: every cue was run on PTC-dev, 186 news articles of the
        Propaganda Techniques Corpus with the spans its annotators marked for each technique. A hit
        is right when it overlaps a marked span of the technique its category stands for; the{' '}
        <strong>hit precision</strong> is the share of hits that are right.{' '}
        {PTC.byCategory.size > 0 ? (
          <>
            Figures from <code>npm run eval</code>
            {PTC.date ? ` (${PTC.date})` : ''}.
          </>
        ) : (
          <>
            Not measured: <code>data/eval.json</code> has no PTC figures (run{' '}
            <code>npm run eval</code> where the data is).
          </>
        )}{' '}
        Pruning rule: {LOADED_EVALUATION.rule}. The rule was chosen on the same articles, so these
        figures flatter the list; {LOADED_EVALUATION.twoFold}.
      </p>
      <LoadedCategoryTable categories={LOADED_CATEGORIES} />
      <LexiconLine name="Loaded-language cues" info={LEXICON_INFO.loaded} />
      <FileNote file="data/lexicons/loaded-language.json" about={LEXICON_INFO.loaded.about} />
      <p>
        <strong>Limits</strong>: a hit is a cue to read, not a verdict. Hits inside quotations are
        counted although they are the speaker’s words, not the author’s. Sarcasm markers are few,
        and irony without a marker is missed. No stemming. Most marked spans carry no listed word,
        so most propaganda goes unflagged; doubt, appeal to fear and exaggeration have few cues that
        are right even half the time, and the other techniques of SemEval (repetition, causal
        oversimplification, whataboutism …) have no lexical cue at all.
      </p>
      <p class="refs">
        Reference: G. Da San Martino, A. Barrón-Cedeño, H. Wachsmuth, R. Petrov and P. Nakov,
        “SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles”, 2020 (the task
        and its Propaganda Techniques Corpus).
      </p>
    </Section>

    <Section id="sourcing" title="Voice and sourcing">
      <ul>
        <li>
          <strong>Quotes</strong>: text in double quotation marks paired within a paragraph, of more
          than {SCARE_QUOTE_MAX_WORDS} words (shorter ones are scare quotes, see{' '}
          <a href="#negation">quotation</a>), and <strong>block quotes</strong>: a paragraph that
          starts with “&gt;”, or the paragraph right after one that ends with an outlet credit in
          brackets (“(Associated Press)”) or with a colon after an attribution (“The Economist
          notes:”). The <strong>quoted share</strong> is the words inside quotes as a percentage of
          the article’s words.
        </li>
        <li>
          <strong>Attributions</strong>: each of {SOURCING.attributionVerbs.length} attribution
          verbs and phrases (“said”, “told reporters”, “according to”, “wrote”) outside quotations.
          Its source is the candidate that contains it (“officials said”) or the nearest one before
          it in the sentence (its subject, not the object of a preposition), at most{' '}
          {SUBJECT_WINDOW} words away outside quotations; after it only for “according to X”, a
          passive “by X” or an inverted “…, said Putin.”. A verb coordinated with the one before
          (“vowed … and said”) shares its subject.
        </li>
        <li>
          <strong>Sources</strong> are of four kinds:{' '}
          {Object.entries(SOURCE_KIND_LABELS)
            .map(([, label]) => label.toLowerCase())
            .join(', ')}
          . Anonymous: one of {SOURCING.anonymous.length} phrases (“a U.S. official”, “people
          familiar with”); outlet: one of {SOURCING.outlets.length} news outlets and agencies;
          named: a run of capitalised words, role words allowed inside (“Kremlin spokesman Dmitry
          Peskov”); unattributed: no source found, or a pronoun with no named source to take. Next
          to each other, candidates merge into the most specific kind (“a U.S. official anonymously”
          is anonymous). A pronoun (“he added”) takes the last named source of the same or the
          previous paragraph.
        </li>
        <li>
          <strong>Who is quoted</strong>: the source of the attribution nearest the quote in a
          sentence the quote touches, else in the sentence after or before it; for a block quote,
          the attribution or outlet credit of the paragraph that introduces it.
        </li>
        <li>
          <strong>Outlets named</strong>: every mention of a listed outlet anywhere in the text,
          credited or not, with counts.
        </li>
        <li>
          <strong>Tone with quotes</strong>: the tone toward an actor counts only the author’s own
          words (<a href="#actor-tone">see above</a>); tone with quotes adds the evaluative words
          inside direct and block quotes attributed to the actor, (own score + quoted score) ÷
          clauses, labelled with the same thresholds. Where the two differ, the quotes carry the
          tone.
        </li>
      </ul>
      <LexiconLine name="Sourcing cues" info={LEXICON_INFO.sourcing} />
      <FileNote file="data/lexicons/sourcing.json" about={LEXICON_INFO.sourcing.about} />
      <p>
        <strong>Limits</strong>: pronoun sources are resolved only within the same or the previous
        paragraph; block quotes are found only from “&gt;” lines or the paragraph after an outlet
        credit or an attribution ending in a colon; single quotation marks are ignored (they mark a
        quote within a quote); a capitalised place name next to a verb can be taken for a named
        source. The counts by kind are of attributions, not of quotes.
      </p>
    </Section>

    <Section id="hedging" title="Hedging">
      <p>
        Cues with which a writer presents a claim as possible, probable, reported or unconfirmed
        rather than asserting it ({HEDGES.length} words and phrases such as “likely”, “reportedly”,
        “might”, “it is believed”). The <strong>rate</strong> is hedges per 1,000 words; the{' '}
        <strong>hedged claims</strong> are the sentences with at least one hedge. A hedge in the
        scope of a negator (“not likely”, the same scope as for tone) still counts, and is marked as
        negated.
      </p>
      <LexiconLine name="Hedging cues" info={LEXICON_INFO.hedges} />
      <FileNote file="data/lexicons/hedges.json" about={LEXICON_INFO.hedges.about} />
      <p>
        <strong>Limits</strong>: “may” and “might” also match the month and “military might”; the
        cue is found, not the claim it governs; no stemming. Doubt cast on someone else’s claim
        (“so-called”, “allegedly”) is loaded language (doubt), not hedging.
      </p>
      <p class="refs">
        References: K. Hyland, “Metadiscourse: Exploring Interaction in Writing”, 2005; R. Farkas,
        V. Vincze, G. Móra, J. Csirik and G. Szarvas, “The CoNLL-2010 Shared Task: Learning to
        Detect Hedges and their Scope in Natural Language Text”, 2010.
      </p>
    </Section>

    <Section id="scales" title="Charts and scales">
      <p>
        Every chart is drawn from the numbers in the tables beside it. Colours are the actors’ own
        (from the actors file) everywhere; tone that belongs to no actor is purple when positive and
        orange when negative. On the comparison, the charts of every column share one axis range per
        measure, so bars of equal height mean equal numbers; the bars behind the rates of loaded
        language and hedging share one scale in the same way. The frames chart draws the whole
        article in grey and each actor’s clauses in the actor’s colour.
      </p>
    </Section>

    <Section id="limits" title="Limits">
      <ul>
        <li>
          Word lists miss irony, sarcasm and context: “a just fight” quoted with scorn scores as
          praise.
        </li>
        <li>
          Attribution by clause and nearest name is a heuristic; the evidence lists show every
          decision.
        </li>
        <li>
          Five articles are an illustration, not a sample: differences between outlets are not
          statistically tested.
        </li>
        <li>
          Absent is not neutral, and a neutral label can hide strong positive and negative words
          that cancel out.
        </li>
      </ul>
    </Section>
  </>
)
