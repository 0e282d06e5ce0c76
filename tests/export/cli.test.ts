/**
 * `npm run export`: most cases run `runExport` in-process on a small corpus written to a
 * temporary folder (`--corpus`); tests/cli/export.process.test.ts spawns the real command, to
 * prove the wiring and to stop it with a signal in the middle of a write. Each checks the exit code (0 written, 1 bad input,
 * 2 usage), that the file written is a valid PNG, SVG, CSV, JSON or HTML, and that a failed or
 * stopped run leaves no file, not even a temporary one, behind; a temporary file that a killed
 * run left is removed by the next run to the same target.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/analyze.js'
import { runExport } from '../../src/cli/export.js'
import { csvRecords, parseSvg, pngSize } from './helpers.js'

const ARTICLES: Record<string, string> = {
  'north.md':
    '---\ntitle: Pyongyang’s guest\noutlet: North Times\ndate: 2024-06-19\n---\n\nKim praised Putin as a great friend. NATO was angry.\n',
  'south.md':
    '---\ntitle: A brutal deal\noutlet: South Post\n---\n\nRussia and North Korea signed a brutal and dangerous pact. Washington protested.\n',
  'east.md': '---\ntitle: Quiet talks\n---\n\nMoscow and Pyongyang talked.\n',
}

let corpus: string
let out: string

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'framelens-export-corpus-'))
  out = await mkdtemp(join(tmpdir(), 'framelens-export-out-'))
  await Promise.all(
    Object.entries(ARTICLES).map(([name, text]) => writeFile(join(corpus, name), text)),
  )
})

afterAll(async () => {
  await rm(corpus, { recursive: true, force: true })
  await rm(out, { recursive: true, force: true })
})

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runExport(['--corpus', corpus, ...argv], {
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
    now: () => new Date('2025-05-11T09:30:00Z'),
  })
  return { code, stdout, stderr }
}

const outFiles = () => readdir(out)

describe('writes each format', () => {
  it('a PNG of a comparison chart', async () => {
    const file = join(out, 'tone.png')
    const result = await run([
      '--chart',
      'actor-tone-by-article',
      '--ids',
      'north,south',
      '--out',
      file,
    ])
    expect(result).toEqual({ code: EXIT.ok, stdout: '', stderr: '' })
    const { width } = pngSize(await readFile(file))
    expect(width).toBe(960 * 2)
  })

  it('an SVG with the titles of the articles (format from --format, not the name)', async () => {
    const file = join(out, 'tone-picture')
    const result = await run([
      '--chart',
      'actor-tone',
      '--id',
      'south',
      '--format',
      'svg',
      '--out',
      file,
    ])
    expect(result.code).toBe(EXIT.ok)
    const svg = parseSvg(await readFile(file, 'utf8'))
    expect(svg.title).toBe('How kind or harsh the words about each actor are (tone)')
    expect(svg.allText).toContain('“A brutal deal” (South Post)')
  })

  it('a CSV with one column per compared article', async () => {
    const file = join(out, 'mentions.csv')
    expect(
      (await run(['--chart', 'mentions', '--ids', 'north,south,east', '--out', file])).code,
    ).toBe(EXIT.ok)
    const records = csvRecords(await readFile(file, 'utf8'))
    expect(records.map((r) => r['Actor id'])).toEqual(['russia', 'north-korea', 'west'])
    expect(Object.keys(records[0]!)).toContain('Quiet talks (east): mentions')
  })

  it('the full analysis as JSON, and the snapshot as HTML', async () => {
    const json = join(out, 'analysis.json')
    const html = join(out, 'snapshot.html')
    expect((await run(['--analysis', '--ids', 'north,south', '--out', json])).code).toBe(EXIT.ok)
    expect((await run(['--snapshot', '--ids', 'north,south', '--out', html])).code).toBe(EXIT.ok)
    const analysis = JSON.parse(await readFile(json, 'utf8')) as { ids: string[] }
    expect(analysis.ids).toEqual(['north', 'south'])
    const page = await readFile(html, 'utf8')
    expect(page.startsWith('<!doctype html>')).toBe(true)
    expect(page).toContain('Exported from Framelens on 11 May 2025')
  })

  it('replaces an existing file whole', async () => {
    const file = join(out, 'again.json')
    await writeFile(file, 'old content')
    expect((await run(['--chart', 'tone-rates', '--id', 'east', '--out', file])).code).toBe(EXIT.ok)
    expect(JSON.parse(await readFile(file, 'utf8')).chart).toBe('tone-rates')
  })
})

describe('failures write nothing', () => {
  it.each([
    [['--chart', 'pie', '--out', 'X.png'], EXIT.usage, /no chart "pie"; the charts are: /],
    [['--chart', 'actor-tone', '--id', 'south', '--out', 'X.gif'], EXIT.usage, /say the format/],
    [
      ['--chart', 'actor-tone', '--format', 'pdf', '--out', 'X.png'],
      EXIT.usage,
      /--format must be/,
    ],
    [['--chart', 'actor-tone', '--id', 'south'], EXIT.usage, /--out FILE/],
    [['--ids', 'north,south', '--out', 'X.png'], EXIT.usage, /say what to export/],
    [['--snapshot', '--chart', 'mentions', '--out', 'X.html'], EXIT.usage, /not several/],
    [['--snapshot', '--out', 'X.html'], EXIT.usage, /needs the articles/],
    [
      ['--snapshot', '--ids', 'north,south', '--format', 'png', '--out', 'X.png'],
      EXIT.usage,
      /writes html/,
    ],
    [['--bogus', '--out', 'X.png'], EXIT.usage, /unknown option "--bogus"/],
    [['--chart', 'mentions', 'stray', '--out', 'X.png'], EXIT.usage, /unexpected argument/],
    [
      ['--chart', 'actor-tone', '--id', 'nowhere', '--out', 'X.png'],
      EXIT.badInput,
      /no article with id "nowhere"/,
    ],
    [['--chart', 'actor-tone', '--ids', 'north', '--out', 'X.csv'], EXIT.badInput, /choose 2 to 5/],
    [
      ['--chart', 'actor-tone', '--ids', 'north,south', '--out', 'X.png'],
      EXIT.badInput,
      /draws one article/,
    ],
    [['--snapshot', '--ids', 'north,north', '--out', 'X.html'], EXIT.badInput, /twice/],
  ])('%j: exit %i', async (argv, code, message) => {
    const args = argv.map((a) => (a.startsWith('X.') ? join(out, `fail-${a}`) : a))
    const before = await outFiles()
    const result = await run(args)
    expect(result.code).toBe(code)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^framelens export: /)
    expect(result.stderr).toMatch(message)
    expect(await outFiles()).toEqual(before)
  })

  it('a corpus folder that cannot be read is bad input', async () => {
    const result = await runExport(
      [
        '--corpus',
        join(corpus, 'missing'),
        '--chart',
        'mentions',
        '--id',
        'x',
        '--out',
        join(out, 'm.png'),
      ],
      { stdout: () => {}, stderr: () => {} },
    )
    expect(result).toBe(EXIT.badInput)
  })

  it('a folder that does not exist is bad input, and no temporary file is left', async () => {
    const result = await run([
      '--chart',
      'mentions',
      '--id',
      'north',
      '--out',
      join(out, 'no-such-folder', 'm.png'),
    ])
    expect(result.code).toBe(EXIT.badInput)
    expect(result.stderr).toMatch(/cannot write the file: no such file or directory/)
    expect((await outFiles()).filter((f) => f.endsWith('.part'))).toEqual([])
  })

  it('removes the part file a killed run left of the same target, and no other file', async () => {
    const folder = await mkdtemp(join(out, 'stale-'))
    // The id of a process that has exited: the run that wrote this part file is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    const stale = `.stale.csv.${gone}-0123abcd.part`
    const others = [
      `.stale.csv.${process.pid}-89abcdef.part`, // a run that is still going: this one
      `.other.csv.${gone}-0123abcd.part`, // another target
      `.stale.csv.${gone}-0123abcd.part.bak`, // not a part file's name
      `.stale.csv.${gone}-notahex1.part`,
      `stale.csv.${gone}-0123abcd.part`,
    ]
    for (const name of [stale, ...others]) await writeFile(join(folder, name), 'half a fi')
    const target = join(folder, 'stale.csv')
    const result = await run(['--chart', 'mentions', '--id', 'north', '--out', target])
    expect(result).toEqual({ code: EXIT.ok, stdout: '', stderr: '' })
    expect((await readdir(folder)).sort()).toEqual(['stale.csv', ...others].sort())
  })

  it('prints the help with the chart names', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(EXIT.ok)
    expect(result.stdout).toContain('--chart NAME')
    expect(result.stdout).toContain('actor-tone-by-article, mention-share-by-article')
  })
})
