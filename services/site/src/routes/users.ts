import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createAccount, deleteAccount, IdParams, listAccounts, User, UserInput, UserPatch, updateAccount } from '@labtrack/db'
import { ListOf, NoContent, notFound, OffsetPageQuery, offsetPage, problems, refTo, sendPage } from '@labtrack/service-kit'

const tags = ['users']
const config = { access: 'admin' as const }
const UserRef = refTo('User', User)

/** Accounts, managed by an admin: who may sign in, with which role. Passwords are never shown. */
export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema({ ...User, $id: 'User' })
  app.addSchema({ ...UserInput, $id: 'UserInput' })
  app.addSchema({ ...UserPatch, $id: 'UserPatch' })

  app.get(
    '/api/users',
    {
      config,
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'List users, by name',
        querystring: OffsetPageQuery,
        response: { 200: ListOf(UserRef), ...problems(400, 503) },
      },
    },
    async (request, reply) => {
      const paging = offsetPage(request.query)
      return sendPage({ url: request.url, query: paging }, reply, await listAccounts(app.pg, paging))
    },
  )

  app.post(
    '/api/users',
    {
      config,
      schema: {
        tags,
        operationId: 'createUser',
        summary: 'Add a user',
        body: refTo('UserInput', UserInput),
        response: { 201: { ...UserRef, description: 'The user; Location says where' }, ...problems(400, 409, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const user = await createAccount(app.pg, request.body)
      return reply.code(201).header('location', `/api/users/${user.id}`).send(user)
    },
  )

  app.patch(
    '/api/users/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'updateUser',
        summary: "Change a user's role or password (a new password ends the user's sessions)",
        params: IdParams,
        body: refTo('UserPatch', UserPatch),
        response: { 200: UserRef, ...problems(400, 404, 409, 413, 415, 503) },
      },
    },
    async (request) => {
      const user = await updateAccount(app.pg, request.params.id, request.body)
      if (!user) throw notFound('user', request.params.id)
      app.auth.credentialsChanged()
      return user
    },
  )

  app.delete(
    '/api/users/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'deleteUser',
        summary: 'Delete a user, with their sessions and tokens (not the last admin)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      if (!(await deleteAccount(app.pg, request.params.id))) throw notFound('user', request.params.id)
      app.auth.credentialsChanged()
      return reply.code(204).send(null)
    },
  )
}
