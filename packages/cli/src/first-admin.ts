import { randomBytes } from 'node:crypto'
import { ensureFirstAdmin } from '@labtrack/db'
import { withSql } from '@labtrack/db-tools'
import { queryableOf } from './queryable.js'

/** A password for the first admin when none was given: 128 random bits, easy to copy. */
export const generatePassword = () => randomBytes(16).toString('base64url')

/**
 * On a database without users, creates `admin` with LABTRACK_ADMIN_PASSWORD
 * (or a generated password): the lines to print, once; none when users exist.
 */
export async function createFirstAdmin(url: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const given = env.LABTRACK_ADMIN_PASSWORD || undefined
  if (given !== undefined && given.length < 12) {
    throw new Error('LABTRACK_ADMIN_PASSWORD must be at least 12 characters')
  }
  const admin = await withSql(url, (sql) => ensureFirstAdmin(queryableOf(sql), given, generatePassword))
  if (!admin) return []
  if (!admin.generated) return ['created the first user: admin, with the password LABTRACK_ADMIN_PASSWORD gives']
  return [
    'created the first user: admin',
    `  sign in as admin with the password: ${admin.password}`,
    '  (shown this once; change it in the UI under Users, or set LABTRACK_ADMIN_PASSWORD before the first start)',
  ]
}
