import postgres from 'postgres'
import { CREATE_TABLES_SQL, MOCK_DATA_SQL } from './paths.js'

type Sql = postgres.Sql
/** A connection or a transaction: what the script runners need. */
type Runner = postgres.Sql | postgres.TransactionSql

/** A postgres.js connection for tooling: one connection, notices silenced. */
export function connect(url: string): Sql {
  return postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 })
}

/** Runs `fn` with a connection that is closed afterwards, whatever happens. */
export async function withSql<T>(url: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = connect(url)
  try {
    return await fn(sql)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/** Creates the database a URL names when the server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!name) throw new Error('DATABASE_URL names no database')
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  await withSql(maintenance.href, async (sql) => {
    const [found] = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`
    if (!found) await sql`CREATE DATABASE ${sql(name)}`
  })
}

/** Drops and recreates every labtrack table from postgres_scripts/create_tables.sql. */
export function applySchema(sql: Runner): Promise<unknown> {
  return sql.file(CREATE_TABLES_SQL)
}

/** Loads postgres_scripts/mock_data.sql; refuses when the tables already hold rows. */
export async function loadExampleData(sql: Runner): Promise<void> {
  const [row] = await sql<{ rows: number }[]>`
    SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM freezer)
         + (SELECT count(*) FROM computer) + (SELECT count(*) FROM container) AS rows`
  if (Number(row?.rows) > 0) throw new Error('the database already holds rows: run "pnpm db:reset" first')
  await sql.file(MOCK_DATA_SQL)
}

/** Whether labtrack's tables exist (so a first start knows to create them). */
export async function hasLabtrackTables(sql: Runner): Promise<boolean> {
  const [row] = await sql<{ found: boolean }[]>`SELECT to_regclass('public.site') IS NOT NULL AS found`
  return row?.found === true
}

/** Creates the schema and the example rows on a database that has no labtrack tables; leaves any other alone. */
export async function prepareDatabase(url: string): Promise<'created' | 'existing'> {
  await ensureDatabase(url)
  return withSql(url, async (sql) => {
    if (await hasLabtrackTables(sql)) return 'existing'
    await sql.begin(async (tx) => {
      await applySchema(tx)
      await loadExampleData(tx)
    })
    return 'created'
  })
}
