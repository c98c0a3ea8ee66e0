import { createHash, randomBytes } from 'node:crypto'

/** A new secret: 256 random bits, base64url, after a prefix that tells what it is (`lt_` for API tokens). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/**
 * What the database keeps of a token or session id: its SHA-256. The secrets
 * are random and long, so a fast hash is enough (no password to guess).
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export const TOKEN_PREFIX = 'lt_'
