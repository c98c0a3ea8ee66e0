// The fields of the admin forms (users and API tokens): a name as accounts
// and tokens have it, a role with what it may do, a new password.

import type { FieldSpec } from '../forms.js'
import { ROLE_MEANINGS, ROLES } from '../session.js'
import type { Role } from '../types.js'

/** A user's or a token's name, with what it is for in `hint`. */
export function nameField(hint: string): FieldSpec {
  return {
    name: 'name',
    label: 'Name',
    required: true,
    maxLength: 64,
    spellcheck: false,
    hint: `${hint}: letters, digits and _ . @ - (not first).`,
  }
}

export function roleField(value: Role, hint?: string): FieldSpec {
  return {
    name: 'role',
    label: 'Role',
    kind: 'select',
    required: true,
    value,
    options: ROLES.map((role) => ({ value: role, label: `${role}: ${ROLE_MEANINGS[role]}` })),
    hint,
  }
}

/** The role a form holds (its select offers only roles). */
export function roleOf(value: string): Role {
  return ROLES.find((role) => role === value) ?? 'viewer'
}

/** A password being set (the browser may offer to generate one). */
export function newPasswordField(label: string, hint = 'At least 12 characters.'): FieldSpec {
  return {
    name: 'password',
    label,
    required: true,
    maxLength: 1024,
    inputType: 'password',
    autocomplete: 'new-password',
    hint,
  }
}
