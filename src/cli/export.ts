/**
 * The `export` command: the dashboard's downloads without a server. One chart as PNG, SVG, CSV or
 * JSON, the full analysis of a comparison as JSON, or a comparison as one offline HTML file, made
 * by the same code as the `/export/…` routes (src/export), so a file from the command line and a
 * download from the browser are the same bytes but for the export date.
 *
 * It follows the `analyze` command's conventions: the same exit codes (`EXIT`), messages on stderr
 * prefixed with the command's name, streams passed in so tests run it in-process. A file is
 * written whole or not at all: the body is made in memory, written to a temporary "part" file in
 * the target's folder (`.<name>.<pid>-<random>.part`) and renamed over the target, so a failure
 * never leaves half a file behind. The part file goes when the write fails, when the command is
 * stopped (SIGINT, SIGTERM, SIGHUP) and when it exits; one left by a run that could not clean up
 * (killed with SIGKILL) is removed by the next run that writes the same target.
 */
import { randomBytes } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { lstat, readdir, rename, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { InputError, osReason } from '../corpus/errors.js'
import { DEFAULT_CORPUS_DIR } from '../corpus/load-corpus.js'
import { loadStore } from '../corpus-store.js'
import { DomainError, type DomainErrorKind } from '../domain/errors.js'
import {
  analysisArtifact,
  chartArtifact,
  snapshotArtifact,
  type Artifact,
} from '../export/artifacts.js'
import {
  CHART_FORMATS,
  EXPORT_CHARTS,
  EXPORT_CHART_NAMES,
  type ChartFormat,
  type ExportQuery,
} from '../export/charts.js'
import { EXIT } from './analyze.js'
import { isEntryPoint, runMain } from './entry.js'

export interface ExportIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
  /** The export date; the clock unless a test fixes it. */
  now?: () => Date
}

const PREFIX = 'framelens export: '

export const USAGE = `Usage:
  npm run --silent export -- --chart NAME [--ids A,B | --id A [--ids A,B,C]] [--q TERM]
                             [--actor ACTOR] [--format png|svg|csv|json] --out FILE
  npm run --silent export -- --snapshot --ids A,B[,…] --out FILE.html
  npm run --silent export -- --analysis --ids A,B[,…] --out FILE.json
  (each also takes --corpus DIR and --actors FILE)
`

export const HELP = `${USAGE}
Exports what the dashboard shows, without a server.

What
  --chart NAME    One chart: ${EXPORT_CHART_NAMES.join(', ')}.
  --snapshot      The comparison of --ids as one HTML file that opens offline, charts drawn and
                  evidence highlighted.
  --analysis      The full analysis of the comparison of --ids as JSON (/api/compare's document).

Which articles (ids are file names without extension)
  --ids A,B       2 to 5 articles, as on /compare. For the overview's charts (…-by-article,
                  term-hits-by-article) leave it out to take the whole corpus.
  --id A          The article of a one-article chart (actor-tone, mentions, tone-rates,
                  sentence-tone, frame-shares). With --ids too, it is drawn on the comparison's
                  shared axis, as in a column of /compare. CSV and JSON of these charts cover
                  every article named: --ids A,B,C alone gives one column per article.
  --q TERM        The term of term-hits-by-article.
  --actor ACTOR   frame-shares: the one actor to show (default: every actor the article names).

Output
  --format F      png (2x pixel density, white background), svg (text kept as text), csv
                  (RFC 4180, header row) or json. Default: the extension of --out.
  --out FILE      Where to write. Written whole or not at all (a temporary file in the same
                  folder is renamed over FILE; a temporary file of FILE that a killed run left
                  behind is removed).

Input
  --corpus DIR    The folder of articles (default: the bundled corpus/).
  --actors FILE   The actor definitions (default: data/actors.json).
  -h, --help      Print this help.

Exit status
  0   the file is written
  1   bad input: an unknown article id, ids that are not 2 to 5 distinct articles, an unreadable
      corpus or actors file, a folder of --out that cannot be written
  2   usage error: an unknown option or chart, a missing --out, a format that does not fit
  70  internal error: a bug in Framelens, not in the input
`

/**
 * The exit code of each kind of `DomainError`: whatever the export refuses (an unknown article, a
 * list of ids that is no comparison, a term too long) is bad input, as the help says.
 */
