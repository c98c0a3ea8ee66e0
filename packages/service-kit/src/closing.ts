import { Server, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js'

/** How long a stopping service waits for nginx to send it a request it may turn away, before it stops listening anyway. */
export const TURN_AWAY_MS = 1_000
/** After the first request turned away: time for the connections nginx opened in that instant to be accepted. */
export const SETTLE_MS = 200

// The methods nginx passes to another server after a 503 (proxy_next_upstream: never POST, PATCH or LOCK).
const RETRIED = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

interface Drain {
  /** The connections accepted since the stop began: nginx chose this replica for them after it was told to stop. */
  late: WeakSet<Socket>
  turnedAway(): void
}

const drains = new WeakMap<FastifyInstance, Drain>()

/**
 * While the service closes, a request on a connection opened before is
 * answered as usual, with Connection: close, so the client (nginx) opens its
 * next connection to another replica. Not a 503: nginx never passes a POST it
 * has already sent to another replica, so a 503 would reach the client as a
 * failure. On a connection opened since, a request nginx retries elsewhere
 * (GET…) is answered 503: nginx passes it to another replica and, having seen
 * it fail (max_fails=1), sends this one nothing for its fail_timeout, in which
 * the listener can close without cutting off a connection nginx has just
 * opened (see stopAccepting). A POST there is served, with Connection: close.
 */
export function closeConnectionsWhileClosing(app: FastifyInstance) {
  app.server.on('connection', (socket: Socket) => drains.get(app)?.late.add(socket))
  app.addHook('onRequest', (request, reply, done) => {
    const drain = drains.get(app)
    if (!drain) return done()
    reply.header('connection', 'close')
    if (!drain.late.has(request.raw.socket) || !RETRIED.has(request.method)) return done()
    drain.turnedAway()
    // Answered here, not thrown: an expected answer of a stopping replica, not a failure for the error log.
    request.log.info('turned away: this replica is stopping')
    reply
      .code(503)
      .header('retry-after', '1')
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem('unavailable', 'this replica is stopping: another one answers the same request'))
  })
}

/**
 * The first step of a graceful stop. The listener stays open until nginx has
 * been turned away once (a request answered 503 above, then SETTLE_MS), or
 * TURN_AWAY_MS without one: closed while nginx still chooses this replica, it
 * would reset the connections waiting to be accepted, and with them a POST
 * nginx has already written (a 502 nginx does not retry). Once closed, nginx
 * retries a refused connection on another replica, a POST too, as nothing was
 * sent. Every open connection ends by itself: after its request in flight,
 * after its next request (Connection: close), or when nginx closes it idle
 * (its upstream keepalive_timeout). Closing an idle connection from this side
 * instead (what http.Server's close does) races with a request nginx may be
 * writing to it. Resolves once none is left, or after `limitMs`; app.close()
 * does the rest.
 */
export function stopAccepting(app: FastifyInstance, limitMs: number, turnAwayMs = TURN_AWAY_MS): Promise<void> {
  return new Promise((resolve) => {
    let settling: NodeJS.Timeout | undefined
    const finish = () => {
      clearTimeout(limit)
      clearTimeout(quiet)
      clearTimeout(settling)
      resolve()
    }
    const close = () => {
      clearTimeout(quiet)
      clearTimeout(settling)
      Server.prototype.close.call(app.server, finish)
    }
    const limit = setTimeout(finish, limitMs)
    const quiet = setTimeout(close, turnAwayMs)
    drains.set(app, {
      late: new WeakSet(),
      turnedAway: () => {
        settling ??= setTimeout(close, SETTLE_MS)
      },
    })
  })
}
