import Ajv, { type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

// Bodies are JSON: a number where a string belongs is a client error, never
// coerced. Params and query strings are text and must be coerced to integers.
// Unknown query parameters are dropped; unknown body fields are rejected by
// the schemas (additionalProperties: false).
const shared: Options = { useDefaults: true, allErrors: true, strict: false }
const bodyAjv = addFormats.default(new Ajv.default({ ...shared, coerceTypes: false, removeAdditional: false }))
const textAjv = addFormats.default(new Ajv.default({ ...shared, coerceTypes: true, removeAdditional: true }))

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema)
