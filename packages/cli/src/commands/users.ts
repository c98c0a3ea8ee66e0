import {
  createAccount,
  findAccount,
  listAccounts,
  type Queryable,
  ROLES,
  type Role,
  type User,
  updateAccount,
} from '@labtrack/db'
import { UsageError } from '../usage.js'

export function parseRole(value: string | undefined): Role {
  if (!ROLES.includes(value as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
  return value as Role
}

export function checkPassword(password: string): string {
  if (password.length < 12) throw new UsageError('the password must be at least 12 characters')
  if (password.length > 1024) throw new UsageError('the password must be at most 1024 characters')
  return password
}

export async function addUser(db: Queryable, name: string, role: Role, password: string): Promise<string> {
  const user = await createAccount(db, { name, role, password: checkPassword(password) })
  return `user ${user.name} added (${user.role}, id ${user.id})`
}

/** One line per user, name first: easy to read and to cut. */
export async function listUsers(db: Queryable): Promise<string> {
  const users: User[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await listAccounts(db, { limit: 1000, offset })
    users.push(...page.rows)
    if (!page.hasMore) break
  }
  if (users.length === 0) return 'no users yet'
  const width = Math.max(...users.map((user) => user.name.length))
  return users
    .map((user) => `${user.name.padEnd(width)}  ${user.role.padEnd(6)}  since ${new Date(user.created_at).toISOString()}`)
    .join('\n')
}

export async function setPassword(db: Queryable, name: string, password: string): Promise<string> {
  const account = await findAccount(db, name)
  if (!account) throw new UsageError(`there is no user ${name}`)
  await updateAccount(db, account.id, { password: checkPassword(password) })
  return `password of ${name} changed; their sessions ended`
}
