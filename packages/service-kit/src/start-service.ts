import closeWithGrace from 'close-with-grace'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { stopAccepting } from './closing.js'
import { loadConfigOrExit } from './config.js'
import { createApp } from './create-app.js'

/** Above nginx's upstream keepalive_timeout (2 s), so its idle connections are closed by nginx; well below close-with-grace's 10 s. */
export const DRAIN_LIMIT_MS = 3_000

/**
 * Listens, and on SIGTERM or SIGINT closes the app: it gets nginx to leave it
 * out, stops accepting connections, lets the open ones end (DRAIN_LIMIT_MS in
 * all, see closing.ts),
 * waits for the requests in flight, closes the pool, then runs `afterClose`.
 * A second signal or 10 s cut it short.
 */
export async function serveUntilSignal(
  app: FastifyInstance,
  { port, host }: { port: number; host: string },
  afterClose: () => Promise<void> = async () => {},
) {
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    app.log.info({ signal, err }, 'stopping')
    await stopAccepting(app, DRAIN_LIMIT_MS)
    await app.close()
    await afterClose()
  })
  await app.listen({ port, host })
}

/** The launcher of a service alone: config from the environment, then serve until a signal. */
export async function startService(name: string, service: FastifyPluginAsync, defaultPort: number) {
  const config = loadConfigOrExit(process.env, { PORT: defaultPort }, ['DATABASE_URL'])
  const app = await createApp({
    databaseUrl: config.DATABASE_URL as string,
    name,
    services: [service],
    settings: config,
    logger: { level: config.LOG_LEVEL, base: { service: name } },
  })
  await serveUntilSignal(app, { port: config.PORT, host: config.HOST })
  return app
}
