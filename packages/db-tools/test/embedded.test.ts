import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import {
  embeddedDataDir,
  openLocalDatabase,
  openThrowawayServer,
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
  withSql,
} from '../src/index.js'

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-embedded-test-'))
  // As root the cluster runs as `postgres`, which must reach the folder.
  await chmod(dir, 0o755)
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

t.test('an embedded cluster keeps its data across a restart and refuses a second user', async (t) => {
  const dataDir = join(await tempDir(), 'pg')
  const lines: string[] = []
  const first = await startEmbeddedPostgres(dataDir, { log: (line) => lines.push(line) })
  await withSql(first.url(), async (sql) => {
    await sql`CREATE TABLE kept (v text)`
    await sql`INSERT INTO kept VALUES ('still here')`
  })
  t.ok(lines.length > 0, 'initdb and postgres output goes to the log function')
  await t.rejects(startEmbeddedPostgres(dataDir), /another process .* is using it/, 'one cluster, one user')
  await first.stop()

  const second = await startEmbeddedPostgres(dataDir)
  t.teardown(() => second.stop())
  t.not(second.url(), first.url().replace(/:\d+\//, ':0/'), 'a free port each start')
  const rows = await withSql(second.url(), (sql) => sql`SELECT v FROM kept`)
  t.strictSame([...rows], [{ v: 'still here' }])
  t.match(second.url('labtrack'), /^postgres:\/\/labtrack:labtrack@127\.0\.0\.1:\d+\/labtrack$/)
})

t.test('a folder the cluster cannot use is a clear error', async (t) => {
  const broken = join(await tempDir(), 'broken')
  await mkdir(broken)
  // Looks initialised (PG_VERSION) but holds no cluster: the start fails and says why.
  await writeFile(join(broken, 'PG_VERSION'), '18\n')
  await chmod(broken, 0o777)
  await t.rejects(startEmbeddedPostgres(broken), /^the embedded PostgreSQL in .*broken did not start: .*postgresql\.conf/)
  await t.rejects(startEmbeddedPostgres('/dev/null/pg'), /^could not create the embedded PostgreSQL in \/dev\/null\/pg: /)
})

t.test('openLocalDatabase: DATABASE_URL when set, else the embedded cluster under LABTRACK_DATA_DIR', async (t) => {
  const given = await openLocalDatabase({ DATABASE_URL: 'postgres://u@h/d' })
  t.strictSame({ url: given.url, description: given.description }, { url: 'postgres://u@h/d', description: 'DATABASE_URL' })
  await given.stop()

  t.match(embeddedDataDir({}), /\/\.data\/postgres$/)
  const dataDir = await tempDir()
  t.equal(embeddedDataDir({ LABTRACK_DATA_DIR: dataDir }), join(dataDir, 'postgres'))
  const embedded = await openLocalDatabase({ LABTRACK_DATA_DIR: dataDir }, () => {})
  t.teardown(() => embedded.stop())
  t.equal(embedded.description, `the embedded database in ${join(dataDir, 'postgres')}`)
  t.match(embedded.url, /\/labtrack$/)
})

t.test('a throw-away server: DATABASE_URL untouched, else a temporary cluster removed on stop', async (t) => {
  const given = await openThrowawayServer({ DATABASE_URL: 'postgres://u@h/postgres' })
  t.equal(given.adminUrl, 'postgres://u@h/postgres')
  await given.stop()

  const server = await openThrowawayServer({})
  const [row] = await withSql(server.adminUrl, (sql) => sql`SELECT current_database() AS name`)
  t.equal(row?.name, 'postgres')
  const dataDir = (await withSql(server.adminUrl, (sql) => sql`SHOW data_directory`))[0]?.data_directory as string
  await server.stop()
  t.notOk(existsSync(dataDir), 'its folder is gone')
})

t.test('as root, a data folder under a private folder is made reachable, and the log says so', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-private-data-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const lines: string[] = []
  const cluster = await startEmbeddedPostgres(join(dir, 'pg'), { persistent: false, notice: (line) => lines.push(line) })
  await cluster.stop()
  t.ok(
    lines.includes(
      `labtrack: gave others the search (x) permission on ${dir} so the postgres user can reach the embedded PostgreSQL`,
    ),
    'the change is logged',
  )
})

t.test('a cluster another process started is found and used, and left running', async (t) => {
  const root = await tempDir()
  const dataDir = join(root, 'postgres')
  t.equal(await runningEmbeddedPostgres(dataDir), undefined, 'nothing runs there yet')
  const cluster = await startEmbeddedPostgres(dataDir)
  t.teardown(() => cluster.stop())
  const found = await runningEmbeddedPostgres(dataDir, 'postgres')
  t.strictSame(found, { url: cluster.url(), socketUrl: cluster.socketUrl() }, 'the same port, from postmaster.pid')
  const local = await openLocalDatabase({ LABTRACK_DATA_DIR: root })
  t.match(local.description, /^the running embedded database in /)
  await local.stop()
  const rows = await withSql(cluster.url(), (sql) => sql`SELECT 1 AS one`)
  t.strictSame([...rows], [{ one: 1 }], 'stopping the borrower leaves the cluster running')

  const stale = join(root, 'stale')
  await mkdir(stale)
  await writeFile(join(stale, 'postmaster.pid'), '999999999\n/x\n0\n5432\n')
  t.equal(await runningEmbeddedPostgres(stale), undefined, 'a pid file of a process that is gone')
  await writeFile(join(stale, 'postmaster.pid'), 'garbage\n')
  t.equal(await runningEmbeddedPostgres(stale), undefined, 'a pid file that is not one')
})

t.test('a cluster still starting or already stopping is waited for: ready, it is used; gone, it is not there', async (t) => {
  const dataDir = await tempDir()
  const pidFile = join(dataDir, 'postmaster.pid')
  // This test's own process stands in for the postmaster: alive while the file names it.
  const pidFileSaying = (status: string) =>
    `${process.pid}\n${dataDir}\n1700000000\n54321\n${dataDir}\n127.0.0.1\n0 0\n${status}\n`
  const later = (ms: number, change: () => Promise<void>) => new Promise((resolve) => setTimeout(resolve, ms)).then(change)

  await writeFile(pidFile, pidFileSaying('ready   '))
  t.match(await runningEmbeddedPostgres(dataDir), { url: /:54321\// }, 'ready: used at once')
  await writeFile(pidFile, `${process.pid}\n${dataDir}\n1700000000\n54321\n`)
  t.match(await runningEmbeddedPostgres(dataDir), { url: /:54321\// }, 'no status line (before PostgreSQL 10): used at once')

  await writeFile(pidFile, pidFileSaying('stopping'))
  let began = Date.now()
  const [gone] = await Promise.all([runningEmbeddedPostgres(dataDir), later(400, () => unlink(pidFile))])
  t.equal(gone, undefined, 'stopping, then gone: not there, so the caller starts its own')
  t.ok(Date.now() - began >= 400, 'it waited for the stop')

  await writeFile(pidFile, pidFileSaying('starting'))
  began = Date.now()
  const [ready] = await Promise.all([
    runningEmbeddedPostgres(dataDir),
    later(400, () => writeFile(pidFile, pidFileSaying('ready   '))),
  ])
  t.match(ready, { url: /:54321\// }, 'starting, then ready: used')
  t.ok(Date.now() - began >= 400, 'it waited for the start')

  await writeFile(pidFile, pidFileSaying('stopping'))
  t.match(
    await runningEmbeddedPostgres(dataDir, 'postgres', 300),
    { url: /:54321\// },
    'still stopping after the wait: taken as it is',
  )
})
