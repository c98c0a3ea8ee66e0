import { createTestDatabase, MOCK_DATA_SQL, withSql } from '@labtrack/db-tools'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import postgres from 'postgres'
import { createApp } from './create-app.js'

export interface TestContext {
  teardown(fn: () => unknown): void
}

export interface TestApp {
  app: FastifyInstance
  /** A postgres.js connection to the same database, to arrange rows and check what was stored. */
  sql: postgres.Sql
  url: string
}

/**
 * Builds the given services on a database of their own (created from
 * DATABASE_URL, which the test runner sets), dropped when the test ends.
 */
export async function buildTestApp(
  t: TestContext,
  services: FastifyPluginAsync[],
  { exampleData = false } = {},
): Promise<TestApp> {
  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run the tests with "pnpm test"')
  const database = await createTestDatabase(adminUrl)
  if (exampleData) await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
  const app = await createApp({ databaseUrl: database.url, services })
  const sql = postgres(database.url, { max: 2 })
  t.teardown(async () => {
    await app.close()
    await sql.end({ timeout: 5 })
    await database.drop()
  })
  return { app, sql, url: database.url }
}

export * from './test-helpers.js'
