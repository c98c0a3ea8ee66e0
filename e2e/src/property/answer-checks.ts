import { PROBLEM_TYPES } from '@labtrack/service-kit'
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { WireAnswer } from './http-client.js'
import type { JsonSchema } from './operations.js'
import type { ResolvedRequest } from './wire-request.js'

/** Statuses a valid request may get: done, not modified, or refused for what the data is, not what was sent. */
const VALID_REFUSALS = new Set([304, 404, 409, 412, 422, 429])
const PROBLEM_URN = /^urn:labtrack:problem:([a-z-]+)$/

/**
 * Text that has no place in an error a client sees: SQL, PostgreSQL's and
 * the driver's messages, stack frames and source paths. A match that is
 * only an echo of what the request itself sent is not a leak.
 */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat (?:\S+ \()?(?:node:[\w/.-]+|(?:file:\/\/)?\/?[\w.@/-]+\.[cm]?[jt]s):\d+:\d+/],
  ['a source file', /\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['SQL', /\b(?:SELECT\s[\s\S]+?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|RETURNING\s)\b/i],
  [
    'a PostgreSQL message',
    /syntax error at or near|violates (?:foreign key|unique|check|not-null) constraint|invalid input syntax|duplicate key value|relation "[^"]+" does not exist|column "[^"]+" does not exist|out of range for type|unterminated quoted string|current transaction is aborted/i,
  ],
  ['a driver message', /\bECONN(?:REFUSED|RESET)\b|\bETIMEDOUT\b|\bpg(?:-pool)?\b|postgres(?:ql)?:\/\/|\bSQLSTATE\b/i],
  ['an error class', /\b(?:TypeError|ReferenceError|RangeError|DbError|DatabaseError)\b/],
]

function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) strings(item, into)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into)
  return into
}

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Everything the request said, as the service may have read it back into a message. */
function requestText({ wire }: ResolvedRequest): string {
  const parts = [wire.target, decoded(wire.target), ...Object.values(wire.headers)]
  if (wire.body) {
    const text = wire.body.toString('utf8')
    parts.push(text)
    try {
      parts.push(...strings(JSON.parse(text)))
    } catch {}
  }
  return parts.join('\n')
}

function leaksIn(problem: unknown, request: ResolvedRequest): string[] {
  const said = requestText(request)
  const found: string[] = []
  for (const text of strings(problem)) {
    for (const [what, pattern] of LEAKS) {
      const match = pattern.exec(text)
      if (match && !said.includes(match[0])) found.push(`${what} in the body: ${JSON.stringify(match[0])}`)
    }
  }
  return found
}

const header = (answer: { headers: Record<string, unknown> }, name: string) => {
  const value = answer.headers[name]
  return Array.isArray(value) ? value.join(', ') : (value as string | undefined)
}

/** The document's schemas compiled once: a response's body, and the Problem of every error. */
export class AnswerChecks {
  private readonly ajv: Ajv.default
  private readonly compiled = new Map<JsonSchema, ValidateFunction>()
  private readonly problem: ValidateFunction

  constructor(components: Record<string, JsonSchema>) {
    this.ajv = addFormats.default(new Ajv.default({ strict: false, allErrors: true }))
    // The document's `#/components/schemas/X` become `openapi#/$defs/X` of one schema holding them all.
    this.ajv.addSchema({ $id: 'openapi', $defs: rewriteRefs(components) })
    this.problem = this.ajv.compile({ $ref: 'openapi#/$defs/Problem' })
  }

