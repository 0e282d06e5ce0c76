/**
 * Tests of the `analyze` command against its contract (DESIGN.md, "The command-line contract"):
 * the JSON and CSV output, JSONL input with per-article actors, every kind of bad input reported
 * with its file or line and no output on stdout, and the exit codes. Most tests call
 * `runAnalyze` in-process; analyze.process.test.ts spawns the real command to prove the wiring
 * (argv, stdin bytes, exit code) that only the entry point has.
 */

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Analyzer, summarize, type ArticleAnalysis } from '../../src/analysis/index.js'
import { loadDefaultActors, resolveActors } from '../../src/corpus/actors.js'
import { readArticleFile } from '../../src/corpus/article-file.js'
import { CSV_COLUMNS } from '../../src/cli/analyze.js'
import { run, type Result } from './run-analyze.js'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CORPUS_DIR = join(REPO_ROOT, 'corpus')
const DEFAULT_ACTOR_IDS = ['russia', 'north-korea', 'west']

function articlesOf(result: Result): ArticleAnalysis[] {
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return (JSON.parse(result.stdout) as { articles: ArticleAnalysis[] }).articles
}

/** A bad run: the exit code, nothing on stdout, and every stderr line in the contract's form. */
function expectFailure(result: Result, code: number): string[] {
  expect(result.code).toBe(code)
  expect(result.stdout).toBe('')
  const lines = result.stderr.trimEnd().split('\n')
  for (const line of lines) expect(line).toMatch(/^framelens analyze: \S/)
  return lines
}

/** A small RFC 4180 reader (CRLF records, quoted fields), enough to check what the CLI writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '"' && field === '') {
      let end = i + 1
      for (;;) {
        const next = text.indexOf('"', end)
        if (next === -1) throw new Error('unterminated quote')
        if (text[next + 1] === '"') end = next + 2
        else {
          end = next
          break
        }
      }
      field = text.slice(i + 1, end).replace(/""/g, '"')
      i = end + 1
      continue
    }
    if (c === ',') {
      row.push(field)
      field = ''
      i++
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += 2
    } else {
      field += c
      i++
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF')
  return rows
}

/** The CSV rows as objects keyed by column name. */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  expect(header).toEqual([...CSV_COLUMNS])
  return rows.map((row) => Object.fromEntries(header!.map((name, k) => [name, row[k]!])))
}

