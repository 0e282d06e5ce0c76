/**
 * The HTTP server, run in a worker thread that src/server.ts starts, so the entry's own thread is
 * always free to answer signals, even while a long response is computed here. It listens first (a
 * port in use is reported before the seconds it takes to load the app and analyse the corpus),
 * then loads both; the requests that arrive meanwhile wait for them. On `stop` it drains (see
 * ./drain.ts): no new connections, every request received answered, then `stopped`.
 */
import type { Server } from 'node:http'
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

parent.on('message', (message: EntryMessage) => {
  if (message.type === 'stop') drain.stop(() => send({ type: 'stopped' }))
})

server.listen(config.port, config.host, async () => {
  // Imported once the port is ours: loading the app takes seconds, a port in use is said at once.
  const [{ createApp }, { loadStore }, { DEFAULT_CORPUS_DIR, refusedNotice }] = await Promise.all([
    import('../app.js'),
    import('../corpus-store.js'),
    import('../corpus/load-corpus.js'),
  ])
  const corpusDir = config.corpusDir ?? DEFAULT_CORPUS_DIR
  try {
    const store = await loadStore(corpusDir, config.actorsFile)
    resolveApp(createApp(store).fetch)
    const { address, port: bound } = server.address() as AddressInfo
    send({
      type: 'ready',
      address,
      port: bound,
      articles: store.articles.length,
      corpusDir,
      ...(store.refused.length > 0 && { refused: refusedNotice(store.refused) }),
    })
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    send({ type: 'input-error', message: err.message })
  }
})
