import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { containerLayout, IdParams, Layout } from '@labtrack/db'
import { notFound, ProblemError, problem, problems } from '@labtrack/service-kit'

/** GET /api/containers/:id/layout: a box's grid, cell by cell, with what occupies each. */
export const layoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/containers/:id/layout',
    {
      schema: {
        tags: ['containers'],
        operationId: 'getContainerLayout',
        summary: "A container's grid: every cell, row by row, with its occupant or null",
        params: IdParams,
        response: { 200: { ...Layout, description: 'The grid' }, ...problems(400, 404, 409, 503) },
      },
    },
    async (request) => {
      const { id } = request.params
      const layout = await containerLayout(app.pg, id)
      if (layout === undefined) throw notFound('container', id)
      if (layout === 'no-grid') throw new ProblemError(problem('conflict', `container ${id} has no grid`))
      return layout
    },
  )
}
