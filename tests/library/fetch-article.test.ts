/**
 * Import from a URL (src/library/fetch-article.ts): which addresses count as public, and the
 * fetch against a local HTTP server on 127.0.0.1, which is refused unless private addresses are
 * allowed (the server then sees no request at all), including through a redirect; and, when
 * allowed, the page read with Readability, and the refusals of a non-HTML answer, an over-size
 * page and a server that never answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import http from 'node:http'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest'
import { InputError } from '../../src/corpus/errors.js'
import { fetchArticle, isPublicAddress } from '../../src/library/fetch-article.js'

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['::ffff:7f00:1', false],
    ['::ffff:a9fe:a9fe', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:4700::1111', true],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })
})

const ARTICLE_HTML =
  '<!doctype html><html><head><title>Kim Jong Un welcomes Putin to Pyongyang | Example News</title></head><body>' +
  '<nav><a href="/">Home</a> <a href="/world">World</a></nav>' +
  '<article><h1>Kim Jong Un welcomes Putin to Pyongyang</h1>' +
  '<p>Kim Jong Un welcomed Vladimir Putin to Pyongyang on Wednesday for talks on a new partnership.</p>' +
  '<p>The two leaders signed an agreement on mutual defence, officials in both capitals said.</p>' +
  '<p>Western governments condemned the deal as a threat to regional security and stability.</p>' +
  '</article><footer>© Example News 2024. All rights reserved.</footer></body></html>'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

let server: Server
let origin: string
let handler: Handler
let requests: string[]

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  requests = []
  handler = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(ARTICLE_HTML)
  }
})

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(InputError)
  return err as InputError
}

describe('fetchArticle', () => {
  it('refuses a private address by default, without sending a request', async () => {
    const err = await failure(fetchArticle(`${origin}/story`))
    expect(err.message).toBe(`url: ${origin.slice(7)} is a private or local address`)
    expect(requests).toStrictEqual([])
  })

  it('refuses a name that resolves to a loopback address, without sending a request', async () => {
    const port = (server.address() as AddressInfo).port
    const err = await failure(fetchArticle(`http://localhost:${port}/story`))
    expect(err.message).toMatch(
      /^url: localhost is a private or local address \((127\.0\.0\.1|::1)\)$/,
    )
    expect(requests).toStrictEqual([])
  })

  it('refuses other schemes, credentials and what is not an address', async () => {
    expect((await failure(fetchArticle('file:///etc/passwd'))).message).toBe(
      'url: only http:// and https:// addresses can be imported',
    )
    expect((await failure(fetchArticle('http://user:pw@8.8.8.8/'))).message).toBe(
      'url: an address with a user name or password is not imported',
    )
    expect((await failure(fetchArticle('not a url'))).message).toBe(
      'url: not a web address (e.g. https://example.org/news/story)',
    )
  })

  it('with allowPrivate, reads the page: title and text via Readability', async () => {
    const article = await fetchArticle(`${origin}/news/kim-putin`, { allowPrivate: true })
    expect(requests).toStrictEqual(['/news/kim-putin'])
    expect(article.title).toBe('Kim Jong Un welcomes Putin to Pyongyang')
    expect(article.headline).toBe(true)
    expect(article.url).toBe(`${origin}/news/kim-putin`)
    expect(article.text).toContain(
      'Kim Jong Un welcomed Vladimir Putin to Pyongyang on Wednesday for talks on a new partnership.',
    )
    expect(article.text).toContain('Western governments condemned the deal')
    expect(article.text).not.toContain('Home')
    expect(article.text).not.toContain('All rights reserved')
  })

  it('reads a plain-text page as a text file', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.end('Summit in Pyongyang\n\nKim welcomed Putin for talks.\n')
    }
    const article = await fetchArticle(`${origin}/plain`, { allowPrivate: true })
    expect(article.title).toBe('Summit in Pyongyang')
    expect(article.text).toBe('Kim welcomed Putin for talks.')
  })

  it('follows a redirect', async () => {
    handler = (req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { Location: '/news/kim-putin' })
        return res.end()
      }
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(ARTICLE_HTML)
    }
    const moved = await fetchArticle(`${origin}/old`, { allowPrivate: true })
    expect(moved.url).toBe(`${origin}/news/kim-putin`)
    expect(moved.title).toBe('Kim Jong Un welcomes Putin to Pyongyang')
    expect(requests).toStrictEqual(['/old', '/news/kim-putin'])
  })

  describe('a public site redirecting to a private address', () => {
    // The first hop must reach a public address: http.get is wrapped so that a request for
    // 8.8.8.8 goes to the test server (an IP literal, so no DNS lookup is made), while every
    // other request goes out as the fetch made it, with its checks.
    const PUBLIC = 'http://8.8.8.8'
    let spy: MockInstance
    beforeEach(() => {
      const real = http.get.bind(http)
      spy = vi
        .spyOn(http, 'get')
        .mockImplementation(((url: URL, ...rest: unknown[]) =>
          (real as (...args: unknown[]) => unknown)(
            url.hostname === '8.8.8.8' ? new URL(url.pathname, origin) : url,
            ...rest,
          )) as never)
    })
    afterEach(() => spy.mockRestore())

    it('reads the page when the public site answers', async () => {
      const article = await fetchArticle(`${PUBLIC}/news/kim-putin`)
      expect(article.title).toBe('Kim Jong Un welcomes Putin to Pyongyang')
      expect(requests).toStrictEqual(['/news/kim-putin'])
    })

    it.each([
      ['http://10.0.0.1/admin', 'url: 10.0.0.1 is a private or local address'],
      [
        'http://169.254.169.254/latest/meta-data/',
        'url: 169.254.169.254 is a private or local address',
      ],
      ['http://[::1]:9/', 'url: [::1]:9 is a private or local address'],
    ])('refuses the redirect to %s', async (target, message) => {
      handler = (_req, res) => {
        res.writeHead(302, { Location: target })
        res.end()
      }
      const err = await failure(fetchArticle(`${PUBLIC}/moved`))
      expect(err.message).toBe(message)
      expect(requests).toStrictEqual(['/moved'])
      expect(spy).toHaveBeenCalledTimes(1)
    })

    it('refuses the redirect to a name that resolves to a loopback address', async () => {
      const port = (server.address() as AddressInfo).port
      handler = (req, res) => {
        if (req.url === '/moved') {
          res.writeHead(302, { Location: `http://localhost:${port}/secret` })
          return res.end()
        }
        res.writeHead(200, { 'Content-Type': 'text/plain' })
        res.end('Secret\n\nThe internal report.')
      }
      const err = await failure(fetchArticle(`${PUBLIC}/moved`))
      expect(err.message).toMatch(
        /^url: localhost is a private or local address \((127\.0\.0\.1|::1)\)$/,
      )
      expect(requests).toStrictEqual(['/moved'])
    })
  })

  it('refuses a redirect loop after the limit', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { Location: '/again' })
      res.end()
    }
    const err = await failure(
      fetchArticle(`${origin}/again`, { allowPrivate: true, maxRedirects: 2 }),
    )
    expect(err.message).toBe('url: more than 2 redirects')
    expect(requests).toStrictEqual(['/again', '/again', '/again'])
  })

  it('refuses an answer that is not HTML or text, and an error status', async () => {
    handler = (req, res) => {
      if (req.url === '/missing') {
        res.writeHead(404, { 'Content-Type': 'text/html' })
        return res.end('<p>gone</p>')
      }
      res.writeHead(200, { 'Content-Type': 'application/pdf' })
      res.end('%PDF-1.7')
    }
    expect((await failure(fetchArticle(`${origin}/doc.pdf`, { allowPrivate: true }))).message).toBe(
      'url: the page is application/pdf, not HTML or text',
    )
    expect((await failure(fetchArticle(`${origin}/missing`, { allowPrivate: true }))).message).toBe(
      'url: the site answered 404, not the page',
    )
  })

  it('refuses a page over the size limit', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(`<html><body><p>${'Kim met Putin. '.repeat(2000)}</p></body></html>`)
    }
    const err = await failure(
      fetchArticle(`${origin}/big`, { allowPrivate: true, maxBytes: 10_000 }),
    )
    expect(err.message).toBe('url: the page is larger than 10000 bytes')
  })

  it('gives up on a server that never answers, within the timeout', async () => {
    handler = () => {
      // Never answers.
    }
    const started = Date.now()
    const err = await failure(
      fetchArticle(`${origin}/slow`, { allowPrivate: true, timeoutMs: 200 }),
    )
    expect(err.message).toBe('url: no answer within 0.2 s')
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('gives up on a server that trickles its answer past the timeout', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.write('<html><body>')
      const timer = setInterval(() => res.write('<p>Kim met Putin.</p>'), 50)
      res.on('close', () => clearInterval(timer))
    }
    const started = Date.now()
    const err = await failure(
      fetchArticle(`${origin}/trickle`, { allowPrivate: true, timeoutMs: 300 }),
    )
    expect(err.message).toBe('url: no answer within 0.3 s')
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
