/**
 * Stopping an HTTP server without cutting off a response: it stops accepting connections, lets
 * every request it has received finish, and closes each connection once it carries none.
 *
 * Node's own `server.close()` closes the idle connections at once, and a connection accepted
 * while the event loop was busy counts as idle until its request has been read, so a request that
 * reached the server just before the stop would be reset. Here a connection that has not yet
 * carried a request gets `FIRST_REQUEST_GRACE_MS` to send one, and every check runs after the
 * loop has read what the sockets hold.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'

/** How long a connection that has carried no request yet may take to send its first one. */
export const FIRST_REQUEST_GRACE_MS = 1_000
/** How often a stopping server looks for connections to close. */
const SWEEP_MS = 50

interface Connection {
  /** Responses begun and not yet done (more than one when requests are pipelined). */
  open: Set<ServerResponse>
  served: number
  openedAt: number
}

/** What `drainable` adds to a server. */
export interface Drainable {
  /**
   * Stops accepting connections and closes each open one once it carries no request; `done` is
   * called when the last has closed. Responses not begun yet say `Connection: close`.
   */
  stop(done: () => void): void
}

/** Tracks the connections of `server` (call it before `listen`) so that it can be drained. */
export function drainable(server: Server, now: () => number = () => performance.now()): Drainable {
  const connections = new Map<Socket, Connection>()
  let stopping = false

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { open: new Set(), served: 0, openedAt: now() })
    socket.once('close', () => connections.delete(socket))
  })
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const connection = connections.get(req.socket)
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close')
    if (!connection) return
    connection.open.add(res)
    res.once('close', () => {
      connection.open.delete(res)
      connection.served++
    })
  })

  const sweep = () => {
    for (const [socket, c] of connections) {
      if (c.open.size > 0) continue
      // What was written is in the kernel and still goes out: closing drops nothing of it.
      if (c.served > 0 || now() - c.openedAt >= FIRST_REQUEST_GRACE_MS) socket.destroy()
    }
  }

  return {
    stop(done) {
      if (stopping) return
      stopping = true
      for (const c of connections.values()) {
        for (const res of c.open) if (!res.headersSent) res.setHeader('Connection', 'close')
      }
      // Two turns of the loop later, so that a poll runs first: the connections already waiting
      // (the loop may have been busy with a response) are accepted rather than refused.
      setImmediate(() =>
        setImmediate(() => {
          // net's close, not http's: http's would also close every connection without a request.
          NetServer.prototype.close.call(server, () => done())
          sweep()
          // Each sweep after the loop's poll, so a request the sockets hold has been read.
          setInterval(() => setImmediate(sweep), SWEEP_MS).unref()
        }),
      )
    },
  }
}
