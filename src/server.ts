/**
 * Serves the dashboard: loads and analyses the corpus once (CORPUS_DIR, default the bundled
 * corpus/; ACTORS_FILE, default data/actors.json), then listens on PORT (default 3000) and prints
 * the URL. A corpus that cannot be read stops the start with every problem listed.
 */
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { InputError } from './corpus/errors.js'
import { DEFAULT_CORPUS_DIR } from './corpus/load-corpus.js'
import { loadStore } from './corpus-store.js'

const DEFAULT_PORT = 3000

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(`PORT must be a whole number from 0 to 65535, not "${value}"`, 'PORT')
  }
  return port
}

async function main() {
  const port = parsePort(process.env.PORT)
  const corpusDir = process.env.CORPUS_DIR || DEFAULT_CORPUS_DIR
  const store = await loadStore(corpusDir, process.env.ACTORS_FILE || undefined)
  const app = createApp(store)
  const server = serve(
    { fetch: app.fetch, port, hostname: process.env.HOST || undefined },
    (info) => {
      const host =
        info.family === 'IPv6'
          ? 'localhost'
          : info.address === '0.0.0.0'
            ? 'localhost'
            : info.address
      console.log(`Framelens: ${store.articles.length} articles from ${corpusDir}`)
      console.log(`Serving on http://${host}:${info.port}/`)
    },
  )
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  if (err instanceof InputError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
})
