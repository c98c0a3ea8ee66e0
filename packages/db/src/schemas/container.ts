import { type Static, Type } from '@sinclair/typebox'
import { Id, Nullable, PageQuery, Text, UUID_PATTERN } from './common.js'

export const Uuid = Type.String({ pattern: UUID_PATTERN, description: 'UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01' })

export const Container = Type.Object({ id: Id, uuid: Uuid, description: Nullable(Text), freezer_id: Id }, { title: 'Container' })
export type Container = Static<typeof Container>

/** Body of POST and PUT. A POST without `uuid` gets a generated one; a PUT without it keeps the current one. */
export const ContainerInput = Type.Object(
  { uuid: Type.Optional(Uuid), description: Type.Optional(Nullable(Text)), freezer_id: Id },
  { additionalProperties: false },
)
export type ContainerInput = Static<typeof ContainerInput>

/** Moving a container to another freezer is a PATCH of its `freezer_id`. */
export const ContainerPatch = Type.Partial(ContainerInput, { additionalProperties: false, minProperties: 1 })
export type ContainerPatch = Static<typeof ContainerPatch>

export const ContainerListQuery = Type.Composite([
  PageQuery,
  Type.Object({ freezer_id: Type.Optional(Id), uuid: Type.Optional(Uuid) }),
])
export type ContainerListQuery = Static<typeof ContainerListQuery>