let dir = ''
const file = (name: string) => join(dir, name)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framelens-cli-'))
  // Russia (Russia, Moscow, Russia) in praise; North Korea and the West never named.
  await writeFile(
    file('help.txt'),
    'Talks in Moscow\n\nRussia helped the flood victims. ' +
      'Moscow sent generous aid, and Russia won praise.\n',
  )
  // North Korea (North Korea, Pyongyang) in condemnation; the title names it too.
  await writeFile(
    file('nk.md'),
    '---\ntitle: Pyongyang fires again\n---\n\nNorth Korea launched another missile. ' +
      'The cruel regime in Pyongyang threatened its neighbours and lied about the test.\n',
  )
  await writeFile(
    file('quoted.md'),
    `---\ntitle: 'Moscow, "the Kremlin" and Kim'\n---\n\nRussia and Kim met in Moscow.\n`,
  )
  await writeFile(file('empty.md'), '')
  await writeFile(file('binary.txt'), Buffer.from([0x52, 0x75, 0x00, 0x73, 0x73]))
  await writeFile(file('latin1.txt'), Buffer.from([0xff, 0xfe, 0x52, 0x75, 0x73, 0x73]))
  await writeFile(file('bad-byte.txt'), Buffer.from('Russia \xff said', 'latin1'))
  await writeFile(
    file('no-aliases.json'),
    JSON.stringify({ actors: [{ id: 'russia', aliases: ['Russia'] }, { id: 'west' }] }),
  )
  await writeFile(
    file('russia-only.json'),
    JSON.stringify({ actors: [{ id: 'russia', aliases: ['Russia', 'Moscow'] }] }),
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('analyze FILE... (json)', () => {
  it('gives exact mentions and labels for hand-made .txt and .md; absent is null', async () => {
    const [help, nk] = articlesOf(await run([file('help.txt'), file('nk.md')]))
    expect(help!.id).toBe('help')
    expect(help!.title).toBe('Talks in Moscow')
    expect(help!.actors.russia).toMatchObject({ mentions: 3, share: 100, label: 'positive' })
    expect(help!.actors['north-korea']).toBeNull()
    expect(help!.actors.west).toBeNull()

    expect(nk!.id).toBe('nk')
    expect(nk!.title).toBe('Pyongyang fires again')
    expect(nk!.actors['north-korea']).toMatchObject({
      mentions: 2,
      inTitle: true,
      label: 'negative',
    })
    expect(nk!.actors.russia).toBeNull()
  })

  it('reads the bundled corpus: five articles in order, every default actor', async () => {
    const names = (await readdir(CORPUS_DIR)).filter((n) => n.endsWith('.md')).sort()
    const result = await run(names.map((name) => join(CORPUS_DIR, name)))
    const articles = articlesOf(result)
    expect(articles.map((a) => a.id)).toEqual([
      'crab-dumplings',
      'kim-going-to-russia',
      'putin-in-pyongyang',
      'two-reasons',
      'vlad-kim-deal',
    ])
    for (const article of articles) {
      expect(Object.keys(article.actors)).toEqual(DEFAULT_ACTOR_IDS)
      // Distinctive terms are computed across the articles of the run.
      expect(article.keywords.distinctive.length).toBeGreaterThan(0)
    }
    // Pretty-printed with two spaces, one document, ending in a newline.
    expect(result.stdout.startsWith('{\n  "articles": [\n    {\n      "id": ')).toBe(true)
    expect(result.stdout.endsWith('}\n')).toBe(true)
  })

  it('streams the document exactly as JSON.stringify prints it, and the same articles as JSONL', async () => {
    const files = [
      file('help.txt'),
      join(CORPUS_DIR, 'crab-dumplings.md'),
      join(CORPUS_DIR, 'two-reasons.md'),
    ]
    // What the engine gives for the same articles analysed together (distinctive terms included).
    const parsed = await Promise.all(files.map((f) => readArticleFile(f)))
    const expected = new Analyzer(resolveActors(await loadDefaultActors()))
      .analyzeCorpus(parsed.map(({ id, title, headline, text }) => ({ id, title, headline, text })))
      .map(summarize)
    const json = await run(files)
    expect(json.stdout).toBe(`${JSON.stringify({ articles: expected }, null, 2)}\n`)
    const jsonl = await run(['--format', 'jsonl', ...files])
    expect(jsonl.code).toBe(0)
    expect(jsonl.stdout).toBe(expected.map((a) => `${JSON.stringify(a)}\n`).join(''))
  })

  it('has no distinctive terms for a single article', async () => {
    const [article] = articlesOf(await run([join(CORPUS_DIR, 'two-reasons.md')]))
    expect(article!.keywords.top.length).toBeGreaterThan(0)
    expect(article!.keywords.distinctive).toEqual([])
  })

  it('looks only for the actors of an --actors file', async () => {
    const [help] = articlesOf(await run(['--actors', file('russia-only.json'), file('help.txt')]))
    expect(Object.keys(help!.actors)).toEqual(['russia'])
    expect(help!.actors.russia?.mentions).toBe(3)
  })
})

describe('analyze --format csv', () => {
  it('writes the header and one row per article and actor, matching the JSON', async () => {
    const csv = await run(['--format', 'csv', file('help.txt'), file('nk.md')])
    expect(csv.code).toBe(0)
    expect(csv.stderr).toBe('')
    expect(csv.stdout.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','))
    expect(CSV_COLUMNS.join(',')).toBe(
      'id,title,words,tone_score,tone_per_1000,positive_per_1000,negative_per_1000,polarity,' +
        'actor,mentions,share,actor_tone,actor_label,quoted_score,' +
        'tone_with_quotes,label_with_quotes,epithets,loaded_per_1000,hedges_per_1000,quoted_share,' +
        'model_label',
    )
    const records = csvRecords(csv.stdout)
    expect(records.map((r) => `${r.id}/${r.actor}`)).toEqual([
      'help/russia',
      'help/north-korea',
      'help/west',
      'nk/russia',
      'nk/north-korea',
      'nk/west',
    ])

    const [help] = articlesOf(await run([file('help.txt'), file('nk.md')]))
    const russia = help!.actors.russia!
    expect(records[0]).toEqual({
      id: 'help',
      title: 'Talks in Moscow',
      words: String(help!.words),
      tone_score: String(help!.tone.score),
      tone_per_1000: String(help!.tone.per1000),
      positive_per_1000: String(help!.tone.positivePer1000),
      negative_per_1000: String(help!.tone.negativePer1000),
      polarity: String(help!.tone.polarity),
      actor: 'russia',
      mentions: '3',
      share: '100',
      actor_tone: String(russia.tone),
      actor_label: 'positive',
      quoted_score: String(russia.quotedScore),
      tone_with_quotes: String(russia.toneWithQuotes),
      label_with_quotes: russia.labelWithQuotes,
      epithets: '',
      loaded_per_1000: String(help!.framing.loaded.per1000),
      hedges_per_1000: String(help!.framing.hedging.per1000),
      quoted_share: String(help!.framing.sourcing.quotedShare),
      model_label: russia.model!.label,
    })
    // A negative number is data, not a formula: no apostrophe.
    expect(records[3]!.tone_score).toMatch(/^-\d/)
  })

  it('lists the epithets an article pins on an actor', async () => {
    // "The cruel regime in Pyongyang": regime stands beside Pyongyang (North Korea)
    const records = csvRecords((await run(['--format', 'csv', file('nk.md')])).stdout)
    expect(records[1]).toMatchObject({ actor: 'north-korea', epithets: 'regime×1' })
  })

  it('writes an absent actor as mentions 0, empty tone and label "absent"', async () => {
    const records = csvRecords((await run(['--format', 'csv', file('help.txt')])).stdout)
    expect(records[1]).toMatchObject({
      actor: 'north-korea',
      mentions: '0',
      share: '0',
      actor_tone: '',
      actor_label: 'absent',
      quoted_score: '',
      tone_with_quotes: '',
      label_with_quotes: '',
      epithets: '',
    })
    expect((await run(['--format', 'csv', file('help.txt')])).stdout).toContain(
      ',north-korea,0,0,,absent,,,,',
    )
  })

  it('quotes a title with a comma and quotes (RFC 4180), doubling the quotes', async () => {
    const result = await run(['--format', 'csv', file('quoted.md')])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('\r\nquoted,"Moscow, ""the Kremlin"" and Kim",')
    expect(csvRecords(result.stdout)[0]!.title).toBe('Moscow, "the Kremlin" and Kim')
  })

  it('defuses text that a spreadsheet would run as a formula, and quotes line breaks', async () => {
    const lines = [
      { id: '-1', title: '=HYPERLINK("http://example.com","x")', text: 'Russia is great.' },
      { id: '@home', title: 'two\nlines', text: 'Russia is great.' },
    ]
    const result = await run(
      ['--jsonl', '--format', 'csv'],
      lines.map((l) => JSON.stringify(l)).join('\n'),
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`\r\n'-1,"'=HYPERLINK(""http://example.com"",""x"")",`)
    const records = csvRecords(result.stdout)
    expect(records[0]).toMatchObject({ id: "'-1", title: `'=HYPERLINK("http://example.com","x")` })
    expect(records[3]).toMatchObject({ id: "'@home", title: 'two\nlines' })
  })
})

