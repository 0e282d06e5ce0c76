/**
 * The `analyze` command: article files (or JSONL on stdin) in, one JSON document or one CSV table
 * out. Its options, output and exit codes are the command-line contract of DESIGN.md, which
 * scripts and other people's tests depend on, so changes here must keep that contract.
 *
 * Every input is read and validated before anything is analysed, and every bad input is reported
 * (not only the first), so a user fixing a folder of files sees all the problems in one run;
 * stdout gets nothing unless every input was good, so a script never reads half a result.
 *
 * Output is written article by article (JSON, JSONL or CSV), from a temporary file the analysis
 * fills, so a run over tens of thousands of files keeps its memory flat.
 *
 * `runAnalyze` takes its streams as arguments so the tests run it in-process; the few lines at the
 * end wire it to the real process when this file is the entry point.
 */

import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  AnalysisLimitError,
  Analyzer,
  distinctiveTerms,
  summarize,
  sumCounts,
  type ActorDef,
  type ArticleAnalysis,
  type ArticleInput,
} from '../analysis/index.js'
import {
  loadDefaultActors,
  parseActorDefs,
  readActorsFile,
  resolveActors,
} from '../corpus/actors.js'
import { articleId, decodeArticleBytes, readArticleFile } from '../corpus/article-file.js'
import { InputError, InputErrors } from '../corpus/errors.js'
import { toCsv } from './analyze-csv.js'
import {
  BadInput,
  UsageError,
  parseUsage,
  runCommand,
  settleAll,
  type Command,
  type CommandIO,
} from './core.js'
import { isEntryPoint, runMain, stopQuietlyOnClosedPipe } from './entry.js'
import { HELP } from './help/analyze.js'

export { CSV_COLUMNS, toCsv } from './analyze-csv.js'
export { EXIT } from './core.js'
export { HELP, USAGE } from './help/analyze.js'

/** The streams the command uses; the real process's, or strings in tests. */
export interface AnalyzeIO extends CommandIO {
  /** All of stdin as text; only called with --jsonl. May throw `InputError` (e.g. not UTF-8). */
  stdin: () => Promise<string>
  /** Resolves when stdout has taken what was written (a pipe's reader caught up). */
  drained?: () => Promise<void>
}

const PREFIX = 'framelens analyze: '

// ---------------------------------------------------------------------------------------------
// Command line

type Format = 'json' | 'jsonl' | 'csv'

interface Options {
  jsonl: boolean
  actors?: string
  format: Format
  files: string[]
}

const OPTION_SPEC = {
  actors: { type: 'string' },
  format: { type: 'string' },
  jsonl: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function parseCommandLine(argv: readonly string[]): Options | 'help' {
  const parsed = parseUsage(
    () =>
      parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true }),
    {
      unknownHint: '(a file whose name starts with - goes after --)',
      dashValueHint: true,
    },
  )
  const { values, positionals } = parsed
  if (values.help) return 'help'

  const format = values.format ?? 'json'
  if (format !== 'json' && format !== 'jsonl' && format !== 'csv') {
    throw new UsageError(`--format must be json, jsonl or csv, not ${JSON.stringify(format)}`)
  }
  if (values.actors === '') throw new UsageError('--actors needs a value (a JSON file)')
  const jsonl = values.jsonl ?? false
  if (jsonl && positionals.length > 0) {
    throw new UsageError(
      `--jsonl reads the articles from stdin; do not give FILEs too (got ${positionals.join(' ')})`,
    )
  }
  if (!jsonl && positionals.length === 0) {
    throw new UsageError('no article files given; name one or more FILEs, or use --jsonl')
  }
  return {
    jsonl,
    ...(values.actors !== undefined ? { actors: values.actors } : {}),
    format,
    files: positionals,
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the input

/** One article ready for analysis, with the actors to look for in it. */
interface Job {
  input: ArticleInput
  /** The article's own actors (a JSONL line's), or undefined for the run's actors. */
  actors?: ActorDef[]
  /** Where it came from, for messages: the file as given, or "stdin:line N". */
  source: string
}

/** The articles to analyse, or every reason why they cannot be. */
interface Gathered {
  jobs: Job[]
  problems: InputError[]
}

/** Collects a rejection as a problem when it is bad input; anything else is a bug and rethrown. */
function collect(problems: InputError[], reason: unknown): void {
  if (reason instanceof InputErrors) problems.push(...reason.errors)
  else if (reason instanceof InputError) problems.push(reason)
  else throw reason
}

async function gatherFiles(files: readonly string[]): Promise<Gathered> {
  const results = await settleAll(files, 16, readArticleFile)
  const problems: InputError[] = []
  const jobs: Job[] = []
  // Ids come from the names alone, so a clash is found even when one of the two files is bad.
  const fileOfId = new Map<string, string>()
  results.forEach((result, index) => {
    const file = files[index]!
    const id = articleId(file)
    const earlier = fileOfId.get(id)
    if (earlier === undefined) fileOfId.set(id, file)
    if (result.status === 'rejected') collect(problems, result.reason)
    if (earlier !== undefined) {
      const what =
        earlier === file
          ? 'the file is given twice'
          : `the id "${id}" is already used by ${earlier}; rename one of the files`
      problems.push(new InputError(`${file}: ${what}`, file))
    } else if (result.status === 'fulfilled') {
      const { title, headline, text } = result.value
      jobs.push({ input: { id: result.value.id, title, headline, text }, source: file })
    }
  })
  return { jobs, problems }
}

const nonBlank = (value: string) => value.trim() !== ''

const requiredString = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'required' : `must be ${what}`) })

