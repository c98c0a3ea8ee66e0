import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  deleteSite,
  getSite,
  IdParams,
  type Instrument,
  listInstruments,
  listSites,
  MAX_ID,
  type Page,
  SeedInstrument,
  SeedPageParams,
  SeedSiteBody,
  Site,
  upsertSite,
} from '@labtrack/db'
import { ListOf, NoContent, notFound, problems } from '@labtrack/service-kit'

// The Flask seed's URLs and JSON keys, so its clients keep working; without
// its bugs: 404 for missing rows, 409 when a site still has children, 400 for bad input.
const tags = ['seed-compatible']

/** The seed's `<offset>/<limit>`, where a limit of 0 meant every row. */
const seedPage = ({ offset, limit }: { offset: number; limit: number }): Page => ({ offset, limit: limit === 0 ? MAX_ID : limit })
const ALL: Page = { offset: 0, limit: MAX_ID }

const asSeedInstrument = (row: Instrument): SeedInstrument => ({
  id: row.site_id,
  site_name: row.site_name,
  computer_id: row.computer_id,
  freezer_id: row.freezer_id,
  instrument_name: row.name,
})

export const seedCompatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const sites = ListOf(Site)
  const instruments = ListOf(SeedInstrument)

  app.get(
    '/sites/',
    { schema: { tags, summary: 'All sites (seed URL)', response: { 200: sites, ...problems(503) } } },
    async () => {
      return (await listSites(app.pg, ALL)).rows
    },
  )

  app.get(
    '/sites/:offset/:limit',
    {
      schema: {
        tags,
        summary: 'A page of sites (seed URL; limit 0 = all)',
        params: SeedPageParams,
        response: { 200: sites, ...problems(400, 503) },
      },
    },
    async (request) => (await listSites(app.pg, seedPage(request.params))).rows,
  )

  app.get(
    '/site/:id',
    { schema: { tags, summary: 'One site (seed URL)', params: IdParams, response: { 200: Site, ...problems(400, 404, 503) } } },
    async (request) => (await getSite(app.pg, request.params.id)) ?? Promise.reject(notFound('site', request.params.id)),
  )

  app.post(
    '/site/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace the site with this id (seed URL; the URL id wins over any id in the body)',
        params: IdParams,
        body: SeedSiteBody,
        response: { 200: Site, 201: Site, ...problems(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const { postcode_or_zip, ...fields } = request.body
      const { site, created } = await upsertSite(app.pg, request.params.id, {
        name: fields.name,
        contact: fields.contact ?? null,
        address: fields.address ?? null,
        state_or_region: fields.state_or_region ?? null,
        country: fields.country ?? null,
        postcode_or_zip: postcode_or_zip === undefined || postcode_or_zip === null ? null : String(postcode_or_zip),
      })
      if (created) reply.code(201).header('location', `/api/sites/${site.id}`)
      return site
    },
  )

  app.delete(
    '/site/:id',
    {
      schema: {
        tags,
        summary: 'Delete a site (seed URL)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      if (!(await deleteSite(app.pg, request.params.id))) throw notFound('site', request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/instruments/',
    { schema: { tags, summary: 'All instruments (seed URL and keys)', response: { 200: instruments, ...problems(503) } } },
    async () => (await listInstruments(app.pg, null, ALL)).rows.map(asSeedInstrument),
  )

  app.get(
    '/instruments/:offset/:limit',
    {
      schema: {
        tags,
        summary: 'A page of instruments (seed URL and keys; limit 0 = all)',
        params: SeedPageParams,
        response: { 200: instruments, ...problems(400, 503) },
      },
    },
    async (request) => (await listInstruments(app.pg, null, seedPage(request.params))).rows.map(asSeedInstrument),
  )
}
