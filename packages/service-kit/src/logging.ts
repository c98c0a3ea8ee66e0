import type { FastifyRequest, FastifyServerOptions } from 'fastify'
import { actorLabel } from './auth/actor.js'

// Never in a log line: credentials in headers, cookies, passwords in any object logged.
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'password',
  '*.password',
  'body.password',
  'token',
  '*.token',
  'csrf_token',
  '*.csrf_token',
]

/**
 * The logger options of every service: the caller's, plus redaction and the
 * actor on each completed request; `mixin` adds fields to every line (the
 * trace id, when tracing is on).
 */
export function loggerOptions(
  logger: FastifyServerOptions['logger'],
  mixin?: () => Record<string, unknown>,
): FastifyServerOptions['logger'] {
  if (!logger) return false
  const given = logger === true ? {} : logger
  return {
    ...given,
    ...(mixin && { mixin }),
    redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
    serializers: {
      res: (reply: { statusCode: number; request?: FastifyRequest }) => ({
        statusCode: reply.statusCode,
        actor: actorLabel(reply.request?.actor ?? null),
      }),
    },
  }
}
