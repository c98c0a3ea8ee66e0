import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Instrument, listInstruments, resourceStore, site } from '@labtrack/db'
import { ListOf, notFound, OffsetPageQuery, offsetPage, problems, refTo, sendPage } from '@labtrack/service-kit'

const tags = ['instruments']
const sites = resourceStore(site)
const Instruments = ListOf(refTo('Instrument', Instrument))

/** The seed's UNION view: computers and freezers of every site, or of one. */
export const instrumentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/instruments',
    {
      schema: {
        tags,
        operationId: 'listInstruments',
        summary: "Every site's computers and freezers, by site, then kind, then id",
        querystring: OffsetPageQuery,
        response: { 200: Instruments, ...problems(400, 503) },
      },
    },
    async (request, reply) => {
      const paging = offsetPage(request.query)
      return sendPage({ url: request.url, query: paging }, reply, await listInstruments(app.pg, null, paging))
    },
  )

  app.get(
    '/api/sites/:id/instruments',
    {
      schema: {
        tags,
        operationId: 'listSiteInstruments',
        summary: "One site's computers and freezers",
        params: IdParams,
        querystring: OffsetPageQuery,
        response: { 200: Instruments, ...problems(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const paging = offsetPage(request.query)
      const rows = await listInstruments(app.pg, request.params.id, paging)
      // An empty first page may mean "no instruments" or "no such site".
      if (rows.rows.length === 0 && !(await sites.get(app.pg, request.params.id))) throw notFound('site', request.params.id)
      return sendPage({ url: request.url, query: paging }, reply, rows)
    },
  )
}
