/**
 * The server's life from start to stop, as plain functions the entry (src/server.ts) and its HTTP
 * thread (./http-thread.ts) share: the settings read from the environment, the messages between
 * the two threads, the lines printed, and the rule for stop signals (the first stops gracefully,
 * a second one later stops at once).
 */
import { InputError } from '../corpus/errors.js'

export const DEFAULT_PORT = 3000
/** Only this machine can reach the dashboard unless `HOST` says otherwise. */
export const DEFAULT_HOST = '127.0.0.1'
/**
 * How long a stop waits for the responses in flight (`SHUTDOWN_TIMEOUT_MS`); after that the
 * server exits anyway, cutting off what is left.
 */
export const DEFAULT_SHUTDOWN_MS = 10_000
/**
 * A signal this soon after the first is the same stop delivered twice (a wrapper such as tsx or
 * npm relays the signal the terminal already sent), not a second request to stop at once.
 */
export const REPEAT_SIGNAL_MS = 300

/** What the server is told by the environment. */
export interface ServerConfig {
  port: number
  host: string
  /** Undefined: the bundled corpus. */
  corpusDir?: string
  /** Undefined: data/actors.json. */
  actorsFile?: string
  shutdownMs: number
  /** Where the library is stored: DATABASE_URL (PostgreSQL) or FRAMELENS_DB (a SQLite file). */
  database: { DATABASE_URL?: string; FRAMELENS_DB?: string }
  /** FRAMELENS_ALLOW_PRIVATE_URLS=1: "import from a URL" may reach this machine's network. */
  allowPrivateUrls: boolean
  /** FRAMELENS_BACKGROUND=0: leave re-analysis to `npm run worker` processes. */
  background: boolean
  /** FRAMELENS_CACHE_MB: the budget of the page-answer cache in MiB (default 64; 0: none). */
  cacheMiB: number
}

/** The page-answer cache's budget by default (src/routes/response-cache.ts). */
const DEFAULT_CACHE_MIB = 64

function wholeNumber(name: string, value: string, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > max) {
    throw new InputError(`${name} must be a whole number from 0 to ${max}, not "${value}"`, name)
  }
  return n
}

/** A yes/no setting: 1/true/yes or 0/false/no; empty or unset is `otherwise`. */
function flag(name: string, value: string | undefined, otherwise: boolean): boolean {
  if (value === undefined || value.trim() === '') return otherwise
  const v = value.trim().toLowerCase()
  if (['1', 'true', 'yes'].includes(v)) return true
  if (['0', 'false', 'no'].includes(v)) return false
  throw new InputError(`${name} must be 1 or 0 (yes or no), not "${value}"`, name)
}

