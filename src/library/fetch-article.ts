/**
 * Fetching an article from a web address for "import from a URL": the server asks another
 * server on a user's behalf, so it must not become a way into the machines behind it. Refused:
 * addresses other than http(s), and — unless explicitly allowed (FRAMELENS_ALLOW_PRIVATE_URLS=1,
 * for a newsroom's intranet) — every loopback, private, link-local, multicast or otherwise
 * non-public address. The check is made on the address the connection really goes to (in the
 * socket's DNS lookup), for every redirect, so a name that resolves to 127.0.0.1 or a redirect
 * to an internal host is refused too. The answer is bounded in time and size, and must be HTML
 * or plain text; it is then read like an uploaded file (Readability for HTML).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { parseArticleText, type ParsedArticle } from '../corpus/article-file.js'
import { InputError } from '../corpus/errors.js'
import { MAX_FILE_BYTES } from '../corpus/limits.js'

export interface FetchOptions {
  /** Allow loopback and private addresses (off by default). */
  allowPrivate?: boolean
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
}

export const FETCH_TIMEOUT_MS = 10_000
export const MAX_REDIRECTS = 5

/** Every range that is not the public internet (IANA special-purpose registries). */
const NOT_PUBLIC = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4')
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6')
}

/** Whether an address is public; an IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return !NOT_PUBLIC.check(mapped[1]!, 'ipv4')
  const family = isIP(address)
  if (family === 0) return false
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/** A DNS lookup for the socket that refuses non-public answers. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0)
    const list = addresses as LookupAddress[]
    const bad = list.find((a) => !isPublicAddress(a.address))
    if (bad) {
      const error = new Error(`${hostname} is a private or local address (${bad.address})`)
      ;(error as NodeJS.ErrnoException).code = 'EPRIVATE'
      return callback(error, '', 0)
    }
    if (options.all) return callback(null, list as never)
    callback(null, list[0]!.address, list[0]!.family)
  })
}

interface Fetched {
  url: string
  type: string
  body: Uint8Array
}

function get(url: URL, options: Required<FetchOptions>, deadline: number): Promise<Fetched | URL> {
  return new Promise((resolveAnswer, rejectAnswer) => {
    // The socket's `timeout` fires only when it is idle: a server trickling its page a few bytes
    // at a time would hold the import open for hours. This timer bounds the whole exchange.
    const overall: { timer?: NodeJS.Timeout } = {}
    const resolve = (value: Fetched | URL) => {
      clearTimeout(overall.timer)
      resolveAnswer(value)
    }
    const reject = (err: unknown) => {
      clearTimeout(overall.timer)
      rejectAnswer(err)
    }
    const client = url.protocol === 'https:' ? https : http
    const literal = url.hostname.replace(/^\[|\]$/g, '')
    if (!options.allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
      return reject(new InputError(`url: ${url.host} is a private or local address`, 'url'))
    }
    const request = client.get(
      url,
      {
        ...(!options.allowPrivate && { lookup: publicLookup }),
        headers: { 'User-Agent': 'Framelens (article import)', Accept: 'text/html, text/plain' },
        timeout: Math.max(1, deadline - Date.now()),
      },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume()
          return resolve(new URL(response.headers.location, url))
        }
        if (status !== 200) {
          response.resume()
          return reject(new InputError(`url: the site answered ${status}, not the page`, 'url'))
        }
        const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
        if (type !== 'text/html' && type !== 'text/plain' && type !== 'application/xhtml+xml') {
          response.resume()
          return reject(
            new InputError(`url: the page is ${type || 'of no type'}, not HTML or text`, 'url'),
          )
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > options.maxBytes) {
            request.destroy()
            reject(new InputError(`url: the page is larger than ${options.maxBytes} bytes`, 'url'))
          } else chunks.push(chunk)
        })
        response.on('end', () =>
          resolve({ url: url.href, type, body: new Uint8Array(Buffer.concat(chunks)) }),
        )
        response.on('error', reject)
      },
    )
    const giveUp = () => {
      request.destroy()
      reject(new InputError(`url: no answer within ${options.timeoutMs / 1000} s`, 'url'))
    }
    request.on('timeout', giveUp)
    overall.timer = setTimeout(giveUp, Math.max(1, deadline - Date.now()))
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof InputError) return reject(err)
      const reason =
        err.code === 'EPRIVATE' ? err.message : `could not reach it (${err.code ?? err.message})`
      reject(new InputError(`url: ${reason}`, 'url'))
    })
  })
}

/** Fetches the page at `address` and reads it as an article; `InputError` names what failed. */
export async function fetchArticle(
  address: string,
  opts: FetchOptions = {},
): Promise<ParsedArticle> {
  const options: Required<FetchOptions> = {
    allowPrivate: opts.allowPrivate ?? false,
    timeoutMs: opts.timeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? MAX_FILE_BYTES,
    maxRedirects: opts.maxRedirects ?? MAX_REDIRECTS,
  }
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    throw new InputError('url: not a web address (e.g. https://example.org/news/story)', 'url')
  }
  const deadline = Date.now() + options.timeoutMs
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError(`url: only http:// and https:// addresses can be imported`, 'url')
    }
    if (url.username || url.password) {
      throw new InputError('url: an address with a user name or password is not imported', 'url')
    }
    const answer = await get(url, options, deadline)
    if (answer instanceof URL) {
      url = answer
      continue
    }
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: false }).decode(answer.body)
    } catch {
      throw new InputError('url: the page is not text', 'url')
    }
    const name =
      `${url.hostname}${url.pathname}`.replace(/\/+$/, '') +
      (answer.type === 'text/plain' ? '.txt' : '.html')
    const article = parseArticleText(text, name, answer.type === 'text/plain' ? 'txt' : 'html')
    return { ...article, url: article.url ?? answer.url }
  }
  throw new InputError(`url: more than ${options.maxRedirects} redirects`, 'url')
}
