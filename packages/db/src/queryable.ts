import type { QueryResult, QueryResultRow } from 'pg'
import { toDbError } from './errors.js'
import type { Page, PageOf } from './schemas/common.js'

/** What the query functions need: a `pg` Pool or PoolClient. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>
}

/** Runs one statement; driver errors come out as DbError. */
export async function run<R extends QueryResultRow>(
  db: Queryable,
  text: string,
  values: unknown[],
  subjects: Record<string, string> = {},
): Promise<R[]> {
  try {
    const result = await db.query<R>(text, values)
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
