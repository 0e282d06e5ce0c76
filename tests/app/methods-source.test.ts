/**
 * One source for the Methods text: docs/methods.md, filled with the engine's constants, renders
 * the /methods page and the README's "How each measure is computed" section. These tests keep the
 * two from drifting (the README section must equal what `npm run methods:readme` writes), keep
 * every anchor the pages link to, and refuse a placeholder or component the renderer does not know.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  EPITHET_WINDOW,
  LEXICON_INFO,
  NEGATION_FACTOR,
  SENSE_TRAPS,
  SUBJECT_WINDOW,
  TONE_THRESHOLDS,
} from '../../src/analysis/index.js'
import { createApp } from '../../src/app.js'
import { compact } from '../../views/format.js'
import {
  componentMarkdown,
  fillPlaceholders,
  githubSlug,
  methodsDoc,
  methodsReadme,
  parseMethods,
  readmeSection,
} from '../../views/methods/render.js'
import { fixtureStore } from './fixtures.js'
import { html } from './helpers.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const app = createApp(fixtureStore())

/** The sections the page had before it was rendered from Markdown: links point at all of them. */
const ANCHORS = [
  'boilerplate',
  'document-tone',
  'negation',
  'sentence-tone',
  'actor-tone',
  'learned-reading',
  'sense-traps',
  'salience',
  'actors',
  'keywords',
  'kwic',
  'naming',
  'frames',
  'loaded-language',
  'sourcing',
  'hedging',
  'scales',
  'limits',
]

describe('the Methods source', () => {
  it('is what the README says under "How each measure is computed" (run npm run methods:readme)', () => {
    expect(readme).toContain('## How each measure is computed\n\n<!-- methods:start -->\n')
    expect(readmeSection(readme), 'README.md is stale: run npm run methods:readme').toBe(
      methodsReadme(),
    )
  })

  it('fills every placeholder and knows every component', () => {
    const doc = methodsDoc()
    const all = [
      doc.intro,
      ...doc.sections.flatMap((s) => s.parts.map((p) => ('markdown' in p ? p.markdown : ''))),
    ]
    for (const text of all) expect(text).not.toMatch(/\{\{|\}\}/)
    for (const s of doc.sections)
      for (const p of s.parts)
        if ('component' in p) expect(() => componentMarkdown(p.component)).not.toThrow()
    expect(new Set(doc.sections.map((s) => s.id)).size).toBe(doc.sections.length)
  })

  it('refuses an unknown placeholder, filter or component', () => {
    expect(() => fillPlaceholders('{{NO_SUCH_CONSTANT}}')).toThrow(/unknown placeholder/)
    expect(() => fillPlaceholders('{{LEXICON_INFO.afinn.nope}}')).toThrow(/unknown placeholder/)
    expect(() => fillPlaceholders('{{TOP_TERMS|nope}}')).toThrow(/unknown filter/)
    expect(() => fillPlaceholders('{{LEXICON_INFO}}')).toThrow(/not a number or a string/)
    expect(() => componentMarkdown({ name: 'nope', args: [] })).toThrow(/unknown component/)
    expect(fillPlaceholders('{{TONE_THRESHOLDS.negative}} {{NEGATION_FACTOR|compact}}')).toBe(
      `${TONE_THRESHOLDS.negative} ${compact(NEGATION_FACTOR)}`,
    )
  })

  it('splits sections at their markers and components out of the Markdown', () => {
    const doc = parseMethods(
      [
        'Intro {{TOP_TERMS}}.',
        '<!-- section: one | One -->',
        '### The first',
        'Text.',
        '<!-- component: lexicon naming Naming lexicon -->',
        'More.',
      ].join('\n'),
    )
    expect(doc.intro).toBe('Intro 15.')
    expect(doc.sections).toEqual([
      {
        id: 'one',
        toc: 'One',
        title: 'The first',
        parts: [
          { markdown: 'Text.' },
          { component: { name: 'lexicon', args: ['naming', 'Naming', 'lexicon'] } },
          { markdown: 'More.' },
        ],
      },
    ])
  })

  it('gives the README the same facts, with GitHub anchors for links between sections', () => {
    const section = readmeSection(readme)
    expect(section).toContain(`negative** at or below ${TONE_THRESHOLDS.negative}`)
    expect(section).toContain(`${LEXICON_INFO.afinn.size} entries`)
    expect(section).toContain(`at most ${EPITHET_WINDOW} words`)
    expect(section).toContain(`at most ${SUBJECT_WINDOW} words away`)
    expect(section).toContain(`“${SENSE_TRAPS[0]!.phrase}”`)
    expect(section).toContain(`(#${githubSlug('Tone toward an actor')})`)
    expect(section).not.toMatch(/\]\(#(actor-tone|negation)\)/)
    expect(githubSlug('Negation, contrast and quotation')).toBe('negation-contrast-and-quotation')
  })
})

describe('GET /methods from the Methods source', () => {
  it('has a section per source section, keeping every anchor, with a contents entry each', async () => {
    const { doc } = await html(await app.request('/methods'))
    const ids = [...doc.querySelectorAll('section.method')].map((s) => s.id)
    expect(ids).toEqual(methodsDoc().sections.map((s) => s.id))
    for (const id of ANCHORS) expect(ids).toContain(id)
    const toc = [...doc.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'))
    expect(toc).toEqual(ids.map((id) => `#${id}`))
    for (const s of methodsDoc().sections)
      expect(doc.querySelector(`#${s.id}-title`)!.textContent).toContain(s.title)
  })

  it('renders the Markdown (emphasis, code, links, references) with the constants filled in', async () => {
    const { doc } = await html(await app.request('/methods'))
    const body = doc.body.textContent!.replace(/\s+/g, ' ')
    expect(body).not.toMatch(/\{\{|<!--|\*\*/)
    expect(body).toContain(`multiplied by ${compact(NEGATION_FACTOR)}`)
    expect(doc.querySelector('p.lede')!.textContent).toContain('Framelens counts words')
    expect(doc.querySelector('#sourcing a[href="#actor-tone"]')).not.toBeNull()
    expect(doc.querySelector('#keywords p.refs')!.textContent).toContain('Dunning')
    expect(doc.querySelectorAll('#sense-traps li')).toHaveLength(SENSE_TRAPS.length)
    expect(doc.querySelector('#actors table')).not.toBeNull()
  })
})

describe('the learned reading on the Methods page', () => {
  it('gives the bundled model’s dev figures, its construct and the data set it was trained on', async () => {
    const { NEWSMTSC_MODEL } = await import('../../src/analysis/index.js')
    const { doc } = await html(await app.request('/methods'))
    const section = doc.querySelector('#learned-reading')?.textContent?.replace(/\s+/g, ' ') ?? ''
    const dev = NEWSMTSC_MODEL.file.dev
    expect(section).toContain(
      `F1-macro ${dev.f1Macro.toFixed(1)} and accuracy ${dev.accuracy.toFixed(1)}`,
    )
    expect(section).toContain('quoted speech counted')
    expect(section).toContain('Hamborg')
  })
})
