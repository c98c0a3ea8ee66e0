import { Server } from 'node:net'
import type { FastifyInstance } from 'fastify'

const draining = new WeakSet<FastifyInstance>()

/**
 * While the service closes, a request that still arrives on an open
 * keep-alive connection is answered as usual, with Connection: close, so the
 * client (nginx) opens its next connection to another replica. Not a 503:
 * nginx never passes a POST it has already sent to another replica, so a 503
 * would reach the client as a failure.
 */
export function closeConnectionsWhileClosing(app: FastifyInstance) {
  app.addHook('onRequest', async (_request, reply) => {
    if (draining.has(app)) reply.header('connection', 'close')
  })
}

/**
 * The first step of a graceful stop: no new connection is accepted (nginx
 * retries a refused connection on another replica, a POST too, as nothing was
 * sent), and every open one ends by itself: after its request in flight, after
 * its next request (Connection: close), or when nginx closes it idle (its
 * upstream keepalive_timeout). Closing an idle connection from this side instead
 * (what http.Server's close does) races with a request nginx may be writing to
 * it. Resolves once none is left, or after `limitMs`; app.close() does the rest.
 */
export function stopAccepting(app: FastifyInstance, limitMs: number): Promise<void> {
  draining.add(app)
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs)
    Server.prototype.close.call(app.server, () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
