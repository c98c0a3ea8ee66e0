import { first, type Queryable, run } from '../queryable.js'
import type { Role } from './roles.js'
import { newSecret, secretHash } from './secrets.js'

export interface SessionLimits {
  /** A session unused this long ends. */
  idleSeconds: number
  /** A session ends this long after sign-in, used or not. */
  maxSeconds: number
}

/** Starts a session for the account; the id (the cookie's value) is in the answer only, the database keeps its hash. */
export async function createSession(
  db: Queryable,
  accountId: number,
  { idleSeconds, maxSeconds }: SessionLimits,
): Promise<{ id: string; expiresAt: Date }> {
  // Sessions that ended are cleared on each sign-in, so the table holds only live ones.
  await run(db, 'DELETE FROM account_session WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)', [
    idleSeconds,
  ])
  const id = newSecret()
  const [row] = await run<{ expires_at: Date }>(
    db,
    `INSERT INTO account_session (id_hash, account_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     RETURNING expires_at`,
    [secretHash(id), accountId, maxSeconds],
  )
  return { id, expiresAt: (row as { expires_at: Date }).expires_at }
}

export interface SessionActor {
  name: string
  accountId: number
  role: Role
  lastSeenAt: Date
  /** Its end, used or not (the idle end is lastSeenAt plus the idle time). */
  expiresAt: Date
}

/** The live session with this id (neither idle too long nor past its end), and whose it is. */
export async function findSessionActor(db: Queryable, id: string, idleSeconds: number): Promise<SessionActor | undefined> {
  const row = await first<{ name: string; account_id: number; role: Role; last_seen_at: Date; expires_at: Date }>(
    db,
    `SELECT a.name, s.account_id, a.role, s.last_seen_at, s.expires_at
     FROM account_session s JOIN account a ON a.id = s.account_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)`,
    [secretHash(id), idleSeconds],
  )
  return (
    row && {
      name: row.name,
      accountId: row.account_id,
      role: row.role,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    }
  )
}

/** Records that the session was used now (its idle time starts again). */
export async function touchSession(db: Queryable, id: string): Promise<void> {
  await run(db, 'UPDATE account_session SET last_seen_at = now() WHERE id_hash = $1', [secretHash(id)])
}

/** Ends the session with this id, at once for every service. */
export async function endSession(db: Queryable, id: string): Promise<void> {
  await run(db, 'DELETE FROM account_session WHERE id_hash = $1', [secretHash(id)])
}
