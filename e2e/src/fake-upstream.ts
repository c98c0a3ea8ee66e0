import { once } from 'node:events'
import { createServer } from 'node:http'

export interface FakeUpstream {
  /** host:port, as the gateway template's upstream variables take it. */
  readonly address: string
  /** How many requests reached it, by method. */
  readonly received: Record<string, number>
  close(): Promise<void>
}

/**
 * A stand-in for a service that misbehaves on request: a path ending in
 * /reset drops the connection, one ending in /hang never answers; anything
 * else is a 204 at once. It counts what reaches it, so a test can tell what
 * the gateway refused itself.
 */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const received: Record<string, number> = {}
  const server = createServer((req, res) => {
    const method = req.method as string
    received[method] = (received[method] ?? 0) + 1
    if (req.url?.endsWith('/reset')) req.socket.destroy()
    else if (!req.url?.endsWith('/hang')) res.writeHead(204).end()
  })
  // Like the services: idle connections outlive nginx's 60 s to its upstreams.
  server.keepAliveTimeout = 65_000
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  return {
    address: `127.0.0.1:${port}`,
    received,
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
