import { randomBytes } from 'node:crypto'
import { verifyPassword } from '@labtrack/db'
import { withSql } from '@labtrack/db-tools'
import postgres from 'postgres'
import t from 'tap'
import { setupDatabase } from '../src/setup.js'
import { APPLIED_ALL, LATEST_VERSION, newDatabaseUrl } from './cli-database.js'

const adminUrl = process.env.DATABASE_URL as string
const ADMIN_PASSWORD = 'the admin password here'

t.test('a database that does not exist yet: created, migrated, its first admin', async (t) => {
  const url = newDatabaseUrl(t)
  t.strictSame(await setupDatabase(url, {}, { LABTRACK_ADMIN_PASSWORD: ADMIN_PASSWORD }), [
    `${APPLIED_ALL}: created the tables`,
    'created the first user: admin, with the password LABTRACK_ADMIN_PASSWORD gives',
  ])
  await withSql(url, async (sql) => {
    const [admin] = await sql`SELECT password_hash FROM account WHERE name = 'admin'`
    t.equal(await verifyPassword(ADMIN_PASSWORD, admin?.password_hash), true)
    const [counts] =
      await sql`SELECT (SELECT count(*)::int FROM site) AS sites, (SELECT max(version)::int FROM labtrack_migrations) AS version`
    t.strictSame({ ...counts }, { sites: 0, version: LATEST_VERSION }, 'every migration, no example rows')
  })
  t.strictSame(
    await setupDatabase(url, {}, {}),
    [`database schema up to date (version ${LATEST_VERSION})`],
    'again: nothing to do',
  )
})

t.test('with --example-data, a new database gets the example rows', async (t) => {
  const url = newDatabaseUrl(t)
  const lines = await setupDatabase(url, { exampleData: true }, { LABTRACK_ADMIN_PASSWORD: ADMIN_PASSWORD })
  t.equal(lines[0], `${APPLIED_ALL}: created the tables and the example data`)
  const [row] = await withSql(url, (sql) => sql`SELECT count(*)::int AS sites FROM site`)
  t.ok((row?.sites as number) > 0)
})

t.test('with LABTRACK_APP_USER and LABTRACK_APP_PASSWORD, the services role exists and may only use rows', async (t) => {
  const url = newDatabaseUrl(t)
  const role = { name: `labtrack_cli_app_${process.pid}_${randomBytes(3).toString('hex')}`, password: 'app role password' }
  // The database first, with what it granted: a role can be dropped only once nothing refers to it.
  t.teardown(() =>
    withSql(adminUrl, async (sql) => {
      await sql`DROP DATABASE IF EXISTS ${sql(new URL(url).pathname.slice(1))} WITH (FORCE)`
      await sql`DROP ROLE IF EXISTS ${sql(role.name)}`
    }),
  )
  const env = { LABTRACK_APP_USER: role.name, LABTRACK_APP_PASSWORD: role.password, LABTRACK_ADMIN_PASSWORD: ADMIN_PASSWORD }
  t.strictSame(await setupDatabase(url, {}, env), [
    `${APPLIED_ALL}: created the tables`,
    `role ${role.name} may read and write the rows, nothing else`,
    'created the first user: admin, with the password LABTRACK_ADMIN_PASSWORD gives',
  ])
  const app = postgres(url, { username: role.name, password: role.password, max: 1, onnotice: () => {} })
  t.teardown(() => app.end({ timeout: 5 }))
  t.strictSame([...(await app`SELECT name, role FROM account`)], [{ name: 'admin', role: 'admin' }], 'it reads the rows')
  await t.rejects(app`CREATE TABLE intruder (id int)`, { code: '42501' }, 'and cannot change the schema')
  t.strictSame(await setupDatabase(url, {}, env), [
    `database schema up to date (version ${LATEST_VERSION})`,
    `role ${role.name} may read and write the rows, nothing else`,
  ])
  await t.rejects(setupDatabase(url, {}, { LABTRACK_APP_USER: role.name }), { message: /go together/ }, 'half of the pair')
})
