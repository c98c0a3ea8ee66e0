import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { createTestDatabase, ensureDatabase, hasLabtrackTables, loadExampleData, withSql } from '../src/index.js'

const adminUrl = process.env.DATABASE_URL as string
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

function urlOf(name: string) {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.href
}

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

t.test('pnpm db:migrate, db:reset and db:seed on DATABASE_URL', async (t) => {
  const name = `labtrack_cli_${process.pid}`
  t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  const count = (table: string) =>
    withSql(urlOf(name), async (sql) => (await sql`SELECT count(*)::int AS n FROM ${sql(table)}`)[0]?.n)

  const migrated = await cli(['migrate'], urlOf(name))
  t.equal(migrated.code, 0, migrated.output)
  t.match(
    migrated.output,
    /^labtrack: applied migrations? 1 initial-schema(, \d+ [\w-]+)*: created the tables \(DATABASE_URL\)$/m,
  )
  t.equal(await count('site'), 0, 'db:migrate alone loads no example rows')
  const seed = await cli(['seed'], urlOf(name))
  t.equal(seed.code, 0, seed.output)
  t.equal(await count('freezer'), 2)

  const reset = await cli(['reset'], urlOf(name))
  t.equal(reset.code, 0, reset.output)
  t.match(
    reset.output,
    /^labtrack: tables dropped and created empty; applied migrations? 1 initial-schema(, \d+ [\w-]+)*: created the tables \(DATABASE_URL\)$/m,
  )
  t.equal(await count('site'), 0, 'reset empties')

  await withSql(adminUrl, (sql) => sql`DROP DATABASE ${sql(name)} WITH (FORCE)`)
  const fresh = await cli(['migrate', '--example-data'], urlOf(name))
  t.equal(fresh.code, 0, fresh.output)
  t.match(
    fresh.output,
    /created the tables and the example data \(DATABASE_URL\)$/m,
    'the database created, then prepared as pnpm start does',
  )
  t.equal(await count('site'), 3)
  const rows = await cli(['seed'], urlOf(name))
  t.equal(rows.code, 1)
  t.match(rows.output, /^labtrack: db:seed failed: the database already holds rows: run "pnpm db:reset" first$/m)

  await withSql(urlOf(name), (sql) => sql`UPDATE labtrack_migrations SET md5 = 'edited' WHERE version = 1`)
  const refused = await cli(['migrate'], urlOf(name))
  t.equal(refused.code, 1)
  t.match(refused.output, /^labtrack: db:migrate failed: the migrations failed, nothing was changed: MD5 checksum failed/m)

  for (const args of [[], ['migrate', '--bogus']]) {
    const usage = await cli(args, urlOf(name))
    t.equal(usage.code, 2, `${args.join(' ')}: usage`)
    t.match(usage.output, /usage: cli.ts migrate \[--example-data\] \| reset \| seed/)
  }
})

t.test('without DATABASE_URL the tools use the embedded cluster, and say so when it cannot start', async (t) => {
  const broken = await cli(['reset'], '', { LABTRACK_DATA_DIR: '/dev/null' })
  t.equal(broken.code, 1)
  t.match(broken.output, /^labtrack: could not create the embedded PostgreSQL in \/dev\/null\/postgres/m)
})
