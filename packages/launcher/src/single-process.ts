import { openLocalDatabase } from '@labtrack/db-tools'
import { loadConfigOrExit } from '@labtrack/service-kit/config'
import { prepareForServing } from './prepare.js'

// The embedded default: the whole API and the UI in one process, on an
// embedded PostgreSQL under .data/postgres unless DATABASE_URL is set.
export async function startSingleProcess() {
  const config = loadConfigOrExit(process.env, { PORT: 5000 })
  // The application loads while PostgreSQL starts (a wait on another
  // process): on a warm folder the two are most of the time pnpm start takes.
  const [database, { serveApplication }] = await Promise.all([
    openLocalDatabase().catch((error: Error) => {
      process.stderr.write(`labtrack: ${error.message}\n`)
      process.exit(1)
    }),
    import('./single-process-app.js'),
  ])
  // The migrations (and the example rows into a brand-new database) before serving; the services never migrate.
  try {
    for (const line of await prepareForServing(database.url)) console.log(`labtrack: ${line}`)
  } catch (error) {
    process.stderr.write(`labtrack: cannot prepare the database: ${(error as Error).message}\n`)
    await database.stop()
    process.exit(1)
  }
  await serveApplication(config, database)
}
