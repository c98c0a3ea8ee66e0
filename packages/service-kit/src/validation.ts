import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

// Bodies are JSON: a number where a string belongs is a client error, never
// coerced. Params and query strings are text and must be coerced to integers.
// Unknown query parameters are dropped; unknown body fields are rejected by
// the schemas (additionalProperties: false).
const shared: Options = { useDefaults: true, allErrors: true, strict: false }
const bodyAjv = addFormats.default(new Ajv.default({ ...shared, coerceTypes: false, removeAdditional: false }))
const textAjv = addFormats.default(new Ajv.default({ ...shared, coerceTypes: true, removeAdditional: true }))

// ajv coerces text with Number(), which also reads "0x10", "1e3" and " 7":
// an id or a page bound in a URL is written in decimal digits, nothing else.
const DECIMAL = /^-?\d+$/

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
        message: 'must be an integer written in decimal digits',
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

export const validatorCompiler: FastifySchemaCompiler<ObjectSchema> = ({ schema, httpPart }) =>
  httpPart === 'body' ? bodyAjv.compile(schema) : withDecimalIntegers(schema, textAjv.compile(schema))
