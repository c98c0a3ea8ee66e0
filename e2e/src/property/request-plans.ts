import fc from 'fast-check'
import { CREDENTIAL_KINDS, type CredentialKind, malformedAuthorization, refusalOf } from './credentials.js'
import {
  HOSTILE_BODY_BYTES,
  HOSTILE_CONTENT_TYPES,
  hostileHeaderValue,
  hostileJson,
  hostileSegment,
  hostileString,
  VALID_CONTENT_TYPES,
} from './hostile-values.js'
import { type JsonSchema, type Operation, type Parameter, resolveRef } from './operations.js'
import { RowRef } from './row-ref.js'
import { type SchemaContext, schemaValues } from './schema-values.js'

/** A value in the URL: a row that exists when the request is sent, text to percent-encode, or wire text as it is. */
export type UrlValue = RowRef | { text: string } | { raw: string }

/** In a header: the ETag of the row the path names, as a client that read the row sends it. */
export const PATH_ROW_ETAG: unique symbol = Symbol('the ETag of the row the path names')
type HeaderValue = string | typeof PATH_ROW_ETAG

export type BodyPlan =
  | { kind: 'none' }
  /** `bom`: the UTF-8 byte order mark before the JSON text. */
  | { kind: 'json'; value: unknown; bom?: true }
  | { kind: 'bytes'; bytes: Buffer; label: string }

/** One generated request, before the rows it names are known. */
export interface RequestPlan {
  operation: Operation
  method: string
  credentials: CredentialKind
  /** The Authorization header sent for 'malformed Authorization'. */
  malformed: string
  path: Record<string, UrlValue>
  /** The table whose rows each path parameter names, for those that name rows. */
  pathTables: Record<string, string>
  query: { key: string; value: UrlValue }[]
  headers: Header[]
  body: BodyPlan
  /** undefined: no Content-Type header. */
  contentType: string | undefined
  /** What in the request is not as the document describes it; empty for a valid request. */
  hostile: string[]
}

export interface PlanContext extends SchemaContext {
  /** The table whose rows `{id}` names, by the path segment before it (sites: site). */
  tableOfSegment: Readonly<Record<string, string>>
  /** The methods documented for each path. */
  methodsAt: ReadonlyMap<string, ReadonlySet<string>>
}

/** A part of a request, and why it is hostile (nothing when it is valid). */
interface Part<T> {
  value: T
  hostile: string[]
}

// One part in six is hostile: about two requests in five are entirely valid.
const VALID_WEIGHT = 5
function either<T>(valid: fc.Arbitrary<T>, hostile?: fc.Arbitrary<[T, string]>): fc.Arbitrary<Part<T>> {
  const good = valid.map((value) => ({ value, hostile: [] as string[] }))
  if (!hostile) return good
  return fc.oneof(
    { weight: VALID_WEIGHT, arbitrary: good },
    { weight: 1, arbitrary: hostile.map(([value, why]) => ({ value, hostile: [why] })) },
  )
}

