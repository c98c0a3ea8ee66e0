import { openLocalDatabase } from './local-database.js'
import { applySchema, ensureDatabase, loadExampleData, withSql } from './scripts.js'

// pnpm db:reset | pnpm db:seed — on DATABASE_URL, or the embedded cluster.
const commands: Record<string, (url: string) => Promise<string>> = {
  reset: async (url) => {
    await ensureDatabase(url)
    await withSql(url, (sql) => applySchema(sql))
    return 'tables dropped and created empty'
  },
  seed: async (url) => {
    await withSql(url, (sql) => loadExampleData(sql))
    return 'example rows loaded'
  },
}

const name = process.argv[2] ?? ''
const command = commands[name]
if (!command) {
  console.error(`usage: cli.ts ${Object.keys(commands).join('|')}`)
  process.exit(2)
}
const database = await openLocalDatabase().catch((error: Error) => {
  console.error(`labtrack: ${error.message}`)
  process.exit(1)
})
try {
  const done = await command(database.url)
  console.log(`labtrack: ${done} (${database.description})`)
} catch (error) {
  console.error(`labtrack: db:${name} failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await database.stop()
}
