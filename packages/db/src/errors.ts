/**
 * Every error the query functions raise. Driver errors never leave this
 * package: they are mapped here, in one place, to one of these codes.
 *
 * | code                          | raised when                                                   |
 * | ----------------------------- | ------------------------------------------------------------- |
 * | LABTRACK_DB_CONFLICT          | a unique value (container uuid, computer mac, id) is taken,   |
 * |                               | or a trigger's rule sees a conflict (LT409: position taken…)  |
 * | LABTRACK_DB_UNKNOWN_PARENT    | an insert or update names a site or freezer that is not there |
 * | LABTRACK_DB_STILL_REFERENCED  | a delete is refused because rows still refer to the row       |
 * | LABTRACK_DB_UNPROCESSABLE     | a rule of the schema's triggers refuses a write (LT422)       |
 * | LABTRACK_DB_BAD_INPUT         | Postgres rejects a value (bad text, out-of-range number, …)   |
 * | LABTRACK_DB_UNAVAILABLE       | the database cannot be reached, is shutting down or timed out |
 *
 * Anything else is a bug and is rethrown untouched (the HTTP layer masks it).
 */
export type DbErrorCode =
  | 'LABTRACK_DB_CONFLICT'
  | 'LABTRACK_DB_UNKNOWN_PARENT'
  | 'LABTRACK_DB_STILL_REFERENCED'
  | 'LABTRACK_DB_UNPROCESSABLE'
  | 'LABTRACK_DB_BAD_INPUT'
  | 'LABTRACK_DB_UNAVAILABLE'

export class DbError extends Error {
  override readonly name = 'DbError'
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
  }
}

interface PgError {
  code?: string
  constraint?: string
  detail?: string
}

// SQLSTATEs meaning "the database is not there right now": connection
// exceptions (08), operator intervention (57P0x), too many connections.
const UNAVAILABLE_STATES = /^(0800[0-6]|57P0[1-3]|53300)$/
// Node's socket errors, raised by the driver when it cannot connect.
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'])

/**
 * Maps a driver error to a DbError; returns the error untouched when it is not one we know.
 * `subjects` says what each constraint guards, in words a client understands (from the resource definitions).
 */
export function toDbError(error: unknown, subjects: Record<string, string> = {}): unknown {
  if (error instanceof DbError || typeof error !== 'object' || error === null) return error
  const { code = '', constraint = '' } = error as PgError
  if (code === '23505') {
    return new DbError('LABTRACK_DB_CONFLICT', `${subjects[constraint] ?? 'a row with this value'} already exists`)
  }
  if (code === '23503') {
    // Deletes are refused with a count of what blocks them by the query itself
    // (see deleteRow); a 23503 that reaches here comes from an insert or update.
    return new DbError('LABTRACK_DB_UNKNOWN_PARENT', `${subjects[constraint] ?? 'a parent id'} does not name an existing row`)
  }
  // The triggers' own SQLSTATEs (migration 004): their message is written for the client.
  if (code === 'LT409') return new DbError('LABTRACK_DB_CONFLICT', (error as Error).message)
  if (code === 'LT422') return new DbError('LABTRACK_DB_UNPROCESSABLE', (error as Error).message)
  if (code === '2200H') return new DbError('LABTRACK_DB_CONFLICT', 'no ids are left for new rows')
  if (code.startsWith('22') || code === '23514' || code === '23502') {
    return new DbError('LABTRACK_DB_BAD_INPUT', 'a value was rejected by the database')
  }
  // statement_timeout: the database is too busy to answer in time; a retry may succeed.
  if (code === '57014') return new DbError('LABTRACK_DB_UNAVAILABLE', 'the database did not answer in time')
  if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code) || isConnectionLoss(error)) {
    return new DbError('LABTRACK_DB_UNAVAILABLE', 'the database is unavailable')
  }
  return error
}

// pg reports a dropped or refused connection with plain Errors and no code.
function isConnectionLoss(error: object): boolean {
  const message = (error as Error).message ?? ''
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)
}
