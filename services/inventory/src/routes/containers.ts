import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  Container,
  ContainerInput,
  ContainerListQuery,
  ContainerPatch,
  createContainer,
  deleteContainer,
  getContainer,
  IdParams,
  listContainers,
  patchContainer,
  replaceContainer,
} from '@labtrack/db'
import { ListOf, NoContent, notFound, problems, sendPage } from '@labtrack/service-kit'

const tags = ['containers']

export const containersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/containers',
    {
      schema: {
        tags,
        summary: 'List containers, optionally of one freezer, or look one up by uuid',
        querystring: ContainerListQuery,
        response: { 200: ListOf(Container), ...problems(400, 503) },
      },
    },
    async (request, reply) => sendPage(request, reply, await listContainers(app.pg, request.query, request.query)),
  )

  app.get(
    '/api/containers/:id',
    { schema: { tags, summary: 'Get a container', params: IdParams, response: { 200: Container, ...problems(400, 404, 503) } } },
    async (request) =>
      (await getContainer(app.pg, request.params.id)) ?? Promise.reject(notFound('container', request.params.id)),
  )

  app.post(
    '/api/containers',
    {
      schema: {
        tags,
        summary: 'Put a container in a freezer (a uuid is generated when none is given)',
        body: ContainerInput,
        response: { 201: Container, ...problems(400, 409, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const container = await createContainer(app.pg, request.body)
      return reply.code(201).header('location', `/api/containers/${container.id}`).send(container)
    },
  )

  app.put(
    '/api/containers/:id',
    {
      schema: {
        tags,
        summary: 'Replace a container (a missing uuid keeps the current one)',
        params: IdParams,
        body: ContainerInput,
        response: { 200: Container, ...problems(400, 404, 409, 413, 415, 422, 503) },
      },
    },
    async (request) =>
      (await replaceContainer(app.pg, request.params.id, request.body)) ??
      Promise.reject(notFound('container', request.params.id)),
  )

  app.patch(
    '/api/containers/:id',
    {
      schema: {
        tags,
        summary: 'Change the named fields of a container (a new freezer_id moves it)',
        params: IdParams,
        body: ContainerPatch,
        response: { 200: Container, ...problems(400, 404, 409, 413, 415, 422, 503) },
      },
    },
    async (request) =>
      (await patchContainer(app.pg, request.params.id, request.body)) ?? Promise.reject(notFound('container', request.params.id)),
  )

  app.delete(
    '/api/containers/:id',
    {
      schema: { tags, summary: 'Delete a container', params: IdParams, response: { 204: NoContent, ...problems(400, 404, 503) } },
    },
    async (request, reply) => {
      if (!(await deleteContainer(app.pg, request.params.id))) throw notFound('container', request.params.id)
      return reply.code(204).send(null)
    },
  )
}
