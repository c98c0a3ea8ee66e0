import { appRoleFromEnv, ensureAppRole } from './app-role.js'
import { openLocalDatabase } from './local-database.js'
import { describeMigration, migrate, resetDatabase } from './migrations.js'
import { ensureDatabase, loadExampleData, withSql } from './scripts.js'

// pnpm db:migrate | pnpm db:reset | pnpm db:seed — on DATABASE_URL, or the embedded cluster.
// Also the command of the compose files' one-shot `migrate` service.
const commands: Record<string, { flags: string[]; run: (url: string, flags: string[]) => Promise<string> }> = {
  migrate: {
    // --example-data: also load the example rows when the database was brand new (what pnpm start does).
    flags: ['--example-data'],
    // LABTRACK_APP_USER/LABTRACK_APP_PASSWORD: then the services' role of data rights only, too (production compose).
    run: async (url, flags) => {
      const appRole = appRoleFromEnv()
      await ensureDatabase(url)
      const migrated = describeMigration(await migrate(url, { exampleData: flags.includes('--example-data') }))
      return appRole ? `${migrated}; ${await ensureAppRole(url, appRole)}` : migrated
    },
  },
  reset: {
    flags: [],
    run: async (url) => `tables dropped and created empty; ${describeMigration(await resetDatabase(url))}`,
  },
  seed: {
    flags: [],
    run: async (url) => {
      await withSql(url, (sql) => loadExampleData(sql))
      return 'example rows loaded'
    },
  },
}

const [name = '', ...flags] = process.argv.slice(2)
const command = commands[name]
if (!command || flags.some((flag) => !command.flags.includes(flag))) {
  console.error('usage: cli.ts migrate [--example-data] | reset | seed')
  process.exit(2)
}
const database = await openLocalDatabase().catch((error: Error) => {
  console.error(`labtrack: ${error.message}`)
  process.exit(1)
})
try {
  const done = await command.run(database.url, flags)
  console.log(`labtrack: ${done} (${database.description})`)
} catch (error) {
  console.error(`labtrack: db:${name} failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await database.stop()
}
