/**
 * `npm run library -- …`: the stored collections from the command line, the same operations as
 * the dashboard's forms and the JSON API (src/routes/library), through the same library
 * (src/library), so a file means the same thing everywhere and a refused one writes nothing.
 */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import type { ActorDef } from '../analysis/index.js'
import { loadDefaultActors, readActorsFile } from '../corpus/actors.js'
import { readArticleFile, type ParsedArticle } from '../corpus/article-file.js'
import { InputError } from '../corpus/errors.js'
import { DomainError } from '../domain/errors.js'
import { draftOf, importFolder } from '../library/bootstrap.js'
import { analyseInThread, Library } from '../library/library.js'
import { analyseInPool } from '../library/pool-analyse.js'
import { AnalyzePool } from '../pool/analyze-pool.js'
import { articleJson } from '../routes/library/collections-api.js'
import { openStorage } from '../store/open.js'
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
import { HELP } from './help/library.js'

const PREFIX = 'framelens library: '

type Options =
  | { command: 'collections' }
  | { command: 'create'; name: string; actors?: string }
  | { command: 'add'; collection: string; files: string[] }
  | { command: 'import'; collection: string; dir: string; defer: boolean }
  | { command: 'articles'; collection: string }
  | { command: 'remove'; collection: string; ids: string[] }
  | { command: 'delete'; id: string }

export interface LibraryIO extends CommandIO {
  env: { DATABASE_URL?: string; FRAMELENS_DB?: string }
}

const COMMANDS = ['collections', 'create', 'add', 'import', 'articles', 'remove', 'delete']

function parseCommandLine(argv: readonly string[]): Options | 'help' {
  const { values, positionals } = parseUsage(() =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        collection: { type: 'string' },
        actors: { type: 'string' },
        defer: { type: 'boolean' },
      },
    }),
  )
  if (values.help) return 'help'
  const [command, ...rest] = positionals
  if (command === undefined) throw new UsageError(`say what to do: ${COMMANDS.join(', ')}`)
  const collection = () => {
    if (!values.collection) throw new UsageError(`${command} needs --collection ID`)
    return values.collection
  }
  const atLeast = (what: string) => {
    if (rest.length === 0) throw new UsageError(`${command} needs ${what}`)
    return rest
  }
  switch (command) {
    case 'collections':
      return { command }
    case 'create':
      return {
        command,
        name: atLeast('a NAME').join(' '),
        ...(values.actors && { actors: values.actors }),
      }
    case 'add':
      return { command, collection: collection(), files: atLeast('at least one FILE') }
    case 'import':
      if (rest.length !== 1)
        throw new UsageError('import needs one folder: import --collection ID DIR')
      return { command, collection: collection(), dir: rest[0]!, defer: values.defer ?? false }
    case 'articles':
      return { command, collection: collection() }
    case 'remove':
      return { command, collection: collection(), ids: atLeast('the ids of the articles') }
    case 'delete':
      if (rest.length !== 1) throw new UsageError('delete needs one collection id')
      return { command, id: rest[0]! }
    default:
      throw new UsageError(`no command "${command}"; the commands are: ${COMMANDS.join(', ')}`)
  }
}

async function run(options: Options, io: LibraryIO): Promise<void> {
  const storage = await openStorage(io.env)
  const library = new Library(storage, analyseInThread)
  try {
    const requireCollection = async (id: string) => {
      const c = await library.getCollection(id)
      if (!c)
        throw new DomainError('not-found', `no collection "${id}"; see the collections command`)
      return c
    }
    switch (options.command) {
      case 'collections': {
        for (const c of await library.listCollections()) {
          io.stdout(`${c.id}\t${c.articles}\t${c.name}\n`)
        }
        return
      }
      case 'create': {
        const actors: ActorDef[] = options.actors
          ? await readActorsFile(options.actors)
          : await loadDefaultActors()
        const created = await library.createCollection({ name: options.name, actors })
        io.stdout(`${created.id}\n`)
        return
      }
      case 'add': {
        await requireCollection(options.collection)
        const settled = await settleAll(options.files, 16, (f) => readArticleFile(f))
        const problems: string[] = []
        const articles: ParsedArticle[] = []
        for (const s of settled) {
          if (s.status === 'fulfilled') articles.push(s.value)
          else if (s.reason instanceof InputError) problems.push(s.reason.message)
          else throw s.reason
        }
        if (problems.length > 0) throw new BadInput([...problems, 'nothing was added'])
        const { added, duplicates } = await library.addArticles(
          options.collection,
          articles.map((a) => draftOf(a, a.file ?? a.id)),
        )
        for (const a of added) io.stdout(`${a.id}\n`)
        for (const d of duplicates) {
          io.stderr(
            `${PREFIX}${options.files[d.index]}: already stored as "${d.existingId}"; skipped\n`,
          )
        }
        return
      }
      case 'import': {
        const collection = await requireCollection(options.collection)
        const threads = Math.max(1, availableParallelism())
        const pool = new AnalyzePool({ threads, timeBudgetMs: 600_000, maxQueued: 10_000 })
        try {
          const { imported, refused } = await importFolder(
            library,
            options.dir,
            collection,
            async () => collection.actors,
            { analyse: analyseInPool(pool), concurrency: threads, defer: options.defer },
          )
          for (const r of refused) io.stderr(`${PREFIX}${r.message}\n`)
          io.stdout(`${imported}\n`)
        } finally {
          await pool.close()
        }
        return
      }
      case 'articles': {
        await requireCollection(options.collection)
        const rows = await storage.listArticles(options.collection)
        io.stdout('{"articles": [')
        rows.forEach((row, i) => io.stdout(`${i ? ',' : ''}\n${JSON.stringify(articleJson(row))}`))
        io.stdout('\n]}\n')
        return
      }
      case 'remove': {
        // Every id is checked before the first is deleted: a typo deletes nothing.
        await requireCollection(options.collection)
        const found = await storage.existingIds(options.collection, options.ids)
        const missing = options.ids.filter((id) => !found.has(id))
        if (missing.length > 0) {
          throw new BadInput([
            ...missing.map((id) => `no article "${id}" in "${options.collection}"`),
            'nothing was removed',
          ])
        }
        for (const id of options.ids) await library.deleteArticle(options.collection, id)
        return
      }
      case 'delete': {
        await library.deleteCollection(options.id)
        return
      }
    }
  } finally {
    await storage.close()
  }
}

const LIBRARY: Command<Options, LibraryIO> = {
  prefix: PREFIX,
  help: HELP,
  parse: parseCommandLine,
  run,
}

export function runLibrary(argv: string[], io: LibraryIO): Promise<number> {
  return runCommand(LIBRARY, argv, io)
}

if (isEntryPoint(import.meta.url)) {
  stopQuietlyOnClosedPipe()
  runMain(PREFIX, () =>
    runLibrary(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      env: process.env,
    }),
  )
}
