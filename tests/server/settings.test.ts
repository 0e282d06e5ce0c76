/**
 * The server's settings, lines and signal rule (src/server/lifecycle.ts), in-process: the
 * defaults (127.0.0.1, port 3000, 10 s to stop), the address as printed (IPv6 in brackets, a
 * wildcard said to be one), the message for a port in use, and which signal stops at once.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import {
  listenErrorMessage,
  onStopSignals,
  readServerConfig,
  REPEAT_SIGNAL_MS,
  servingLine,
  type SignalSource,
} from '../../src/server/lifecycle.js'

describe('server settings', () => {
  it('default to 127.0.0.1, port 3000 and 10 s to stop; empty counts as unset', () => {
    const defaults = {
      port: 3000,
      host: '127.0.0.1',
      shutdownMs: 10_000,
      database: {},
      allowPrivateUrls: false,
      background: true,
      cacheMiB: 64,
    }
    expect(readServerConfig({})).toEqual(defaults)
    expect(readServerConfig({ HOST: '', PORT: '', FRAMELENS_BACKGROUND: '' })).toEqual(defaults)
    expect(
      readServerConfig({
        HOST: '0.0.0.0',
        PORT: '0',
        CORPUS_DIR: 'articles',
        ACTORS_FILE: 'actors.json',
        SHUTDOWN_TIMEOUT_MS: '2500',
        DATABASE_URL: 'postgres://db/framelens',
        FRAMELENS_DB: 'lib.db',
        FRAMELENS_ALLOW_PRIVATE_URLS: 'yes',
        FRAMELENS_BACKGROUND: '0',
        FRAMELENS_CACHE_MB: '0',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      corpusDir: 'articles',
      actorsFile: 'actors.json',
      shutdownMs: 2500,
      database: { DATABASE_URL: 'postgres://db/framelens', FRAMELENS_DB: 'lib.db' },
      allowPrivateUrls: true,
      background: false,
      cacheMiB: 0,
    })
  })

  it('refuse a yes/no setting that is neither', () => {
    expect(() => readServerConfig({ FRAMELENS_BACKGROUND: 'maybe' })).toThrow(
      'FRAMELENS_BACKGROUND must be 1 or 0 (yes or no), not "maybe"',
    )
  })

  it('refuse a port or a timeout that is not a whole number in range', () => {
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(
      'PORT must be a whole number from 0 to 65535, not "70000"',
    )
    expect(() => readServerConfig({ PORT: '1e3' })).toThrow(
      'PORT must be a whole number from 0 to 65535, not "1e3"',
    )
    expect(() => readServerConfig({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(
      'SHUTDOWN_TIMEOUT_MS must be a whole number from 0 to 3600000, not "-1"',
    )
  })
})

describe('server lines', () => {
  it('print the address really listened on, IPv6 in brackets', () => {
    expect(servingLine('127.0.0.1', 3000)).toBe('Serving on http://127.0.0.1:3000/')
    expect(servingLine('::1', 8080)).toBe('Serving on http://[::1]:8080/')
    expect(servingLine('0.0.0.0', 3000)).toBe(
      'Serving on http://0.0.0.0:3000/ (every network interface)',
    )
    expect(servingLine('::', 3000)).toBe('Serving on http://[::]:3000/ (every network interface)')
  })

  it('say in one line that the port is taken', () => {
    expect(listenErrorMessage('EADDRINUSE', 3000, '127.0.0.1', 'address already in use')).toBe(
      'Port 3000 is already in use on 127.0.0.1; stop the other server or set PORT',
    )
    expect(listenErrorMessage('EADDRNOTAVAIL', 3000, '10.9.9.9', 'x')).toBe(
      'HOST 10.9.9.9 is not an address of this machine; set HOST to one, or leave it unset for 127.0.0.1',
    )
  })
})

describe('stop signals', () => {
  it('stop gracefully on the first, ignore the same one relayed, and stop at once on a later one', () => {
    const source = new EventEmitter()
    let clock = 0
    const calls: string[] = []
    onStopSignals(
      source as SignalSource,
      { stop: (s) => calls.push(`stop ${s}`), force: (s) => calls.push(`force ${s}`) },
      () => clock,
    )
    source.emit('SIGINT', 'SIGINT')
    clock = 30
    // tsx and npm relay the signal the terminal already sent to the whole group.
    source.emit('SIGINT', 'SIGINT')
    expect(calls).toEqual(['stop SIGINT'])
    clock = REPEAT_SIGNAL_MS + 1
    source.emit('SIGTERM', 'SIGTERM')
    expect(calls).toEqual(['stop SIGINT', 'force SIGTERM'])
  })
})
