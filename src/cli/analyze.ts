/**
 * The `analyze` command: article files (or JSONL on stdin) in, one JSON document or one CSV table
 * out. Its options, output and exit codes are the command-line contract of DESIGN.md, which
 * scripts and other people's tests depend on, so changes here must keep that contract.
 *
 * Every input is read and validated before anything is analysed, and every bad input is reported
 * (not only the first), so a user fixing a folder of files sees all the problems in one run;
 * stdout gets nothing unless every input was good, so a script never reads half a result.
 *
 * `runAnalyze` takes its streams as arguments so the tests run it in-process; the few lines at the
 * end wire it to the real process when this file is the entry point.
 */

import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  AnalysisLimitError,
  Analyzer,
  summarize,
  withDistinctiveTerms,
  type ActorDef,
  type AnalysedArticle,
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
import { MAX_FILE_BYTES, MAX_LINE_CHARS, formatCount } from '../corpus/limits.js'
import { csvField, textCell } from '../csv.js'
import { EXIT_INTERNAL, isEntryPoint, runMain } from './entry.js'

/** The streams the command uses; the real process's, or strings in tests. */
export interface AnalyzeIO {
  /** All of stdin as text; only called with --jsonl. May throw `InputError` (e.g. not UTF-8). */
  stdin: () => Promise<string>
  stdout: (s: string) => void
  stderr: (s: string) => void
}

/** Exit codes, part of the contract: scripts tell bad data from a bad command line by them. */
export const EXIT = {
  ok: 0,
  badInput: 1,
  usage: 2,
  /** EX_SOFTWARE of sysexits.h: kept apart from 1 so a bug is never mistaken for bad data. */
  internal: EXIT_INTERNAL,
} as const

const PREFIX = 'framelens analyze: '

/** The CSV columns, in order: part of the contract, like the JSON shape. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'words',
  'tone_score',
  'tone_per_1000',
  'positive_per_1000',
  'negative_per_1000',
  'polarity',
  'actor',
  'mentions',
  'share',
  'actor_tone',
  'actor_label',
  'quoted_score',
  // Added with the framing measures; appended so that earlier columns keep their places.
  'tone_with_quotes',
  'label_with_quotes',
  'epithets',
  'loaded_per_1000',
  'hedges_per_1000',
  'quoted_share',
  // The learned second reading (empty when the actor is absent or only in the title).
  'model_label',
] as const

/** The loader's limits of one file (src/corpus/limits.ts), as the help says them. */
const FILE_LIMITS = `${MAX_FILE_BYTES / 1024 / 1024} MiB, with lines of at most ${formatCount(MAX_LINE_CHARS)}`

export const USAGE = `Usage:
  npm run --silent analyze -- [--actors FILE] [--format json|csv] FILE...
  npm run --silent analyze -- --jsonl [--actors FILE] [--format json|csv] < articles.jsonl
`

