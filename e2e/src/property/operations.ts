import type { Role } from '@labtrack/db'

/** A JSON schema as the OpenAPI document writes it (3.1: JSON Schema, `$ref` into components). */
export type JsonSchema = Record<string, unknown>

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: JsonSchema
}

/** What an operation needs, as the document says it: nothing (no security), or a role. */
export type Needs = 'public' | Role

/** One operation of the document, with what the property test needs of it. */
export interface Operation {
  /** `GET /api/sites/{id}`: how findings and counts name it. */
  label: string
  method: string
  /** The path template, `{name}` for each path parameter. */
  path: string
  needs: Needs
  parameters: Parameter[]
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema
  /** The media type of a body that is not JSON (the CSV import's text/csv), when the operation takes one. */
  textBody?: string
  /** Every documented status, and the schema of its JSON body when it has one. */
  responses: Map<number, JsonSchema | undefined>
}

interface DocumentOperation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
  security?: unknown[]
  description?: string
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']
// The document says an operation's role in words ("Needs the editor role."), as a reader sees it.
const NEEDS_ROLE = /Needs the (viewer|editor|admin) role/

function needsOf(operation: DocumentOperation): Needs {
  if (!operation.security || operation.security.length === 0) return 'public'
  return (NEEDS_ROLE.exec(operation.description ?? '')?.[1] as Role | undefined) ?? 'viewer'
}

/** Every operation of an OpenAPI document, in its order. */
export function operationsOf(document: { paths: Record<string, Record<string, DocumentOperation>> }): Operation[] {
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue
      const responses = new Map<number, JsonSchema | undefined>()
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        responses.set(Number(status), response.content?.['application/json']?.schema)
      }
      const content = operation.requestBody?.content ?? {}
      const body = content['application/json']?.schema
      const textBody = body ? undefined : Object.keys(content)[0]
      operations.push({
        label: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        needs: needsOf(operation),
        parameters: operation.parameters ?? [],
        ...(body ? { body } : {}),
        ...(textBody ? { textBody } : {}),
        responses,
      })
    }
  }
  return operations
}

/** Follows `#/components/schemas/…` references (and nothing else: the document has no other kind). */
export function resolveRef(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const name = ref.replace(/^#\/components\/schemas\//, '')
  const target = components[name]
  if (!target) throw new Error(`the OpenAPI document refers to ${ref}, which it does not define`)
  return resolveRef(target, components)
}
