import type { Page, PageOf } from '@labtrack/db'
import type { FastifyReply } from 'fastify'

/** Sends one page of rows, with a `Link: <…>; rel="next"` header while more rows exist. */
export function sendPage<T>(request: { url: string; query: Page }, reply: FastifyReply, page: PageOf<T>) {
  if (page.hasMore) {
    const { limit, offset } = request.query
    const next = new URL(request.url, 'http://localhost')
    next.searchParams.set('limit', String(limit))
    next.searchParams.set('offset', String(offset + limit))
    reply.header('link', `<${next.pathname}${next.search}>; rel="next"`)
  }
  return reply.send(page.rows)
}