const DOMAIN_EXIT: Record<DomainErrorKind, number> = {
  'not-found': EXIT.badInput,
  'bad-request': EXIT.badInput,
  'too-large': EXIT.badInput,
}

/** A command line that cannot be run as written: exit code 2. */
class UsageError extends Error {}

const OPTION_SPEC = {
  chart: { type: 'string' },
  snapshot: { type: 'boolean' },
  analysis: { type: 'boolean' },
  ids: { type: 'string', multiple: true },
  id: { type: 'string' },
  q: { type: 'string' },
  actor: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  corpus: { type: 'string' },
  actors: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

type Job =
  | { kind: 'chart'; chart: string; format: ChartFormat; query: ExportQuery }
  | { kind: 'snapshot'; ids: string[] }
  | { kind: 'analysis'; ids: string[] }

interface Options {
  job: Job
  out: string
  corpus: string
  actors?: string
}

/** Node's parseArgs messages, said the way `analyze` says them. */
function usageMessage(err: Error & { code?: string }): string {
  const first = err.message.split('\n')[0] ?? err.message
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `unknown option "${/'(.+?)'/.exec(first)?.[1] ?? first}"`
  }
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument ${/'(.+?)'/.exec(first)?.[1] ?? first}; name the file with --out`
  }
  const missing = /^Option '(-[-\w]*)(?: <value>)?' argument (missing|is ambiguous)/.exec(first)
  if (missing) return `${missing[1]} needs a value`
  return first.replace(/^Option '(.+?)'/, '$1').replace(/\.$/, '')
}

function parseCommandLine(argv: readonly string[]): Options | 'help' {
  let values
  try {
    values = parseArgs({ args: [...argv], options: OPTION_SPEC, strict: true }).values
  } catch (err) {
    const error = err as Error & { code?: string }
    if (error.code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(usageMessage(error))
    throw err
  }
  if (values.help) return 'help'

  const what = [
    values.chart !== undefined && '--chart',
    values.snapshot && '--snapshot',
    values.analysis && '--analysis',
  ].filter((x): x is string => typeof x === 'string')
  if (what.length !== 1) {
    throw new UsageError(
      what.length === 0
        ? 'say what to export: --chart NAME, --snapshot or --analysis'
        : `give one of ${what.join(', ')}, not several`,
    )
  }
  if (values.out === undefined || values.out === '') {
    throw new UsageError('name the file to write with --out FILE')
  }
  for (const name of ['corpus', 'actors', 'id', 'q', 'actor'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value`)
  }
  const ids = values.ids ?? []
  const fromOut = extname(values.out).slice(1).toLowerCase()
  const common = {
    out: values.out,
    corpus: values.corpus ?? DEFAULT_CORPUS_DIR,
    ...(values.actors !== undefined && { actors: values.actors }),
  }

  if (values.chart === undefined) {
    const kind = values.snapshot ? 'snapshot' : 'analysis'
    const format = kind === 'snapshot' ? 'html' : 'json'
    if (values.format !== undefined && values.format !== format) {
      throw new UsageError(`--${kind} writes ${format}, not ${JSON.stringify(values.format)}`)
    }
    for (const name of ['id', 'q', 'actor'] as const) {
      if (values[name] !== undefined) {
        throw new UsageError(`--${name} belongs to --chart; --${kind} takes --ids only`)
      }
    }
    if (ids.length === 0) throw new UsageError(`--${kind} needs the articles: --ids A,B`)
    return { job: { kind, ids }, ...common }
  }

  if (!EXPORT_CHARTS.has(values.chart)) {
    throw new UsageError(
      `no chart "${values.chart}"; the charts are: ${EXPORT_CHART_NAMES.join(', ')}`,
    )
  }
  const format = values.format ?? fromOut
  if (!(CHART_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      values.format === undefined
        ? `say the format with --format ${CHART_FORMATS.join('|')} (the name ${JSON.stringify(values.out)} does not say it)`
        : `--format must be ${CHART_FORMATS.join(', ')}, not ${JSON.stringify(values.format)}`,
    )
  }
  return {
    job: {
      kind: 'chart',
      chart: values.chart,
      format: format as ChartFormat,
      query: {
        ...(ids.length > 0 && { ids }),
        ...(values.id !== undefined && { id: values.id }),
        ...(values.q !== undefined && { q: values.q }),
        ...(values.actor !== undefined && { actor: values.actor }),
      },
    },
    ...common,
  }
}

