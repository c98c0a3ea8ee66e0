import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import t, { type Test } from 'tap'
import { type AppRole, appRoleFromEnv, ensureAppRole, quoteIdentifier, quoteLiteral } from '../src/app-role.js'
import { MIGRATIONS_TABLE, migrate, withSql } from '../src/index.js'

// The services' role in production: it reads and writes rows, and can do
// nothing else. Against the run's real PostgreSQL, whose DATABASE_URL is a
// superuser that plays the owner here.
const adminUrl = process.env.DATABASE_URL as string
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
// Everything a literal or a name could be broken out of with.
const HOSTILE = `p'; DROP TABLE site; -- \\' \\\\ $$ $x$ " \` \n\t %s ${'é'}\u00a0終`

const unique = () => `${process.pid}_${randomBytes(3).toString('hex')}`

/**
 * A database of its own, named with a dot (which postgres.js's sql(name) would split), migrated by the
 * owner; and roles named for the test. Dropped afterwards: the database first,
 * with what it granted them, then the roles (they belong to the whole cluster).
 */
async function ownDatabase(t: Test) {
  const name = `labtrack.app_role_${unique()}`
  const roles: string[] = []
  await withSql(adminUrl, (sql) => sql.unsafe(`CREATE DATABASE ${quoteIdentifier(name)}`))
  t.teardown(() =>
    withSql(adminUrl, async (sql) => {
      await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)
      for (const role of roles) await sql.unsafe(`DROP ROLE IF EXISTS ${quoteIdentifier(role)}`)
    }),
  )
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  await migrate(url.href)
  const role = (prefix: string): AppRole => {
    roles.push(`${prefix}_${unique()}`)
    return { name: roles.at(-1) as string, password: HOSTILE }
  }
  return { url: url.href, role }
}

/** Runs `fn` connected as `role` to the database at `url`. */
async function as<T>(url: string, role: AppRole, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { username: role.name, password: role.password, max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    return await fn(sql)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: { code?: string; message: string }) => error.code ?? error.message,
  )

t.test('quoting: what PostgreSQL reads back is the text itself', async (t) => {
  await withSql(adminUrl, async (sql) => {
    for (const conforming of ['on', 'off']) {
      await sql.unsafe(`SET standard_conforming_strings = ${conforming}`)
      const [row] = await sql.unsafe(`SELECT ${quoteLiteral(HOSTILE)} AS text`)
      t.equal(row?.text, HOSTILE, `a literal, standard_conforming_strings = ${conforming}`)
    }
    const [row] = await sql.unsafe(`SELECT 1 AS ${quoteIdentifier(HOSTILE)}`)
    t.same(Object.keys(row ?? {}), [HOSTILE], 'a name')
  })
  t.throws(() => quoteLiteral('a\0b'), /cannot hold a NUL/)
  t.throws(() => quoteIdentifier('a\0b'), /cannot hold a NUL/)
})

t.test('LABTRACK_APP_USER and LABTRACK_APP_PASSWORD', async (t) => {
  t.equal(appRoleFromEnv({}), undefined, 'neither: no role to prepare')
  t.same(appRoleFromEnv({ LABTRACK_APP_USER: 'app', LABTRACK_APP_PASSWORD: 'secret' }), { name: 'app', password: 'secret' })
  t.throws(() => appRoleFromEnv({ LABTRACK_APP_USER: 'app' }), /go together: set both or neither/)
  t.throws(() => appRoleFromEnv({ LABTRACK_APP_PASSWORD: 'secret' }), /go together/)
})

t.test('the role reads and writes rows, and can do nothing else', async (t) => {
  const { url, role: roleNamed } = await ownDatabase(t)
  const role = roleNamed(`app "x".y`)
  t.match(await ensureAppRole(url, role), /^role app "x"\.y_\S+ may read and write the rows, nothing else$/)
  t.match(await ensureAppRole(url, role), /may read and write/, 'twice: the same')

  await as(url, role, async (sql) => {
    const [site] = await sql`INSERT INTO site (name) VALUES ('Site of the app') RETURNING id`
    t.ok(site?.id, 'INSERT, with the identity column')
    t.equal((await sql`UPDATE site SET name = 'Renamed' WHERE id = ${site?.id} RETURNING name`)[0]?.name, 'Renamed', 'UPDATE')
    t.equal((await sql`SELECT count(*)::int AS n FROM site`)[0]?.n, 1, 'SELECT')
    t.equal((await sql`DELETE FROM site WHERE id = ${site?.id}`).count, 1, 'DELETE')
    t.equal((await sql`SELECT nextval(pg_get_serial_sequence('site', 'id')) > 0 AS used`)[0]?.used, true, 'USAGE on sequences')

    const denied = '42501'
    t.equal(await refusal(sql`CREATE TABLE intruder (id int)`), denied, 'no CREATE TABLE')
    t.equal(await refusal(sql`CREATE TEMPORARY TABLE intruder (id int)`), denied, 'no temporary tables')
    t.equal(await refusal(sql`DROP TABLE container`), denied, 'no DROP TABLE')
    t.equal(await refusal(sql`ALTER TABLE site ADD COLUMN intruder int`), denied, 'no ALTER TABLE')
    t.equal(await refusal(sql`TRUNCATE site`), denied, 'no TRUNCATE')
    t.equal(await refusal(sql`CREATE INDEX intruder ON site (name)`), denied, 'no CREATE INDEX')
    t.equal(await refusal(sql`CREATE SCHEMA intruder`), denied, 'no CREATE SCHEMA')
    t.equal(await refusal(sql`CREATE ROLE intruder`), denied, 'no CREATE ROLE')
    for (const statement of ['SELECT * FROM', 'DELETE FROM', 'UPDATE', 'INSERT INTO']) {
      const rest = statement === 'UPDATE' ? ' SET name = name' : statement === 'INSERT INTO' ? ' DEFAULT VALUES' : ''
      t.equal(
        await refusal(sql.unsafe(`${statement} ${MIGRATIONS_TABLE}${rest}`)),
        denied,
        `${statement.split(' ')[0]} on ${MIGRATIONS_TABLE}: refused`,
      )
    }
  })
  const [rights] = await withSql(
    url,
    (sql) => sql`
      SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls, r.rolcanlogin,
             has_database_privilege(r.oid, current_database(), 'CREATE') AS create_schemas,
             has_schema_privilege(r.oid, current_schema(), 'CREATE') AS create_tables
      FROM pg_roles r WHERE r.rolname = ${role.name}`,
  )
  t.same(
    rights,
    {
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolreplication: false,
      rolbypassrls: false,
      rolcanlogin: true,
      create_schemas: false,
      create_tables: false,
    },
    'LOGIN and no attribute beyond it',
  )
  await t.rejects(
    as(url, { ...role, password: `${HOSTILE}x` }, (sql) => sql`SELECT 1`),
    /password authentication failed/,
  )
})

