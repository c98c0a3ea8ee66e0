import { type TSchema, Type } from '@sinclair/typebox'

/** Largest value of a Postgres `integer`: ids beyond it can never exist. */
export const MAX_ID = 2_147_483_647

export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID })

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })

// Linear-time patterns (no nested quantifiers), so a 1 MiB body cannot make
// validation backtrack. Postgres text holds neither NUL bytes nor unpaired
// UTF-16 surrogates (ajv matches with the `u` flag, so a well-formed emoji is
// one code point and only a lone surrogate falls in \uD800-\uDFFF).
export const NAME_PATTERN = '^\\s*[^\\s\\u0000\\uD800-\\uDFFF][^\\u0000\\uD800-\\uDFFF]*$'
export const TEXT_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$'
// What Postgres' uuid type reads back the same way: no urn: prefix, no braces.
export const UUID_PATTERN = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
// 08:00:2b:01:02:03 or 08-00-2b-01-02-03 (one separator throughout), 0800.2b01.0203, 08002b010203.
export const MAC_PATTERN =
  '^(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$'

// A cell of a container's grid: row letter A–Z, column 1–99 ("A1", "H12").
export const POSITION_PATTERN = '^[A-Z][1-9][0-9]?$'

// Account and token names, as the tables' CHECK constraints allow them.
export const ACCOUNT_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$'

/** What the error responses say instead of ajv's "must match pattern …". */
export const PATTERN_MESSAGES: Record<string, string> = {
  [NAME_PATTERN]: 'must not be blank or contain NUL or invalid characters',
  [TEXT_PATTERN]: 'must not contain NUL or invalid characters',
  [UUID_PATTERN]: 'must be a UUID such as 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01',
  [MAC_PATTERN]: 'must be a MAC address such as 08:00:2b:01:02:03',
  [ACCOUNT_NAME_PATTERN]: 'must be 1 to 64 letters, digits and _ . @ - (not first)',
  [POSITION_PATTERN]: 'must be a grid position: a row letter A-Z and a column 1-99, such as A1 or H12',
}

export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: NAME_PATTERN })

export const Text = Type.String({ maxLength: 2000, pattern: TEXT_PATTERN })

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export interface Page {
  limit: number
  offset: number
}

/** One page of rows, and whether rows exist past it. */
export interface PageOf<T> {
  rows: T[]
  hasMore: boolean
}

export const Uuid = Type.String({ pattern: UUID_PATTERN, description: 'UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01' })

export const Mac = Type.String({
  pattern: MAC_PATTERN,
  description: 'MAC address, stored and returned as lower-case aa:bb:cc:dd:ee:ff',
})
