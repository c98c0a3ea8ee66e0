import { type TSchema, Type } from '@sinclair/typebox'

/** Largest value of a Postgres `integer`: ids beyond it can never exist. */
export const MAX_ID = 2_147_483_647

export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID })

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })

// Linear-time patterns (no nested quantifiers), so a 1 MiB body cannot make
// validation backtrack. Postgres text cannot hold NUL bytes either.
export const NAME_PATTERN = '^\\s*[^\\s\\u0000][^\\u0000]*$'
export const TEXT_PATTERN = '^[^\\u0000]*$'

/** What the error responses say instead of ajv's "must match pattern …". */
export const PATTERN_MESSAGES: Record<string, string> = {
  [NAME_PATTERN]: 'must not be blank or contain NUL characters',
  [TEXT_PATTERN]: 'must not contain NUL characters',
}

export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: NAME_PATTERN })

export const Text = Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** `limit` and `offset` of every collection. */
export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_ID, default: 0 }),
})

export interface Page {
  limit: number
  offset: number
}

/** One page of rows, and whether rows exist past it. */
export interface PageOf<T> {
  rows: T[]
  hasMore: boolean
}
