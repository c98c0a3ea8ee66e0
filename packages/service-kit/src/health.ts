import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { PROBLEM_CONTENT_TYPE, Problem, problem } from './problem.js'

const Status = Type.Object({ status: Type.Literal('ok') })

/** `GET /healthz`: the process answers. `GET /readyz`: and its database does too. */
export async function health(app: FastifyInstance) {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Status } }, logLevel: 'warn' },
    async () => ({
      status: 'ok' as const,
    }),
  )
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: Status, 503: Problem } }, logLevel: 'warn' },
    async (request, reply) => {
      try {
        await app.pg.query('SELECT 1')
        return { status: 'ok' as const }
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable')
        return reply.code(503).type(PROBLEM_CONTENT_TYPE).send(problem('unavailable', 'the database is unavailable'))
      }
    },
  )
}
