/** What every Framelens command does as a program: know it is one, and end with the right code. */
import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** True when the module at `moduleUrl` (its import.meta.url) is the script Node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    // Node resolves symlinks for the main module's URL; do the same with the given path.
    return moduleUrl === pathToFileURL(realpathSync(resolve(entry))).href
  } catch {
    return false
  }
}

/** Exit code for a bug in Framelens (EX_SOFTWARE of sysexits.h), apart from bad input. */
export const EXIT_INTERNAL = 70

/**
 * Runs a command and sets the exit code it returns; a rejection is a bug in Framelens, not in
 * the input, and is reported with its stack under the command's prefix. `exitCode`, not
 * `exit()`: exit() can cut off output still queued for a pipe.
 */
export function runMain(prefix: string, run: () => Promise<number>): void {
  run().then(
    (code) => {
      process.exitCode = code
    },
    (err: unknown) => {
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
      process.stderr.write(`${prefix}internal error (a bug in Framelens, not in the input):\n`)
      process.stderr.write(`${detail}\n`)
      process.exitCode = EXIT_INTERNAL
    },
  )
}

/**
 * `| head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
 * The command stops quietly with the exit code it had so far.
 */
export function stopQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    process.exit(process.exitCode ?? 0)
  })
}
