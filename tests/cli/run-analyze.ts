/**
 * Runs `npm run analyze` in-process for the CLI tests: the same code path as the command, with
 * standard input given as text and standard output and error collected.
 */
import { runAnalyze } from '../../src/cli/analyze.js'

export interface Result {
  code: number
  stdout: string
  stderr: string
}

/** Runs the command with `argv` and `stdin` as the text on standard input. */
export async function run(argv: string[], stdin = ''): Promise<Result> {
  let stdout = ''
  let stderr = ''
  const code = await runAnalyze(argv, {
    stdin: async () => stdin,
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
  })
  return { code, stdout, stderr }
}
