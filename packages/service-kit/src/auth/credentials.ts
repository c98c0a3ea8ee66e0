import { findSessionActor, findTokenActor, type Queryable, touchApiToken, touchSession } from '@labtrack/db'
import type { FastifyRequest } from 'fastify'
import { SESSION_COOKIE } from './access.js'
import type { Actor } from './actor.js'

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

// Last use is recorded at most once a minute per token or session: a write per
// request would cost more than the request. Bounded: the oldest entries go first.
const TOUCH_EVERY_MS = 60_000
const MAX_REMEMBERED = 10_000

export class CredentialChecker {
  private readonly touched = new Map<string, number>()

  constructor(
    /** The pool, once the service has one (the checker is made before @fastify/postgres is registered). */
    private readonly pool: () => Queryable,
    private readonly idleSeconds: number,
    private readonly onTouchError: (error: unknown) => void,
    private readonly maxRemembered = MAX_REMEMBERED,
  ) {}

  /** The actor the credentials stand for, or null when they are unknown, revoked or expired. */
  private get db(): Queryable {
    return this.pool()
  }

  async actorFor(presented: Presented & { kind: 'token' | 'session' }): Promise<Actor | null> {
    if (presented.kind === 'token') {
      const found = await findTokenActor(this.db, presented.secret)
      if (!found) return null
      this.touch(`t${found.tokenId}`, found.lastUsedAt, () => touchApiToken(this.db, found.tokenId))
      return { name: found.name, accountId: found.accountId, role: found.role, via: 'token', token: found.token }
    }
    const found = await findSessionActor(this.db, presented.id, this.idleSeconds)
    if (!found) return null
    this.touch(`s${presented.id}`, found.lastSeenAt, () => touchSession(this.db, presented.id))
    return { name: found.name, accountId: found.accountId, role: found.role, via: 'session' }
  }

  private touch(key: string, last: Date | null, write: () => Promise<void>) {
    const now = Date.now()
    const seen = Math.max(last?.getTime() ?? 0, this.touched.get(key) ?? 0)
    if (now - seen < TOUCH_EVERY_MS) return
    this.touched.delete(key)
    this.touched.set(key, now)
    if (this.touched.size > this.maxRemembered) this.touched.delete(this.touched.keys().next().value as string)
    // Not awaited: the request does not wait for the bookkeeping.
    write().catch(this.onTouchError)
  }
}
