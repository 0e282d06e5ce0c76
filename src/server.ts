/**
 * Serves the dashboard: loads and analyses the corpus once (CORPUS_DIR, default the bundled
 * corpus/; ACTORS_FILE, default data/actors.json), then listens on HOST (default 127.0.0.1: this
 * machine only) and PORT (default 3000) and prints the address it really listens on. A corpus
 * that cannot be read, or a port already in use, stops the start with a message and exit code 1.
 *
 * The HTTP server runs in a worker thread (./server/http-thread.ts), so this thread is always
 * free to handle signals, even while a long response is being computed: a wrapper that relays
 * the signal (tsx, which `npm start` runs) hears back at once instead of killing the process.
 * SIGINT or SIGTERM stops gracefully: no new connections, the responses in flight finish (for at
 * most SHUTDOWN_TIMEOUT_MS, default 10 s), then exit 0. Past that bound the process exits with 1;
 * a second signal makes it exit at once with 128 + the signal's number.
 */
import { createRequire } from 'node:module'
import { constants } from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { InputError } from './corpus/errors.js'
import {
  forcedLine,
  listenErrorMessage,
  onStopSignals,
  readServerConfig,
  servingLine,
  stoppingLine,
  STOPPED_LINE,
  timedOutLine,
  type EntryMessage,
  type ServerConfig,
  type ThreadMessage,
} from './server/lifecycle.js'

const FROM_SOURCE = new URL(import.meta.url).pathname.endsWith('.ts')
const THREAD_URL = new URL(
  FROM_SOURCE ? './server/http-thread.ts' : './server/http-thread.js',
  import.meta.url,
)

/**
 * Starts the HTTP thread. Run from the TypeScript sources, the thread loads its module through
 * tsx's `tsImport`: Node 20 does not pass the parent's loader on to worker threads.
 */
function startThread(config: ServerConfig): Worker {
  if (!FROM_SOURCE) return new Worker(THREAD_URL, { workerData: config })
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs')
  const thread = JSON.stringify(THREAD_URL.href)
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${thread}, ${thread}))`
  return new Worker(boot, { eval: true, workerData: config })
}

function main() {
  let config: ServerConfig
  try {
    config = readServerConfig(process.env)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    console.error(err.message)
    process.exit(1)
  }

  const thread = startThread(config)
  thread.on('message', (message: ThreadMessage) => {
    switch (message.type) {
      case 'ready':
        console.log(
          `Framelens: "${message.collection}", ${message.articles} articles` +
            (message.imported > 0 ? ` (${message.imported} imported now)` : '') +
            `, stored in ${message.storage}`,
        )
        if (message.refused) console.warn(message.refused)
        console.log(servingLine(message.address, message.port))
        return
      case 'listen-error':
        console.error(listenErrorMessage(message.code, config.port, config.host, message.message))
        process.exit(1)
      case 'input-error':
        console.error(message.message)
        process.exit(1)
      case 'stopped':
        console.log(STOPPED_LINE)
        process.exit(0)
    }
  })
  // A bug in the server (not bad input): its stack, and a failed exit.
  thread.on('error', (err) => {
    console.error(err)
    process.exit(1)
  })
  thread.on('exit', (code) => process.exit(code === 0 ? 1 : code))

  onStopSignals(process, {
    stop() {
      console.log(stoppingLine(config.shutdownMs))
      thread.postMessage({ type: 'stop' } satisfies EntryMessage)
      setTimeout(() => {
        console.error(timedOutLine(config.shutdownMs))
        process.exit(1)
      }, config.shutdownMs).unref()
    },
    force(signal) {
      console.error(forcedLine(signal))
      process.exit(128 + constants.signals[signal])
    },
  })
}

main()
