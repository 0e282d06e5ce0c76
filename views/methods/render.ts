/**
 * The Methods text has one source, docs/methods.md: the /methods page and the README's "How each
 * measure is computed" section are both rendered from it. This module fills its placeholders
 * (`{{NAME}}`, `{{NAME.path|filter}}`) with the engine's constants, splits it into sections
 * (`<!-- section: id | Contents label -->`) and parts (`<!-- component: name args -->` markers
 * between Markdown), and renders the README's Markdown, where each component is a Markdown table
 * or list or is left out. The page (views/pages/methods.tsx) renders the same parts to HTML.
 */
import { readFileSync } from 'node:fs'
import { marked } from 'marked'
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
  NEWSMTSC_MODEL,
  SCARE_QUOTE_MAX_WORDS,
  SENSE_TRAPS,
  SOURCING,
  SUBJECT_WINDOW,
  TARGET_PREPOSITIONS,
  TONE_THRESHOLDS,
  TOP_CONTRIBUTIONS,
  TOP_TERMS,
  type CueCategory,
} from '../../src/analysis/index.js'
import { BOILERPLATE_RULES } from '../../src/domain/boilerplate.js'
import { SOURCE_KIND_LABELS } from '../cues.js'
import { compact } from '../format.js'

/** The Markdown source of the Methods text. */
export const METHODS_SOURCE = new URL('../../docs/methods.md', import.meta.url)

/** The markers around the generated section of the README. */
export const README_START = '<!-- methods:start -->'
export const README_END = '<!-- methods:end -->'

// ---- Figures from data/eval.json (written by `npm run eval`) ----

/** One loaded-language category as `npm run eval` measured it on PTC-dev. */
export interface PtcFigures {
  hitPrecision: number
  spanRecall: number
  hits: number
}

export interface NewsMtscFigures {
  system: string
  f1Macro: number
  accuracy: number
  n: number
}

function readEval(): { date?: unknown; sections?: Record<string, unknown[]> } | undefined {
  try {
    return JSON.parse(readFileSync(new URL('../../data/eval.json', import.meta.url), 'utf8'))
  } catch {
    return undefined
  }
}

const EVAL = readEval()

/**
 * The PTC-dev figures of each loaded-language category (and of all of them, as "all claimed");
 * empty when the file or its section is absent.
 */
export const PTC: { date: string; byCategory: ReadonlyMap<string, PtcFigures> } = (() => {
  const rows = (EVAL?.sections?.ptc ?? []) as (PtcFigures & { category: string; system: string })[]
  return {
    date: String(EVAL?.date ?? ''),
    byCategory: new Map(
      rows.filter((r) => r.system === 'loaded-language cues').map((r) => [r.category, r]),
    ),
  }
})()

/** The NewsMTSC dev-split rows (system, F1-macro, accuracy, n), or none. */
export const NEWSMTSC: readonly NewsMtscFigures[] = (
  (EVAL?.sections?.newsmtsc ?? []) as (NewsMtscFigures & { split: string })[]
).filter((r) => r.split.startsWith('dev'))

export const percent = (v: number) => `${v.toFixed(1)} %`

// ---- Placeholders ----

const model = NEWSMTSC_MODEL.file as {
  features: unknown[]
  training: { examples?: number; date?: string; crossValidation?: { f1Macro?: number } }
  dev: { n: number; f1Macro: number; accuracy: number }
}
const cv = model.training.crossValidation?.f1Macro

