import { first, page, type Queryable, run } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import { lowerRole, type Role, roleAllows, withArticle } from './roles.js'
import type { ApiToken, NewApiToken } from './schemas.js'
import { newSecret, secretHash, TOKEN_PREFIX } from './secrets.js'

const SUBJECTS = { api_token_name_key: 'a token with this name' }
const COLUMNS = `t.id, t.name, a.name AS user, t.role, t.created_at, t.expires_at, t.last_used_at, t.revoked_at`

export interface NewTokenRequest {
  name: string
  role: Role
  /** The account the token acts for. */
  account: { id: number; name: string; role: Role }
  expiresAt?: string | Date | null
}

/** Why a token of this role cannot be made for this account, or undefined when it can. */
export function tokenRoleRefusal(account: { name: string; role: Role }, role: Role): string | undefined {
  return roleAllows(account.role, role)
    ? undefined
    : `a token cannot have a higher role than its user: ${account.name} is ${withArticle(account.role)}`
}

/** Creates a token; its secret is in the answer and nowhere else (the database keeps its hash). */
export async function createApiToken(db: Queryable, { name, role, account, expiresAt }: NewTokenRequest): Promise<NewApiToken> {
  const token = newSecret(TOKEN_PREFIX)
  const [row] = await run<ApiToken>(
    db,
    `WITH t AS (
       INSERT INTO api_token (name, account_id, role, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING *)
     SELECT ${COLUMNS} FROM t JOIN account a ON a.id = t.account_id`,
    [name, account.id, role, secretHash(token), expiresAt ?? null],
    SUBJECTS,
  )
  return { ...(row as ApiToken), token }
}

export function listApiTokens(db: Queryable, paging: Page): Promise<PageOf<ApiToken>> {
  return page<ApiToken>(
    db,
    `SELECT ${COLUMNS} FROM api_token t JOIN account a ON a.id = t.account_id ORDER BY t.name, t.id LIMIT $1 OFFSET $2`,
    [],
    paging,
  )
}

/** Revokes the token with this id or name (at once, for every service); undefined when there is none. */
export function revokeApiToken(db: Queryable, which: { id: number } | { name: string }): Promise<ApiToken | undefined> {
  const [column, value] = 'id' in which ? ['id', which.id] : ['name', which.name]
  return first<ApiToken>(
    db,
    `WITH t AS (
       UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE ${column} = $1 RETURNING *)
     SELECT ${COLUMNS} FROM t JOIN account a ON a.id = t.account_id`,
    [value],
  )
}

export interface TokenActor {
  tokenId: number
  token: string
  name: string
  accountId: number
  /** What the token may do: its own role, or less when its user's role was lowered since. */
  role: Role
  lastUsedAt: Date | null
  /** When the token ends on its own (null: never). */
  expiresAt: Date | null
}

/** The live (not revoked, not expired) token with this secret, and who it acts for. */
export async function findTokenActor(db: Queryable, secret: string): Promise<TokenActor | undefined> {
  const row = await first<{
    id: number
    name: string
    role: Role
    account_id: number
    user: string
    user_role: Role
    last_used_at: Date | null
    expires_at: Date | null
  }>(
    db,
    `SELECT t.id, t.name, t.role, t.account_id, a.name AS user, a.role AS user_role, t.last_used_at, t.expires_at
     FROM api_token t JOIN account a ON a.id = t.account_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [secretHash(secret)],
  )
  if (!row) return undefined
  return {
    tokenId: row.id,
    token: row.name,
    name: row.user,
    accountId: row.account_id,
    role: lowerRole(row.role, row.user_role),
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  }
}

/** Records that the token was used now. */
export async function touchApiToken(db: Queryable, tokenId: number): Promise<void> {
  await run(db, 'UPDATE api_token SET last_used_at = now() WHERE id = $1', [tokenId])
}
