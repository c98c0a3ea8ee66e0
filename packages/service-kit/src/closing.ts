import type { FastifyInstance } from 'fastify'
import { ProblemError, problem } from './problem.js'

/**
 * While the service closes (SIGTERM), requests in flight finish; a new one
 * that still arrives on an open keep-alive connection gets a 503 problem (and
 * Connection: close), so the client or nginx retries elsewhere.
 */
export function unavailableWhileClosing(app: FastifyInstance) {
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async () => {
    if (closing) throw new ProblemError(problem('unavailable', 'the service is shutting down: try again shortly'))
  })
}
