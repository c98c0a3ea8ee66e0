import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { WWW_AUTHENTICATE } from './auth/access.js'
import { PROBLEM_CONTENT_TYPE, problem, toProblem } from './problem.js'
import { isUiRoute, sendIndex } from './ui-routes.js'

/**
 * Fastify's own refusals of a request it cannot route (a broken percent-encoding,
 * a path parameter over the length limit) bypass the error handler: the same
 * problem+json for them, with the request id the onRequest hook would have set.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toProblem(error, request.id)
  request.log.info({ status: body.status, detail: body.detail }, 'request refused')
  return reply.code(body.status).header('x-request-id', request.id).type(PROBLEM_CONTENT_TYPE).send(body)
}

/**
 * Every error and every unknown route answers with application/problem+json;
 * 5xx bodies are masked. With `ui`, unknown non-API GETs get the UI's index.html.
 */
export const problemErrors = fp<{ ui?: boolean }>(
  async (app, { ui = false }) => {
    app.setErrorHandler((error, request, reply) => {
      const body = toProblem(error as Parameters<typeof toProblem>[0], request.id)
      if (body.status >= 500) request.log.error({ err: error }, 'request failed')
      else request.log.info({ status: body.status, detail: body.detail }, 'request refused')
      if (body.status === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', WWW_AUTHENTICATE)
      return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body)
    })
    app.setNotFoundHandler((request, reply) => {
      if (ui && isUiRoute(request)) return sendIndex(reply)
      return reply
        .code(404)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem('not-found', `no route for ${request.method} ${request.url.split('?')[0]}`))
    })
  },
  { name: 'labtrack-problem-errors' },
)
