import { toDbError } from '@labtrack/db'
import type { FastifyRequest } from 'fastify'
import type { PoolClient } from 'pg'
import { actorLabel } from './auth/actor.js'

/** What withActor needs of the pool: @fastify/postgres' `app.pg`, or a pg Pool. */
export interface Connecting {
  connect(): Promise<PoolClient>
}

/**
 * Runs `work` in one transaction that first names who makes the change and in
 * which request (the settings labtrack.actor and labtrack.request_id, local to
 * the transaction), so the history the database's triggers write says so.
 * Commits when `work` resolves, rolls back when it throws; errors of the
 * transaction itself come out as DbError, like those of the query functions.
 */
export async function withActor<T>(
  pool: Connecting,
  request: FastifyRequest,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => Promise.reject(toDbError(error)))
  // A connection lost while checked out also emits 'error' on the client, which would crash the
  // process unheard; the query in flight rejects with it too, and that is what the caller hears.
  const lost = () => {}
  client.on('error', lost)
  const release = (error?: Error) => {
    client.off('error', lost)
    client.release(error)
  }
  try {
    await client.query('BEGIN')
    await client.query("SELECT set_config('labtrack.actor', $1, true), set_config('labtrack.request_id', $2, true)", [
      actorLabel(request.actor),
      request.id,
    ])
    const result = await work(client)
    await client.query('COMMIT')
    release()
    return result
  } catch (error) {
    // A connection that cannot even roll back is broken: released with the error, the pool drops it.
    await client.query('ROLLBACK').then(
      () => release(),
      (broken: Error) => release(broken),
    )
    throw toDbError(error)
  }
}
