import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NAME_PATTERN, SearchHit, search } from '@labtrack/db'
import { ListOf, problems } from '@labtrack/service-kit'
import { Type } from '@sinclair/typebox'

export const SEARCH_DEFAULT_LIMIT = 20
export const SEARCH_MAX_LIMIT = 100

const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: NAME_PATTERN,
        description: 'a piece of a name or description, a whole uuid, or its first 8 hex digits (none: no hits)',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT, description: 'hits at most' }),
    ),
  },
  { additionalProperties: false },
)

/** GET /api/search: one find box for sites, freezers, computers and containers (a scanned label included). */
export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'search',
        summary:
          'Find sites, freezers and computers by name, containers by description or uuid (whole, or its first 8 hex digits)',
        querystring: SearchQuery,
        response: {
          200: { ...ListOf(SearchHit), description: 'uuid matches first, then sites, freezers, computers and containers' },
          ...problems(400, 503),
        },
      },
    },
    async (request) => {
      const { q, limit } = request.query
      // An empty find box finds nothing (a pattern of nothing would match every row).
      if (q === undefined) return []
      return search(app.pg, q, limit as number)
    },
  )
}
