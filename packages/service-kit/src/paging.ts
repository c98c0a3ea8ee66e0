import type { PageOf } from '@labtrack/db'
import type { FastifyReply } from 'fastify'

/** The request's own URL with some query parameters set: the target of a `rel="next"` link. */
export function nextLink(url: string, set: Record<string, string>): string {
  const next = new URL(url, 'http://localhost')
  for (const [name, value] of Object.entries(set)) next.searchParams.set(name, value)
  return `<${next.pathname}${next.search}>; rel="next"`
}

/** Sends one page of an offset-paged list, with a `Link: <…>; rel="next"` header while more rows exist. */
export function sendPage<T>(
  request: { url: string; query: { limit: number; offset?: number | undefined } },
  reply: FastifyReply,
  page: PageOf<T>,
) {
  if (page.hasMore) {
    const { limit, offset = 0 } = request.query
    reply.header('link', nextLink(request.url, { limit: String(limit), offset: String(offset + limit) }))
  }
  return reply.send(page.rows)
}
