import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createTestDatabase, MOCK_DATA_SQL, ROOT_DIR, withSql } from '@labtrack/db-tools'
import { type Stack, startStack } from '@labtrack/launcher/stack'
import { coveredServiceCommand } from './coverage.js'

export interface E2eStack extends Stack {
  /** Runs one query on the stack's database (to check what the UI and the API stored); rows as plain objects. */
  query<T = Record<string, unknown>>(text: TemplateStringsArray, ...values: unknown[]): Promise<T[]>
}

/**
 * The real topology for the suites: nginx, the three services as processes
 * (under nyc for integration coverage) and a database of its own with the
 * example data, on free ports so a running `pnpm stack` is not disturbed.
 */
export async function startE2eStack({ coverage = true } = {}): Promise<E2eStack> {
  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run the e2e suites with "pnpm test:e2e"')
  const database = await createTestDatabase(adminUrl)
  await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
  const runDir = join(ROOT_DIR, '.data/e2e-stack')
  await mkdir(runDir, { recursive: true })
  // Every process writes its log straight into one file, read when a run
  // fails (`tail -f .data/e2e-stack/stack.log` to watch it); a new run starts it empty.
  const logFile = join(runDir, 'stack.log')
  await writeFile(logFile, '')
  const stack = await startStack({
    port: 0,
    servicePorts: { site: 0, inventory: 0, computer: 0 },
    databaseUrl: database.url,
    prepare: false,
    runDir,
    logLevel: 'warn',
    logFile,
    ...(coverage ? { serviceCommand: coveredServiceCommand } : {}),
  })
  return {
    ...stack,
    async stop() {
      await stack.stop()
      await database.drop()
    },
    query: <T>(text: TemplateStringsArray, ...values: unknown[]) =>
      withSql(database.url, async (sql) => [...(await sql(text, ...(values as never[])))] as T[]),
  }
}
