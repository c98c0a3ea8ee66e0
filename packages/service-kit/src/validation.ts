import { PATTERN_MESSAGES } from '@labtrack/db'
import type { TSchema } from '@sinclair/typebox'
import Ajv, { type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

// Bodies are JSON: a number where a string belongs is a client error, never
// coerced. Params and query strings are text and must be coerced to integers.
// Unknown body fields and unknown query parameters are refused by the schemas
// (additionalProperties: false), never dropped: a typo'd filter that silently
// returned every row is the bug this prevents.
const shared: Options = { useDefaults: true, allErrors: true, strict: false }
const newAjv = (coerceTypes: boolean) => addFormats.default(new Ajv.default({ ...shared, coerceTypes, removeAdditional: false }))

// ajv coerces text with Number(), which also reads "0x10", "1e3" and " 7":
// an id or a page bound in a URL is written in decimal digits, nothing else.
const DECIMAL = /^-?\d+$/
const DECIMAL_MESSAGE = 'must be an integer written in decimal digits'

interface ObjectSchema {
  properties?: Record<string, { type?: unknown }>
}

function withDecimalIntegers(schema: ObjectSchema, validate: ValidateFunction) {
  const integers = Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.type === 'integer')
    .map(([key]) => key)
  const check = (data: Record<string, unknown>): boolean => {
    const loose = integers.filter((key) => typeof data[key] === 'string' && !DECIMAL.test(data[key] as string))
    check.errors = loose.map(
      (key): ErrorObject => ({
        instancePath: `/${key}`,
        schemaPath: `#/properties/${key}/type`,
        keyword: 'type',
        params: { type: 'integer' },
        message: DECIMAL_MESSAGE,
      }),
    )
    if (loose.length > 0) return false
    const valid = validate(data)
    check.errors = validate.errors ?? []
    return valid
  }
  check.errors = [] as ErrorObject[]
  return check
}

/**
 * Fastify's validator factory: one pair of ajv instances per set of shared
 * schemas (the rows and inputs a service registers with addSchema), so route
 * schemas can `$ref` them. Fastify calls it for every plugin context at start;
 * the pair is made when its first schema is compiled (a new ajv instance
 * compiles its meta-schema and checks every shared schema against it: most of
 * a start's time, for contexts that may never validate anything).
 */
export function buildValidator(externalSchemas: Record<string, AnySchema> = {}) {
  let pair: { body: Ajv.default; text: Ajv.default } | undefined
  const instances = () => {
    if (pair) return pair
    pair = { body: newAjv(false), text: newAjv(true) }
    for (const schema of Object.values(externalSchemas)) {
      pair.body.addSchema(schema)
      pair.text.addSchema(schema)
    }
    return pair
  }
  const compile: FastifySchemaCompiler<ObjectSchema> = ({ schema, httpPart }) =>
    httpPart === 'body' ? instances().body.compile(schema) : withDecimalIntegers(schema, instances().text.compile(schema))
  return compile as unknown as (routeSchema: { schema: unknown; httpPart?: string }) => ValidateFunction
}

/** What a failed check says of a value: the project's words for its patterns, else ajv's. */
export function issueDetail(issue: Pick<ErrorObject, 'keyword' | 'params' | 'message'>): string {
  const pattern = issue.keyword === 'pattern' ? PATTERN_MESSAGES[String(issue.params.pattern)] : undefined
  return pattern ?? issue.message ?? 'is not valid'
}

const valueAjv = newAjv(true)

/** Checks one value written as text (an item of `field[in]=a,b`) against a field's schema, coercing as a query string would. */
export function textValueChecker(schema: TSchema): (text: string) => { value: unknown } | { error: string } {
  const validate = valueAjv.compile({ type: 'object', properties: { value: schema }, required: ['value'] })
  const integer = schema.type === 'integer'
  return (text) => {
    if (integer && !DECIMAL.test(text)) return { error: DECIMAL_MESSAGE }
    const holder = { value: text }
    if (validate(holder)) return { value: holder.value }
    return { error: issueDetail((validate.errors as ErrorObject[])[0] as ErrorObject) }
  }
}