/** Everything a placeholder may name. */
export const METHODS_VALUES: Record<string, unknown> = {
  CONTRAST_WEIGHT_AFTER,
  CONTRAST_WEIGHT_BEFORE,
  CONTRAST_WORDS: [...CONTRAST_WORDS],
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
  SOURCING,
  SUBJECT_WINDOW,
  TARGET_PREPOSITIONS: [...TARGET_PREPOSITIONS],
  TONE_THRESHOLDS,
  TOP_CONTRIBUTIONS,
  TOP_TERMS,
  MODEL: model,
  MODEL_CV:
    cv === undefined ? '' : `; 5-fold cross-validation on the training part gives ${cv.toFixed(1)}`,
  SOURCE_KINDS: Object.values(SOURCE_KIND_LABELS)
    .map((label) => label.toLowerCase())
    .join(', '),
  PTC_SOURCE:
    PTC.byCategory.size > 0
      ? `Figures from \`npm run eval\`${PTC.date ? ` (${PTC.date})` : ''}.`
      : 'Not measured: `data/eval.json` has no PTC figures (run `npm run eval` where the data is).',
}

const FILTERS: Record<string, (v: unknown) => unknown> = {
  /** A lexicon value: typographic minus, + on positive numbers. */
  compact: (v) => compact(v as number),
  /** A list of words, each in curly quotes. */
  quoted: (v) => [...(v as Iterable<string>)].map((w) => `“${w}”`).join(', '),
  /** How many. */
  count: (v) => (v as unknown[]).length,
  /** 3,872 rather than 3872. */
  thousands: (v) => (v as number).toLocaleString('en'),
  fixed1: (v) => (v as number).toFixed(1),
  /** The lower-cased labels of a category list. */
  labels: (v) => (v as CueCategory[]).map((c) => c.label.toLowerCase()).join(', '),
}

/** Fills `{{path|filter|…}}`; an unknown name or filter throws, so a typo cannot reach a page. */
export function fillPlaceholders(
  markdown: string,
  values: Record<string, unknown> = METHODS_VALUES,
): string {
  return markdown.replace(
    /\{\{\s*([\w.]+)((?:\|\w+)*)\s*\}\}/g,
    (_, path: string, pipes: string) => {
      let value: unknown = values
      for (const key of path.split('.')) {
        if (value === null || typeof value !== 'object' || !(key in value))
          throw new Error(`docs/methods.md: unknown placeholder {{${path}}}`)
        value = (value as Record<string, unknown>)[key]
      }
      for (const name of pipes.split('|').slice(1)) {
        const filter = FILTERS[name]
        if (!filter) throw new Error(`docs/methods.md: unknown filter |${name} in {{${path}}}`)
        value = filter(value)
      }
      if (typeof value === 'object' && value !== null)
        throw new Error(`docs/methods.md: {{${path}}} is not a number or a string`)
      return String(value)
    },
  )
}

// ---- Sections and components ----

/** A table or list drawn from the data, standing between the Markdown of a section. */
export interface ComponentRef {
  name: string
  args: string[]
}

export type MethodsPart = { markdown: string } | { component: ComponentRef }

export interface MethodsSection {
  id: string
  /** The short label of the page's contents list. */
  toc: string
  title: string
  parts: MethodsPart[]
}

export interface MethodsDoc {
  /** The Markdown before the first section. */
  intro: string
  sections: MethodsSection[]
}

const SECTION = /^<!--\s*section:\s*([\w-]+)\s*\|\s*(.+?)\s*-->$/
const COMPONENT = /^<!--\s*component:\s*([\w-]+)((?:\s+[^\s-][^\n]*?)?)\s*-->$/

function splitParts(markdown: string): MethodsPart[] {
  const parts: MethodsPart[] = []
  let text: string[] = []
  const flush = () => {
    const md = text.join('\n').trim()
    if (md) parts.push({ markdown: md })
    text = []
  }
  for (const line of markdown.split('\n')) {
    const m = COMPONENT.exec(line.trim())
    if (m) {
      flush()
      parts.push({ component: { name: m[1]!, args: m[2]!.trim().split(/\s+/).filter(Boolean) } })
    } else text.push(line)
  }
  flush()
  return parts
}