describe('analyze --jsonl', () => {
  it("analyses each line; a line's own actors replace the defaults for that line", async () => {
    const stdin = [
      JSON.stringify({ id: 'a', title: 'Summit', text: 'Russia and Kim met. Kim lied.' }),
      '',
      '   ',
      JSON.stringify({
        id: 'b',
        text: 'Ukraine thanked Poland for its generous help.',
        actors: [
          { id: 'ukraine', aliases: ['Ukraine'] },
          { id: 'poland', label: 'Poland', aliases: ['Poland'] },
        ],
      }),
    ].join('\n')
    const [a, b] = articlesOf(await run(['--jsonl'], stdin))
    expect(a!.id).toBe('a')
    expect(a!.title).toBe('Summit')
    expect(Object.keys(a!.actors)).toEqual(DEFAULT_ACTOR_IDS)
    expect(a!.actors['north-korea']?.mentions).toBe(2)
    expect(a!.actors.west).toBeNull()
    expect(b!.id).toBe('b')
    expect(b!.title).toBe('b')
    expect(Object.keys(b!.actors)).toEqual(['ukraine', 'poland'])
    expect(b!.actors.ukraine?.mentions).toBe(1)
  })

  it('takes the text as given: no boilerplate removal', async () => {
    const stdin = JSON.stringify({
      id: 'a',
      text: 'Russia spoke.\n\nAdvertisement\n\nKim listened.',
    })
    const [a] = articlesOf(await run(['--jsonl'], stdin))
    expect(a!.words).toBe(5)
  })

  it('uses the --actors file for lines without their own actors', async () => {
    const stdin = JSON.stringify({ id: 'a', text: 'Russia and Kim met.' })
    const [a] = articlesOf(await run(['--jsonl', '--actors', file('russia-only.json')], stdin))
    expect(Object.keys(a!.actors)).toEqual(['russia'])
  })
})

