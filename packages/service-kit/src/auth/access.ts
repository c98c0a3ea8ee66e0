import type { Role } from '@labtrack/db'
import type { RouteOptions } from 'fastify'

/** What a route needs: nothing (`public`), or a signed-in user or token with at least this role. */
export type Access = 'public' | Role

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The role the route needs; left out, reads need a viewer and writes an editor (see accessOf). */
    access?: Access
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether a method only reads (and so needs no CSRF token). */
export function isRead(method: string): boolean {
  return READS.has(method)
}

/**
 * The one rule for what each operation needs: what its route declares in
 * `config.access`, else viewer for reads and editor for writes.
 */
export function accessOf(route: Pick<RouteOptions, 'method' | 'config'>): Access {
  const declared = (route.config as { access?: Access } | undefined)?.access
  if (declared) return declared
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  return methods.every((method) => isRead(method)) ? 'viewer' : 'editor'
}

export const SESSION_COOKIE = 'labtrack_session'
export const CSRF_COOKIE = 'labtrack_csrf'
export const CSRF_HEADER = 'x-csrf-token'
/** What every 401 says to the client (RFC 6750); a rejected token adds error="invalid_token". */
export const WWW_AUTHENTICATE = 'Bearer realm="labtrack"'

/** The OpenAPI security schemes, and what an operation that needs credentials lists. */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`pnpm labtrack token create`, or the admin pages): `Authorization: Bearer lt_…`',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `The UI's session, from POST /api/session; writes also need the ${CSRF_HEADER} header`,
  },
} as const
export const CREDENTIALS_REQUIRED: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }]