/** Parses a Methods source (filled in) into its intro and sections. */
export function parseMethods(source: string): MethodsDoc {
  const filled = fillPlaceholders(source.replace(/^<!--[\s\S]*?-->\s*/, ''))
  const chunks = filled.split(/^(?=<!--\s*section:)/m)
  const intro = chunks[0]!.trim()
  const sections = chunks.slice(1).map((chunk) => {
    const [marker, ...rest] = chunk.split('\n')
    const m = SECTION.exec(marker!.trim())
    if (!m) throw new Error(`docs/methods.md: malformed section marker ${marker}`)
    const body = rest.join('\n').trim()
    const heading = /^###\s+(.+)\n?/.exec(body)
    if (!heading) throw new Error(`docs/methods.md: section ${m[1]} has no ### heading`)
    return {
      id: m[1]!,
      toc: m[2]!,
      title: heading[1]!.trim(),
      parts: splitParts(body.slice(heading[0].length)),
    }
  })
  return { intro, sections }
}

let cached: MethodsDoc | undefined

/** docs/methods.md, parsed once. */
export function methodsDoc(): MethodsDoc {
  cached ??= parseMethods(readFileSync(METHODS_SOURCE, 'utf8'))
  return cached
}

/**
 * Markdown to HTML for the page; "References:", "Reference:" and "Data:" paragraphs get the class
 * the page styles them with, and the source's line breaks inside a paragraph become spaces. The source is the repository's own, so its HTML is trusted.
 */
export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true }) as string
  return html
    .replace(/<p>(References?:|Data:)/g, '<p class="refs">$1')
    .replace(/([^>\n])\n(?=[^<\n])/g, '$1 ')
}

// ---- The README section ----

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ')
const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`
const table = (head: string[], rows: (string | number)[][], align?: ('l' | 'r')[]) =>
  [
    row(head),
    `| ${head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(row),
  ].join('\n')

type LexiconKey = keyof typeof LEXICON_INFO

const categoriesOf = (name: string): readonly CueCategory[] =>
  name === 'frames' ? FRAMES : name === 'loaded' ? LOADED_CATEGORIES : []

/** A component as Markdown for the README, or null where the README leaves it out. */
export function componentMarkdown({ name, args }: ComponentRef): string | null {
  switch (name) {
    case 'boilerplate-rules':
      return BOILERPLATE_RULES.map(
        (r) =>
          `- ${r.reason} (${r.scope === 'line' ? 'whole line' : 'inside a line'}), e.g. “${r.example}”`,
      ).join('\n')
    case 'file-note': {
      const info = LEXICON_INFO[args[0] as LexiconKey] as { about: string }
      return `> \`${args[1]}\`: ${info.about.replace(/\s+/g, ' ')}`
    }
    case 'lexicon': {
      const info = LEXICON_INFO[args[0] as LexiconKey]
      return `**${args.slice(1).join(' ')}**: ${info.size} entries. Source: ${info.source}.`
    }
    case 'category-table':
      return table(
        ['Category', 'What it stands for', 'Cues'],
        categoriesOf(args[0]!).map((c) => [c.label, c.description, c.cues.length]),
        ['l', 'l', 'r'],
      )
    case 'loaded-table': {
      const all = PTC.byCategory.get('all claimed')
      const rows = LOADED_CATEGORIES.map((c) => {
        const m = PTC.byCategory.get(c.id)
        return [
          c.label,
          c.description,
          c.techniques.join('; '),
          c.cues.length,
          m ? percent(m.hitPrecision) : 'not measured',
        ]
      })
      if (all)
        rows.push([
          '**All techniques**',
          `${all.hits} hits; ${percent(all.spanRecall)} of the gold spans found`,
          '',
          '',
          percent(all.hitPrecision),
        ])
      return table(
        ['Category', 'What it stands for', 'PTC technique', 'Cues', 'Hit precision'],
        rows,
        ['l', 'l', 'l', 'r', 'r'],
      )
    }
    case 'newsmtsc-table':
      return NEWSMTSC.length > 0
        ? table(
            ['reading', 'F1-macro', 'accuracy', 'targets'],
            NEWSMTSC.map((r) => [r.system, r.f1Macro.toFixed(1), r.accuracy.toFixed(1), r.n]),
            ['l', 'r', 'r', 'r'],
          )
        : 'Not measured: `data/eval.json` has no NewsMTSC figures.'
    case 'sense-traps':
      return SENSE_TRAPS.map(
        (t) => `- “${t.phrase}” ${compact(t.value)}: disarms ${t.disarms}; ${t.why}.`,
      ).join('\n')
    case 'actors-table':
      // The actors are the running server's (data/actors.json or --actors), so only the page lists them.
      return null
    default:
      throw new Error(`docs/methods.md: unknown component ${name}`)
  }
}