describe('bad input: exit 1, nothing on stdout, every problem on stderr', () => {
  it('an empty file', async () => {
    const [line] = expectFailure(await run([file('empty.md')]), 1)
    expect(line).toContain('empty.md: no article text')
  })

  it('a binary file', async () => {
    const [line] = expectFailure(await run([file('binary.txt')]), 1)
    expect(line).toContain('binary.txt: looks like a binary file')
  })

  it('bytes that are not UTF-8 (0xff 0xfe, and a stray 0xff)', async () => {
    const lines = expectFailure(await run([file('latin1.txt'), file('bad-byte.txt')]), 1)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('latin1.txt: ')
    expect(lines[0]).toContain('UTF-8')
    expect(lines[1]).toContain('bad-byte.txt: not valid UTF-8 text (byte 0xff at offset 7)')
  })

  it('an unreadable (missing) file, and every bad file of the run, in input order', async () => {
    const lines = expectFailure(
      await run([file('empty.md'), file('help.txt'), file('missing.md'), file('binary.txt')]),
      1,
    )
    expect(lines).toHaveLength(3)
    expect(lines[0]).toContain('empty.md: no article text')
    expect(lines[1]).toContain('missing.md: cannot read the file')
    expect(lines[2]).toContain('binary.txt: looks like a binary file')
  })

  it('two files with the same id, naming both', async () => {
    await writeFile(file('help.md'), 'Help\n\nRussia helped.')
    const [line] = expectFailure(await run([file('help.txt'), file('help.md')]), 1)
    expect(line).toContain(
      `${file('help.md')}: the id "help" is already used by ${file('help.txt')}`,
    )
  })

  it('an actors file with an actor missing its aliases, together with a bad article', async () => {
    const lines = expectFailure(
      await run(['--actors', file('no-aliases.json'), file('help.txt'), file('empty.md')]),
      1,
    )
    expect(lines).toEqual([
      `framelens analyze: ${file('no-aliases.json')}: actor 2 ("west"): aliases: must list at least one alias`,
      `framelens analyze: ${file('empty.md')}: no article text (empty, or only boilerplate)`,
    ])
  })

  it('a JSONL line that is not JSON, naming its line', async () => {
    const stdin = `${JSON.stringify({ id: 'a', text: 'Russia spoke.' })}\nnot json\n`
    const lines = expectFailure(await run(['--jsonl'], stdin), 1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^framelens analyze: stdin:line 2: not valid JSON: /)
  })

  it('JSONL lines failing validation: missing or blank text, types, unknown keys', async () => {
    const stdin = [
      JSON.stringify({ id: 'a' }),
      '',
      JSON.stringify({ id: 'b', text: '  \n ' }),
      JSON.stringify({ id: 'c', title: null, text: 5 }),
      JSON.stringify({ id: 'd', body: 'Russia spoke.', text: 'Russia spoke.' }),
      '["not", "an", "object"]',
      JSON.stringify({ id: 'e', text: 'Kim spoke.', actors: [{ id: 'kim' }] }),
    ].join('\n')
    expect(expectFailure(await run(['--jsonl'], stdin), 1)).toEqual([
      'framelens analyze: stdin:line 1: text: required',
      'framelens analyze: stdin:line 3: text: must not be empty or only whitespace',
      'framelens analyze: stdin:line 4: title: must be text',
      'framelens analyze: stdin:line 4: text: must be text',
      'framelens analyze: stdin:line 5: unknown key "body"; allowed: id, title, text, actors',
      'framelens analyze: stdin:line 6: must be a JSON object like {"id": "a1", "title": "...", "text": "..."}',
      'framelens analyze: stdin:line 7: actors: actor 1 ("kim"): aliases: must list at least one alias',
    ])
  })

  it('two JSONL lines with the same id, and stdin with no article at all', async () => {
    const line = JSON.stringify({ id: 'a', text: 'Russia spoke.' })
    const [dup] = expectFailure(await run(['--jsonl'], `${line}\n${line}\n`), 1)
    expect(dup).toContain('stdin:line 2: the id "a" is already used by line 1')
    const [none] = expectFailure(await run(['--jsonl'], '\n  \n'), 1)
    expect(none).toBe('framelens analyze: stdin: no articles (no line that is not blank)')
  })
})

describe('usage errors: exit 2, nothing on stdout', () => {
  it('an unknown option', async () => {
    const [line] = expectFailure(await run(['--bogus', file('help.txt')]), 2)
    expect(line).toContain('unknown option "--bogus"')
  })

  it('no files and no --jsonl', async () => {
    const [line] = expectFailure(await run([]), 2)
    expect(line).toContain('no article files given')
  })

  it('--jsonl together with files, a missing value, a bad --format value', async () => {
    expect(expectFailure(await run(['--jsonl', file('help.txt')]), 2)[0]).toContain('--jsonl')
    expect(expectFailure(await run([file('help.txt'), '--actors']), 2)[0]).toContain(
      '--actors needs a value',
    )
    expect(expectFailure(await run(['--format', 'xml', file('help.txt')]), 2)[0]).toContain(
      '--format must be json, jsonl or csv, not "xml"',
    )
  })

  it('--help prints the usage on stdout and exits 0', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(
      'npm run --silent analyze -- [--actors FILE] [--format json|jsonl|csv] FILE...',
    )
    expect(result.stdout).toContain('Blank lines')
    expect(result.stdout).toContain('taken as')
    expect(result.stdout).toMatch(/starts with = \+ - @/)
  })
})
