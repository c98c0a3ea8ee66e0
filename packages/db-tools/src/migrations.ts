import { readFile } from 'node:fs/promises'
import Postgrator from 'postgrator'
import type postgres from 'postgres'
import { CREATE_TABLES_SQL, MIGRATIONS_DIR } from './paths.js'
import { ensureDatabase, hasLabtrackTables, loadExampleData, withSql } from './scripts.js'

// The schema's history: plain-SQL files in postgres_scripts/migrations, applied
// in version order by postgrator 8 and recorded in one table. Postgrator rather
// than node-pg-migrate: it takes the .sql files as they are (node-pg-migrate is
// JavaScript-first and brings pg, a second driver), and it has no driver of its
// own — its execQuery hook sends every query through postgres.js, the driver all
// of this tooling is on — so one transaction holds the whole run, bookkeeping
// included, and a failed run leaves nothing behind.

/** Where postgrator records each applied migration (version, name, md5 of the file, run_at). */
export const MIGRATIONS_TABLE = 'labtrack_migrations'

export interface MigrationReport {
  /** The migrations this run applied, in order; none when the schema was up to date. */
  applied: { version: number; name: string }[]
  /** The schema version before the run (0: no migration recorded) and after it. */
  from: number
  to: number
  /** The database had none of labtrack's tables before this run. */
  wasNew: boolean
  /** This run loaded the example rows (only ever into a brand-new database). */
  exampleData: boolean
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError'
}

/**
 * Applies the migrations the database has not had yet, inside `tx`: the caller's
 * transaction, so a failure leaves the database as it was. Concurrent runs wait
 * for each other (an advisory lock), and a database newer than these files is
 * refused. With `exampleData`, a database that had none of labtrack's tables
 * also gets postgres_scripts/mock_data.sql.
 */
export async function migrateWith(tx: postgres.TransactionSql, { exampleData = false } = {}): Promise<MigrationReport> {
  await lockMigrations(tx)
  // postgrator writes run_at as a timestamp without a zone: read it as UTC.
  await tx`SET LOCAL TIME ZONE 'UTC'`
  const wasNew = !(await hasLabtrackTables(tx))
  const postgrator = new Postgrator({
    driver: 'pg',
    migrationPattern: `${escapeGlob(MIGRATIONS_DIR)}/*.sql`,
    schemaTable: MIGRATIONS_TABLE,
    execQuery: async (query) => ({ rows: await tx.unsafe(query) }),
  })
  let running: Postgrator.Migration | undefined
  postgrator.on('migration-started', (migration) => {
    running = migration
  })
  const to = await postgrator.getMaxVersion()
  const from = await postgrator.getDatabaseVersion()
  if (from > to) {
    throw new MigrationError(
      `the database is at schema version ${from}, newer than the migrations here (up to ${to}): run a newer labtrack against it`,
    )
  }
  let applied: Postgrator.Migration[]
  try {
    applied = await postgrator.migrate()
  } catch (error) {
    const what = running ? `migration ${running.version} (${running.name})` : 'the migrations'
    throw new MigrationError(`${what} failed, nothing was changed: ${describeError(error)}`)
  }
  const loadExample = exampleData && wasNew
  if (loadExample) await loadExampleData(tx)
  return { applied: applied.map(({ version, name }) => ({ version, name })), from, to, wasNew, exampleData: loadExample }
}

/** Applies the pending migrations to the database at `url`, in one transaction. */
export function migrate(url: string, options: { exampleData?: boolean } = {}): Promise<MigrationReport> {
  return withSql(url, (sql) => sql.begin((tx) => migrateWith(tx, options)))
}

/**
 * What `pnpm start` and `pnpm stack` do before serving: creates the database when
 * the server lacks it, applies the migrations, and loads the example rows only
 * into a brand-new database. Later starts leave the data alone.
 */
export async function prepareDatabase(url: string): Promise<MigrationReport> {
  await ensureDatabase(url)
  return migrate(url, { exampleData: true })
}

/** `pnpm db:reset`: drops labtrack's tables and their migration history, then applies every migration: empty tables at the latest version. */
export async function resetDatabase(url: string): Promise<MigrationReport> {
  await ensureDatabase(url)
  return withSql(url, (sql) =>
    sql.begin(async (tx) => {
      await lockMigrations(tx)
      const tables: [...string[], string] = [...(await schemaTables()), MIGRATIONS_TABLE]
      await tx`DROP TABLE IF EXISTS ${tx(tables)} CASCADE`
      return migrateWith(tx)
    }),
  )
}

/** The tables the current schema has: those postgres_scripts/create_tables.sql creates. */
export async function schemaTables(): Promise<string[]> {
  const text = await readFile(CREATE_TABLES_SQL, 'utf8')
  return [...text.matchAll(/^CREATE TABLE (\w+)/gm)].map((match) => match[1] as string)
}

/** One line for a log: what a run did. */
export function describeMigration({ applied, from, to, wasNew, exampleData }: MigrationReport): string {
  if (applied.length === 0) return `database schema up to date (version ${to})`
  const list = applied.map(({ version, name }) => `${version} ${name}`).join(', ')
  const effect = wasNew
    ? `created the tables${exampleData ? ' and the example data' : ''}`
    : from === 0
      ? `adopted the existing tables, every row kept (schema version ${to})`
      : `schema version ${from} → ${to}`
  return `applied migration${applied.length > 1 ? 's' : ''} ${list}: ${effect}`
}

// One run at a time per database: a second waits, then finds nothing left to do.
function lockMigrations(tx: postgres.TransactionSql) {
  return tx`SELECT pg_advisory_xact_lock(hashtext('labtrack migrations'))`
}

// postgrator finds its files with a glob pattern: a checkout path must not be read as one.
function escapeGlob(path: string): string {
  return path.replace(/[*?()[\]{}!+@]/g, '\\$&')
}

// PostgreSQL's message and its hint (the migrations' refusals say there what to do).
function describeError(error: unknown): string {
  const { message, hint } = error as { message: string; hint?: string }
  return hint ? `${message}; ${hint}` : message
}
