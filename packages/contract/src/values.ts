// Values the suite derives from a column's definition: samples to list, filter
// and sort by, and the body and filter values its schema refuses.
import { COMPARISONS, type Column, type ColumnOptions, NAME_PATTERN, type Operator } from '@labtrack/db'
import { BAD_ID_VALUES } from '@labtrack/service-kit/testing'
import type { Own, ResourceCase, Row } from './case.js'

/** Every operator of the list language. */
export const OPERATORS: Operator[] = [...(Object.keys(COMPARISONS) as Operator[]), 'in', 'contains', 'null']

// Lower-case ASCII letters sort alike under every collation (C, ICU, glibc):
// the order the suite expects is the order Postgres gives, wherever it runs.
const TEXT = ['bravo', 'alpha', 'delta', 'bravo', 'charlie', 'echo']
const NULLABLE_TEXT = ['bravo', '', null, 'delta', 'bravo', 'alpha', null]

/** Values of one column for the rows of a list test: ties, and nulls where the column allows them. */
export function samples(c: ResourceCase, own: Own, column: string, options: ColumnOptions): unknown[] {
  if (options.parent) {
    const [a, b, d] = own.parents
    return [b, a, d, a, b, d]
  }
  if (options.pgType === 'text') return options.nullable ? NULLABLE_TEXT : TEXT
  const fresh = c.unique[column] as () => unknown
  const [v1, v2, v3, v4, v5] = [fresh(), fresh(), fresh(), fresh(), fresh()]
  return options.nullable ? [v1, null, v2, v3, null, v4] : [v1, v2, v3, v4, v5]
}

/** Postgres' order of two non-null values of a column (numbers, or text, uuid and mac as lower-case text). */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number') return a - (b as number)
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
}

/** ORDER BY column (NULLS LAST ascending, FIRST descending), then the id. */
export function sortRows(rows: Row[], column: string, desc: boolean, idDesc = false): Row[] {
  return [...rows].sort((x, y) => {
    const [a, b] = [x[column], y[column]]
    const byValue = a === b ? 0 : a === null ? (desc ? -1 : 1) : b === null ? (desc ? 1 : -1) : compare(a, b) * (desc ? -1 : 1)
    return byValue || (idDesc ? y.id - x.id : x.id - y.id)
  })
}

/** Whether a row's value passes `column[op]=operand`, as SQL decides it (a null passes only [null]=true). */
export function matches(op: Operator, value: unknown, operand: unknown): boolean {
  if (op === 'null') return operand ? value === null : value !== null
  if (value === null) return false
  if (op === 'in') return (operand as unknown[]).includes(value)
  if (op === 'contains') return String(value).toLowerCase().includes(String(operand).toLowerCase())
  const order = compare(value, operand)
  return { eq: order === 0, ne: order !== 0, lt: order < 0, lte: order <= 0, gt: order > 0, gte: order >= 0 }[op]
}

/** The operands a filter test uses, as the suite compares them and as the query string spells them. */
export function operandsOf(op: Operator, rows: Row[], column: string): { operand: unknown; text: string }[] {
  const values = [...new Set(rows.map((row) => row[column]).filter((value) => value !== null))].sort(compare)
  const middle = values[Math.floor(values.length / 2)]
  if (op === 'null') return [true, false].map((operand) => ({ operand, text: String(operand) }))
  if (op === 'in') return [{ operand: values.slice(1, 3), text: values.slice(1, 3).join(',') }]
  if (op === 'contains') {
    // The middle of a value, upper-cased: a substring in another case.
    const text = String(middle).slice(1, -1).toUpperCase()
    return [{ operand: text, text }]
  }
  return [{ operand: middle, text: String(middle) }]
}

/** Integers a URL may not use for an id (decimal digits in 1..MAX_ID only). */
export const BAD_INTEGERS = ['0', '-1', '2147483648', '99999999999999999999', 'abc', '1.5', '', '0x10', '1e3', ' 7', '+1']

interface StringSchema {
  type?: string
  minLength?: number
  maxLength?: number
  pattern?: string
}

/** Text the column's schema refuses: NUL, and blank, empty and too long where it says so. */
function badStrings(schema: StringSchema): string[] {
  const bad = ['a\u0000b']
  if (schema.minLength) bad.push('')
  if (schema.pattern === NAME_PATTERN) bad.push('   ', '\t\n', ' \t ')
  if (schema.maxLength !== undefined) bad.push('x'.repeat(schema.maxLength + 1))
  return bad
}

/** Body values a column refuses: from its schema, and the case's own. */
export function badBodyValues(c: ResourceCase, name: string, { schema, options }: Column): unknown[] {
  const own = c.badValues[name] ?? []
  if (schema.type === 'integer') {
    // Beyond the column's own bounds (a grid's 1–26 rows), and null where the column allows none.
    const { minimum, maximum } = schema as unknown as { minimum: number; maximum: number }
    const bounds = [minimum - 1, maximum + 1].filter((value) => !BAD_ID_VALUES.includes(value))
    return [...BAD_ID_VALUES.filter((value) => value !== null || !options.nullable), ...bounds, ...own]
  }
  const bad: unknown[] = [5, true, ['x'], { text: 'x' }, ...badStrings(schema as StringSchema)]
  if (!options.nullable) bad.push(null)
  return [...bad, ...own]
}

/** A value the filter `column[op]` accepts. */
export function goodFilterValue(c: ResourceCase, column: string, options: ColumnOptions, op: Operator): string {
  if (op === 'null') return 'true'
  if (options.pgType === 'integer') return '1'
  if (options.pgType === 'text') return 'a'
  return String((c.unique[column] as () => unknown)())
}

/** Filter values `column[op]` refuses. */
export function badFilterValues(c: ResourceCase, column: string, { schema, options }: Column, op: Operator): string[] {
  if (op === 'null') return ['maybe', '', '1', 'TRUE ']
  if (op === 'contains') return ['', 'a\u0000b', 'x'.repeat(201)]
  const bad =
    options.pgType === 'integer' ? BAD_INTEGERS : [...badStrings(schema as StringSchema), ...(c.badFilters[column] ?? [])]
  if (op !== 'in') return bad
  const good = goodFilterValue(c, column, options, op)
  return bad.map((value) => `${good},${value}`)
}
