import { openLocalDatabase } from '@labtrack/db-tools'
import { createApp, loadConfigOrExit, serveUntilSignal } from '@labtrack/service-kit'
import { WEB_DIST_DIR } from './paths.js'
import { prepareForServing } from './prepare.js'
import { SERVICES } from './services.js'

// The embedded default: the whole API and the UI in one process, on an
// embedded PostgreSQL under .data/postgres unless DATABASE_URL is set.
export async function startSingleProcess() {
  const config = loadConfigOrExit(process.env, { PORT: 5000 })
  const database = await openLocalDatabase().catch((error: Error) => {
    process.stderr.write(`labtrack: ${error.message}\n`)
    process.exit(1)
  })
  // The migrations (and the example rows into a brand-new database) before serving; the services never migrate.
  try {
    for (const line of await prepareForServing(database.url)) console.log(`labtrack: ${line}`)
  } catch (error) {
    process.stderr.write(`labtrack: cannot prepare the database: ${(error as Error).message}\n`)
    await database.stop()
    process.exit(1)
  }

  const app = await createApp({
    databaseUrl: database.url,
    services: SERVICES.map((service) => service.plugin),
    logger: { level: config.LOG_LEVEL },
    webRoot: WEB_DIST_DIR,
    settings: config,
  })
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())

  await serveUntilSignal(app, { port: config.PORT, host: config.HOST }, () => database.stop())
  const url = `http://${config.HOST}:${(app.server.address() as { port: number }).port}`
  console.log(`labtrack: ${url}/ (UI), ${url}/api/docs/ (API docs); database: ${database.description}. Ctrl-C stops.`)
}
