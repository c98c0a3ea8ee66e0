import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { freezerOccupancy, IdParams, Occupancy } from '@labtrack/db'
import { notFound, problems } from '@labtrack/service-kit'

/** GET /api/freezers/:id/occupancy: how many containers a freezer holds at each depth, and how full each of its boxes is. */
export const occupancyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/freezers/:id/occupancy',
    {
      schema: {
        tags: ['freezers'],
        operationId: 'getFreezerOccupancy',
        summary: 'How full a freezer is: its containers at every depth, and each box with its capacity and occupied cells',
        params: IdParams,
        response: { 200: { ...Occupancy, description: 'The occupancy' }, ...problems(400, 404, 503) },
      },
    },
    async (request) => {
      const { id } = request.params
      return (await freezerOccupancy(app.pg, id)) ?? Promise.reject(notFound('freezer', id))
    },
  )
}
