import type { LocalDatabase } from '@labtrack/db-tools'
import { type Config, createApp, serveUntilSignal } from '@labtrack/service-kit'
import { WEB_DIST_DIR } from './paths.js'
import { SERVICES } from './services.js'

/** Every service and the UI in this process, on `database`, until a signal stops them (and it). */
export async function serveApplication(config: Config, database: LocalDatabase) {
  const app = await createApp({
    databaseUrl: database.serviceUrl,
    services: SERVICES.map((service) => service.plugin),
    logger: { level: config.LOG_LEVEL },
    webRoot: WEB_DIST_DIR,
    openapi: true,
    settings: config,
  })
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())

  await serveUntilSignal(app, { port: config.PORT, host: config.HOST }, () => database.stop())
  const url = `http://${config.HOST}:${(app.server.address() as { port: number }).port}`
  console.log(`labtrack: ${url}/ (UI), ${url}/api/docs/ (API docs); database: ${database.description}. Ctrl-C stops.`)
}
