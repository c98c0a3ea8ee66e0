// The session's part of every call of the typed client, said once here
// rather than at each call: writes carry the CSRF token of the session, and a
// 401 (nobody signed in, or the session has ended) opens the sign-in page,
// which comes back to the page the person was on.

import type { Middleware } from 'openapi-fetch'
import { paths } from './paths.js'
import { navigate } from './router.js'
import { csrfToken, currentUser, setCurrentUser } from './session.js'
import { flash } from './status.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
// Their 401 is an answer the caller shows itself (wrong password, nobody signed in yet).
const OWN_401 = new Set(['/api/session', '/api/me'])

export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = csrfToken()
    if (token && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', token)
    return request
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !OWN_401.has(schemaPath)) signInAgain()
    return response
  },
}

/** Opens the sign-in page, which comes back here (path and query) once signed in. */
export function signInAgain(): void {
  if (location.pathname === paths.signIn()) return
  flash(currentUser() ? 'Your session has ended: sign in again to go on.' : 'Sign in to go on.', 'info')
  if (currentUser()) setCurrentUser(null)
  navigate(paths.signIn(location.pathname + location.search), { replace: true })
}
