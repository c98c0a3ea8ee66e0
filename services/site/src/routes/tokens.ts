import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiToken,
  ApiTokenInput,
  createApiToken,
  findAccount,
  IdParams,
  listApiTokens,
  NewApiToken,
  revokeApiToken,
  tokenRoleRefusal,
} from '@labtrack/db'
import {
  ListOf,
  NoContent,
  notFound,
  OffsetPageQuery,
  offsetPage,
  ProblemError,
  problem,
  problems,
  refTo,
  sendPage,
} from '@labtrack/service-kit'

const tags = ['tokens']
const config = { access: 'admin' as const }

/** API tokens, managed by an admin: named, tied to a user, a role no higher than theirs, optional expiry, revocable. */
export const tokensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema({ ...ApiToken, $id: 'ApiToken' })
  app.addSchema({ ...ApiTokenInput, $id: 'ApiTokenInput' })
  app.addSchema({ ...NewApiToken, $id: 'NewApiToken' })

  app.get(
    '/api/tokens',
    {
      config,
      schema: {
        tags,
        operationId: 'listTokens',
        summary: 'List API tokens (revoked ones too), by name; never their secrets',
        querystring: OffsetPageQuery,
        response: { 200: ListOf(refTo('ApiToken', ApiToken)), ...problems(400, 503) },
      },
    },
    async (request, reply) => {
      const paging = offsetPage(request.query)
      return sendPage({ url: request.url, query: paging }, reply, await listApiTokens(app.pg, paging))
    },
  )

  app.post(
    '/api/tokens',
    {
      config,
      schema: {
        tags,
        operationId: 'createToken',
        summary: 'Create an API token; its secret is in this answer only',
        body: refTo('ApiTokenInput', ApiTokenInput),
        response: {
          201: { ...refTo('NewApiToken', NewApiToken), description: 'The token, with its secret' },
          ...problems(400, 409, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const { name, role, user = request.actor?.name as string, expires_at } = request.body
      const account = await findAccount(app.pg, user)
      if (!account) throw new ProblemError(problem('unknown-parent', `user ${user} does not exist`))
      const refusal = tokenRoleRefusal(account, role)
      if (refusal) throw new ProblemError(problem('unprocessable', refusal))
      if (expires_at !== undefined && Date.parse(expires_at) <= Date.now()) {
        throw new ProblemError(problem('unprocessable', 'expires_at must be in the future'))
      }
      const token = await createApiToken(app.pg, { name, role, account, expiresAt: expires_at ?? null })
      request.log.info({ created: { name, role, user } }, 'token created')
      return reply.code(201).header('location', `/api/tokens/${token.id}`).send(token)
    },
  )

  app.delete(
    '/api/tokens/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'revokeToken',
        summary: 'Revoke an API token: refused at once by every service; it stays listed with revoked_at',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 404, 503) },
      },
    },
    async (request, reply) => {
      if (!(await revokeApiToken(app.pg, { id: request.params.id }))) throw notFound('token', request.params.id)
      app.auth.credentialsChanged()
      return reply.code(204).send(null)
    },
  )
}
