import fastifyPostgres from '@fastify/postgres'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import { authentication } from './auth/authentication.js'
import { clientErrorHandler } from './client-errors.js'
import { closeConnectionsWhileClosing } from './closing.js'
import { type Config, loadConfig } from './config.js'
import { frameworkErrors, problemErrors } from './errors.js'
import { health } from './health.js'
import { jsonBodies } from './json-body.js'
import { lazySerializers, lazyValidators } from './lazy-compile.js'
import { loggerOptions } from './logging.js'
import { ProblemSchema } from './problem.js'
import { requestIdFrom } from './request-id.js'
import { securityHeaders } from './security-headers.js'
import { buildValidator } from './validation.js'

/** The settings createApp reads from the configuration (defaults: ConfigSchema's). */
export type AppSettings = Pick<
  Config,
  | 'LABTRACK_PUBLIC_READS'
  | 'LABTRACK_SESSION_IDLE_MINUTES'
  | 'LABTRACK_SESSION_MAX_HOURS'
  | 'LABTRACK_SIGN_IN_ATTEMPTS'
  | 'LABTRACK_CREDENTIAL_CACHE_SECONDS'
  | 'DATABASE_POOL_SIZE'
  | 'DATABASE_STATEMENT_TIMEOUT_MS'
  | 'REQUEST_TIMEOUT_MS'
  | 'METRICS_PORT'
  | 'HOST'
  | 'OTEL_EXPORTER_OTLP_ENDPOINT'
  | 'OTEL_SERVICE_NAME'
>

export interface AppOptions {
  databaseUrl: string
  /** The service, as traces name it (service.name) unless OTEL_SERVICE_NAME says otherwise; labtrack: all in one process. */
  name?: string
  /** The service plugins to mount: one for a service alone, all three for the embedded default. */
  services: FastifyPluginAsync[]
  logger?: FastifyServerOptions['logger']
  /** Folder of the built UI to serve as well (the embedded default); services alone serve none. */
  webRoot?: string
  /**
   * Collect the routes for app.swagger(), the OpenAPI document: for what builds or
   * serves it (the build, pnpm start). A service behind the gateway needs none, nginx
   * serves the built document; without it a service does not load @fastify/swagger.
   */
  openapi?: boolean
  /** What differs from the defaults (the launchers pass the loaded configuration). */
  settings?: Partial<AppSettings>
}

export const BODY_LIMIT = 1024 * 1024
// Longer than nginx's upstream keepalive_timeout (2 s), so nginx, not Node,
// always closes an idle upstream connection and never reuses a dead one.
export const KEEP_ALIVE_TIMEOUT = 65_000

/** Builds the Fastify instance every labtrack process runs: shared plumbing, then the given services. */
export async function createApp({
  databaseUrl,
  name = 'labtrack',
  services,
  logger = false,
  webRoot,
  openapi = false,
  settings = {},
}: AppOptions): Promise<FastifyInstance> {
  const config: AppSettings = { ...loadConfig({}, { PORT: 0 }), ...settings }
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT
  // Loaded only when asked for: without them a service carries neither the OpenTelemetry SDK nor prom-client.
  const tracing = endpoint ? await import('./tracing.js') : undefined
  const app = Fastify({
    logger: loggerOptions(logger, tracing?.traceFields),
    bodyLimit: BODY_LIMIT,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT,
    // Only proxies on loopback or private networks (nginx, a compose network) may set X-Forwarded-*.
    trustProxy: 'loopback,linklocal,uniquelocal',
    genReqId: requestIdFrom,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A request must arrive in full within this time (a slow client cannot hold a connection); nginx's client_body_timeout is the same.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // A closing service still answers what reaches it, with Connection: close (closing.ts): a 503 would fail a POST.
    return503OnClosing: false,
    clientErrorHandler,
    frameworkErrors,
    schemaController: {
      compilersFactory: { buildValidator: lazyValidators(buildValidator), buildSerializer: lazySerializers() },
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // The headers must arrive well before the whole request may (Node requires headersTimeout <= requestTimeout).
  app.server.headersTimeout = Math.min(10_000, config.REQUEST_TIMEOUT_MS)

  // First, so that every route and hook below runs inside the request's span.
  if (tracing)
    await tracing.startTracing(app, {
      endpoint: endpoint as string,
      serviceName: config.OTEL_SERVICE_NAME ?? name,
    })
  if (config.METRICS_PORT !== undefined) {
    const { metrics } = await import('./metrics.js')
    metrics(app, { port: config.METRICS_PORT, host: config.HOST, pool: () => app.pg.pool })
  }

  app.addSchema(ProblemSchema)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  closeConnectionsWhileClosing(app)
  jsonBodies(app)

  // Serving the UI itself (pnpm start, no nginx in front): the gateway's security headers, on every answer.
  if (webRoot !== undefined) await securityHeaders(app)
  await app.register(problemErrors, { ui: webRoot !== undefined })
  await app.register(authentication, {
    publicReads: config.LABTRACK_PUBLIC_READS,
    session: { idleSeconds: config.LABTRACK_SESSION_IDLE_MINUTES * 60, maxSeconds: config.LABTRACK_SESSION_MAX_HOURS * 3600 },
    signInAttempts: config.LABTRACK_SIGN_IN_ATTEMPTS,
    db: () => app.pg.pool,
    databaseUrl,
    cacheSeconds: config.LABTRACK_CREDENTIAL_CACHE_SECONDS,
  })
  // Loaded only when asked for, like the tracing above: the static files' plugin and the
  // OpenAPI collector with what they import are 0.4 MB of the bundle's 1.8 MB of source.
  if (webRoot !== undefined) await app.register((await import('./web.js')).webUi, { root: webRoot })
  if (openapi) await (await import('./openapi-document.js')).collectOpenApi(app)
  await app.register(fastifyPostgres, {
    connectionString: databaseUrl,
    max: config.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 3000,
    // A runaway query is cancelled (503) instead of holding a connection; 0 means no limit.
    statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS || undefined,
    idle_in_transaction_session_timeout: 60_000,
  })
  // An idle pooled connection that the server drops (restart, failover) emits
  // 'error' on the pool; unhandled, that would crash the process.
  app.pg.pool.on('error', (error) => app.log.warn({ err: error }, 'idle database connection lost'))
  if (tracing) tracing.traceStatements(app.pg.pool)

  await app.register(health)
  for (const service of services) await app.register(service)
  return app
}
