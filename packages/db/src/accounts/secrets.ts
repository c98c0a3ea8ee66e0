import { hash, randomBytes } from 'node:crypto'

/** A new secret: 256 random bits, base64url, after a prefix that tells what it is (`lt_` for API tokens). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/**
 * What the database keeps of a token or session id: its SHA-256. The secrets
 * are random and long, so a fast hash is enough (no password to guess).
 * Every request with credentials hashes them (the cache is keyed by the hash):
 * one-shot, no Hash object to make and collect. Profiled in the bench's stack,
 * createHash/update/digest and the garbage they left were about half of what
 * GET one site with a token cost more than without (Node 20.12 has `hash`).
 */
export function secretHash(secret: string): string {
  return hash('sha256', secret, 'hex')
}

export const TOKEN_PREFIX = 'lt_'