t.test('a table a later migration adds is granted on the next run', async (t) => {
  const { url, role: roleNamed } = await ownDatabase(t)
  const role = roleNamed('app')
  await ensureAppRole(url, role)
  await withSql(url, (sql) => sql`CREATE TABLE rack (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text)`)
  t.equal(await refusal(as(url, role, (sql) => sql`SELECT * FROM rack`)), '42501', 'not before')
  await ensureAppRole(url, role)
  await as(url, role, async (sql) => {
    t.equal((await sql`INSERT INTO rack (name) VALUES ('r') RETURNING name`)[0]?.name, 'r', 'after')
  })
})

t.test('an existing role is brought back to data rights only, with the new password', async (t) => {
  const { url, role: roleNamed } = await ownDatabase(t)
  const role = roleNamed('app')
  await withSql(url, async (sql) => {
    await sql.unsafe(`CREATE ROLE ${quoteIdentifier(role.name)} LOGIN CREATEDB PASSWORD 'old'`)
    await sql.unsafe(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${quoteIdentifier(role.name)}`)
    await sql.unsafe(`GRANT CREATE ON SCHEMA public TO ${quoteIdentifier(role.name)}`)
  })
  await ensureAppRole(url, role)
  await as(url, role, async (sql) => {
    t.equal(await refusal(sql.unsafe(`SELECT * FROM ${MIGRATIONS_TABLE}`)), '42501', 'the migration history taken back')
    t.equal(await refusal(sql`TRUNCATE site`), '42501', 'TRUNCATE taken back')
    t.equal(await refusal(sql`CREATE TABLE intruder (id int)`), '42501', 'CREATE on the schema taken back')
    t.equal((await sql`SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user`)[0]?.rolcreatedb, false, 'CREATEDB too')
  })
  await t.rejects(
    as(url, { ...role, password: 'old' }, (sql) => sql`SELECT 1`),
    /password authentication failed/,
  )
})

t.test('refuses to make the owner or a superuser into the services role', async (t) => {
  const { url, role: roleNamed } = await ownDatabase(t)
  const [owner] = await withSql(url, (sql) => sql<{ name: string }[]>`SELECT current_user AS name`)
  await t.rejects(ensureAppRole(url, { name: owner?.name as string, password: 'x' }), /a superuser: the services need a role/)
  const member = roleNamed('owner_member')
  await withSql(url, async (sql) => {
    await sql.unsafe(`CREATE ROLE ${quoteIdentifier(member.name)} LOGIN`)
    await sql.unsafe(`GRANT ${quoteIdentifier(owner?.name as string)} TO ${quoteIdentifier(member.name)}`)
  })
  await t.rejects(ensureAppRole(url, member), /, who owns the tables, or a member of it: the services need a role of their own/)
  await t.rejects(ensureAppRole(url, { name: 'a'.repeat(64), password: 'x' }), /longer than 63 bytes/)
})

t.test('pnpm db:migrate prepares the role when LABTRACK_APP_USER is set', async (t) => {
  const { url, role: roleNamed } = await ownDatabase(t)
  const role = roleNamed('app_cli')
  const cli = async (env: Record<string, string>) => {
    // The test's own loader flags: the child compiles TypeScript the same way, so its coverage merges.
    const child = spawn(process.execPath, [...process.execArgv, CLI, 'migrate'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, ...env },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const [code] = await once(child, 'exit')
    return { code, output }
  }
  const done = await cli({ LABTRACK_APP_USER: role.name, LABTRACK_APP_PASSWORD: role.password })
  t.equal(done.code, 0, done.output)
  t.match(
    done.output,
    /^labtrack: database schema up to date \(version \d+\); role app_cli_\S+ may read and write the rows, nothing else \(DATABASE_URL\)$/m,
  )
  t.equal(await as(url, role, async (sql) => (await sql`SELECT count(*)::int AS n FROM site`)[0]?.n), 0, 'it signs in')
  const half = await cli({ LABTRACK_APP_USER: role.name })
  t.equal(half.code, 1)
  t.match(half.output, /^labtrack: db:migrate failed: LABTRACK_APP_USER and LABTRACK_APP_PASSWORD go together/m)
})
