import { DbError } from '../errors.js'
import { first, page, type Queryable, run } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import { hashPassword } from './passwords.js'
import type { Role } from './roles.js'
import type { User, UserInput, UserPatch } from './schemas.js'

const SUBJECTS = { account_name_key: 'a user with this name' }
const COLUMNS = 'id, name, role, created_at'

export interface AccountWithSecret extends User {
  password_hash: string
}

export async function createAccount(db: Queryable, { name, role, password }: UserInput): Promise<User> {
  const [row] = await run<User>(
    db,
    `INSERT INTO account (name, role, password_hash) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [name, role, await hashPassword(password)],
    SUBJECTS,
  )
  return row as User
}

export function listAccounts(db: Queryable, paging: Page): Promise<PageOf<User>> {
  return page<User>(db, `SELECT ${COLUMNS} FROM account ORDER BY name, id LIMIT $1 OFFSET $2`, [], paging)
}

/** The account with this name (names are case-sensitive), with its password hash. */
export function findAccount(db: Queryable, name: string): Promise<AccountWithSecret | undefined> {
  return first<AccountWithSecret>(db, `SELECT ${COLUMNS}, password_hash FROM account WHERE name = $1`, [name])
}

// The last admin cannot be demoted or deleted: someone must be able to manage users.
const KEEPS_AN_ADMIN = `(role <> 'admin' OR EXISTS (SELECT 1 FROM account other WHERE other.role = 'admin' AND other.id <> account.id))`
const LAST_ADMIN = 'the last admin cannot be removed or demoted; make another user admin first'

async function refuseIfExists(db: Queryable, id: number): Promise<undefined> {
  const [row] = await run<{ found: boolean }>(db, 'SELECT EXISTS (SELECT 1 FROM account WHERE id = $1) AS found', [id])
  if (row?.found) throw new DbError('LABTRACK_DB_CONFLICT', LAST_ADMIN)
  return undefined
}

/**
 * Changes an account's role or password; a new password ends the account's
 * sessions. Undefined when there is no such account.
 */
export async function updateAccount(db: Queryable, id: number, { role, password }: UserPatch): Promise<User | undefined> {
  const hash = password === undefined ? null : await hashPassword(password)
  const row = await first<User>(
    db,
    `UPDATE account SET role = coalesce($2, role), password_hash = coalesce($3, password_hash)
     WHERE id = $1 AND ($2::text IS NULL OR $2 = 'admin' OR ${KEEPS_AN_ADMIN})
     RETURNING ${COLUMNS}`,
    [id, role ?? null, hash],
  )
  if (!row) return refuseIfExists(db, id)
  if (hash !== null) await run(db, 'DELETE FROM account_session WHERE account_id = $1', [id])
  return row
}

/** Deletes an account with its sessions and tokens; false when there is none. */
export async function deleteAccount(db: Queryable, id: number): Promise<boolean> {
  const gone = await run(db, `DELETE FROM account WHERE id = $1 AND ${KEEPS_AN_ADMIN} RETURNING id`, [id])
  if (gone.length === 0) await refuseIfExists(db, id)
  return gone.length > 0
}

export interface FirstAdmin {
  name: string
  /** The password it was given: the one asked for, or a generated one to show once. */
  password: string
  generated: boolean
}

/**
 * On a database without any account, creates `admin` with this password (or a
 * generated one); undefined when accounts exist already (nothing changes).
 */
export async function ensureFirstAdmin(
  db: Queryable,
  password: string | undefined,
  generate: () => string,
): Promise<FirstAdmin | undefined> {
  const [existing] = await run<{ any: boolean }>(db, 'SELECT EXISTS (SELECT 1 FROM account) AS any', [])
  if (existing?.any) return undefined
  const chosen = password ?? generate()
  const role: Role = 'admin'
  // ON CONFLICT: two launchers starting at once create one admin between them.
  const created = await run<{ id: number }>(
    db,
    `INSERT INTO account (name, role, password_hash) SELECT 'admin', $1, $2
     WHERE NOT EXISTS (SELECT 1 FROM account) ON CONFLICT (name) DO NOTHING RETURNING id`,
    [role, await hashPassword(chosen)],
  )
  return created.length > 0 ? { name: 'admin', password: chosen, generated: password === undefined } : undefined
}
