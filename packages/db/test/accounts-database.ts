import { createTestDatabase } from '@labtrack/db-tools'
import pg from 'pg'
import type { Test } from 'tap'

/** A pool on a database of the test's own, migrated and without rows (no accounts), dropped when `t` ends. */
export async function accountsDatabase(t: Test, max = 2): Promise<pg.Pool> {
  const database = await createTestDatabase(process.env.DATABASE_URL as string)
  const pool = new pg.Pool({ connectionString: database.url, max })
  t.teardown(async () => {
    // pool.end() resolves before its connections have closed, and the forced drop ends those still
    // closing: the pool reports that as an error, which is nothing here.
    pool.on('error', () => {})
    await pool.end()
    await database.drop()
  })
  return pool
}
