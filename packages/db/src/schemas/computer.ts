import { type Static, Type } from '@sinclair/typebox'
import { Id, MAC_PATTERN, Name, Nullable, PageQuery } from './common.js'

export const Mac = Type.String({
  pattern: MAC_PATTERN,
  description: 'MAC address, stored and returned as lower-case aa:bb:cc:dd:ee:ff',
})

export const Computer = Type.Object({ id: Id, name: Name, mac: Nullable(Type.String()), site_id: Id })
export type Computer = Static<typeof Computer>

export const ComputerInput = Type.Object(
  { name: Name, mac: Type.Optional(Nullable(Mac)), site_id: Id },
  { additionalProperties: false },
)
export type ComputerInput = Static<typeof ComputerInput>

export const ComputerPatch = Type.Partial(ComputerInput, { additionalProperties: false, minProperties: 1 })
export type ComputerPatch = Static<typeof ComputerPatch>

export const ComputerListQuery = Type.Composite([PageQuery, Type.Object({ site_id: Type.Optional(Id) })])
export type ComputerListQuery = Static<typeof ComputerListQuery>
