import { type Static, Type } from '@sinclair/typebox'
import { Id, Name, PageQuery } from './common.js'

export const Freezer = Type.Object({ id: Id, name: Name, site_id: Id })
export type Freezer = Static<typeof Freezer>

export const FreezerInput = Type.Object({ name: Name, site_id: Id }, { additionalProperties: false })
export type FreezerInput = Static<typeof FreezerInput>

export const FreezerPatch = Type.Partial(FreezerInput, { additionalProperties: false, minProperties: 1 })
export type FreezerPatch = Static<typeof FreezerPatch>

export const FreezerListQuery = Type.Composite([PageQuery, Type.Object({ site_id: Type.Optional(Id) })])
export type FreezerListQuery = Static<typeof FreezerListQuery>
