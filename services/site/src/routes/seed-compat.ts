import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParams,
  Instrument,
  listInstruments,
  MAX_ID,
  type Page,
  pageById,
  resourceSchemas,
  resourceStore,
  SeedPageParams,
  SeedSiteBody,
  site,
  upsertSite,
} from '@labtrack/db'
import { ListOf, NoContent, notFound, problems, refTo } from '@labtrack/service-kit'

// The Flask seed's URLs and JSON keys, so its clients keep working; without
// its bugs: 404 for missing rows, 409 when a site still has children, 400 for bad input.
const tags = ['seed-compatible']
const sites = resourceStore(site)

/** The seed's `<offset>/<limit>`, where a limit of 0 meant every row. */
const seedPage = ({ offset, limit }: { offset: number; limit: number }): Page => ({ offset, limit: limit === 0 ? MAX_ID : limit })
const ALL: Page = { offset: 0, limit: MAX_ID }

export const seedCompatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const Row = refTo('Site', resourceSchemas(site).row)
  const Sites = ListOf(Row)
  // The Flask app's instrument2dict sent the view's rows under these keys, as /api/instruments does.
  const Instruments = ListOf(refTo('Instrument', Instrument))
  const missing = (id: number) => Promise.reject(notFound('site', id))

  app.get(
    // Registered without the slash (the router ignores trailing slashes), so /sites/ works as the seed wrote it.
    '/sites',
    {
      schema: { tags, operationId: 'seedListSites', summary: 'All sites (seed URL)', response: { 200: Sites, ...problems(503) } },
    },
    async () => (await sites.list(app.pg, pageById(ALL))).rows,
  )

  app.get(
    '/sites/:offset/:limit',
    {
      schema: {
        tags,
        operationId: 'seedListSitesPage',
        summary: 'A page of sites (seed URL; limit 0 = all)',
        params: SeedPageParams,
        response: { 200: Sites, ...problems(400, 503) },
      },
    },
    async (request) => (await sites.list(app.pg, pageById(seedPage(request.params)))).rows,
  )

  app.get(
    '/site/:id',
    {
      schema: {
        tags,
        operationId: 'seedGetSite',
        summary: 'One site (seed URL)',
        params: IdParams,
        response: { 200: Row, ...problems(400, 404, 503) },
      },
    },
    async (request) => (await sites.get(app.pg, request.params.id)) ?? missing(request.params.id),
  )

  app.post(
    '/site/:id',
    {
      schema: {
        tags,
        operationId: 'seedPutSite',
        summary: 'Create or replace the site with this id (seed URL; the URL id wins over any id in the body)',
        params: IdParams,
        body: SeedSiteBody,
        response: { 200: Row, 201: Row, ...problems(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const { postcode_or_zip, ...fields } = request.body
      const { site: saved, created } = await upsertSite(app.pg, request.params.id, {
        ...fields,
        postcode_or_zip: postcode_or_zip === undefined || postcode_or_zip === null ? null : String(postcode_or_zip),
      })
      if (created) reply.code(201).header('location', `/api/sites/${saved.id}`)
      return saved
    },
  )

  app.delete(
    '/site/:id',
    {
      schema: {
        tags,
        operationId: 'seedDeleteSite',
        summary: 'Delete a site (seed URL)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      if ((await sites.remove(app.pg, request.params.id)) === 'missing') return missing(request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/instruments',
    {
      schema: {
        tags,
        operationId: 'seedListInstruments',
        summary: 'All instruments (seed URL and keys)',
        response: { 200: Instruments, ...problems(503) },
      },
    },
    async () => (await listInstruments(app.pg, null, ALL)).rows,
  )

  app.get(
    '/instruments/:offset/:limit',
    {
      schema: {
        tags,
        operationId: 'seedListInstrumentsPage',
        summary: 'A page of instruments (seed URL and keys; limit 0 = all)',
        params: SeedPageParams,
        response: { 200: Instruments, ...problems(400, 503) },
      },
    },
    async (request) => (await listInstruments(app.pg, null, seedPage(request.params))).rows,
  )
}
