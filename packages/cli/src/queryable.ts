import { type Queryable, statementText } from '@labtrack/db'
import type postgres from 'postgres'

/**
 * @labtrack/db's functions take a `pg`-like `query(text, values)` or
 * `query({ name, text, values })`; the tooling speaks postgres.js (which
 * prepares statements itself). This lets the CLI run the same statements.
 */
export function queryableOf(sql: postgres.Sql): Queryable {
  return {
    query: async (statement, given) => {
      const values = typeof statement === 'string' ? given : statement.values
      try {
        const rows = await sql.unsafe(statementText(statement), (values ?? []) as postgres.ParameterOrJSON<never>[])
        return { rows: [...rows], rowCount: rows.count, command: rows.command, oid: 0, fields: [] } as never
      } catch (error) {
        // pg calls the violated constraint `constraint`, postgres.js `constraint_name`; @labtrack/db
        // reads pg's to say what is taken ("a user with this name already exists").
        throw Object.assign(error as object, { constraint: (error as { constraint_name?: string }).constraint_name })
      }
    },
  }
}
