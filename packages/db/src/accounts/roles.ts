import { Type } from '@sinclair/typebox'

/** The roles, each allowed everything the ones before it are. */
export const ROLES = ['viewer', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const RoleSchema = Type.Union(
  ROLES.map((role) => Type.Literal(role)),
  {
    description:
      'viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens',
  },
)

/** Whether someone with role `has` may do what needs role `needs`. */
export function roleAllows(has: Role, needs: Role): boolean {
  return ROLES.indexOf(has) >= ROLES.indexOf(needs)
}

/** The lower of two roles: what a token of `a` tied to an account of `b` may do. */
export function lowerRole(a: Role, b: Role): Role {
  return roleAllows(a, b) ? b : a
}

/** "an admin", "an editor", "a viewer": a role as a sentence names it. */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`
}
