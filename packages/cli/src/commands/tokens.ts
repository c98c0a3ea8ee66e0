import { createApiToken, findAccount, type Queryable, type Role, revokeApiToken, tokenRoleRefusal } from '@labtrack/db'
import { UsageError } from '../usage.js'

export interface TokenRequest {
  name: string
  role: Role
  /** The user the token acts for (default: admin, the first user). */
  user: string
  expires?: string
}

/** Creates a token and answers its secret alone, for `$(pnpm -s labtrack token create …)`. */
export async function createToken(db: Queryable, { name, role, user, expires }: TokenRequest): Promise<string> {
  const account = await findAccount(db, user)
  if (!account) throw new UsageError(`there is no user ${user} (--user NAME)`)
  const refusal = tokenRoleRefusal(account, role)
  if (refusal) throw new UsageError(refusal)
  let expiresAt: Date | null = null
  if (expires !== undefined) {
    expiresAt = new Date(expires)
    if (Number.isNaN(expiresAt.getTime()))
      throw new UsageError('--expires must be a date such as 2027-06-30 or 2027-06-30T18:00Z')
    if (expiresAt.getTime() <= Date.now()) throw new UsageError('--expires must be in the future')
  }
  const token = await createApiToken(db, { name, role, account, expiresAt })
  return token.token
}

export async function revokeToken(db: Queryable, name: string): Promise<string> {
  const token = await revokeApiToken(db, { name })
  if (!token) throw new UsageError(`there is no token ${name}`)
  return `token ${name} revoked (it was ${token.user}'s, ${token.role})`
}
