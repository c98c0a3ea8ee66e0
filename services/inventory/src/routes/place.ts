import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { containerPlace, IdParams, Place } from '@labtrack/db'
import { notFound, problems } from '@labtrack/service-kit'

/** GET /api/containers/:id/place: where a container is, in full (site › freezer › boxes › position). */
export const placeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/containers/:id/place',
    {
      schema: {
        tags: ['containers'],
        operationId: 'getContainerPlace',
        summary:
          'Where a container is: its site, freezer, the containers it is inside and its position, and all of it as one label',
        params: IdParams,
        response: { 200: { ...Place, description: 'The place' }, ...problems(400, 404, 503) },
      },
    },
    async (request) => {
      const { id } = request.params
      return (await containerPlace(app.pg, id)) ?? Promise.reject(notFound('container', id))
    },
  )
}
