import type { ColumnOptions, PgType, ResourceDefinition } from './definition.js'

// The list query language of every collection, as SQL. Identifiers come from
// the resource definition only; every value is a bind parameter.

export const COMPARISONS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const
export type Operator = keyof typeof COMPARISONS | 'in' | 'contains' | 'null'

const OPERATORS: Record<PgType, Operator[]> = {
  integer: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'],
  text: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains'],
  uuid: ['eq', 'ne', 'in'],
  macaddr: ['eq', 'ne', 'in'],
}

/** The id column every resource has, as the list language sees it. */
export const ID_OPTIONS: ColumnOptions = { pgType: 'integer', listable: true }

/** The columns a list may filter and sort on: the id, then the definition's listable ones. */
export function listableColumns(resource: ResourceDefinition): [string, ColumnOptions][] {
  const columns = Object.entries(resource.columns).filter(([, column]) => column.options.listable)
  return [['id', ID_OPTIONS], ...columns.map(([name, column]): [string, ColumnOptions] => [name, column.options])]
}

/** The operators a column allows: by its type, and `null` when it may be null. */
export function operatorsOf(options: ColumnOptions): Operator[] {
  return options.nullable ? [...OPERATORS[options.pgType], 'null'] : OPERATORS[options.pgType]
}

export interface Filter {
  column: string
  op: Operator
  /** A value of the column's type; an array for `in`; a boolean for `null`. */
  value: unknown
}

export interface SortKey {
  column: string
  desc: boolean
}

export interface ListRequest {
  filters: Filter[]
  /** Ends with the id, so the order is total. */
  sort: SortKey[]
  limit: number
  offset: number
  /** The sort keys' values of the last row of the previous page (keyset paging), or null. */
  after: unknown[] | null
  /** Whether to count every row the filters match. */
  count: boolean
}

/** A plain page in id order: no filter, no cursor, no count (the seed's lists). */
export function pageById({ limit, offset }: { limit: number; offset: number }): ListRequest {
  return { filters: [], sort: [{ column: 'id', desc: false }], limit, offset, after: null, count: false }
}

/** Collects bind parameters and hands out their placeholders. */
class Binds {
  readonly values: unknown[] = []
  add(value: unknown, pgType: PgType | 'bigint', array = false): string {
    this.values.push(value)
    return `$${this.values.length}::${pgType}${array ? '[]' : ''}`
  }
}

function filterSql(table: string, options: ColumnOptions, { column, op, value }: Filter, binds: Binds): string {
  const name = `${table}.${column}`
  if (op === 'null') return value ? `${name} IS NULL` : `${name} IS NOT NULL`
  if (op === 'in') return `${name} = ANY(${binds.add(value, options.pgType, true)})`
  // Case-insensitive substring without LIKE, so %, _ and \ in the text are just characters.
  if (op === 'contains') return `strpos(lower(${name}), lower(${binds.add(value, 'text')})) > 0`
  return `${name} ${COMPARISONS[op]} ${binds.add(value, options.pgType)}`
}

// ORDER BY puts nulls last ascending and first descending; "after v" follows that order.
function afterSql(name: string, options: ColumnOptions, desc: boolean, value: unknown, binds: Binds): string | null {
  if (value === null) return desc ? `${name} IS NOT NULL` : null
  const placeholder = binds.add(value, options.pgType)
  if (desc) return `${name} < ${placeholder}`
  return options.nullable ? `(${name} > ${placeholder} OR ${name} IS NULL)` : `${name} > ${placeholder}`
}

function equalSql(name: string, options: ColumnOptions, value: unknown, binds: Binds): string {
  return value === null ? `${name} IS NULL` : `${name} = ${binds.add(value, options.pgType)}`
}

/** Rows strictly after the given sort-key values: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … */
function keysetSql(table: string, columns: Map<string, ColumnOptions>, sort: SortKey[], after: unknown[], binds: Binds) {
  const alternatives: string[] = []
  sort.forEach(({ column, desc }, i) => {
    const options = columns.get(column) as ColumnOptions
    const later = afterSql(`${table}.${column}`, options, desc, after[i], binds)
    if (later === null) return
    const equal = sort
      .slice(0, i)
      .map((key, j) => equalSql(`${table}.${key.column}`, columns.get(key.column) as ColumnOptions, after[j], binds))
    alternatives.push([...equal, later].join(' AND '))
  })
  // Never empty: the id ends every sort and is never null, so "after its value" always applies.
  return `(${alternatives.join(' OR ')})`
}

export interface ListStatements {
  page: { text: string; values: unknown[] }
  count: { text: string; values: unknown[] } | null
}

/** The page statement (one row more than the page, to know whether more exist) and, when asked, the count. */
export function listStatements(resource: ResourceDefinition, select: string, request: ListRequest): ListStatements {
  const { table } = resource
  const columns = new Map(listableColumns(resource))
  const binds = new Binds()
  const filters = request.filters.map((filter) => filterSql(table, columns.get(filter.column) as ColumnOptions, filter, binds))
  const where = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : ''
  const count = request.count ? { text: `SELECT count(*) AS total FROM ${table}${where}`, values: [...binds.values] } : null

  const conditions = request.after ? [...filters, keysetSql(table, columns, request.sort, request.after, binds)] : filters
  const order = request.sort.map(({ column, desc }) => `${table}.${column} ${desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'}`)
  // bigint: one row more than a page of MAX_ID rows (the seed's "every row") does not fit an integer.
  const limit = binds.add(request.limit + 1, 'bigint')
  const offset = binds.add(request.offset, 'integer')
  const text = `SELECT ${select} FROM ${table}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${order.join(', ')} LIMIT ${limit} OFFSET ${offset}`
  return { page: { text, values: binds.values }, count }
}
