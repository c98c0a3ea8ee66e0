import fastifyPostgres from '@fastify/postgres'
import fastifySwagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import { frameworkErrors, problemErrors } from './errors.js'
import { health } from './health.js'
import { ProblemSchema } from './problem.js'
import { requestIdFrom } from './request-id.js'
import { buildValidator } from './validation.js'
import { webUi } from './web.js'

export interface AppOptions {
  databaseUrl: string
  /** The service plugins to mount: one for a service alone, all three for the embedded default. */
  services: FastifyPluginAsync[]
  logger?: FastifyServerOptions['logger']
  /** Folder of the built UI to serve as well (the embedded default); services alone serve none. */
  webRoot?: string
}

export const BODY_LIMIT = 1024 * 1024
// Longer than nginx's upstream keepalive_timeout (60 s), so nginx, not Node,
// always closes an idle upstream connection and never reuses a dead one.
export const KEEP_ALIVE_TIMEOUT = 65_000

/** Builds the Fastify instance every labtrack process runs: shared plumbing, then the given services. */
export async function createApp({ databaseUrl, services, logger = false, webRoot }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT,
    // Only proxies on loopback or private networks (nginx, a compose network) may set X-Forwarded-*.
    trustProxy: 'loopback,linklocal,uniquelocal',
    genReqId: requestIdFrom,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    frameworkErrors,
    schemaController: { compilersFactory: { buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addSchema(ProblemSchema)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  // This API only speaks JSON: text/plain (Fastify's other default parser) and
  // anything else is a 415; application/*+json (e.g. merge-patch) is JSON too.
  // An empty body is "no body", not broken JSON: many clients label a DELETE
  // as JSON without sending one, and a POST without one fails validation.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  const parseJsonOrNothing: typeof parseJson = (request, body, done) =>
    body === '' ? done(null, undefined) : parseJson(request, body, done)
  app.removeContentTypeParser(['text/plain', 'application/json'])
  for (const type of ['application/json', /^application\/[\w.-]+\+json$/]) {
    app.addContentTypeParser(type, { parseAs: 'string' }, parseJsonOrNothing)
  }

  await app.register(problemErrors, { ui: webRoot !== undefined })
  if (webRoot !== undefined) await app.register(webUi, { root: webRoot })
  await app.register(fastifySwagger, {
    // Components are named by their $id (Site, Problem…), so clients generated from the document read well.
    refResolver: { buildLocalReference: (json) => String(json.$id) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'labtrack API',
        version: '0.1.0',
        description: 'Sites, freezers, containers and computers of a laboratory.',
      },
      // Relative: the gateway (or pnpm start) that serves the document serves the API.
      servers: [{ url: '/', description: 'the labtrack gateway that served this document' }],
      // No operation asks for credentials yet: said explicitly, so clients know.
      security: [],
    },
  })
  await app.register(fastifyPostgres, { connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 3000 })
  // An idle pooled connection that the server drops (restart, failover) emits
  // 'error' on the pool; unhandled, that would crash the process.
  app.pg.pool.on('error', (error) => app.log.warn({ err: error }, 'idle database connection lost'))

  await app.register(health)
  for (const service of services) await app.register(service)
  return app
}
