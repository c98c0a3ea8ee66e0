import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalDatabase, withSql } from '@labtrack/db-tools'
import pg from 'pg'
import t from 'tap'

// pnpm stack and pnpm start give the services (node-pg) the embedded
// cluster's Unix socket, and the tooling (postgres.js) its TCP URL.

const overSocket = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ socket: boolean; database: string }>(
      'SELECT inet_client_addr() IS NULL AS socket, current_database() AS database',
    )
    return rows[0]
  } finally {
    await client.end()
  }
}

t.test('the embedded database: the services reach it through its Unix socket, the tooling over TCP', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'labtrack-service-url-'))
  await chmod(root, 0o755)
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const started = await openLocalDatabase({ LABTRACK_DATA_DIR: root }, () => {})
  t.teardown(() => started.stop())
  // What prepareForServing does first on a new cluster.
  await withSql(started.url.replace(/\/labtrack$/, '/postgres'), (sql) => sql`CREATE DATABASE labtrack`)
  t.match(started.serviceUrl, `${started.url}?host=${encodeURIComponent(join(root, 'postgres'))}`)
  t.strictSame(await overSocket(started.serviceUrl), { socket: true, database: 'labtrack' }, 'node-pg over the socket')
  const [tooling] = await withSql(started.url, (sql) => sql`SELECT inet_client_addr() IS NULL AS socket`)
  t.equal(tooling?.socket, false, 'postgres.js over TCP')

  // A second command finds the running cluster and gets the same two ways in.
  const borrowed = await openLocalDatabase({ LABTRACK_DATA_DIR: root })
  t.strictSame({ url: borrowed.url, serviceUrl: borrowed.serviceUrl }, { url: started.url, serviceUrl: started.serviceUrl })
  t.strictSame(await overSocket(borrowed.serviceUrl), { socket: true, database: 'labtrack' })
  await borrowed.stop()
})

t.test('DATABASE_URL is given to the services as it is', async (t) => {
  const given = await openLocalDatabase({ DATABASE_URL: 'postgres://u@db.example:5433/d' })
  t.equal(given.serviceUrl, 'postgres://u@db.example:5433/d')
  t.equal(given.url, given.serviceUrl)
})