/** Puts the command's name before every line, so each line of stderr stands on its own. */
function report(io: ExportIO, message: string): void {
  io.stderr(
    message
      .split('\n')
      .map((line) => `${PREFIX}${line}\n`)
      .join(''),
  )
}

/** The part files this process is writing, to remove if it is stopped (`removePartsOnExit`). */
const writing = new Set<string>()

/** `.<name>.<pid>-<8 hex digits>.part` beside the target: the temporary file of one write. */
const partPrefix = (path: string) => `.${basename(path)}.`
const PART_SUFFIX = /^(\d+)-[0-9a-f]{8}\.part$/

/** True when a process with this id exists (ours or another user's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the part files of `path` that an earlier run left behind when it was killed before it
 * could clean up (SIGKILL, a power cut): only regular files named as `writeAtomically` names them
 * for this very target, and only those whose process is gone, so a run writing the same file at
 * this moment keeps its own. Returns the names removed; a folder it cannot read is left alone.
 */
export async function removeStaleParts(path: string): Promise<string[]> {
  const folder = dirname(path)
  const prefix = partPrefix(path)
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = PART_SUFFIX.exec(name.slice(prefix.length))?.[1]
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue
    const file = join(folder, name)
    try {
      if (!(await lstat(file)).isFile()) continue
      await unlink(file)
      removed.push(name)
    } catch {
      // Gone already, or not ours to remove: the write goes on either way.
    }
  }
  return removed
}

/** Removes, at once, every part file this process is writing. */
function removeWritingParts(): void {
  for (const temp of writing) {
    try {
      unlinkSync(temp)
    } catch {
      // Not created yet, or already renamed.
    }
  }
  writing.clear()
}

/**
 * For the command run as a program: a part file being written is removed when the process exits,
 * however it exits, and when it is stopped by SIGINT (Ctrl-C), SIGTERM or SIGHUP; it then dies of
 * that signal, as it would have without the handler, so its parent sees the same status.
 */
export function removePartsOnExit(): void {
  process.once('exit', removeWritingParts)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeWritingParts()
      process.kill(process.pid, signal)
    })
  }
}

/** Writes `body` to `path` whole or not at all: a temporary file beside it, then a rename. */
export async function writeAtomically(path: string, body: Buffer | string): Promise<void> {
  const temp = join(
    dirname(path),
    `${partPrefix(path)}${process.pid}-${randomBytes(4).toString('hex')}.part`,
  )
  writing.add(temp)
  try {
    await writeFile(temp, body, { flag: 'wx' })
    await rename(temp, path)
  } catch (err) {
    await unlink(temp).catch(() => {})
    throw new InputError(`${path}: cannot write the file: ${osReason(err)}`, path)
  } finally {
    writing.delete(temp)
  }
}

/**
 * Runs the command with `argv` (the arguments after the script name) and returns the exit code.
 * Rejects only on a bug in Framelens; bad input and usage errors are reported on `io.stderr`.
 */
export async function runExport(argv: string[], io: ExportIO): Promise<number> {
  let options: Options | 'help'
  try {
    options = parseCommandLine(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    report(io, `${err.message}; run with --help for usage`)
    return EXIT.usage
  }
  if (options === 'help') {
    io.stdout(HELP)
    return EXIT.ok
  }

  const now = (io.now ?? (() => new Date()))()
  await removeStaleParts(options.out)
  try {
    const store = await loadStore(options.corpus, options.actors)
    const { job } = options
    let artifact: Artifact
    if (job.kind === 'chart') {
      artifact = await chartArtifact(store, job.chart, job.format, job.query, now)
    } else if (job.kind === 'snapshot') {
      artifact = await snapshotArtifact(store, job.ids, now)
    } else {
      artifact = analysisArtifact(store, job.ids, now)
    }
    await writeAtomically(options.out, artifact.body)
    return EXIT.ok
  } catch (err) {
    if (err instanceof DomainError) {
      report(io, err.message)
      return DOMAIN_EXIT[err.kind]
    }
    if (err instanceof InputError) {
      report(io, err.message)
      return EXIT.badInput
    }
    throw err
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

if (isEntryPoint(import.meta.url)) {
  removePartsOnExit()
  runMain(PREFIX, () =>
    runExport(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    }),
  )
}
