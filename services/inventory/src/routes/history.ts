import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ContainerEvent, containerHistory, type EventPage, freezerHistory, IdParams } from '@labtrack/db'
import { ListOf, nextLink, notFound, problems } from '@labtrack/service-kit'
import { Type } from '@sinclair/typebox'

export const HISTORY_DEFAULT_LIMIT = 100
export const HISTORY_MAX_LIMIT = 1000

const HistoryQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: HISTORY_MAX_LIMIT, default: HISTORY_DEFAULT_LIMIT, description: 'events per page' }),
    ),
    after: Type.Optional(
      Type.Integer({ minimum: 1, description: 'only events older than this one (from the Link header of the previous page)' }),
    ),
  },
  { additionalProperties: false },
)

const HistoryPage = {
  ...ListOf(ContainerEvent),
  description: 'Events, newest first',
  headers: { link: { type: 'string', description: '`<…>; rel="next"` while older events exist' } },
}

/** The two histories: a container's (also after its delete) and a freezer's (what entered and left it). */
export const historyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const routes = [
    {
      url: '/api/containers/:id/history',
      what: 'container',
      operationId: 'getContainerHistory',
      summary:
        "A container's history: every creation, change, move and delete, who made it and in which request; also after its delete",
      read: containerHistory,
    },
    {
      url: '/api/freezers/:id/history',
      what: 'freezer',
      operationId: 'getFreezerHistory',
      summary: 'What entered and left a freezer: containers created or moved into it, moved out of it or deleted there',
      read: freezerHistory,
    },
  ]
  for (const { url, what, operationId, summary, read } of routes) {
    app.get(
      url,
      {
        schema: {
          tags: [`${what}s`],
          operationId,
          summary,
          params: IdParams,
          querystring: HistoryQuery,
          response: { 200: HistoryPage, ...problems(400, 404, 503) },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const { limit, after } = request.query
        const page: EventPage | undefined = await read(app.pg, id, { limit: limit as number, after })
        if (!page) throw notFound(what, id)
        if (page.next !== null) reply.header('link', nextLink(request.url, { after: String(page.next) }))
        return page.rows
      },
    )
  }
}
