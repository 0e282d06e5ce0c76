/**
 * Runs a Framelens command as a real process, the way `npm run` does (Node with the tsx loader),
 * from the repository root. Only for the tests whose point is the process boundary: argv, stdin
 * bytes, the exit code, signals. No npx: it would cost a second and put npm between the test and
 * the command.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ProcessResult {
  code: number
  stdout: string
  stderr: string
}

/** `node --import tsx <script> ...argv` with `stdin` on standard input. */
export function spawnCommand(
  script: string,
  argv: string[],
  stdin?: Buffer | string,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', script, ...argv],
      { cwd: REPO_ROOT, timeout: 60_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        // A non-zero exit arrives as an error with a numeric code; anything else is a real failure.
        if (error && typeof error.code !== 'number') return reject(error)
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      },
    )
    child.stdin?.end(stdin ?? '')
  })
}
