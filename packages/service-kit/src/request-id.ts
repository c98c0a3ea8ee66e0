import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const REQUEST_ID_HEADER = 'x-request-id'
const SAFE_ID = /^[\w.:@-]{1,128}$/

/** Takes the caller's X-Request-Id (as nginx passes it) when it is sane; makes one otherwise. */
export function requestIdFrom(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID()
}