const short = (text: string) =>
  text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}…(${text.length})` : JSON.stringify(text)

/** The table a path's `{id}` names rows of, when it does. */
function tableOf(operation: Operation, parameter: string, context: PlanContext): string | undefined {
  const segments = operation.path.split('/')
  const at = segments.indexOf(`{${parameter}}`)
  return parameter === 'id' && at > 0 ? context.tableOfSegment[segments[at - 1] as string] : undefined
}

function schemaIntegers(schema: JsonSchema): fc.Arbitrary<number> {
  return schemaValues({ ...schema, type: 'integer' }, { components: {}, references: {} }) as fc.Arbitrary<number>
}

function pathPart(operation: Operation, parameter: Parameter, context: PlanContext): fc.Arbitrary<Part<UrlValue>> {
  const table = tableOf(operation, parameter.name, context)
  const fromSchema = schemaValues(parameter.schema, context).map((value): UrlValue => ({ text: String(value) }))
  const valid = table
    ? fc.oneof(
        { weight: 4, arbitrary: fc.nat().map((pick): UrlValue => new RowRef(table, pick)) },
        { weight: 1, arbitrary: fromSchema },
      )
    : fromSchema
  const hostile = hostileSegment(schemaIntegers(parameter.schema)).map((raw): [UrlValue, string] => [
    { raw },
    `path ${parameter.name} ${short(raw)}`,
  ])
  return either(valid, hostile)
}

function pathParts(operation: Operation, context: PlanContext): fc.Arbitrary<Part<Record<string, UrlValue>>> {
  const parts: Record<string, fc.Arbitrary<Part<UrlValue>>> = {}
  for (const parameter of operation.parameters)
    if (parameter.in === 'path') parts[parameter.name] = pathPart(operation, parameter, context)
  return fc.record(parts).map((record) => {
    const value: Record<string, UrlValue> = {}
    const hostile: string[] = []
    for (const [name, part] of Object.entries(record)) {
      value[name] = part.value
      hostile.push(...part.hostile)
    }
    return { value, hostile }
  })
}

/** A valid value of one query parameter; `sort` and `…[in]` say their grammar in words, so it is written here. */
function queryValue(parameter: Parameter, all: Parameter[], context: PlanContext): fc.Arbitrary<UrlValue> {
  const fields = all
    .map((one) => one.name)
    .filter((name) => !name.includes('[') && !['limit', 'offset', 'after', 'sort'].includes(name))
  if (parameter.name === 'sort' && fields.length > 0) {
    return fc
      .uniqueArray(fc.tuple(fc.constantFrom(...fields), fc.boolean()), { selector: ([name]) => name, minLength: 1, maxLength: 3 })
      .map((list) => ({ text: list.map(([name, descending]) => `${descending ? '-' : ''}${name}`).join(',') }))
  }
  const listed = /^(.*)\[in\]$/.exec(parameter.name)?.[1]
  const base = all.find((one) => one.name === listed)
  if (base) {
    return fc
      .array(
        schemaValues(base.schema, context)
          .map(String)
          .filter((text) => !text.includes(',')),
        { minLength: 1, maxLength: 4 },
      )
      .map((values) => ({ text: values.join(',') }))
  }
  const table = context.references[parameter.name]
  const fromSchema = schemaValues(parameter.schema, context).map((value): UrlValue => ({ text: String(value) }))
  return table
    ? fc.oneof(
        fc.nat().map((pick): UrlValue => new RowRef(table, pick)),
        fromSchema,
      )
    : fromSchema
}

const UNKNOWN_QUERY_KEYS = [
  'foo',
  '__proto__',
  'constructor',
  'limit[]',
  'id[regex]',
  'name[contains][x]',
  'sort[]',
  '%00',
  '%ZZ',
  'a'.repeat(300),
  '',
]

type QueryEntry = { key: string; value: UrlValue }

function queryParts(operation: Operation, context: PlanContext): fc.Arbitrary<Part<QueryEntry[]>> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query')
  const entry = (parameter: Parameter) =>
    queryValue(parameter, parameters, context).map((value): QueryEntry => ({ key: parameter.name, value }))
  // The cursor `after` comes from a Link header, so a valid request never makes one up.
  const choosable = parameters.filter((parameter) => parameter.name !== 'after')
  const valid: fc.Arbitrary<QueryEntry[]> =
    choosable.length === 0
      ? fc.constant([])
      : fc.uniqueArray(fc.constantFrom(...choosable), { maxLength: 3 }).chain((chosen) => fc.tuple(...chosen.map(entry)))
  const documented =
    parameters.length > 0 ? fc.constantFrom(...parameters.map((parameter) => parameter.name)) : fc.constant('limit')
  const hostileEntry = fc.oneof(
    fc
      .tuple(documented, hostileString)
      .map(([key, text]): [QueryEntry, string] => [{ key, value: { text } }, `query ${key}=${short(text)}`]),
    fc
      .tuple(documented, fc.constantFrom('%ZZ', '%C3%28', '%ED%A0%80', '%00', '\u00e9', '1,,2', ',', '-', '1'.repeat(5000)))
      .map(([key, raw]): [QueryEntry, string] => [{ key, value: { raw } }, `query ${key}=${short(raw)} as it is`]),
    fc
      .tuple(fc.constantFrom(...UNKNOWN_QUERY_KEYS), hostileString)
      .map(([key, text]): [QueryEntry, string] => [{ key, value: { text } }, `unknown query key ${short(key)}`]),
  )
  const hostile = fc
    .tuple(valid, hostileEntry, fc.boolean())
    .map(([entries, [extra, why], repeat]): [QueryEntry[], string] => [
      repeat && entries[0] ? [...entries, extra, entries[0]] : [...entries, extra],
      why,
    ])
  return either(valid, hostile)
}

const CONDITIONS = ['if-match', 'if-none-match']
const PREFERENCES = ['count=exact', 'count=none', 'return=minimal']
const EXTRA_HEADERS = [
  'x-request-id',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-http-method-override',
  'accept',
  'origin',
  'range',
  'prefer',
  'if-match',
]

type Header = { name: string; value: HeaderValue }

function headerParts(operation: Operation): fc.Arbitrary<Part<Header[]>> {
  const documented = operation.parameters.filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name)
  const validValue = (name: string): fc.Arbitrary<HeaderValue> =>
    CONDITIONS.includes(name)
      ? fc.oneof(fc.constant(PATH_ROW_ETAG), fc.constantFrom('*', '"0"', 'W/"0"', '"0", "1"'))
      : fc.constantFrom(...PREFERENCES)
  const valid: fc.Arbitrary<Header[]> = fc
    .subarray(documented)
    .chain((names) => fc.tuple(...names.map((name) => validValue(name).map((value): Header => ({ name, value })))))
  const hostile = fc
    .tuple(valid, fc.constantFrom(...documented, ...EXTRA_HEADERS), hostileHeaderValue)
    .map(([headers, name, value]): [Header[], string] => [
      [...headers.filter((header) => header.name !== name), { name, value }],
      `header ${name}: ${short(value)}`,
    ])
  return either(valid, hostile)
}

/** A body of the right shape made wrong in one place. */
function mutated(value: unknown, schema: JsonSchema, context: PlanContext): fc.Arbitrary<[unknown, string]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return hostileJson.map((json) => [json, 'body replaced'])
  const object = value as Record<string, unknown>
  const resolved = resolveRef(schema, context.components)
  const required = ((resolved.required ?? []) as string[]).filter((name) => name in object)
  const present = Object.keys(object)
  const extraKey = fc.oneof(
    fc.constantFrom('extra', 'id', '__proto__', 'created_at', 'role', 'password_hash', 'account_id'),
    hostileString,
  )
  const mutations: fc.Arbitrary<[unknown, string]>[] = [
    fc.tuple(extraKey, hostileJson).map(([key, json]) => [withKey(object, key, json), `body extra field ${short(key)}`]),
  ]
  if (required.length > 0) {
    mutations.push(
      fc.constantFrom(...required).map((key) => {
        const { [key]: _, ...rest } = object
        return [rest, `body without ${key}`]
      }),
    )
  }
  if (present.length > 0) {
    mutations.push(
      fc
        .tuple(fc.constantFrom(...present), hostileJson)
        .map(([key, json]) => [withKey(object, key, json), `body ${key} wrong: ${short(JSON.stringify(json) ?? '')}`]),
    )
  }
  return fc.oneof(...mutations)
}

function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object }
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

interface BodyAndType {
  body: BodyPlan
  contentType: string | undefined
}

function bodyParts(operation: Operation, context: PlanContext): fc.Arbitrary<Part<BodyAndType>> {
  const jsonType = fc.constantFrom(...VALID_CONTENT_TYPES)
  const bytes = fc
    .tuple(fc.constantFrom(...HOSTILE_BODY_BYTES), jsonType)
    .map(([{ label, bytes }, contentType]): [BodyAndType, string] => [
      { body: { kind: 'bytes', bytes, label }, contentType },
      `body: ${label}`,
    ])
  if (operation.textBody) return textBodyParts(operation.textBody, bytes)
  const schema = operation.body
  if (!schema) {
    const unexpected = fc.oneof(
      fc
        .tuple(hostileJson, jsonType)
        .map(([value, contentType]): [BodyAndType, string] => [
          { body: { kind: 'json', value }, contentType },
          'a body where none is expected',
        ]),
      bytes,
    )
    return either(fc.constant<BodyAndType>({ body: { kind: 'none' }, contentType: undefined }), unexpected)
  }
  const validValue = schemaValues(schema, context)
  const valid = fc
    .tuple(validValue, jsonType)
    .map(([value, contentType]): BodyAndType => ({ body: { kind: 'json', value }, contentType }))
  const hostile = fc.oneof(
    fc
      .tuple(
        validValue.chain((value) => mutated(value, schema, context)),
        jsonType,
      )
      .map(([[value, why], contentType]): [BodyAndType, string] => [{ body: { kind: 'json', value }, contentType }, why]),
    fc
      .tuple(hostileJson, jsonType)
      .map(([value, contentType]): [BodyAndType, string] => [
        { body: { kind: 'json', value }, contentType },
        'body of another type',
      ]),
    bytes,
    fc
      .tuple(validValue, jsonType)
      .map(([value, contentType]): [BodyAndType, string] => [
        { body: { kind: 'json', value, bom: true }, contentType },
        'a UTF-8 BOM before the JSON',
      ]),
    fc
      .tuple(validValue, fc.constantFrom(...HOSTILE_CONTENT_TYPES))
      .map(([value, contentType]): [BodyAndType, string] => [
        { body: { kind: 'json', value }, contentType },
        `content-type ${contentType === undefined ? 'absent' : short(contentType)}`,
      ]),
    fc
      .constantFrom(undefined, 'application/json')
      .map((contentType): [BodyAndType, string] => [{ body: { kind: 'none' }, contentType }, 'no body']),
  )
  return either(valid, hostile)
}

// A body in another media type than JSON (the CSV import's text/csv): valid is a header row
// alone, which the import accepts and which names no row (so no request depends on the rows there).
const VALID_TEXT_BODIES: Record<string, string> = { 'text/csv': 'uuid,description,freezer_id,parent_uuid,position,location\n' }

function textBodyParts(mediaType: string, bytes: fc.Arbitrary<[BodyAndType, string]>): fc.Arbitrary<Part<BodyAndType>> {
  const text = VALID_TEXT_BODIES[mediaType]
  if (text === undefined) throw new Error(`the property test cannot make a valid ${mediaType} body: add one to VALID_TEXT_BODIES`)
  const asText = ([[body, why], contentType]: [[BodyAndType, string], string]): [BodyAndType, string] => [
    { ...body, contentType },
    `${why} as ${mediaType}`,
  ]
  return either(
    fc.constant<BodyAndType>({
      body: { kind: 'bytes', bytes: Buffer.from(text), label: `a valid ${mediaType} body` },
      contentType: mediaType,
    }),
    fc.oneof(
      fc.tuple(bytes, fc.constant(mediaType)).map(asText),
      fc
        .tuple(hostileJson, fc.constantFrom(...VALID_CONTENT_TYPES))
        .map(([value, contentType]): [BodyAndType, string] => [
          { body: { kind: 'json', value }, contentType },
          'JSON where text is expected',
        ]),
      fc.constant<[BodyAndType, string]>([{ body: { kind: 'none' }, contentType: undefined }, 'no body']),
    ),
  )
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND', 'BREW']

function methodPart(operation: Operation, context: PlanContext): fc.Arbitrary<Part<string>> {
  const documented = context.methodsAt.get(operation.path) ?? new Set()
  const wrong = OTHER_METHODS.filter((method) => !documented.has(method))
  return either(
    fc.constant(operation.method),
    fc.constantFrom(...wrong).map((method): [string, string] => [method, `method ${method} not documented here`]),
  )
}

function credentialsPart(operation: Operation): fc.Arbitrary<Part<CredentialKind>> {
  const kinds = Object.keys(CREDENTIAL_KINDS) as CredentialKind[]
  const allowed = kinds.filter((kind) => refusalOf(kind, operation.needs, operation.method) === undefined)
  const refused = kinds.filter((kind) => !allowed.includes(kind))
  return either(
    fc.constantFrom(...allowed),
    refused.length > 0 ? fc.constantFrom(...refused).map((kind): [CredentialKind, string] => [kind, kind]) : undefined,
  )
}

/** Requests for one operation: valid ones, and ones hostile in one or more parts. */
export function plansOf(operation: Operation, context: PlanContext): fc.Arbitrary<RequestPlan> {
  const pathTables: Record<string, string> = {}
  for (const parameter of operation.parameters) {
    const table = parameter.in === 'path' ? tableOf(operation, parameter.name, context) : undefined
    if (table) pathTables[parameter.name] = table
  }
  return fc
    .record({
      method: methodPart(operation, context),
      credentials: credentialsPart(operation),
      malformed: malformedAuthorization,
      path: pathParts(operation, context),
      query: queryParts(operation, context),
      headers: headerParts(operation),
      body: bodyParts(operation, context),
    })
    .map(({ method, credentials, malformed, path, query, headers, body }) => ({
      operation,
      method: method.value,
      credentials: credentials.value,
      malformed,
      path: path.value,
      pathTables,
      query: query.value,
      headers: headers.value,
      body: body.value.body,
      contentType: body.value.contentType,
      hostile: [method, credentials, path, query, headers, body].flatMap((part) => part.hostile),
    }))
}

/** Requests for every operation of the document, each operation as likely as the others. */
export function requestPlans(operations: Operation[], context: PlanContext): fc.Arbitrary<RequestPlan> {
  return fc.oneof(...operations.map((operation) => plansOf(operation, context)))
}
