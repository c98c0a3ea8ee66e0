// Who is signed in (from GET /api/me or the sign-in answer), what their role
// allows, and the CSRF token their cookie-authenticated writes must carry.
// Plain state: the calls that change it are the sign-in page and the header.

import type { Me, Role } from './types.js'

/** The roles from least to most: each one may do what the ones before it may. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin']

/** What each role may do, in the words of the role choices. */
export const ROLE_MEANINGS: Record<Role, string> = {
  viewer: 'reads everything',
  editor: 'also changes sites, freezers, containers and computers',
  admin: 'also manages users and API tokens',
}

let me: Me | null = null
const listeners = new Set<(me: Me | null) => void>()

export function currentUser(): Me | null {
  return me
}

/** Whether the person signed in has `role` or a higher one (nobody signed in has none). */
export function hasRole(role: Role): boolean {
  return me !== null && ROLES.indexOf(me.role) >= ROLES.indexOf(role)
}

/** The X-CSRF-Token of a write authenticated by the session cookie, or null without a session. */
export function csrfToken(): string | null {
  return me?.csrf_token ?? null
}

export function setCurrentUser(next: Me | null): void {
  me = next
  for (const listener of listeners) listener(me)
}

/** Calls `listener` on every sign-in and sign-out (the header follows it). */
export function onUserChange(listener: (me: Me | null) => void): void {
  listeners.add(listener)
}

/** "an editor", "a viewer": a role in a sentence. */
export function aRole(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`
}
