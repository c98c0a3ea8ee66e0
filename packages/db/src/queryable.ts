import { createHash } from 'node:crypto'
import type { QueryResult, QueryResultRow } from 'pg'
import { toDbError } from './errors.js'
import type { Page, PageOf } from './schemas/common.js'

/** One statement as `pg` takes it; with a name, a prepared statement of each connection. */
export interface Statement {
  name?: string
  text: string
  values?: unknown[]
}

/** What the query functions need: a `pg` Pool or PoolClient (which take a statement's text or the statement). */
export interface Queryable {
  query<R extends QueryResultRow>(statement: string | Statement, values?: unknown[]): Promise<QueryResult<R>>
}

/** The text of what a Queryable was given, for stand-ins that read it. */
export const statementText = (statement: string | Statement): string =>
  typeof statement === 'string' ? statement : statement.text

// A named statement is parsed and planned once per connection, then only bound
// and executed: about twice the database's throughput of the unnamed protocol.
// The name is a hash of the text, so one text has one name on every connection.
// Each connection keeps its prepared statements until it closes, so the names
// are bounded: the first MAX_NAMED distinct texts of the process are named,
// any later one runs unnamed (lists can combine filters and sort keys into
// more texts than are worth keeping).
export const MAX_NAMED = 500
const names = new Map<string, string | undefined>()

function nameOf(text: string): string | undefined {
  if (names.has(text)) return names.get(text)
  const name = names.size < MAX_NAMED ? `labtrack_${createHash('sha1').update(text).digest('hex').slice(0, 20)}` : undefined
  names.set(text, name)
  return name
}

// "cached plan must not change result type": a statement whose columns come
// from the table's current shape (`*`), prepared before a migration changed that
// shape, fails on the connections that prepared it, each time. Such a text runs
// unnamed from then on.
const RESULT_TYPE_CHANGED = '0A000'

/** Runs one statement, named (see above); driver errors come out as DbError. */
export async function run<R extends QueryResultRow>(
  db: Queryable,
  text: string,
  values: unknown[],
  subjects: Record<string, string> = {},
): Promise<R[]> {
  try {
    const name = nameOf(text)
    const result = await db.query<R>(name ? { name, text, values } : { text, values }).catch((error: { code?: string }) => {
      if (!name || error.code !== RESULT_TYPE_CHANGED) throw error
      names.set(text, undefined)
      return db.query<R>({ text, values })
    })
    return result.rows
  } catch (error) {
    throw toDbError(error, subjects)
  }
}

/** The first row, or undefined when the statement matched none. */
export async function first<R extends QueryResultRow>(db: Queryable, text: string, values: unknown[]): Promise<R | undefined> {
  const rows = await run<R>(db, text, values)
  return rows[0]
}

/**
 * Runs a list statement whose last two parameters are LIMIT and OFFSET, asking
 * for one row more than the page so the caller knows whether a next page exists.
 */
export async function page<R extends QueryResultRow>(
  db: Queryable,
  text: string,
  values: unknown[],
  { limit, offset }: Page,
): Promise<PageOf<R>> {
  const rows = await run<R>(db, text, [...values, limit + 1, offset])
  const hasMore = rows.length > limit
  if (hasMore) rows.pop()
  return { rows, hasMore }
}
