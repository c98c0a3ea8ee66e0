import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { createTestDatabase, MIGRATIONS_DIR, withSql } from '@labtrack/db-tools'
import postgres from 'postgres'
import type { Test } from 'tap'
import { queryableOf } from '../src/queryable.js'
import type { CliContext } from '../src/run.js'

export interface CliDatabase {
  url: string
  /** A connection of the test's own, to arrange rows and check what a command stored. */
  sql: postgres.Sql
  /** A context on this database that answers `password` when a command asks for one. */
  context(password?: string): CliContext & { passwordsAsked: number; opened: number }
}

const adminUrl = () => process.env.DATABASE_URL as string

// Every migration of postgres_scripts/migrations, so that adding one changes no test here.
const MIGRATIONS = (await readdir(MIGRATIONS_DIR))
  .map((file) => /^(\d+)\.do\.(.+)\.sql$/.exec(file))
  .filter((match) => match !== null)
  .map((match) => ({ version: Number(match[1]), name: match[2] as string }))
  .sort((a, b) => a.version - b.version)
/** What a run on a new database says it applied: "applied migrations 1 initial-schema, 2 accounts, …". */
export const APPLIED_ALL = `applied migrations ${MIGRATIONS.map(({ version, name }) => `${version} ${name}`).join(', ')}`
/** The schema version after every migration. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version as number

/** The URL of a database no one has created yet, dropped (if it was made) when `t` ends. */
export function newDatabaseUrl(t: Test): string {
  const name = `labtrack_cli_${process.pid}_${randomBytes(4).toString('hex')}`
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  t.teardown(() => withSql(adminUrl(), (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  return url.href
}

/** A context for runCli as main.ts makes it, on `url`. */
export function contextOn(url: string, password = 'a long enough password') {
  const context = {
    passwordsAsked: 0,
    opened: 0,
    readPassword: async () => {
      context.passwordsAsked++
      return password
    },
    withDatabase: <T>(fn: (db: ReturnType<typeof queryableOf>, url: string) => Promise<T>) => {
      context.opened++
      return withSql(url, (sql) => fn(queryableOf(sql), url))
    },
  }
  return context
}

/** A migrated database without rows of the test's own, dropped when `t` ends. */
export async function cliDatabase(t: Test): Promise<CliDatabase> {
  const database = await createTestDatabase(adminUrl())
  const sql = postgres(database.url, { max: 1, onnotice: () => {} })
  t.teardown(async () => {
    await sql.end({ timeout: 5 })
    await database.drop()
  })
  return { url: database.url, sql, context: (password) => contextOn(database.url, password) }
}
