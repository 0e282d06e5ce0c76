/**
 * The HTTP server, run in a worker thread that src/server.ts starts, so the entry's own thread is
 * always free to answer signals, even while a long response is computed here. It listens first (a
 * port in use is reported before the seconds it takes to load the app and analyse the corpus),
 * then loads both; the requests that arrive meanwhile wait for them. On `stop` it drains (see
 * ./drain.ts): no new connections, every request received answered, then `stopped`.
 */
import type { Server } from 'node:http'
import { availableParallelism } from 'node:os'
import type { AddressInfo } from 'node:net'
import { parentPort, workerData } from 'node:worker_threads'
import { createAdaptorServer } from '@hono/node-server'
import type { Hono } from 'hono'
import { InputError, osReason } from '../corpus/errors.js'
import { drainable } from './drain.js'
import type { EntryMessage, ServerConfig, ThreadMessage } from './lifecycle.js'

const parent = parentPort!
const config = workerData as ServerConfig
const send = (message: ThreadMessage) => parent.postMessage(message)

type Fetch = Hono['fetch']
let resolveApp!: (fetch: Fetch) => void
const appReady = new Promise<Fetch>((resolve) => (resolveApp = resolve))

const server = createAdaptorServer({
  fetch: async (request, env) => (await appReady)(request, env),
}) as Server

const drain = drainable(server)
server.on('error', (err: NodeJS.ErrnoException) => {
  send({ type: 'listen-error', code: err.code ?? '', message: osReason(err) })
})

/** Closes the database once every request is answered. */
let onStop: () => Promise<void> = async () => {}

parent.on('message', (message: EntryMessage) => {
  if (message.type === 'stop') {
    drain.stop(() => {
      void onStop()
        .catch(() => {})
        .finally(() => send({ type: 'stopped' }))
    })
  }
})

server.listen(config.port, config.host, async () => {
  // Imported once the port is ours: loading the app takes seconds, a port in use is said at once.
  const [
    { createLibraryApp },
    { openStorage },
    { Library },
    boot,
    pools,
    actorsModule,
    corpus,
    { ResponseCache },
  ] = await Promise.all([
    import('../library-app.js'),
    import('../store/open.js'),
    import('../library/library.js'),
    import('../library/bootstrap.js'),
    import('../library/pool-analyse.js').then(async (m) => ({
      analyseInPool: m.analyseInPool,
      AnalyzePool: (await import('../pool/analyze-pool.js')).AnalyzePool,
    })),
    import('../corpus/actors.js'),
    import('../corpus/load-corpus.js'),
    import('../routes/response-cache.js'),
  ])
  try {
    const storage = await openStorage(config.database)
    onStop = () => storage.close()
    // Requests get the pool with a time budget; imports and re-analysis one of their own that
    // may take as long as they need, so neither starves the other.
    const requestPool = new pools.AnalyzePool()
    const bulkThreads = Math.max(1, availableParallelism())
    const bulkPool = new pools.AnalyzePool({
      threads: bulkThreads,
      timeBudgetMs: 600_000,
      maxQueued: 1_000,
    })
    const library = new Library(storage, pools.analyseInPool(requestPool))
    const actors = () =>
      config.actorsFile
        ? actorsModule.readActorsFile(config.actorsFile)
        : actorsModule.loadDefaultActors()
    const booted = await boot.bootstrap(library, {
      ...(config.corpusDir !== undefined && { corpusDir: config.corpusDir }),
      actors,
      concurrency: bulkThreads,
      analyse: pools.analyseInPool(bulkPool),
    })
    library.setDefaultCollection(booted.collectionId)
    const app = createLibraryApp(library, {
      analyzePool: requestPool,
      defaultActors: actors,
      allowPrivateUrls: config.allowPrivateUrls,
      responseCache: new ResponseCache(config.cacheMiB * 1024 * 1024),
      adhocAnalyse: pools.analyseInPool(requestPool),
    })
    resolveApp(app.fetch)
    // A pool's thread compiles the engine on its first job (seconds from the TypeScript
    // sources): have that happen now rather than on a user's first paste or question.
    void actors()
      .then((defs) =>
        requestPool.analyzeFull([
          { input: { id: 'warm-up', text: 'Warm up.' }, actors: actorsModule.resolveActors(defs) },
        ]),
      )
      .catch(() => {})
    if (config.background) {
      await library.startBackground(pools.analyseInPool(bulkPool), (line) => console.log(line))
    }
    const view = await library.view(booted.collectionId)
    const { address, port: bound } = server.address() as AddressInfo
    send({
      type: 'ready',
      address,
      port: bound,
      articles: view?.store.articles.length ?? 0,
      collection: view?.collection.name ?? booted.collectionId,
      storage: storage.location,
      imported: booted.imported,
      ...(booted.refused.length > 0 && { refused: corpus.refusedNotice(booted.refused) }),
    })
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    send({ type: 'input-error', message: err.message })
  }
})