const WIDTH = 100

/** A word that would start a list, heading, quote or rule if it began a line. */
const BLOCK_START = /^([-+*>#=|]|\d+[.)])$/

/** Words filled into a line of at most WIDTH characters, each line after the first indented. */
function wrap(words: string[], first: string, indent: string): string[] {
  const lines: string[] = []
  let line = first
  for (const word of words) {
    const fits = line.length + 1 + word.length <= WIDTH || line.trim() === '' || line === first
    if (fits || BLOCK_START.test(word)) line = line === first ? line + word : `${line} ${word}`
    else {
      lines.push(line)
      line = indent + word
    }
  }
  lines.push(line)
  return lines
}

/**
 * A block of prose or a list rewrapped at WIDTH columns, so that filled-in placeholders leave no
 * ragged lines; tables, quotes (one line each) and headings are left as they are.
 */
export function reflow(block: string): string {
  if (/^(\||>|#|<!--)/.test(block)) return block
  const items: string[][] = []
  for (const line of block.split('\n')) {
    if (line.startsWith('- ') || items.length === 0) items.push([line])
    else items[items.length - 1]!.push(line.trim())
  }
  return items
    .flatMap((item) => {
      const text = item.join(' ')
      const bullet = text.startsWith('- ')
      const words = (bullet ? text.slice(2) : text).split(/\s+/).filter(Boolean)
      return wrap(words, bullet ? '- ' : '', bullet ? '  ' : '')
    })
    .join('\n')
}

/** GitHub's heading anchor for a title. */
export const githubSlug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')

/**
 * The README's Methods section (between its markers): the same text, headings one level below
 * the README's "How each measure is computed", links to a section turned into GitHub's anchors.
 */
export function methodsReadme(doc: MethodsDoc = methodsDoc()): string {
  const anchors = new Map(doc.sections.map((s) => [s.id, githubSlug(s.title)]))
  const relink = (md: string) =>
    md.replace(/\]\(#([\w-]+)\)/g, (link, id: string) =>
      anchors.has(id) ? `](#${anchors.get(id)})` : link,
    )
  const blocks = [
    '<!-- Generated from docs/methods.md by `npm run methods:readme`; edit that file, not this section. -->',
    ...doc.intro.split(/\n{2,}/).map(reflow),
    reflow(
      'The Methods page (`/methods`, e.g. http://127.0.0.1:3000/methods) of the running dashboard shows the same text with the actors and their aliases.',
    ),
  ]
  for (const section of doc.sections) {
    blocks.push(`### ${section.title}`)
    for (const part of section.parts) {
      const md = 'markdown' in part ? part.markdown : componentMarkdown(part.component)
      if (md !== null)
        blocks.push(
          ...relink(md)
            .split(/\n{2,}/)
            .map(reflow),
        )
    }
  }
  return `${blocks.join('\n\n')}\n`
}

/** README text with its Methods section replaced by `section`. */
export function replaceReadmeSection(readme: string, section: string): string {
  const start = readme.indexOf(README_START)
  const end = readme.indexOf(README_END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END}`)
  return `${readme.slice(0, start + README_START.length)}\n${section}${readme.slice(end)}`
}

/** The README's current Methods section (between the markers). */
export function readmeSection(readme: string): string {
  const start = readme.indexOf(README_START)
  const end = readme.indexOf(README_END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END}`)
  return readme.slice(start + README_START.length + 1, end)
}
