import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { createTestDatabase, ensureDatabase, hasLabtrackTables, loadExampleData, prepareDatabase, withSql } from '../src/index.js'

const adminUrl = process.env.DATABASE_URL as string
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

function urlOf(name: string) {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.href
}

t.test('prepareDatabase creates the database, the tables and the example rows once', async (t) => {
  const name = `labtrack_prepare_${process.pid}`
  t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  t.equal(await prepareDatabase(urlOf(name)), 'created')
  await withSql(urlOf(name), async (sql) => {
    t.equal((await sql`SELECT count(*)::int AS n FROM site`)[0]?.n, 3)
    await sql`DELETE FROM container`
  })
  t.equal(await prepareDatabase(urlOf(name)), 'existing', 'a second start leaves the data alone')
  await withSql(urlOf(name), async (sql) => {
    t.equal((await sql`SELECT count(*)::int AS n FROM container`)[0]?.n, 0, 'nothing re-seeded')
  })
})

t.test('ensureDatabase needs a database name', async (t) => {
  const url = new URL(adminUrl)
  url.pathname = '/'
  await t.rejects(ensureDatabase(url.href), /names no database/)
})

t.test('loadExampleData refuses a database that holds rows', async (t) => {
  const database = await createTestDatabase(adminUrl)
  t.teardown(() => database.drop())
  await withSql(database.url, async (sql) => {
    t.equal(await hasLabtrackTables(sql), true)
    await loadExampleData(sql)
    await t.rejects(loadExampleData(sql), /already holds rows: run "pnpm db:reset" first/)
  })
})

async function cli(args: string[], databaseUrl: string, extraEnv: Record<string, string> = {}) {
  // The test's own loader flags: the child compiles TypeScript the same way, so its coverage merges.
  const child = spawn(process.execPath, [...process.execArgv, CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...extraEnv },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const [code] = await once(child, 'exit')
  return { code, output }
}

t.test('pnpm db:reset and db:seed on DATABASE_URL', async (t) => {
  const name = `labtrack_cli_${process.pid}`
  t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  const reset = await cli(['reset'], urlOf(name))
  t.equal(reset.code, 0, reset.output)
  t.match(reset.output, /tables dropped and created empty \(DATABASE_URL\)/)
  const seed = await cli(['seed'], urlOf(name))
  t.equal(seed.code, 0, seed.output)
  await withSql(urlOf(name), async (sql) => t.equal((await sql`SELECT count(*)::int AS n FROM freezer`)[0]?.n, 2))
  const again = await cli(['seed'], urlOf(name))
  t.equal(again.code, 1)
  t.match(again.output, /db:seed failed: the database already holds rows/)
  t.equal((await cli([], urlOf(name))).code, 2, 'no command')
  const usage = await cli(['nonsense'], urlOf(name))
  t.equal(usage.code, 2)
  t.match(usage.output, /usage: cli.ts reset\|seed/)
  await cli(['reset'], urlOf(name))
  await withSql(urlOf(name), async (sql) => t.equal((await sql`SELECT count(*)::int AS n FROM site`)[0]?.n, 0, 'reset empties'))
})

t.test('without DATABASE_URL the tools use the embedded cluster, and say so when it cannot start', async (t) => {
  const broken = await cli(['reset'], '', { LABTRACK_DATA_DIR: '/dev/null' })
  t.equal(broken.code, 1)
  t.match(broken.output, /^labtrack: could not create the embedded PostgreSQL in \/dev\/null\/postgres/m)
})
