import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createSession, endSession, findAccount, Me, SignIn, verifyNothing, verifyPassword } from '@labtrack/db'
import {
  type Actor,
  CSRF_COOKIE,
  cookieOptions,
  NoContent,
  problems,
  refTo,
  SESSION_COOKIE,
  unauthenticated,
} from '@labtrack/service-kit'
import type { FastifyReply } from 'fastify'

const tags = ['session']
const MeRef = refTo('Me', Me)

/** Who is asking, as GET /api/me and the sign-in answer say it; with a session, a fresh CSRF token. */
function describe(actor: Actor, reply: FastifyReply): Me {
  const me: Me = { name: actor.name, role: actor.role, via: actor.via }
  if (actor.token) me.token = actor.token
  if (actor.via === 'session') me.csrf_token = reply.generateCsrf({ secure: reply.request.protocol === 'https' })
  return me
}

/** Sign-in for the UI (a session in PostgreSQL, its id in an HttpOnly cookie), sign-out, and who is signed in. */
export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema({ ...Me, $id: 'Me' })
  app.addSchema({ ...SignIn, $id: 'SignIn' })

  app.post(
    '/api/session',
    {
      config: {
        access: 'public',
        // Per account, after the body is read: a direct call cannot brute-force a password (nginx limits per address too).
        rateLimit: {
          max: app.auth.signInAttempts,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `sign-in:${(request.body as SignIn).name.toLowerCase()}`,
        },
      },
      schema: {
        tags,
        operationId: 'signIn',
        summary: 'Sign in: starts a session (cookie labtrack_session) and answers who you are, with the CSRF token',
        body: refTo('SignIn', SignIn),
        response: { 200: { ...MeRef, description: 'Signed in' }, ...problems(400, 401, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const { name, password } = request.body
      const account = await findAccount(app.pg, name)
      // An unknown name costs as long as a wrong password: the answer does not tell which.
      const valid = account ? await verifyPassword(password, account.password_hash) : await verifyNothing(password)
      if (!account || !valid) throw unauthenticated('wrong name or password')
      const session = await createSession(app.pg, account.id, app.auth.session)
      reply.setCookie(SESSION_COOKIE, session.id, { ...cookieOptions(request), expires: session.expiresAt })
      request.log.info({ actor: account.name }, 'signed in')
      return describe({ name: account.name, accountId: account.id, role: account.role, via: 'session' }, reply)
    },
  )

  app.delete(
    '/api/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'signOut',
        summary: 'Sign out: the session ends at once, for every service',
        response: { 204: NoContent, ...problems(503) },
      },
    },
    async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE]
      if (id) {
        await endSession(app.pg, id)
        app.auth.credentialsChanged()
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        operationId: 'getMe',
        summary: 'Who is signed in (or whose token this is), with the CSRF token for a session',
        response: { 200: { ...MeRef, description: 'The user or token making the request' }, ...problems(503) },
      },
    },
    async (request, reply) => {
      // With LABTRACK_PUBLIC_READS the route is open, but there is no one to describe.
      if (!request.actor) throw unauthenticated('nobody is signed in')
      return describe(request.actor, reply)
    },
  )
}
