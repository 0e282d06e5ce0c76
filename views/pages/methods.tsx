/**
 * Methods: every measure the dashboard shows, how it is computed, its thresholds, references and
 * limits. The text is docs/methods.md, filled with the engine's own constants (never retyped) by
 * views/methods/render.ts, which also writes the README's Methods section from it; this page adds
 * the tables and lists drawn from the data where the source marks a component.
 */
import type { Child, FC } from 'hono/jsx'
import { raw } from 'hono/html'
import {
  FRAMES,
  LEXICON_INFO,
  LOADED_CATEGORIES,
  SENSE_TRAPS,
  type Actor,
  type CueCategory,
  type LoadedCategory,
} from '../../src/analysis/index.js'
import { BOILERPLATE_RULES } from '../../src/domain/boilerplate.js'
import { ActorSwatch } from '../components/actors.js'
import { Plain } from '../components/plain.js'
import { compact } from '../format.js'
import {
  NEWSMTSC,
  PTC,
  markdownToHtml,
  methodsDoc,
  percent,
  type ComponentRef,
  type MethodsPart,
} from '../methods/render.js'

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

/**
 * A table that may be wider than a phone, scrolled sideways in its own box. The box can take the
 * keyboard's focus (so it can be scrolled without a mouse) and is named for screen readers.
 */
const ScrollBox: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div class="table-wrap" tabindex={0} role="region" aria-label={label}>
    {children}
  </div>
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
  <ScrollBox label={caption}>
    <table class="categories">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">What it stands for</th>
          <th scope="col" class="num">
            <Plain tech="cues">Signal words</Plain>
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
  </ScrollBox>
)

/** A lexicon file's own description, quoted: it is the source of truth for what the list holds. */
const FileNote: FC<{ file: string; about: string }> = ({ file, about }) => (
  <blockquote class="file-note">
    <p>
      <code>{file}</code>: {about}
    </p>
  </blockquote>
)

/** The loaded-language categories with their PTC techniques and measured hit precision. */
const LoadedCategoryTable: FC<{ categories: readonly LoadedCategory[] }> = ({ categories }) => {
  const all = PTC.byCategory.get('all claimed')
  return (
    <ScrollBox label="Loaded-language techniques and their precision">
      <table class="categories">
        <caption>
          Techniques (data/lexicons/loaded-language.json) and their precision on PTC-dev
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">What it stands for</th>
            <th scope="col">
              <Plain tech="PTC technique">Label in the research data</Plain>
            </th>
            <th scope="col" class="num">
              <Plain tech="cues">Signal words</Plain>
            </th>
            <th scope="col" class="num">
              <Plain tech="hit precision">How often a find is right</Plain>
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
    </ScrollBox>
  )
}

type LexiconKey = keyof typeof LEXICON_INFO

/** The NewsMTSC figures of the lexicon label and the other readings. */
const NewsMtscTable: FC = () =>
  NEWSMTSC.length > 0 ? (
    <table class="categories">
      <thead>
        <tr>
          <th scope="col">reading</th>
          <th scope="col">
            <Plain tech="F1-macro">score</Plain>
          </th>
          <th scope="col">
            <Plain tech="accuracy">right</Plain>
          </th>
          <th scope="col">
            <Plain tech="targets">cases</Plain>
          </th>
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
  )

/** The actors the server runs with, their aliases and the phrases that are no mention. */
const ActorsTable: FC<{ actors: readonly Actor[] }> = ({ actors }) => (
  <ScrollBox label="The actors and their names">
    <table>
      <thead>
        <tr>
          <th scope="col">Actor</th>
          <th scope="col">
            <Plain tech="aliases">Names</Plain>
          </th>
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
  </ScrollBox>
)

/** A component the Methods source marks, as HTML. */
function component({ name, args }: ComponentRef, actors: readonly Actor[]) {
  switch (name) {
    case 'boilerplate-rules':
      return (
        <ul>
          {BOILERPLATE_RULES.map((r) => (
            <li>
              {r.reason} ({r.scope === 'line' ? 'whole line' : 'inside a line'}), e.g.{' '}
              <q>{r.example}</q>
            </li>
          ))}
        </ul>
      )
    case 'file-note':
      return (
        <FileNote
          file={args[1]!}
          about={(LEXICON_INFO[args[0] as LexiconKey] as { about?: string }).about ?? ''}
        />
      )
    case 'lexicon':
      return (
        <LexiconLine name={args.slice(1).join(' ')} info={LEXICON_INFO[args[0] as LexiconKey]} />
      )
    case 'category-table':
      return (
        <CategoryTable
          caption={
            args[0] === 'frames'
              ? 'Frame dimensions (data/lexicons/frames.json)'
              : 'Techniques (data/lexicons/loaded-language.json)'
          }
          categories={args[0] === 'frames' ? FRAMES : LOADED_CATEGORIES}
        />
      )
    case 'loaded-table':
      return <LoadedCategoryTable categories={LOADED_CATEGORIES} />
    case 'newsmtsc-table':
      return <NewsMtscTable />
    case 'sense-traps':
      return (
        <ul>
          {SENSE_TRAPS.map((t) => (
            <li>
              “{t.phrase}” {compact(t.value)}: disarms {t.disarms}; {t.why}.
            </li>
          ))}
        </ul>
      )
    case 'actors-table':
      return <ActorsTable actors={actors} />
    default:
      throw new Error(`docs/methods.md: unknown component ${name}`)
  }
}

const Part: FC<{ part: MethodsPart; actors: readonly Actor[] }> = ({ part, actors }) =>
  'markdown' in part ? raw(markdownToHtml(part.markdown)) : component(part.component, actors)

export const MethodsPage: FC<{ actors: readonly Actor[] }> = ({ actors }) => {
  const doc = methodsDoc()
  return (
    <>
      <h1>Methods</h1>
      {raw(markdownToHtml(doc.intro).replace('<p>', '<p class="lede">'))}
      <nav class="toc" aria-label="Measures">
        <ul>
          {doc.sections.map((s) => (
            <li>
              <a href={`#${s.id}`}>{s.toc}</a>
            </li>
          ))}
        </ul>
      </nav>
      {doc.sections.map((s) => (
        <Section id={s.id} title={s.title}>
          {s.parts.map((part) => (
            <Part part={part} actors={actors} />
          ))}
        </Section>
      ))}
    </>
  )
}
