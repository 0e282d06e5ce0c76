/**
 * The `analyze` command as a real process: the wiring that only its entry point has (argv, stdin
 * read as bytes and decoded strictly, the exit code). Everything else is tested in-process in
 * analyze.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleAnalysis } from '../../src/analysis/index.js'
import { spawnCommand, type ProcessResult } from './spawn.js'

const spawnAnalyze = (argv: string[], stdin?: Buffer | string) =>
  spawnCommand('src/cli/analyze.ts', argv, stdin)

/** A bad run: the exit code, nothing on stdout, and every stderr line in the contract's form. */
function expectFailure(result: ProcessResult, code: number): string[] {
  expect(result.code).toBe(code)
  expect(result.stdout).toBe('')
  const lines = result.stderr.trimEnd().split('\n')
  for (const line of lines) expect(line).toMatch(/^framelens analyze: \S/)
  return lines
}

describe('the real analyze command', () => {
  it('analyses a corpus file and exits 0; exits 1 on bad stdin bytes and 2 on a bad option', async () => {
    // Independent processes: run together, they cost one start-up's wall time, not three.
    const [good, notUtf8, usage] = await Promise.all([
      spawnAnalyze(['corpus/two-reasons.md']),
      spawnAnalyze(['--jsonl'], Buffer.from('{"id": "\xe9"}', 'latin1')),
      spawnAnalyze(['--bogus']),
    ])
    expect(good.stderr).toBe('')
    expect(good.code).toBe(0)
    const [article] = (JSON.parse(good.stdout) as { articles: ArticleAnalysis[] }).articles
    expect(article!.id).toBe('two-reasons')
    expect(Object.keys(article!.actors)).toEqual(['russia', 'north-korea', 'west'])

    expect(expectFailure(notUtf8, 1)[0]).toContain('stdin: not valid UTF-8 text')
    expect(expectFailure(usage, 2)[0]).toContain('unknown option "--bogus"')
  })
})