export const HELP = `${USAGE}
Analyses news articles: the tone of each one and how it frames each actor (by default Russia,
North Korea and the West, as defined in data/actors.json).

Input
  FILE            An article: .md/.markdown or .txt (YAML front matter optional; without it, a
                  first line followed by a blank line is the headline) or .html/.htm (the article
                  text is extracted). Scraped boilerplate (ad labels, embedded posts, stray
                  bylines ...) is removed. The id of an article is its file name without folders
                  and extension; two files with the same id are an error. Only regular files
                  (or links to them) are read, of at most ${FILE_LIMITS}
                  characters: a folder, a named pipe or a device is refused unread.
  --jsonl         Read the articles from stdin instead, one JSON object a line:
                    {"id": "a1", "title": "...", "text": "...", "actors": [ActorDef, ...]}
                  "title" and "actors" are optional; any other key is an error, and every value
                  must have the right type (text is a string, not a number or null). Blank lines
                  are skipped; line numbers in messages still count them. The text is taken as
                  given: no boilerplate is removed. Empty or whitespace-only text is an error.
                  Ids must be unique. An article's own "actors" replace the default actors (or
                  the --actors file) for that article only.
  --actors FILE   The actors to look for (JSON): {"actors": [ActorDef, ...]} or a bare list.
                  ActorDef: {"id", "label"?, "colour"?, "aliases": [name, ...], "exclude"?:
                  [phrase, ...]}. Default: data/actors.json.

Output (stdout)
  --format json   The default. {"articles": [...]} indented by 2 spaces, in input order; each
                  article has id, title, words, sentences, tone, actors, keywords and framing
                  (naming, frames, loaded language, sourcing, hedging: see the README). "actors"
                  maps every actor id to null when the article never names it (absent, which is
                  not neutral) or to its framing: mentions, share, tone, label (negative,
                  neutral or positive), quotedScore, evidence ... Distinctive keywords are
                  computed against the other articles of the same run (none for one article).
  --format csv    One row per article and actor, with the columns
                    ${CSV_COLUMNS.slice(0, 8).join(',')},
                    ${CSV_COLUMNS.slice(8, 14).join(',')},
                    ${CSV_COLUMNS.slice(14).join(',')}
                  epithets lists the words the article pins on the actor as term×count,
                  separated by "; ". An absent actor has mentions 0, share 0, label "absent"
                  and empty actor_tone, quoted_score, tone_with_quotes, label_with_quotes,
                  epithets and model_label. model_label is the learned second reading
                  (NewsMTSC's construct: quoted speech counts); actor_label stays the lexicon's. RFC 4180: lines end in CRLF; a field with a comma, a quote,
                  a CR or an LF is quoted and its quotes doubled. A text field (id, title,
                  actor, actor_label) that starts with = + - @, a tab or a CR gets a leading '
                  so that a spreadsheet shows it as text instead of running it as a formula.
  -h, --help      Print this help.

Errors
  Every bad input is reported on stderr, one line per problem, as
    framelens analyze: <file, or stdin:line N>: <what is wrong>
  and then nothing at all is written to stdout.

Exit status
  0   success
  1   bad input: an unreadable, binary, non-UTF-8 or empty file, one that is not a regular
      file or is over a limit, an article over the analysis limits, an invalid JSON line or
      actors file, two articles with the same id ...
  2   usage error: an unknown option, an option without its value, a --format other than json
      or csv, no FILE and no --jsonl, or --jsonl together with FILEs
  70  internal error: a bug in Framelens, not in the input
`

// ---------------------------------------------------------------------------------------------
// Command line

type Format = 'json' | 'csv'

interface Options {
  help: boolean
  jsonl: boolean
  actors?: string
  format: Format
  files: string[]
}

/** A command line that cannot be run as written: exit code 2. */
class UsageError extends Error {}

const OPTION_SPEC = {
  actors: { type: 'string' },
  format: { type: 'string' },
  jsonl: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Node's parseArgs messages, said the way the rest of this command says things. */
function usageMessage(err: Error & { code?: string }): string {
  const first = err.message.split('\n')[0] ?? err.message
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(.+?)'/.exec(first)?.[1] ?? first
    return `unknown option "${option}" (a file whose name starts with - goes after --)`
  }
  const missing = /^Option '(-[-\w]*)(?: <value>)?' argument (missing|is ambiguous)/.exec(first)
  if (missing) {
    const option = missing[1]!
    const hint =
      missing[2] === 'missing' ? '' : `; for a value that starts with -, write ${option}=-…`
    return `${option} needs a value${hint}`
  }
  return first.replace(/^Option '(.+?)'/, '$1').replace(/\.$/, '')
}

