import type { Queryable } from '@labtrack/db'
import type postgres from 'postgres'

/**
 * @labtrack/db's functions take a `pg`-like `query(text, values)`; the
 * tooling speaks postgres.js. This lets the CLI run the same statements.
 */
export function queryableOf(sql: postgres.Sql): Queryable {
  return {
    query: async (text, values = []) => {
      const rows = await sql.unsafe(text, values as postgres.ParameterOrJSON<never>[])
      return { rows: [...rows], rowCount: rows.count, command: rows.command, oid: 0, fields: [] } as never
    },
  }
}