/** One JSONL line. Strict: a misspelt key ("body" for "text") would otherwise lose the text. */
const JsonlArticle = z.strictObject(
  {
    id: requiredString('text').refine(nonBlank, 'must not be empty'),
    title: z.string({ error: 'must be text' }).refine(nonBlank, 'must not be empty').optional(),
    text: requiredString('text').refine(nonBlank, 'must not be empty or only whitespace'),
    // Each actor is checked by parseActorDefs, which names the actor and field that is wrong.
    actors: z
      .array(z.unknown(), { error: 'must be a list of actors, each {"id", "aliases", ...}' })
      .optional(),
  },
  { error: 'must be a JSON object like {"id": "a1", "title": "...", "text": "..."}' },
)

function jsonlIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => `unknown key "${key}"; allowed: id, title, text, actors`)
      .join('; ')
  }
  const where = issue.path.map(String).join('.')
  return where ? `${where}: ${issue.message}` : issue.message
}

/** Parses JSONL text; every line is checked, and each problem names `stdin:line N`. */
export function parseJsonl(text: string): Gathered {
  const problems: InputError[] = []
  const jobs: Job[] = []
  const lineOfId = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '') return
    const source = `stdin:line ${index + 1}`
    const fail = (message: string) => problems.push(new InputError(`${source}: ${message}`, source))

    let json: unknown
    try {
      json = JSON.parse(line)
    } catch (err) {
      return fail(`not valid JSON: ${(err as Error).message}`)
    }
    const result = JsonlArticle.safeParse(json)
    if (!result.success) {
      for (const issue of result.error.issues) fail(jsonlIssue(issue))
      return
    }
    const { id, title, text: body, actors } = result.data
    let defs: ActorDef[] | undefined
    if (actors !== undefined) {
      try {
        defs = parseActorDefs(actors, `${source}: actors`)
      } catch (err) {
        return collect(problems, err)
      }
    }
    const earlier = lineOfId.get(id)
    if (earlier !== undefined) {
      return fail(`the id "${id}" is already used by line ${earlier}; ids must be unique`)
    }
    lineOfId.set(id, index + 1)
    const input: ArticleInput = { id, ...(title !== undefined ? { title } : {}), text: body }
    jobs.push({ input, actors: defs, source })
  })
  if (jobs.length === 0 && problems.length === 0) {
    problems.push(new InputError('stdin: no articles (no line that is not blank)', 'stdin'))
  }
  return { jobs, problems }
}

async function gatherJsonl(stdin: () => Promise<string>): Promise<Gathered> {
  let text: string
  try {
    text = await stdin()
  } catch (err) {
    const problems: InputError[] = []
    collect(problems, err)
    return { jobs: [], problems }
  }
  return parseJsonl(text)
}

// ---------------------------------------------------------------------------------------------
// Analysis and output

/**
 * Analyses every article with its actor set, keeping only what the output needs: each article's
 * summary and term counts go to a temporary file, one line each, and only the corpus's term
 * totals stay in memory, so memory does not grow with the number of articles. An `Analyzer`
 * compiles its actors once, so there is one per distinct set (keyed by the definitions' JSON):
 * a JSONL file where every line repeats the same actors compiles them once. An article over a
 * limit of the engine (`AnalysisLimitError`) is bad input: every such article is returned as a
 * problem naming its file or line.
 */
function analyseAll(jobs: readonly Job[], runActors: ActorDef[], spool: Spool): InputError[] {
  const analyzers = new Map<string, Analyzer>()
  const analyzerFor = (defs: ActorDef[]) => {
    const key = JSON.stringify(defs)
    let analyzer = analyzers.get(key)
    if (!analyzer) {
      analyzer = new Analyzer(resolveActors(defs))
      analyzers.set(key, analyzer)
    }
    return analyzer
  }
  const problems: InputError[] = []
  for (const job of jobs) {
    try {
      const { detail, terms } = analyzerFor(job.actors ?? runActors).analyze(job.input)
      if (problems.length === 0) spool.add(summarize(detail), terms)
    } catch (err) {
      if (!(err instanceof AnalysisLimitError)) throw err
      problems.push(new InputError(`${job.source}: ${err.message}`, job.source))
    }
  }
  return problems
}

/**
 * The analysed articles on their way out: written to a temporary file as they are analysed,
 * read back one at a time with their distinctive terms against all the others, and removed.
 */
