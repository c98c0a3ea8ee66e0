import { randomBytes } from 'node:crypto'
import { migrate } from './migrations.js'
import { withSql } from './scripts.js'

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/**
 * Creates a database of its own for one test file, with labtrack's tables built
 * by the migrations and no rows, on the server `adminUrl` points at (a user
 * allowed to create databases).
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `labtrack_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await withSql(adminUrl, (sql) => sql`CREATE DATABASE ${sql(name)}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  await migrate(url.href)
  return {
    url: url.href,
    drop: () => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`).then(() => {}),
  }
}
