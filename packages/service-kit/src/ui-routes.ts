import type {} from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'

// Which unknown paths the UI answers (web.ts serves its files): apart from the
// static files' plugin, so that a service serving no UI never loads that.

/** Whether an unknown path is one of the UI's own routes (answered with index.html) rather than an API miss. */
export function isUiRoute(request: FastifyRequest): boolean {
  const path = request.url.replace(/\?.*$/, '')
  return (request.method === 'GET' || request.method === 'HEAD') && !/^\/(api|sites|site|instruments)(\/|$)/.test(path)
}

export function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').sendFile('index.html')
}
