import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  createFreezer,
  deleteFreezer,
  Freezer,
  FreezerInput,
  FreezerListQuery,
  FreezerPatch,
  getFreezer,
  IdParams,
  listFreezers,
  patchFreezer,
  replaceFreezer,
} from '@labtrack/db'
import { ListOf, NoContent, notFound, problems, sendPage } from '@labtrack/service-kit'

const tags = ['freezers']

export const freezersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/freezers',
    {
      schema: {
        tags,
        summary: 'List freezers, optionally of one site',
        querystring: FreezerListQuery,
        response: { 200: ListOf(Freezer), ...problems(400, 503) },
      },
    },
    async (request, reply) => sendPage(request, reply, await listFreezers(app.pg, request.query, request.query)),
  )

  app.get(
    '/api/freezers/:id',
    { schema: { tags, summary: 'Get a freezer', params: IdParams, response: { 200: Freezer, ...problems(400, 404, 503) } } },
    async (request) => (await getFreezer(app.pg, request.params.id)) ?? Promise.reject(notFound('freezer', request.params.id)),
  )

  app.post(
    '/api/freezers',
    {
      schema: {
        tags,
        summary: 'Create a freezer at a site',
        body: FreezerInput,
        response: { 201: Freezer, ...problems(400, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const freezer = await createFreezer(app.pg, request.body)
      return reply.code(201).header('location', `/api/freezers/${freezer.id}`).send(freezer)
    },
  )

  app.put(
    '/api/freezers/:id',
    {
      schema: {
        tags,
        summary: 'Replace a freezer',
        params: IdParams,
        body: FreezerInput,
        response: { 200: Freezer, ...problems(400, 404, 413, 415, 422, 503) },
      },
    },
    async (request) =>
      (await replaceFreezer(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('freezer', request.params.id)),
  )

  app.patch(
    '/api/freezers/:id',
    {
      schema: {
        tags,
        summary: 'Change the named fields of a freezer (a new site_id moves it)',
        params: IdParams,
        body: FreezerPatch,
        response: { 200: Freezer, ...problems(400, 404, 413, 415, 422, 503) },
      },
    },
    async (request) =>
      (await patchFreezer(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('freezer', request.params.id)),
  )

  app.delete(
    '/api/freezers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a freezer that holds no containers',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      if (!(await deleteFreezer(app.pg, request.params.id))) throw notFound('freezer', request.params.id)
      return reply.code(204).send(null)
    },
  )
}
