import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  createSite,
  deleteSite,
  getSite,
  IdParams,
  listSites,
  patchSite,
  replaceSite,
  Site,
  SiteInput,
  SiteListQuery,
  SitePatch,
} from '@labtrack/db'
import { ListOf, NoContent, notFound, problems, sendPage } from '@labtrack/service-kit'

const tags = ['sites']

export const sitesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sites',
    {
      schema: { tags, summary: 'List sites', querystring: SiteListQuery, response: { 200: ListOf(Site), ...problems(400, 503) } },
    },
    async (request, reply) => sendPage(request, reply, await listSites(app.pg, request.query)),
  )

  app.get(
    '/api/sites/:id',
    { schema: { tags, summary: 'Get a site', params: IdParams, response: { 200: Site, ...problems(400, 404, 503) } } },
    async (request) => (await getSite(app.pg, request.params.id)) ?? Promise.reject(notFound('site', request.params.id)),
  )

  app.post(
    '/api/sites',
    {
      schema: { tags, summary: 'Create a site', body: SiteInput, response: { 201: Site, ...problems(400, 409, 413, 415, 503) } },
    },
    async (request, reply) => {
      const site = await createSite(app.pg, request.body)
      return reply.code(201).header('location', `/api/sites/${site.id}`).send(site)
    },
  )

  app.put(
    '/api/sites/:id',
    {
      schema: {
        tags,
        summary: 'Replace a site (optional fields left out become null)',
        params: IdParams,
        body: SiteInput,
        response: { 200: Site, ...problems(400, 404, 413, 415, 503) },
      },
    },
    async (request) =>
      (await replaceSite(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('site', request.params.id)),
  )

  app.patch(
    '/api/sites/:id',
    {
      schema: {
        tags,
        summary: 'Change the named fields of a site',
        params: IdParams,
        body: SitePatch,
        response: { 200: Site, ...problems(400, 404, 413, 415, 503) },
      },
    },
    async (request) =>
      (await patchSite(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('site', request.params.id)),
  )

  app.delete(
    '/api/sites/:id',
    {
      schema: {
        tags,
        summary: 'Delete a site that has no freezers or computers',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      if (!(await deleteSite(app.pg, request.params.id))) throw notFound('site', request.params.id)
      return reply.code(204).send(null)
    },
  )
}
