import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  Computer,
  ComputerInput,
  ComputerListQuery,
  ComputerPatch,
  createComputer,
  deleteComputer,
  getComputer,
  IdParams,
  listComputers,
  patchComputer,
  replaceComputer,
} from '@labtrack/db'
import { ListOf, NoContent, notFound, problems, sendPage } from '@labtrack/service-kit'

const tags = ['computers']

export const computersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/computers',
    {
      schema: {
        tags,
        summary: 'List computers, optionally of one site',
        querystring: ComputerListQuery,
        response: { 200: ListOf(Computer), ...problems(400, 503) },
      },
    },
    async (request, reply) => sendPage(request, reply, await listComputers(app.pg, request.query, request.query)),
  )

  app.get(
    '/api/computers/:id',
    { schema: { tags, summary: 'Get a computer', params: IdParams, response: { 200: Computer, ...problems(400, 404, 503) } } },
    async (request) => (await getComputer(app.pg, request.params.id)) ?? Promise.reject(notFound('computer', request.params.id)),
  )

  app.post(
    '/api/computers',
    {
      schema: {
        tags,
        summary: 'Create a computer at a site (mac unique, compared case-insensitively)',
        body: ComputerInput,
        response: { 201: Computer, ...problems(400, 409, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const computer = await createComputer(app.pg, request.body)
      return reply.code(201).header('location', `/api/computers/${computer.id}`).send(computer)
    },
  )

  app.put(
    '/api/computers/:id',
    {
      schema: {
        tags,
        summary: 'Replace a computer (a missing mac becomes null)',
        params: IdParams,
        body: ComputerInput,
        response: { 200: Computer, ...problems(400, 404, 409, 413, 415, 422, 503) },
      },
    },
    async (request) =>
      (await replaceComputer(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('computer', request.params.id)),
  )

  app.patch(
    '/api/computers/:id',
    {
      schema: {
        tags,
        summary: 'Change the named fields of a computer',
        params: IdParams,
        body: ComputerPatch,
        response: { 200: Computer, ...problems(400, 404, 409, 413, 415, 422, 503) },
      },
    },
    async (request) =>
      (await patchComputer(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('computer', request.params.id)),
  )

  app.delete(
    '/api/computers/:id',
    {
      schema: { tags, summary: 'Delete a computer', params: IdParams, response: { 204: NoContent, ...problems(400, 404, 503) } },
    },
    async (request, reply) => {
      if (!(await deleteComputer(app.pg, request.params.id))) throw notFound('computer', request.params.id)
      return reply.code(204).send(null)
    },
  )
}