/**
 * The settings from `PORT` (default 3000; 0 picks a free port), `HOST` (default 127.0.0.1),
 * `CORPUS_DIR`, `ACTORS_FILE` and `SHUTDOWN_TIMEOUT_MS` (default 10 000). An empty variable
 * counts as unset. Throws `InputError` for a value that is not a number where one is needed.
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const { PORT, HOST, CORPUS_DIR, ACTORS_FILE, SHUTDOWN_TIMEOUT_MS } = env
  const { DATABASE_URL, FRAMELENS_DB, FRAMELENS_ALLOW_PRIVATE_URLS, FRAMELENS_BACKGROUND } = env
  const { FRAMELENS_CACHE_MB } = env
  return {
    database: {
      ...(DATABASE_URL && { DATABASE_URL }),
      ...(FRAMELENS_DB && { FRAMELENS_DB }),
    },
    allowPrivateUrls: flag('FRAMELENS_ALLOW_PRIVATE_URLS', FRAMELENS_ALLOW_PRIVATE_URLS, false),
    background: flag('FRAMELENS_BACKGROUND', FRAMELENS_BACKGROUND, true),
    cacheMiB: FRAMELENS_CACHE_MB
      ? wholeNumber('FRAMELENS_CACHE_MB', FRAMELENS_CACHE_MB, 65_536)
      : DEFAULT_CACHE_MIB,
    port: PORT ? wholeNumber('PORT', PORT, 65535) : DEFAULT_PORT,
    host: HOST || DEFAULT_HOST,
    ...(CORPUS_DIR && { corpusDir: CORPUS_DIR }),
    ...(ACTORS_FILE && { actorsFile: ACTORS_FILE }),
    shutdownMs: SHUTDOWN_TIMEOUT_MS
      ? wholeNumber('SHUTDOWN_TIMEOUT_MS', SHUTDOWN_TIMEOUT_MS, 3_600_000)
      : DEFAULT_SHUTDOWN_MS,
  }
}

/** What the HTTP thread tells the entry. */
export type ThreadMessage =
  /** Listening at `address` (as `server.address()` gives it), the corpus analysed. */
  | {
      type: 'ready'
      address: string
      port: number
      articles: number
      /** The collection the root serves, and where the library is stored. */
      collection: string
      storage: string
      imported: number
      /** The files of the folder that were not loaded, with why (refusedNotice). */
      refused?: string
    }
  /** The port is taken, or the address cannot be listened on (`code` is Node's error code). */
  | { type: 'listen-error'; code: string; message: string }
  /** The corpus or the actors cannot be used: a message for the person who gave them. */
  | { type: 'input-error'; message: string }
  /** Every connection has closed after a stop. */
  | { type: 'stopped' }

/** What the entry tells the HTTP thread. */
export type EntryMessage = { type: 'stop' }

/** `http://127.0.0.1:3000/`, or `http://[::1]:3000/`: the URL of a listening address. */
export function serverUrl(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}/`
}

/** The line that says where the dashboard is: the real address, and when that is every one. */
export function servingLine(address: string, port: number): string {
  const every = address === '0.0.0.0' || address === '::'
  return `Serving on ${serverUrl(address, port)}${every ? ' (every network interface)' : ''}`
}

/** Why the server could not listen, in words (`code` is Node's error code). */
export function listenErrorMessage(code: string, port: number, host: string, detail: string) {
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use on ${host}; stop the other server or set PORT`
    case 'EACCES':
      return `Port ${port} on ${host} needs privileges this user lacks; set PORT to 1024 or above`
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine; set HOST to one, or leave it unset for ${DEFAULT_HOST}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} is not a name this machine can resolve; set HOST to an address, or leave it unset for ${DEFAULT_HOST}`
    default:
      return `Cannot listen on ${host} port ${port}: ${detail}`
  }
}

export const stoppingLine = (shutdownMs: number) =>
  `Stopping: letting the responses in flight finish (at most ${shutdownMs / 1000} s; stop again to quit at once)`

export const STOPPED_LINE = 'Stopped'

export const timedOutLine = (shutdownMs: number) =>
  `Stopped after ${shutdownMs / 1000} s with responses still in flight (SHUTDOWN_TIMEOUT_MS); they were cut off`

export const forcedLine = (signal: string) => `Stopped at once on a second ${signal}`

/** Something that emits process signals: `process`, or a stand-in in tests. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown
}

/**
 * Calls `stop` on the first SIGINT or SIGTERM, and `force` on one that follows more than
 * `REPEAT_SIGNAL_MS` later (sooner, it is the first one relayed again, and ignored).
 */
export function onStopSignals(
  source: SignalSource,
  handlers: { stop: (signal: NodeJS.Signals) => void; force: (signal: NodeJS.Signals) => void },
  now: () => number = Date.now,
): void {
  let first: number | undefined
  const listener = (signal: NodeJS.Signals) => {
    if (first === undefined) {
      first = now()
      handlers.stop(signal)
    } else if (now() - first > REPEAT_SIGNAL_MS) {
      handlers.force(signal)
    }
  }
  source.on('SIGINT', listener)
  source.on('SIGTERM', listener)
}
