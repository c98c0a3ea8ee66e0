import {
  type Filter,
  type ListRequest,
  listableColumns,
  MAX_ID,
  type Operator,
  operatorsOf,
  type ResourceDefinition,
  type SortKey,
  TEXT_PATTERN,
} from '@labtrack/db'
import { type TObject, type TSchema, Type } from '@sinclair/typebox'
import { ProblemError, problem } from '../problem.js'
import { textValueChecker } from '../validation.js'

// The list query language, the same for every collection:
//   field=v  field[ne|lt|lte|gt|gte]=v  field[in]=a,b  field[contains]=text  field[null]=true|false
//   sort=name,-id   limit=1..1000   after=<cursor from the Link header>   offset=n (older clients)

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
const MAX_IN_VALUES = 100

const OPERATOR_TEXT: Record<Operator, string> = {
  eq: 'equals',
  ne: 'differs from',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is greater than',
  gte: 'is at least',
  in: 'is one of these comma-separated values',
  contains: 'contains this text, ignoring case',
  null: 'is null (true) or is not (false)',
}

/** The page parameters every list shares (the instruments view too). */
export const pageParameters = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: 'rows per page' })),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_ID,
      description: 'rows to skip (default 0); kept for older clients, `after` is faster on deep pages',
    }),
  ),
}

interface ParameterOf {
  column: string
  op: Operator
  check: (text: string) => { value: unknown } | { error: string }
}

export interface ListQuery {
  /** The query-string schema: every parameter the collection accepts, nothing else. */
  schema: TObject
  /** Turns a validated query string into the list request of the SQL layer; a bad sort or cursor is a 400. */
  parse(query: Record<string, unknown>, count: boolean): ListRequest
  /** The cursor that continues after the given sort-key values. */
  cursor(sort: SortKey[], last: unknown[]): string
}

export const parameterName = (column: string, op: Operator) => (op === 'eq' ? column : `${column}[${op}]`)

/** A 400 validation problem naming one query parameter. */
export function invalidParameter(name: string, detail: string): ProblemError {
  return new ProblemError(
    problem('validation', 'the request querystring is not valid', {
      errors: [{ in: 'querystring', pointer: `/${name}`, detail }],
    }),
  )
}

const sortSignature = (sort: SortKey[]) => sort.map(({ column, desc }) => `${desc ? '-' : ''}${column}`).join(',')

/** The list query of a resource: its schema (for validation and the OpenAPI document) and its parser. */
export function listQuery(resource: ResourceDefinition): ListQuery {
  const columns = listableColumns(resource)
  const schemas = new Map<string, TSchema>([
    ['id', Type.Integer({ minimum: 1, maximum: MAX_ID })],
    ...Object.entries(resource.columns).map(([name, column]): [string, TSchema] => [name, column.schema]),
  ])
  const nullable = new Set(columns.filter(([, options]) => options.nullable).map(([name]) => name))
  const sortable = columns.map(([name]) => name)

  const properties: Record<string, TSchema> = {
    ...pageParameters,
    after: Type.Optional(
      Type.String({ maxLength: 4000, description: 'continue after the last row of the previous page (from the Link header)' }),
    ),
    sort: Type.Optional(
      Type.String({
        maxLength: 500,
        description: `comma-separated fields among ${sortable.join(', ')}; a leading minus sorts descending; the id always ends the order`,
      }),
    ),
  }
  const checkers = new Map(columns.map(([column]) => [column, textValueChecker(schemas.get(column) as TSchema)]))
  const parameters = new Map<string, ParameterOf>()
  for (const [column, options] of columns) {
    const schema = schemas.get(column) as TSchema
    const checkValue = checkers.get(column) as ParameterOf['check']
    for (const op of operatorsOf(options)) {
      const name = parameterName(column, op)
      const description = `${column} ${OPERATOR_TEXT[op]}`
      if (op === 'in') properties[name] = Type.Optional(Type.String({ maxLength: 20_000, description }))
      else if (op === 'null') properties[name] = Type.Optional(Type.Boolean({ description }))
      else if (op === 'contains') {
        properties[name] = Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_PATTERN, description }))
      } else properties[name] = Type.Optional({ ...schema, description })
      parameters.set(name, { column, op, check: checkValue })
    }
  }

  function parseSort(text: string | undefined): SortKey[] {
    const keys: SortKey[] = []
    for (const item of text === undefined || text === '' ? [] : text.split(',')) {
      const column = item.startsWith('-') ? item.slice(1) : item
      if (!sortable.includes(column)) {
        throw invalidParameter('sort', `"${item}" is not a field to sort by; use ${sortable.join(', ')}`)
      }
      if (keys.some((key) => key.column === column)) throw invalidParameter('sort', `${column} is named twice`)
      keys.push({ column, desc: item.startsWith('-') })
    }
    return keys.some((key) => key.column === 'id') ? keys : [...keys, { column: 'id', desc: false }]
  }

  function parseCursor(text: string, sort: SortKey[]): unknown[] {
    let decoded: unknown
    try {
      decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    } catch {
      decoded = null
    }
    const [signature, ...values] = Array.isArray(decoded) ? decoded : []
    if (signature !== sortSignature(sort) || values.length !== sort.length) {
      throw invalidParameter('after', 'is not a cursor of this list and sort order; follow the Link header')
    }
    return values.map((value, i) => {
      const column = (sort[i] as SortKey).column
      if (value === null && nullable.has(column)) return null
      const check = checkers.get(column) as ParameterOf['check']
      const checked = typeof value === 'string' || typeof value === 'number' ? check(String(value)) : null
      if (!checked || 'error' in checked)
        throw invalidParameter('after', 'is not a cursor of this list and sort order; follow the Link header')
      return checked.value
    })
  }

  function parseFilter(name: string, raw: unknown): Filter {
    const { column, op, check } = parameters.get(name) as ParameterOf
    if (op !== 'in') return { column, op, value: raw }
    const items = String(raw).split(',')
    if (items.length > MAX_IN_VALUES) throw invalidParameter(name, `lists more than ${MAX_IN_VALUES} values`)
    const values = items.map((item) => {
      const checked = check(item)
      if ('error' in checked) throw invalidParameter(name, `"${item}" ${checked.error}`)
      return checked.value
    })
    return { column, op, value: values }
  }

  return {
    schema: Type.Object(properties, { additionalProperties: false }),
    parse(query, count) {
      const {
        limit,
        offset,
        after,
        sort: sortText,
        ...filters
      } = query as {
        limit?: number
        offset?: number
        after?: string
        sort?: string
      } & Record<string, unknown>
      if (after !== undefined && offset !== undefined) throw invalidParameter('after', 'cannot be combined with offset')
      const sort = parseSort(sortText)
      return {
        filters: Object.entries(filters).map(([name, value]) => parseFilter(name, value)),
        sort,
        limit: limit ?? DEFAULT_LIMIT,
        offset: offset ?? 0,
        after: after === undefined ? null : parseCursor(after, sort),
        count,
      }
    },
    cursor: (sort, last) => Buffer.from(JSON.stringify([sortSignature(sort), ...last])).toString('base64url'),
  }
}
