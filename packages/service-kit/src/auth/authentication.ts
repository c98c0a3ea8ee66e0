import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyRateLimit from '@fastify/rate-limit'
import { type Queryable, roleAllows, type SessionLimits, withArticle } from '@labtrack/db'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ProblemError, problem } from '../problem.js'
import { problems } from '../responses.js'
import {
  type Access,
  accessOf,
  CREDENTIALS_REQUIRED,
  CSRF_COOKIE,
  CSRF_HEADER,
  isRead,
  SESSION_COOKIE,
  WWW_AUTHENTICATE,
} from './access.js'
import type { Actor } from './actor.js'
import { CredentialCache } from './credential-cache.js'
import { CredentialListener } from './credential-listener.js'
import { type Checked, CredentialChecker, type Presented, presentedCredentials } from './credentials.js'

export interface AuthOptions {
  /** Reads (routes that need a viewer) answer anonymous requests too. */
  publicReads: boolean
  session: SessionLimits
  /** Sign-in attempts allowed per account and minute in this process. */
  signInAttempts: number
  /** Where credentials are looked up (the service's pool). */
  db: () => Queryable
  /** Where the listener for credential changes connects (a connection of its own). */
  databaseUrl: string
  /** How long a checked credential is reused without asking the database; 0: never. */
  cacheSeconds: number
  /** How many checked credentials are kept at most. */
  cacheEntries?: number
  /** The listener's wait before reconnecting, doubled on each failure up to maxMs. */
  listenerRetry?: { firstMs: number; maxMs: number }
}

const CACHE_ENTRIES = 1000
const LISTENER_RETRY = { firstMs: 100, maxMs: 5000 }

declare module 'fastify' {
  interface FastifyInstance {
    /** What the sign-in routes need to know of the authentication settings. */
    auth: Pick<AuthOptions, 'session' | 'signInAttempts'> & {
      /**
       * Forgets every checked credential in this process: a route that ends a
       * session, revokes a token or changes a user calls it before answering,
       * so its own service sees the change at once (others hear of it through
       * the database's notification, within milliseconds).
       */
      credentialsChanged: () => void
    }
  }
}

/** The 401 a request gets without valid credentials; `error` as RFC 6750 names it, when credentials were sent. */
export function unauthenticated(detail: string, reply?: FastifyReply, error?: 'invalid_token' | 'invalid_request') {
  if (reply && error) reply.header('www-authenticate', `${WWW_AUTHENTICATE}, error="${error}"`)
  return new ProblemError(problem('unauthenticated', detail))
}

function forbidden(actor: Actor, needs: Access): ProblemError {
  const who = actor.via === 'token' ? `the token ${actor.token} (of ${actor.name})` : actor.name
  return new ProblemError(
    problem('forbidden', `this needs the ${needs} role; ${who} is ${withArticle(actor.role)}`, {
      required_role: needs,
    }),
  )
}

/** The cookie attributes of the session and CSRF cookies: Secure when the request came over HTTPS. */
export function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https' }
}

/**
 * Checks every request's credentials and role in the service itself (a service
 * reached directly is as protected as through the gateway). The role a route
 * needs comes from `accessOf`; the OpenAPI document says it for each operation.
 */
export const authentication = fp<AuthOptions>(
  async (app, options) => {
    await app.register(fastifyCookie)
    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: CSRF_COOKIE,
      cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict' },
      getToken: (request) => request.headers[CSRF_HEADER] as string | undefined,
      logLevel: 'info',
    })
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new ProblemError(problem('too-many-requests', `too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`)),
    })
    const cache = new CredentialCache<Checked>(options.cacheEntries ?? CACHE_ENTRIES, options.cacheSeconds * 1000)
    app.decorate('auth', {
      session: options.session,
      signInAttempts: options.signInAttempts,
      credentialsChanged: () => cache.clear(),
    })
    app.decorateRequest('actor', null)
    // The cache is used only while a change cannot go unheard: while this
    // listener is connected. Without it, every request asks the database.
    if (options.cacheSeconds > 0) {
      const listener = new CredentialListener({
        connectionString: options.databaseUrl,
        onChange: () => cache.clear(),
        onListening: (listening) => cache.setTrusted(listening),
        log: app.log,
        retry: options.listenerRetry ?? LISTENER_RETRY,
      })
      app.addHook('onReady', () => listener.start())
      app.addHook('onClose', () => listener.close())
    }

    app.addHook('onRoute', (route) => {
      const access = accessOf(route)
      route.config = { ...route.config, access }
      if (!route.schema || route.schema.hide) return
      if (access === 'public') {
        route.schema.security = []
        return
      }
      const needs = access === 'viewer' ? 'Needs a signed-in user or an API token (any role).' : `Needs the ${access} role.`
      // The automatic HEAD route shares its GET's schema: say it once.
      if (!route.schema.description?.includes(needs)) {
        route.schema.description = [route.schema.description, needs].filter(Boolean).join(' ')
      }
      route.schema.security = CREDENTIALS_REQUIRED
      route.schema.response = { ...(route.schema.response as object), ...problems(401, 403) }
    })

    const checker = new CredentialChecker({
      db: options.db,
      idleSeconds: options.session.idleSeconds,
      onTouchError: (error) => app.log.warn({ err: error }, 'could not record the last use of a token or session'),
      cache,
    })
    // Who may do what, once the actor is known (null: no credentials were sent).
    const admit = (
      request: FastifyRequest,
      reply: FastifyReply,
      access: Exclude<Access, 'public'>,
      done: (error?: Error) => void,
    ) => {
      const actor = request.actor
      if (!actor) {
        if (access === 'viewer' && options.publicReads) return done()
        return done(unauthenticated('sign in (POST /api/session) or send an API token (Authorization: Bearer …)'))
      }
      if (!roleAllows(actor.role, access)) return done(forbidden(actor, access))
      // A cookie is sent by the browser on its own; a write must also prove it comes from labtrack's pages.
      // (csrfProtection answers a failed check itself and then never calls done.)
      if (actor.via === 'session' && !isRead(request.method)) return app.csrfProtection(request, reply, done)
      done()
    }
    const ended = (presented: Presented, reply: FastifyReply) => {
      if (presented.kind === 'token') return unauthenticated('the token is unknown, revoked or expired', reply, 'invalid_token')
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return unauthenticated('the session has ended: sign in again', reply, 'invalid_token')
    }
    const identified = (
      request: FastifyRequest,
      reply: FastifyReply,
      access: Exclude<Access, 'public'>,
      presented: Presented,
      actor: Actor | null,
      done: (error?: Error) => void,
    ) => {
      if (!actor) return done(ended(presented, reply))
      request.actor = actor
      admit(request, reply, access, done)
    }
    // Callback style, and synchronous when the credentials are in the cache (nearly every request):
    // an async hook would add its promise and microtask turns to every request (and the hit path
    // makes no closure for it either).
    app.addHook('onRequest', (request, reply, done) => {
      // Unknown routes (404) and open ones need nothing.
      const access = request.routeOptions.config?.access ?? 'public'
      if (access === 'public') return done()
      const presented = presentedCredentials(request)
      if (presented.kind === 'malformed') return done(unauthenticated(presented.why, reply, 'invalid_request'))
      if (presented.kind === 'none') return admit(request, reply, access, done)
      const found = checker.actorFor(presented)
      if (found instanceof Promise) found.then((actor) => identified(request, reply, access, presented, actor, done), done)
      else identified(request, reply, access, presented, found, done)
    })
  },
  { name: 'labtrack-authentication' },
)
