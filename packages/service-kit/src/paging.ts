import type { Page, PageOf } from '@labtrack/db'
import { Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import { pageParameters } from './resources/list-query.js'

/** The query of a list paged by limit and offset alone (the instruments view, users, tokens). */
export const OffsetPageQuery = Type.Object(pageParameters, { additionalProperties: false })

/** The page such a query asks for: ajv has filled in the default limit; offset has none (it is optional for the list language's sake). */
export function offsetPage(query: { limit?: number; offset?: number }): Page {
  return { limit: query.limit as number, offset: query.offset ?? 0 }
}

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
