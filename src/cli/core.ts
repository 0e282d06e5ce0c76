/**
 * What the `analyze` and `export` commands share: the exit codes, the command line (Node's
 * parseArgs, its messages said the Framelens way), the one mapping from errors to exit codes,
 * and the reporting of problems on stderr, each line prefixed with the command's name.
 *
 * A command is a `Command`: how to read its command line, its help, and what to do. `runCommand`
 * runs one with its streams passed in, so the tests run it in-process; the entry point of each
 * command (src/cli/entry.ts) wires it to the real process.
 */
import { AnalysisLimitError } from '../analysis/index.js'
import { InputError } from '../corpus/errors.js'
import { DomainError, type DomainErrorKind } from '../domain/errors.js'
import { EXIT_INTERNAL } from './entry.js'

/** Exit codes, part of the contract: scripts tell bad data from a bad command line by them. */
export const EXIT = {
  ok: 0,
  badInput: 1,
  usage: 2,
  /** EX_SOFTWARE of sysexits.h: kept apart from 1 so a bug is never mistaken for bad data. */
  internal: EXIT_INTERNAL,
} as const

/** The streams every command writes to; the real process's, or strings in tests. */
export interface CommandIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
}

/** A command line that cannot be run as written: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Bad input that a command gathered itself, every problem at once (one message each): exit
 * code 1, and nothing on stdout.
 */
export class BadInput extends Error {
  override name = 'BadInput'
  readonly messages: readonly string[]

  constructor(messages: readonly string[]) {
    super(messages.join('\n'))
    this.messages = messages
  }
}

/**
 * The exit code of each kind of `DomainError`: whatever a command refuses (an unknown article, a
 * list of ids that is no comparison, a term too long) is bad input, as the help says.
 */
const DOMAIN_EXIT: Record<DomainErrorKind, number> = {
  'not-found': EXIT.badInput,
  'bad-request': EXIT.badInput,
  'too-large': EXIT.badInput,
  invalid: EXIT.badInput,
  conflict: EXIT.badInput,
}

/**
 * The one mapping from an error to an exit code and the lines to report: a usage error is 2; bad
 * input (`InputError`, `AnalysisLimitError`, `DomainError`, `BadInput`) is 1. Anything else is a
 * bug in Framelens: `undefined` here, rethrown by `runCommand`, and 70 from `runMain`.
 */
export function failureOf(err: unknown): { code: number; messages: readonly string[] } | undefined {
  if (err instanceof UsageError) {
    return { code: EXIT.usage, messages: [`${err.message}; run with --help for usage`] }
  }
  if (err instanceof BadInput) return { code: EXIT.badInput, messages: err.messages }
  if (err instanceof DomainError) return { code: DOMAIN_EXIT[err.kind], messages: [err.message] }
  if (err instanceof InputError || err instanceof AnalysisLimitError) {
    return { code: EXIT.badInput, messages: [err.message] }
  }
  return undefined
}

/** Puts the command's name before every line, so each line of stderr stands on its own. */
export function report(io: CommandIO, prefix: string, messages: readonly string[]): void {
  const lines = messages.flatMap((message) => message.split('\n'))
  io.stderr(lines.map((line) => `${prefix}${line}\n`).join(''))
}

/** How a command says what parseArgs refuses, where the commands differ. */
export interface UsageWording {
  /** Appended to "unknown option "--x"", e.g. how to name a file that starts with -. */
  unknownHint?: string
  /** For a command without positionals: what to say after "unexpected argument X". */
  positionalHint?: string
  /** Say how to give a value that starts with - when parseArgs finds it ambiguous. */
  dashValueHint?: boolean
}

/** Node's parseArgs messages, said the way every Framelens command says things. */
function usageMessage(err: Error & { code?: string }, wording: UsageWording): string {
  const first = err.message.split('\n')[0] ?? err.message
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(.+?)'/.exec(first)?.[1] ?? first
    return `unknown option "${option}"${wording.unknownHint ? ` ${wording.unknownHint}` : ''}`
  }
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && wording.positionalHint) {
    return `unexpected argument ${/'(.+?)'/.exec(first)?.[1] ?? first}; ${wording.positionalHint}`
  }
  const missing = /^Option '(-[-\w]*)(?: <value>)?' argument (missing|is ambiguous)/.exec(first)
  if (missing) {
    const option = missing[1]!
    const hint =
      missing[2] !== 'missing' && wording.dashValueHint
        ? `; for a value that starts with -, write ${option}=-…`
        : ''
    return `${option} needs a value${hint}`
  }
  return first.replace(/^Option '(.+?)'/, '$1').replace(/\.$/, '')
}

/**
 * Runs `parse` (a call of node:util's parseArgs, so its types are inferred from its options) and
 * turns what parseArgs refuses into a `UsageError` in the command's words.
 */
export function parseUsage<T>(parse: () => T, wording: UsageWording = {}): T {
  try {
    return parse()
  } catch (err) {
    const error = err as Error & { code?: string }
    if (error.code?.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError(usageMessage(error, wording))
    }
    throw err
  }
}

/** A command: its name on stderr, its help, how it reads its command line and what it does. */
export interface Command<Options, IO extends CommandIO> {
  /** "framelens analyze: ", put before every line on stderr. */
  prefix: string
  help: string
  /** The options, or 'help' for -h/--help; throws `UsageError`. */
  parse: (argv: readonly string[]) => Options | 'help'
  /** Does the work; throws bad input (see `failureOf`) and, on a bug, anything else. */
  run: (options: Options, io: IO) => Promise<void>
}

/**
 * Runs `command` with `argv` (the arguments after the script name) and returns the exit code.
 * Rejects only on a bug in Framelens; bad input and usage errors are reported on `io.stderr`.
 */
export async function runCommand<Options, IO extends CommandIO>(
  command: Command<Options, IO>,
  argv: readonly string[],
  io: IO,
): Promise<number> {
  try {
    const options = command.parse(argv)
    if (options === 'help') {
      io.stdout(command.help)
      return EXIT.ok
    }
    await command.run(options, io)
    return EXIT.ok
  } catch (err) {
    const failure = failureOf(err)
    if (!failure) throw err
    report(io, command.prefix, failure.messages)
    return failure.code
  }
}

/**
 * Like `Promise.allSettled(items.map(fn))`, with at most `limit` calls running at once: a shell
 * glob can name thousands of files, and opening them all together runs out of file descriptors.
 */
export async function settleAll<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = { status: 'fulfilled', value: await fn(items[index]!) }
      } catch (reason) {
        results[index] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
