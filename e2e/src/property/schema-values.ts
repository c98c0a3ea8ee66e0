import fc from 'fast-check'
import { type JsonSchema, resolveRef } from './operations.js'
import { RowRef } from './row-ref.js'

export interface SchemaContext {
  components: Record<string, JsonSchema>
  /** Properties that hold the id of another table's row (site_id: site): mostly filled with a real row's id. */
  references: Readonly<Record<string, string>>
}

const INT32_MAX = 2147483647
// Valid strings are kept short, with an occasional one at its maximum length:
// the point is what the service does with them, not the bytes on the wire.
const SHORT = 24
const AT_MAX_UP_TO = 5000

/** Every value the schema allows (within sizes that keep requests small), as fast-check draws them. */
export function schemaValues(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<unknown> {
  const resolved = resolveRef(schema, context.components)
  const alternatives = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => schemaValues(alternative, context)))
  if (Array.isArray(resolved.enum)) return fc.constantFrom(...(resolved.enum as unknown[]))
  if ('const' in resolved) return fc.constant(resolved.const)
  const type = resolved.type
  if (Array.isArray(type)) return fc.oneof(...type.map((one) => schemaValues({ ...resolved, type: one }, context)))
  switch (type) {
    case 'string':
      return stringOf(resolved)
    case 'integer':
      return integerOf(resolved)
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        ...bounds(resolved),
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(schemaValues((resolved.items as JsonSchema | undefined) ?? {}, context), {
        minLength: (resolved.minItems as number | undefined) ?? 0,
        maxLength: Math.min((resolved.maxItems as number | undefined) ?? 5, 5),
      })
    case 'object':
      return objectOf(resolved, context)
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function bounds(schema: JsonSchema): { min?: number; max?: number } {
  return {
    ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}),
    ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}),
  }
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const { min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds(schema)
  if (min >= -INT32_MAX - 1 && max <= INT32_MAX) return fc.integer({ min, max })
  return fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number)
}

/** JSON Schema counts a string's length in code points. */
const lengthOf = (text: string) => [...text].length

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0
  const maxLength = (schema.maxLength as number | undefined) ?? Number.POSITIVE_INFINITY
  const fits = (text: string) => lengthOf(text) >= minLength && lengthOf(text) <= maxLength
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString())
  }
  if (typeof schema.pattern === 'string') return matching(schema.pattern).filter(fits)
  // 'binary': any code point (each one unit), so the lengths above are code points too.
  const short = fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, minLength + SHORT) })
  if (maxLength > AT_MAX_UP_TO) return short
  return fc.oneof(
    { weight: 9, arbitrary: short },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: maxLength, maxLength }) },
  )
}

/**
 * Strings that match a pattern of the document. fast-check cannot draw from
 * a pattern with a backreference (the mac's `([:-])…\1`): each one is replaced
 * by its group's own pattern, and what no longer matches the real one is dropped.
 */
function matching(pattern: string): fc.Arbitrary<string> {
  const exact = new RegExp(pattern, 'u')
  const groups = capturingGroups(pattern)
  const drawable = pattern.replace(/\\(\d)/g, (_, index: string) => `(?:${groups[Number(index) - 1] ?? ''})`)
  const arbitrary = fc.stringMatching(new RegExp(drawable, 'u'))
  return drawable === pattern ? arbitrary : arbitrary.filter((text) => exact.test(text))
}

/** The source of each capturing group of a pattern, in order. */
function capturingGroups(pattern: string): string[] {
  const groups: { start: number; index: number }[] = []
  const sources: string[] = []
  const open: ({ start: number; index: number } | null)[] = []
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '\\') {
      i++
    } else if (char === '(') {
      const capturing = pattern[i + 1] !== '?'
      const group = capturing ? { start: i + 1, index: groups.length } : null
      if (group) groups.push(group)
      open.push(group)
    } else if (char === ')') {
      const group = open.pop()
      if (group) sources[group.index] = pattern.slice(group.start, i)
    }
  }
  return sources
}

function objectOf(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = (schema.required ?? []) as string[]
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [name, property] of Object.entries(properties)) {
    const value = schemaValues(property, context)
    const table = context.references[name]
    model[name] = table
      ? fc.oneof({ weight: 4, arbitrary: fc.nat().map((pick) => new RowRef(table, pick)) }, { weight: 1, arbitrary: value })
      : value
  }
  const minProperties = (schema.minProperties as number | undefined) ?? 0
  return fc
    .record(model, { requiredKeys: required.filter((name) => name in model) })
    .filter((object) => Object.keys(object).length >= minProperties)
}
