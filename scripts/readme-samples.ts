/**
 * Rewrites the README's CLI samples from the CLI's own output (`npx tsx scripts/readme-samples.ts`):
 * the CSV of the bundled corpus and the JSON excerpt of Russia in crab-dumplings.
 * tests/cli/readme-sample.test.ts fails until this is run after a change that moves a number.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { runAnalyze } from '../src/cli/analyze.js'

const root = new URL('../', import.meta.url)
const readmeUrl = new URL('README.md', root)
const ids = [
  'crab-dumplings',
  'kim-going-to-russia',
  'putin-in-pyongyang',
  'two-reasons',
  'vlad-kim-deal',
]
const files = ids.map((id) => new URL(`corpus/${id}.md`, root).pathname)

async function analyze(argv: string[]): Promise<string> {
  let out = ''
  const code = await runAnalyze(argv, {
    stdin: async () => '',
    stdout: (s) => {
      out += s
    },
    stderr: (s) => process.stderr.write(s),
  })
  if (code !== 0) throw new Error(`analyze exited ${code}`)
  return out
}

/** Replaces the body of the fenced block of `lang` that follows the line containing `after`. */
function replaceBlock(text: string, after: string, lang: string, body: string): string {
  const at = text.indexOf(after)
  if (at < 0) throw new Error(`README: no "${after}"`)
  const open = text.indexOf('```' + lang + '\n', at) + 4 + lang.length
  const close = text.indexOf('\n```', open)
  return text.slice(0, open) + body + text.slice(close)
}

const csv = (await analyze(['--format', 'csv', ...files])).replace(/\r\n/g, '\n').trimEnd()
const russia = JSON.parse(await analyze([files[0]!])).articles[0].actors.russia
const { evidence, ...numbers } = russia
const clause = evidence.find((e: { text: string }) => e.text.includes('raped'))
let readme = readFileSync(readmeUrl, 'utf8')
readme = replaceBlock(readme, 'npm run --silent analyze -- --format csv corpus/*.md', 'csv', csv)
readme = replaceBlock(
  readme,
  '`articles[0].actors.russia`',
  'json',
  JSON.stringify({ ...numbers, evidence: ['…', clause, '…'] }, null, 2),
)
writeFileSync(readmeUrl, readme)
console.log('README samples rewritten')
