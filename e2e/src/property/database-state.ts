import type { connect } from '@labtrack/db-tools'
import type { KnownRow } from './row-ref.js'

type Sql = ReturnType<typeof connect>

/** What the suite reads of the database after every request. */
export interface DatabaseState {
  /** A checksum of every row of each table: equal checksums, unchanged rows. */
  checksums: Record<string, string>
  /** The id and version of every row of each table that has an id. */
  rows: Record<string, KnownRow[]>
}

// Bookkeeping written on the side of a request, not by it (a token's or
// session's last use is recorded at most once a minute, after the answer):
// left out of the checksums. The migrations' own record never changes.
const VOLATILE_COLUMNS = new Set(['last_used_at', 'last_seen_at'])
const SKIPPED_TABLES = new Set(['labtrack_migrations'])

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

/**
 * One statement that reads the state of every table of the schema (a new
 * table, e.g. a history, is covered without a change here). Built once from
 * the catalog: its identifiers come from there, never from a request.
 */
export async function databaseStateReader(sql: Sql): Promise<() => Promise<DatabaseState>> {
  const columns = await sql<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`
  const tables = new Map<string, string[]>()
  for (const { table_name, column_name } of columns) {
    if (SKIPPED_TABLES.has(table_name)) continue
    tables.set(table_name, [...(tables.get(table_name) ?? []), column_name])
  }
  const selects = [...tables].map(([table, names]) => {
    const row = `row(${names
      .filter((name) => !VOLATILE_COLUMNS.has(name))
      .map(quoted)
      .join(', ')})::text`
    const ids = names.includes('id')
      ? `(SELECT coalesce(json_agg(json_build_array(id, xmin::text) ORDER BY id), '[]') FROM ${quoted(table)})`
      : `'[]'::json`
    return `SELECT '${table.replaceAll("'", "''")}'::text AS name,
              (SELECT md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) FROM ${quoted(table)}) AS checksum,
              ${ids} AS ids`
  })
  const statement = selects.join('\nUNION ALL\n')
  return async () => {
    const found = await sql.unsafe<{ name: string; checksum: string; ids: [number, string][] }[]>(statement)
    const state: DatabaseState = { checksums: {}, rows: {} }
    for (const { name, checksum, ids } of found) {
      state.checksums[name] = checksum
      state.rows[name] = ids.map(([id, version]) => ({ id, version }))
    }
    return state
  }
}

/** The tables whose rows differ between two states. */
export function changedTables(before: DatabaseState, after: DatabaseState): string[] {
  return Object.keys({ ...before.checksums, ...after.checksums }).filter(
    (table) => before.checksums[table] !== after.checksums[table],
  )
}
