// The rows, request bodies and problems of the API, as the OpenAPI document
// names them: aliases of the types generated from it (src/generated/openapi.ts,
// which `pnpm build` rewrites), never written out by hand.

import type { components } from './generated/openapi.js'

type Schemas = components['schemas']

export type Site = Schemas['Site']
export type Freezer = Schemas['Freezer']
export type Container = Schemas['Container']
export type Computer = Schemas['Computer']
/** A site's computer (computer_id set) or freezer (freezer_id set), as /api/instruments lists them. */
export type Instrument = Schemas['Instrument']
/** What a site's freezer and computer rows have in common. */
export type InstrumentRow = Pick<Freezer | Computer, 'id' | 'name' | 'site_id'>

/** The bodies of POST and PUT. */
export type SiteInput = Schemas['SiteInput']
export type FreezerInput = Schemas['FreezerInput']
export type ContainerInput = Schemas['ContainerInput']
export type ComputerInput = Schemas['ComputerInput']

/** Who is signed in (or whose token is used), their role, and the CSRF token of a session. */
export type Me = Schemas['Me']
export type Role = Me['role']
export type SignIn = Schemas['SignIn']
/** The accounts and API tokens an admin manages. */
export type User = Schemas['User']
export type UserInput = Schemas['UserInput']
export type ApiToken = Schemas['ApiToken']
export type ApiTokenInput = Schemas['ApiTokenInput']
/** A token as its creation answers it: with the secret, shown this once. */
export type NewApiToken = Schemas['NewApiToken']

/** An RFC 9457 problem (application/problem+json), as every error response carries it. */
export type Problem = Schemas['Problem']
/** One invalid field of a 400 problem. */
export type ProblemIssue = NonNullable<Problem['errors']>[number]

export const MAX_ID = 2_147_483_647

/** A positive integer id from a path or query value, or null. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) return null
  const id = Number(value)
  return id <= MAX_ID ? id : null
}
