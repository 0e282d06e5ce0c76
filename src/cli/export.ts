/**
 * The `export` command: the dashboard's downloads without a server. One chart as PNG, SVG, CSV or
 * JSON, the full analysis of a comparison as JSON, or a comparison as one offline HTML file, made
 * by the same code as the `/export/…` routes (src/export), so a file from the command line and a
 * download from the browser are the same bytes but for the export date.
 *
 * It shares the `analyze` command's core (src/cli/core.ts): the same exit codes, messages on
 * stderr prefixed with the command's name, streams passed in so tests run it in-process. The body
 * is made in memory and written whole or not at all (src/cli/atomic-write.ts).
 */
import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CORPUS_DIR } from '../corpus/load-corpus.js'
import { loadStore } from '../corpus-store.js'
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
import { removePartsOnExit, removeStaleParts, writeAtomically } from './atomic-write.js'
import { UsageError, parseUsage, runCommand, type Command, type CommandIO } from './core.js'
import { isEntryPoint, runMain } from './entry.js'
import { HELP } from './help/export.js'

export { HELP, USAGE } from './help/export.js'
export { removePartsOnExit, removeStaleParts, writeAtomically } from './atomic-write.js'

export interface ExportIO extends CommandIO {
  /** The export date; the clock unless a test fixes it. */
  now?: () => Date
}

const PREFIX = 'framelens export: '

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

function parseCommandLine(argv: readonly string[]): Options | 'help' {
  const { values } = parseUsage(
    () => parseArgs({ args: [...argv], options: OPTION_SPEC, strict: true }),
    { positionalHint: 'name the file with --out' },
  )
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

/** Makes the file that `options` ask for and writes it whole; throws bad input. */
async function exportFile(options: Options, io: ExportIO): Promise<void> {
  const now = (io.now ?? (() => new Date()))()
  await removeStaleParts(options.out)
  const store = await loadStore(options.corpus, options.actors)
  const { job } = options
  let artifact: Artifact
  if (job.kind === 'chart') {
    artifact = await chartArtifact(store, job.chart, job.format, job.query, now)
  } else if (job.kind === 'snapshot') {
    artifact = await snapshotArtifact(store, job.ids, now)
  } else {
    artifact = await analysisArtifact(store, job.ids, now)
  }
  await writeAtomically(options.out, artifact.body)
}

const EXPORT: Command<Options, ExportIO> = {
  prefix: PREFIX,
  help: HELP,
  parse: parseCommandLine,
  run: exportFile,
}

/**
 * Runs the command with `argv` (the arguments after the script name) and returns the exit code.
 * Rejects only on a bug in Framelens; bad input and usage errors are reported on `io.stderr`.
 */
export function runExport(argv: string[], io: ExportIO): Promise<number> {
  return runCommand(EXPORT, argv, io)
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
