// The calls that change who is signed in: who it is now (GET /api/me), sign
// in (POST /api/session), sign out (DELETE /api/session). Each one updates
// session.ts, which the header and the pages follow.

import { ApiError, api, call } from './api.js'
import { setCurrentUser } from './session.js'
import type { Me, SignIn } from './types.js'

/** Asks the server who is signed in (nobody: null; the server unreachable: null too, the pages say so). */
export async function loadCurrentUser(): Promise<Me | null> {
  try {
    const me = await call(api.GET('/api/me'))
    setCurrentUser(me)
    return me
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    setCurrentUser(null)
    return null
  }
}

/** Signs in; a wrong name or password throws ApiError 401, too many attempts 429 (with its retryAfter). */
export async function signIn(body: SignIn): Promise<Me> {
  const me = await call(api.POST('/api/session', { body }))
  setCurrentUser(me)
  return me
}

export async function signOut(): Promise<void> {
  await call(api.DELETE('/api/session'))
  setCurrentUser(null)
}
