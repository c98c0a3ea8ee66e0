import { createTestDatabase, MOCK_DATA_SQL, withSql } from '@labtrack/db-tools'
import pg from 'pg'
import type { Test } from 'tap'

/** A pool on a database of the test file's own holding the example rows, dropped when `t` ends. */
export async function exampleDatabase(t: Test, max: number): Promise<pg.Pool> {
  const database = await createTestDatabase(process.env.DATABASE_URL as string)
  await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
  const pool = new pg.Pool({ connectionString: database.url, max })
  t.teardown(async () => {
    await pool.end()
    await database.drop()
  })
  return pool
}
