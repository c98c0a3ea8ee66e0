import type { Role } from '@labtrack/db'

/** Who a request is made by, once its credentials were checked. */
export interface Actor {
  /** The user's name (for a token: the user it acts for). */
  name: string
  accountId: number
  role: Role
  via: 'session' | 'token'
  /** The token's name, when via is token. */
  token?: string
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes the request; null when it carries no valid credentials. */
    actor: Actor | null
  }
}

/** How an actor is named in logs and records: the user, or the token's name. */
export function actorLabel(actor: Actor | null): string | undefined {
  if (!actor) return undefined
  return actor.via === 'token' ? `token:${actor.token}` : actor.name
}
