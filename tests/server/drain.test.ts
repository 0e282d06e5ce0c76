/**
 * Draining an HTTP server in-process (src/server/drain.ts): a request that reached the server
 * just before the stop is answered, a response not yet begun tells its client the connection
 * closes, idle keep-alive connections close at once and a connection that never sends a request
 * is given `FIRST_REQUEST_GRACE_MS`.
 */
import { once } from 'node:events'
import { Agent, createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { drainable, FIRST_REQUEST_GRACE_MS } from '../../src/server/drain.js'

const servers: Server[] = []
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections()
})

async function listening(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler)
  servers.push(server)
  const drain = drainable(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  let resolveStopped!: (ms: number) => void
  const stopped = new Promise<number>((resolve) => (resolveStopped = resolve))
  return {
    port: (server.address() as AddressInfo).port,
    /** Starts the drain; `stopped` then gives the milliseconds it took. */
    stop() {
      const t0 = Date.now()
      drain.stop(() => resolveStopped(Date.now() - t0))
    },
    stopped,
  }
}

function get(port: number, agent: Agent | false = false) {
  return new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () =>
        resolve({ status: res.statusCode!, connection: res.headers.connection, body }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('drainable', () => {
  it('answers a request whose connection was still waiting to be accepted at the stop', async () => {
    const server = await listening((_req, res) => res.end('answered'))
    const reply = get(server.port)
    // In the same turn of the loop: the server has not accepted the connection yet, and Node's
    // own close (listener closed now, connections without a request closed) would reset it.
    server.stop()
    expect(await reply).toEqual({ status: 200, connection: 'close', body: 'answered' })
    expect(await server.stopped).toBeLessThan(500)
  })

  it('lets a response in flight finish and closes its keep-alive connection after it', async () => {
    let received!: () => void
    const arrived = new Promise<void>((r) => (received = r))
    const server = await listening((_req, res) => {
      received()
      setTimeout(() => res.end('x'.repeat(100_000)), 200)
    })
    const agent = new Agent({ keepAlive: true })
    const reply = get(server.port, agent)
    await arrived
    server.stop()
    // Not begun at the stop, so it says the connection closes, and the client does not reuse it.
    expect(await reply).toEqual({ status: 200, connection: 'close', body: 'x'.repeat(100_000) })
    const took = await server.stopped
    expect(took).toBeGreaterThanOrEqual(190)
    expect(took).toBeLessThan(700)
    agent.destroy()
  })

  it('closes an idle keep-alive connection at once, and a silent one after the grace', async () => {
    const server = await listening((_req, res) => res.end('ok'))
    const agent = new Agent({ keepAlive: true })
    expect((await get(server.port, agent)).connection).toBe('keep-alive')
    const idle = Object.values(agent.freeSockets).flat()[0]!
    const idleClosed = once(idle, 'close').then(() => Date.now())
    const silent = connect({ host: '127.0.0.1', port: server.port })
    await once(silent, 'connect')
    const silentClosed = once(silent, 'close').then(() => Date.now())
    const t0 = Date.now()
    server.stop()
    expect((await idleClosed) - t0).toBeLessThan(300)
    expect((await silentClosed) - t0).toBeGreaterThanOrEqual(FIRST_REQUEST_GRACE_MS - 50)
    const took = await server.stopped
    expect(took).toBeGreaterThanOrEqual(FIRST_REQUEST_GRACE_MS - 50)
    expect(took).toBeLessThan(FIRST_REQUEST_GRACE_MS + 500)
    agent.destroy()
  })
})