function parseCommandLine(argv: readonly string[]): Options {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTION_SPEC,
      allowPositionals: true,
      strict: true,
    })
  } catch (err) {
    const error = err as Error & { code?: string }
    if (error.code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(usageMessage(error))
    throw err
  }
  const { values, positionals } = parsed
  const help = values.help ?? false
  if (help) return { help, jsonl: false, format: 'json', files: [] }

  const format = values.format ?? 'json'
  if (format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format must be json or csv, not ${JSON.stringify(format)}`)
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
    help,
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

/**
 * Like `Promise.allSettled(items.map(fn))`, with at most `limit` calls running at once: a shell
 * glob can name thousands of files, and opening them all together runs out of file descriptors.
 */
async function settleAll<T, R>(
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
 * Analyses every article with its actor set. An `Analyzer` compiles its actors once, so there is
 * one per distinct set (keyed by the definitions' JSON), not one per article: a JSONL file where
 * every line repeats the same actors compiles them once. An article over a limit of the engine
 * (`AnalysisLimitError`) is bad input: every such article is returned as a problem naming its
 * file or line, and then there are no results.
 */
function analyseAll(
  jobs: readonly Job[],
  runActors: ActorDef[],
): { articles: ArticleAnalysis[]; problems: InputError[] } {
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
  const analysed: AnalysedArticle[] = []
  const problems: InputError[] = []
  for (const job of jobs) {
    try {
      analysed.push(analyzerFor(job.actors ?? runActors).analyze(job.input))
    } catch (err) {
      if (!(err instanceof AnalysisLimitError)) throw err
      problems.push(new InputError(`${job.source}: ${err.message}`, job.source))
    }
  }
  if (problems.length > 0) return { articles: [], problems }
  return { articles: withDistinctiveTerms(analysed).map(summarize), problems }
}

/** The long-format table: one row per article and actor, in input and actor order. */
export function toCsv(articles: readonly ArticleAnalysis[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]]
  for (const article of articles) {
    const { tone, framing: measures } = article
    const articleTail = [
      String(measures.loaded.per1000),
      String(measures.hedging.per1000),
      String(measures.sourcing.quotedShare),
    ]
    const common = [
      textCell(article.id),
      textCell(article.title),
      String(article.words),
      String(tone.score),
      String(tone.per1000),
      String(tone.positivePer1000),
      String(tone.negativePer1000),
      String(tone.polarity),
    ]
    for (const [actor, framing] of Object.entries(article.actors)) {
      rows.push([
        ...common,
        textCell(actor),
        ...(framing
          ? [
              String(framing.mentions),
              String(framing.share),
              String(framing.tone),
              framing.label,
              String(framing.quotedScore),
              String(framing.toneWithQuotes),
              framing.labelWithQuotes,
              textCell(
                (measures.naming[actor] ?? [])
                  .filter((t) => t.kind === 'epithet')
                  .map((t) => `${t.term}×${t.count}`)
                  .join('; '),
              ),
            ]
          : ['0', '0', '', 'absent', '', '', '', '']),
        ...articleTail,
        framing?.model?.label ?? '',
      ])
    }
  }
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}

/** Puts the command's name before every line, so each line of stderr stands on its own. */
function report(io: AnalyzeIO, messages: readonly string[]): void {
  const lines = messages.flatMap((message) => message.split('\n'))
  io.stderr(lines.map((line) => `${PREFIX}${line}\n`).join(''))
}

/**
 * Runs the command with `argv` (the arguments after the script name) and returns the exit code.
 * Rejects only on a bug in Framelens; bad input and usage errors are reported on `io.stderr`.
 */
export async function runAnalyze(argv: string[], io: AnalyzeIO): Promise<number> {
  let options: Options
  try {
    options = parseCommandLine(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    report(io, [`${err.message}; run with --help for usage`])
    return EXIT.usage
  }
  if (options.help) {
    io.stdout(HELP)
    return EXIT.ok
  }

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
  // Articles over the engine's limits show only when analysed; with the actors known, the good
  // articles are analysed even when others are bad, so that one run reports every problem.
  const analysed =
    actorsResult.status === 'fulfilled' ? analyseAll(gathered.jobs, actorsResult.value) : undefined
  if (analysed) problems.push(...analysed.problems)
  // A rejected actors file is always among the problems; the second test is for the type checker.
  if (problems.length > 0 || !analysed) {
    report(
      io,
      problems.map((problem) => problem.message),
    )
    return EXIT.badInput
  }

  const { articles } = analysed
  io.stdout(
    options.format === 'csv' ? toCsv(articles) : `${JSON.stringify({ articles }, null, 2)}\n`,
  )
  return EXIT.ok
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
  // `| head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    process.exit(process.exitCode ?? EXIT.ok)
  })
  runMain(PREFIX, () =>
    runAnalyze(process.argv.slice(2), {
      stdin: readStdin,
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    }),
  )
}
