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

/**
 * Runs postgres_scripts/create_tables.sql: drops and recreates the four tables,
 * the whole schema in one file (the seed's way; migrations are the other way to
 * the same schema, which the catalog test checks).
 */
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

/** Whether any of labtrack's tables (or its migration history) exists: false means a brand-new database. */
export async function hasLabtrackTables(sql: Runner): Promise<boolean> {
  const [row] = await sql<{ found: boolean }[]>`
    SELECT EXISTS (SELECT FROM pg_class WHERE relnamespace = 'public'::regnamespace
                   AND relname IN ('site', 'freezer', 'computer', 'container', 'labtrack_migrations')) AS found`
  return row?.found === true
}
