/**
 * The README's CLI samples are what the CLI prints: the CSV of the bundled corpus, line for line,
 * and the JSON excerpt of one actor. A change to the engine that moves a number fails here until
 * the README is regenerated with `npx tsx scripts/readme-samples.ts`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runAnalyze } from '../../src/cli/analyze.js'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const corpus = [
  'crab-dumplings',
  'kim-going-to-russia',
  'putin-in-pyongyang',
  'two-reasons',
  'vlad-kim-deal',
].map((id) => new URL(`../../corpus/${id}.md`, import.meta.url).pathname)

async function analyze(argv: string[]): Promise<string> {
  let stdout = ''
  const code = await runAnalyze(argv, {
    stdin: async () => '',
    stdout: (s) => {
      stdout += s
    },
    stderr: () => {},
  })
  expect(code).toBe(0)
  return stdout
}

/** The fenced block of `lang` that follows the line containing `after`. */
function block(after: string, lang: string): string {
  const at = README.indexOf(after)
  expect(at).toBeGreaterThan(-1)
  const open = README.indexOf('```' + lang + '\n', at)
  const close = README.indexOf('\n```', open + 4 + lang.length)
  return README.slice(open + 4 + lang.length, close)
}

describe('README samples', () => {
  it('the CSV of the bundled corpus is the CLI’s output', async () => {
    const csv = await analyze(['--format', 'csv', ...corpus])
    expect(block('npm run --silent analyze -- --format csv corpus/*.md', 'csv')).toBe(
      csv.replace(/\r\n/g, '\n').trimEnd(),
    )
  })

  it('the JSON excerpt of Russia in crab-dumplings is the CLI’s, but for the elided evidence', async () => {
    const json = JSON.parse(await analyze([corpus[0]!]))
    const russia = json.articles[0].actors.russia
    const shown = JSON.parse(block('`articles[0].actors.russia`', 'json'))
    const { evidence, ...numbers } = shown
    const { evidence: all, ...actual } = russia
    expect(numbers).toEqual(actual)
    for (const e of evidence.filter((e: unknown) => e !== '…')) expect(all).toContainEqual(e)
  })
})
