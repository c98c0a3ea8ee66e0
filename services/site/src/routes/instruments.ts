import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getSite, IdParams, Instrument, listInstruments, PageQuery } from '@labtrack/db'
import { ListOf, notFound, problems, sendPage } from '@labtrack/service-kit'

const tags = ['instruments']

/** The seed's UNION view: computers and freezers of every site, or of one. */
export const instrumentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/instruments',
    {
      schema: {
        tags,
        summary: "Every site's computers and freezers, by site, then kind, then id",
        querystring: PageQuery,
        response: { 200: ListOf(Instrument), ...problems(400, 503) },
      },
    },
    async (request, reply) => sendPage(request, reply, await listInstruments(app.pg, null, request.query)),
  )

  app.get(
    '/api/sites/:id/instruments',
    {
      schema: {
        tags,
        summary: "One site's computers and freezers",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: ListOf(Instrument), ...problems(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const page = await listInstruments(app.pg, request.params.id, request.query)
      // An empty first page may mean "no instruments" or "no such site".
      if (page.rows.length === 0 && !(await getSite(app.pg, request.params.id))) throw notFound('site', request.params.id)
      return sendPage(request, reply, page)
    },
  )
}