class Spool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'framelens-analyze-'))
  private readonly file = join(this.dir, 'articles.jsonl')
  private fd: number | undefined = openSync(this.file, 'w')
  private readonly corpus = new Map<string, number>()
  count = 0

  add(summary: ArticleAnalysis, terms: Map<string, number>): void {
    for (const [t, v] of terms) this.corpus.set(t, (this.corpus.get(t) ?? 0) + v)
    writeSync(this.fd!, `${JSON.stringify([summary, [...terms]])}\n`)
    this.count++
  }

  /** Each article in input order, with its distinctive terms filled in. */
  async *articles(): AsyncGenerator<ArticleAnalysis> {
    this.close()
    const total = sumCounts(this.corpus)
    const lines = createInterface({ input: createReadStream(this.file), crlfDelay: Infinity })
    for await (const line of lines) {
      const [summary, terms] = JSON.parse(line) as [ArticleAnalysis, [string, number][]]
      const distinctive =
        this.count > 1 ? distinctiveTerms(new Map(terms), this.corpus, undefined, total) : []
      yield { ...summary, keywords: { ...summary.keywords, distinctive } }
    }
  }

  /** Once only: a descriptor number closed twice may by then belong to another file. */
  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  remove(): void {
    this.close()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Writes the articles one at a time, waiting for stdout to take each (so memory stays flat
 * however many there are): JSON exactly as `JSON.stringify({articles}, null, 2)` would print it,
 * one object a line for JSONL, CSV with its header once.
 */
async function writeArticles(
  articles: AsyncIterable<ArticleAnalysis>,
  format: Format,
  io: AnalyzeIO,
): Promise<void> {
  let n = 0
  for await (const article of articles) {
    if (format === 'json') {
      const body = JSON.stringify(article, null, 2).replace(/\n/g, '\n    ')
      io.stdout(`${n === 0 ? '{\n  "articles": [\n' : ',\n'}    ${body}`)
    } else if (format === 'jsonl') {
      io.stdout(`${JSON.stringify(article)}\n`)
    } else {
      const csv = toCsv([article])
      io.stdout(n === 0 ? csv : csv.slice(csv.indexOf('\r\n') + 2))
    }
    n++
    await io.drained?.()
  }
  if (format === 'json') io.stdout(n === 0 ? '{\n  "articles": []\n}\n' : '\n  ]\n}\n')
  if (format === 'csv' && n === 0) io.stdout(toCsv([]))
}

/** Reads, checks and analyses every input, then writes the result; throws `BadInput`. */
async function analyse(options: Options, io: AnalyzeIO): Promise<void> {
  // The actors and the articles are read together, and their problems reported together.
  const [actorsResult, gathered] = await Promise.all([
    (options.actors !== undefined ? readActorsFile(options.actors) : loadDefaultActors()).then(
      (defs) => ({ status: 'fulfilled' as const, value: defs }),
      (reason: unknown) => ({ status: 'rejected' as const, reason }),
    ),
    options.jsonl ? gatherJsonl(io.stdin) : gatherFiles(options.files),
  ])
  const problems: InputError[] = []
  if (actorsResult.status === 'rejected') collect(problems, actorsResult.reason)
  problems.push(...gathered.problems)
  const spool = new Spool()
  try {
    // Articles over the engine's limits show only when analysed; with the actors known, the good
    // articles are analysed even when others are bad, so that one run reports every problem.
    if (actorsResult.status === 'fulfilled') {
      problems.push(...analyseAll(gathered.jobs, actorsResult.value, spool))
    }
    if (problems.length > 0) throw new BadInput(problems.map((problem) => problem.message))
    await writeArticles(spool.articles(), options.format, io)
  } finally {
    spool.remove()
  }
}

const ANALYZE: Command<Options, AnalyzeIO> = {
  prefix: PREFIX,
  help: HELP,
  parse: parseCommandLine,
  run: analyse,
}

/**
 * Runs the command with `argv` (the arguments after the script name) and returns the exit code.
 * Rejects only on a bug in Framelens; bad input and usage errors are reported on `io.stderr`.
 */
export function runAnalyze(argv: string[], io: AnalyzeIO): Promise<number> {
  return runCommand(ANALYZE, argv, io)
}

// ---------------------------------------------------------------------------------------------
// Entry point

/** All of stdin, decoded strictly: JSONL that is not UTF-8 is bad input, not U+FFFD noise. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return decodeArticleBytes(Buffer.concat(chunks), 'stdin')
}

if (isEntryPoint(import.meta.url)) {
  stopQuietlyOnClosedPipe()
  runMain(PREFIX, () =>
    runAnalyze(process.argv.slice(2), {
      stdin: readStdin,
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      drained: () =>
        process.stdout.writableNeedDrain
          ? new Promise((resolve) => process.stdout.once('drain', () => resolve()))
          : Promise.resolve(),
    }),
  )
}
