import { findSessionActor, findTokenActor, type Queryable, secretHash, touchApiToken, touchSession } from '@labtrack/db'
import type { FastifyRequest } from 'fastify'
import { SESSION_COOKIE } from './access.js'
import type { Actor } from './actor.js'
import type { CredentialCache } from './credential-cache.js'

/** What a request presented: nothing, a bearer token, a session cookie, or something malformed. */
export type Presented =
  | { kind: 'none' }
  | { kind: 'token'; secret: string }
  | { kind: 'session'; id: string }
  | { kind: 'malformed'; why: string }

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i

/** Reads the credentials off a request; an Authorization header wins over the cookie. */
export function presentedCredentials(request: FastifyRequest): Presented {
  const authorization = request.headers.authorization
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization)
    return match
      ? { kind: 'token', secret: match[1] as string }
      : { kind: 'malformed', why: 'Authorization must be "Bearer <token>"' }
  }
  const id = request.cookies[SESSION_COOKIE]
  return id ? { kind: 'session', id } : { kind: 'none' }
}

/** What a check found: who, and what recording its use needs. */
export interface Checked {
  actor: Actor
  tokenId?: number
  /** The last use the database had recorded when it was looked up. */
  lastUsed: Date | null
}

// Last use is recorded at most once a minute per token or session: a write per
// request would cost more than the request. Bounded: the oldest entries go first.
const TOUCH_EVERY_MS = 60_000
const MAX_REMEMBERED = 10_000

export interface CheckerOptions {
  /** The pool, once the service has one (the checker is made before @fastify/postgres is registered). */
  db: () => Queryable
  idleSeconds: number
  onTouchError: (error: unknown) => void
  /** Credentials checked a moment ago; a lookup fills it. */
  cache: CredentialCache<Checked>
  maxRemembered?: number
}

export class CredentialChecker {
  private readonly touched = new Map<string, number>()

  constructor(private readonly options: CheckerOptions) {}

  private get db(): Queryable {
    return this.options.db()
  }

  /**
   * The actor the credentials stand for, or null when they are unknown, revoked
   * or expired: at once when they are in the cache, else once the database answered.
   */
  actorFor(presented: Presented & { kind: 'token' | 'session' }): Actor | null | Promise<Actor | null> {
    const secret = presented.kind === 'token' ? presented.secret : presented.id
    // By the hash, so the cache and the bookkeeping of last uses hold no secret.
    const key = (presented.kind === 'token' ? 't' : 's') + secretHash(secret)
    const cached = this.options.cache.get(key)
    if (cached) return this.used(key, secret, cached)
    return this.lookUp(presented, key).then((found) => (found ? this.used(key, secret, found) : null))
  }

  private async lookUp(presented: Presented & { kind: 'token' | 'session' }, key: string): Promise<Checked | undefined> {
    const { cache, idleSeconds } = this.options
    const ticket = cache.ticket()
    if (presented.kind === 'token') {
      const found = await findTokenActor(this.db, presented.secret)
      if (!found) return undefined
      const checked: Checked = {
        actor: { name: found.name, accountId: found.accountId, role: found.role, via: 'token', token: found.token },
        tokenId: found.tokenId,
        lastUsed: found.lastUsedAt,
      }
      cache.set(ticket, key, checked, found.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY)
      return checked
    }
    const found = await findSessionActor(this.db, presented.id, idleSeconds)
    if (!found) return undefined
    const checked: Checked = {
      actor: { name: found.name, accountId: found.accountId, role: found.role, via: 'session' },
      lastUsed: found.lastSeenAt,
    }
    // Never past the session's end, of either kind.
    cache.set(ticket, key, checked, Math.min(found.expiresAt.getTime(), found.lastSeenAt.getTime() + idleSeconds * 1000))
    return checked
  }

  /** The actor of what was found, its use recorded when due: a request answered from the cache is a use too (a session in use stays alive). */
  private used(key: string, secret: string, found: Checked): Actor {
    const now = Date.now()
    const seen = Math.max(found.lastUsed?.getTime() ?? 0, this.touched.get(key) ?? 0)
    if (now - seen < TOUCH_EVERY_MS) return found.actor
    this.touched.delete(key)
    this.touched.set(key, now)
    if (this.touched.size > (this.options.maxRemembered ?? MAX_REMEMBERED))
      this.touched.delete(this.touched.keys().next().value as string)
    // Not awaited: the request does not wait for the bookkeeping.
    const write = found.tokenId === undefined ? touchSession(this.db, secret) : touchApiToken(this.db, found.tokenId)
    write.catch(this.options.onTouchError)
    return found.actor
  }
}
