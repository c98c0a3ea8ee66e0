// A row's version, for optimistic concurrency (ETags, If-Match).
//
// It is PostgreSQL's `xmin` system column: the id of the transaction that
// wrote the row as it now stands. Every INSERT and UPDATE writes a new row
// version with the writer's transaction id, so the version changes on every
// write, with no column, trigger or migration; it survives VACUUM (freezing
// keeps the raw xmin), VACUUM FULL, CLUSTER and pg_upgrade. A table rewrite by
// ALTER TABLE, or a dump and restore, gives every row a new version: clients
// holding an old one are refused once (412) and read the row again, which is
// safe. The transaction counter wraps after 2^32 transactions, so a version
// could only come back after billions of writes.

/** The SQL of a row's version, as text (compared with the tags a client sends, never cast from them). */
export const VERSION_SQL = 'xmin::text'

/** The alias the version is read under: a column of a user table cannot be named xmin, so it hides none. */
export const VERSION_ALIAS = 'xmin'

/** A row and its version: the version changes whenever the row is written. */
export interface Versioned<T> {
  row: T
  version: string
}

/** Why a write did not happen: no row has the id, or its version is none of those the write allowed. */
export type Refusal = 'missing' | 'changed'

/** Splits the version a statement read under VERSION_ALIAS off the row. */
export function versioned<T>(found: Record<string, unknown>): Versioned<T> {
  const { [VERSION_ALIAS]: version, ...row } = found
  return { row: row as T, version: version as string }
}
