import {
  type Static,
  type TNull,
  type TObject,
  type TOptional,
  type TPartial,
  type TSchema,
  type TUnion,
  Type,
} from '@sinclair/typebox'
import { Id } from '../schemas/common.js'
import type { Column, ResourceDefinition } from './definition.js'

type Value<C> = C extends Column<infer S, infer O> ? (O['nullable'] extends true ? TUnion<[S, TNull]> : S) : never
type InputValue<C> =
  C extends Column<infer S, infer O>
    ? O['nullable'] extends true
      ? TOptional<TUnion<[S, TNull]>>
      : O['generated'] extends true
        ? TOptional<S>
        : O['derivedFrom'] extends string
          ? TOptional<S>
          : S
    : never

export type RowProperties<C extends Record<string, Column>> = { id: typeof Id } & { [K in keyof C]: Value<C[K]> }
export type InputProperties<C extends Record<string, Column>> = { [K in keyof C]: InputValue<C[K]> }

export interface ResourceSchemas<C extends Record<string, Column>> {
  /** A row as every response carries it. */
  row: TObject<RowProperties<C>>
  /** Body of POST and PUT: nullable fields may be left out (null), generated ones too (the database fills them in). */
  input: TObject<InputProperties<C>>
  /** Body of PATCH: only the named fields change; null clears a nullable one. */
  patch: TPartial<TObject<InputProperties<C>>>
}

export type RowOf<R> = R extends ResourceDefinition<infer C> ? Static<TObject<RowProperties<C>>> : never
export type InputOf<R> = R extends ResourceDefinition<infer C> ? Static<TObject<InputProperties<C>>> : never
export type PatchOf<R> = Partial<InputOf<R>>

/** The row, input and patch schemas of a resource, named after its title. */
export function resourceSchemas<C extends Record<string, Column>>(resource: ResourceDefinition<C>): ResourceSchemas<C> {
  const row: Record<string, TSchema> = { id: Id }
  const input: Record<string, TSchema> = {}
  for (const [name, { schema, options }] of Object.entries(resource.columns)) {
    const value = options.nullable ? Type.Union([schema, Type.Null()]) : schema
    row[name] = value
    input[name] = options.nullable || options.generated || options.derivedFrom ? Type.Optional(value) : value
  }
  const inputSchema = Type.Object(input, { additionalProperties: false, title: `${resource.title}Input` })
  return {
    row: Type.Object(row, { title: resource.title }) as unknown as TObject<RowProperties<C>>,
    input: inputSchema as unknown as TObject<InputProperties<C>>,
    patch: Type.Partial(inputSchema, {
      additionalProperties: false,
      minProperties: 1,
      title: `${resource.title}Patch`,
    }) as unknown as TPartial<TObject<InputProperties<C>>>,
  }
}
