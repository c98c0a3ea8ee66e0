import closeWithGrace from 'close-with-grace'
import type { FastifyPluginAsync } from 'fastify'
import { loadConfigOrExit } from './config.js'
import { createApp } from './create-app.js'

/** The launcher of a service alone: config from the environment, listen, and drain on SIGTERM/SIGINT. */
export async function startService(name: string, service: FastifyPluginAsync, defaultPort: number) {
  const config = loadConfigOrExit(process.env, { PORT: defaultPort }, ['DATABASE_URL'])
  const app = await createApp({
    databaseUrl: config.DATABASE_URL as string,
    services: [service],
    logger: { level: config.LOG_LEVEL, base: { service: name } },
  })
  // app.close() stops accepting connections, waits for in-flight requests,
  // then closes the pool; a second signal or 10 s cut it short.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    app.log.info({ signal, err }, 'stopping')
    await app.close()
  })
  await app.listen({ port: config.PORT, host: config.HOST })
  return app
}
