/**
 * The security headers (src/routes/security.ts) on a page, a fragment, the JSON API and an
 * asset, and the offline snapshot's own policy: only its two inline scripts, by their hashes.
 */
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { loadStore, type CorpusStore } from '../../src/corpus-store.js'
import { parseHtml } from './helpers.js'

const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
  "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

let store: CorpusStore
beforeAll(async () => {
  store = await loadStore()
})

describe('security headers', () => {
  it.each(['/', '/compare', '/api/articles', '/assets/client.js', '/nowhere'])(
    'are on %s',
    async (path) => {
      const res = await createApp(store).request(path)
      expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    },
  )

  it('let the snapshot run only its own two inline scripts', async () => {
    const ids = store.articles.slice(0, 2).map((a) => a.id)
    const res = await createApp(store).request(`/export/compare.html?ids=${ids.join(',')}`)
    const body = await res.text()
    const scripts = [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    expect(scripts).toHaveLength(2)
    const hashes = scripts.map(
      (js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`,
    )
    const policy =
      `default-src 'none'; script-src ${hashes.join(' ')}; style-src 'unsafe-inline'; ` +
      "img-src data:; form-action 'none'; base-uri 'none'"
    const meta = parseHtml(body).querySelector('meta[http-equiv="Content-Security-Policy"]')
    expect(meta?.getAttribute('content')).toBe(policy)
    // No script but those two: an event handler attribute would not run either.
    expect(body).not.toMatch(/\son[a-z]+=/i)
  })
})
