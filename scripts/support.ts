import { queryableOf } from '@labtrack/cli'
import { createAccount, createApiToken } from '@labtrack/db'
import { createTestDatabase, MOCK_DATA_SQL, type TestDatabase, withSql } from '@labtrack/db-tools'
import { probePort } from '../packages/launcher/src/stack/net.js'

// What the measuring scripts (rss, measure-prepared, profile-site, the start times) share.

/** A port nothing listens on now, on loopback. */
export const freePort = (): Promise<number> => probePort('127.0.0.1', 0)

/** A database of its own on `adminUrl` with the example rows, and a viewer's token for the requests. */
export async function exampleDatabaseWithToken(adminUrl: string): Promise<{ database: TestDatabase; token: string }> {
  const database = await createTestDatabase(adminUrl)
  const token = await withSql(database.url, async (sql) => {
    await sql.file(MOCK_DATA_SQL)
    const db = queryableOf(sql)
    const account = await createAccount(db, { name: 'bench', role: 'viewer', password: 'a password for the bench' })
    return (await createApiToken(db, { name: 'bench', role: 'viewer', account })).token
  })
  return { database, token }
}