  private validatorOf(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema)
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as JsonSchema)
      this.compiled.set(schema, validate)
    }
    return validate
  }

  /** Everything wrong with an answer, in words; nothing when it is as it must be. */
  violationsOf(request: ResolvedRequest, answer: WireAnswer): string[] {
    if (answer.status === undefined) return [answer.error]
    const { plan, expect } = request
    const { operation } = plan
    const status = answer.status
    const violations: string[] = []
    if (status >= 500) violations.push(`a ${status}: no input may cause a server error`)
    if (status < 200 || (status >= 300 && status < 400 && status !== 304)) violations.push(`status ${status}`)
    if (status === 304 && !(plan.method === 'GET' && 'if-none-match' in request.wire.headers))
      violations.push('a 304 without If-None-Match')
    if (status === 304 && answer.body.length > 0) violations.push('a 304 with a body')

    if (status >= 400) violations.push(...this.problemViolations(request, answer))
    // A request that does not reach its route (an empty or dot segment, an
    // encoded slash) may reach another one, or the UI's pages: its answer is
    // held only to what every answer must be.
    if (!expect.reachesRoute) {
      if (expect.reachesPath && status < 300)
        violations.push(`${plan.method} is not documented for ${operation.path}, yet it answered ${status}`)
      return violations
    }
    if (status >= 200 && status < 300) {
      if (!operation.responses.has(status)) violations.push(`${status} is not a documented answer of ${operation.label}`)
      else violations.push(...this.bodyViolations(operation.responses.get(status), answer))
    }
    if (expect.refusal !== undefined && status !== expect.refusal && status !== 429)
      violations.push(`credentials that call for a ${expect.refusal} got a ${status}`)
    if (expect.valid) {
      // An open operation's 401 is about the name and password in its body (sign-in), not the request's credentials.
      const signInRefused = status === 401 && operation.needs === 'public'
      if (!(status < 300 || VALID_REFUSALS.has(status) || signInRefused)) violations.push(`a valid request got a ${status}`)
      else if (status >= 300 && !operation.responses.has(status) && status !== 429)
        violations.push(`a valid request got a ${status}, which the document does not list for ${operation.label}`)
      if (expect.namesRows && status === 404) violations.push('a 404 for a row that exists')
    }
    return violations
  }

  private bodyViolations(schema: JsonSchema | undefined, answer: WireAnswer & { status: number }): string[] {
    if (!schema) return answer.body.length === 0 ? [] : [`a ${answer.status} that documents no body has one`]
    const type = header(answer, 'content-type') ?? ''
    if (!type.startsWith('application/json')) return [`a ${answer.status} with content-type ${JSON.stringify(type)}`]
    let body: unknown
    try {
      body = JSON.parse(answer.body.toString('utf8'))
    } catch {
      return [`a ${answer.status} whose body is not JSON`]
    }
    const validate = this.validatorOf(schema)
    if (validate(body)) return []
    return (validate.errors ?? [])
      .slice(0, 3)
      .map((error) => `the body is not as documented: ${error.instancePath || '/'} ${error.message}`)
  }

  private problemViolations(request: ResolvedRequest, answer: WireAnswer & { status: number }): string[] {
    const status = answer.status
    const violations: string[] = []
    const type = header(answer, 'content-type') ?? ''
    if (!type.startsWith('application/problem+json')) violations.push(`a ${status} with content-type ${JSON.stringify(type)}`)
    let problem: { type?: unknown; title?: unknown; status?: unknown }
    try {
      problem = JSON.parse(answer.body.toString('utf8'))
    } catch {
      return [...violations, `a ${status} whose body is not JSON: ${JSON.stringify(answer.body.toString('utf8').slice(0, 200))}`]
    }
    if (!this.problem(problem))
      violations.push(
        ...(this.problem.errors ?? []).map((error) => `not a problem: ${error.instancePath || '/'} ${error.message}`),
      )
    if (problem.status !== status) violations.push(`the problem says status ${String(problem.status)} in a ${status}`)
    const key = PROBLEM_URN.exec(String(problem.type))?.[1]
    const registered = key ? PROBLEM_TYPES[key as keyof typeof PROBLEM_TYPES] : undefined
    if (!registered) violations.push(`problem type ${JSON.stringify(problem.type)} is not in the registry`)
    else if (key !== 'client-error' && (registered.status !== status || registered.title !== problem.title))
      violations.push(`problem type ${key} is ${registered.status} ${registered.title}, not ${status} ${String(problem.title)}`)
    if (status === 401 && !header(answer, 'www-authenticate')?.startsWith('Bearer realm="labtrack"'))
      violations.push('a 401 without WWW-Authenticate: Bearer realm="labtrack"')
    if (status === 429 && !/^\d+$/.test(header(answer, 'retry-after') ?? '')) violations.push('a 429 without Retry-After')
    violations.push(...leaksIn(problem, request))
    return violations
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? item.replace('#/components/schemas/', 'openapi#/$defs/') : rewriteRefs(item),
    ]),
  )
}
