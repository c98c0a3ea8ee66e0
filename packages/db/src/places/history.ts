import { type Queryable, run } from '../queryable.js'
import type { ContainerEvent } from './schemas.js'

export interface HistoryPage {
  limit: number
  /** Only events older than this one (the keyset cursor of the previous page's last event). */
  after?: number | undefined
}

export interface EventPage {
  rows: ContainerEvent[]
  /** The id to continue after, when there are older events. */
  next: number | null
}

const COLUMNS = 'id, at, actor, action, changes, request_id, container_id, container_uuid'

// Each freezer branch reads the freezer id from a subquery the planner may not fold (OFFSET 0), not as a
// bound constant: it then estimates the rows from the number of freezers, not from how common this one is,
// and walks the (freezer_*, id) index backwards a page long, not the primary key past other freezers' events.

/** Runs a newest-first statement whose last two parameters are the cursor and the limit; asks for one more to know if a next page exists. */
async function eventPage(db: Queryable, text: string, values: unknown[], { limit, after }: HistoryPage): Promise<EventPage> {
  const rows = await run<ContainerEvent & { id: string }>(db, text, [...values, after ?? null, limit + 1])
  const events = rows.slice(0, limit).map((row) => ({ ...row, id: Number(row.id) }))
  return { rows: events, next: rows.length > limit ? (events.at(-1)?.id as number) : null }
}

/** Whether a row or an event ever named this id: the history of a deleted container is still there. */
async function known(db: Queryable, table: 'container' | 'freezer', column: string, id: number): Promise<boolean> {
  const [found] = await run<{ known: boolean }>(
    db,
    `SELECT EXISTS (SELECT FROM ${table} WHERE id = $1) OR EXISTS (SELECT FROM container_event WHERE ${column} = $1) AS known`,
    [id],
  )
  return found?.known === true
}

/** A container's events, newest first; undefined when no such container ever existed. */
export async function containerHistory(db: Queryable, id: number, page: HistoryPage): Promise<EventPage | undefined> {
  const events = await eventPage(
    db,
    `SELECT ${COLUMNS} FROM container_event WHERE container_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [id],
    page,
  )
  return events.rows.length > 0 || (await known(db, 'container', 'container_id', id)) ? events : undefined
}

/**
 * What entered and left a freezer, newest first: events that brought a container
 * into it (created there, moved in) or took one out (moved away, deleted).
 * Undefined when no such freezer ever existed.
 */
export async function freezerHistory(db: Queryable, freezerId: number, page: HistoryPage): Promise<EventPage | undefined> {
  const branch = (here: string, there: string) =>
    `(SELECT e.* FROM (SELECT $1::int AS id OFFSET 0) AS f CROSS JOIN LATERAL (
        SELECT ${COLUMNS} FROM container_event
        WHERE ${here} = f.id AND ${there} IS DISTINCT FROM f.id AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3
      ) AS e)`
  const events = await eventPage(
    db,
    `${branch('freezer_to', 'freezer_from')} UNION ALL ${branch('freezer_from', 'freezer_to')} ORDER BY id DESC LIMIT $3`,
    [freezerId],
    page,
  )
  return events.rows.length > 0 || (await known(db, 'freezer', 'freezer_to', freezerId)) ? events : undefined
}
