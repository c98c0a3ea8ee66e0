import { STATUS_CODES } from 'node:http'
import type { DbErrorCode } from '@labtrack/db'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyError } from 'fastify'
import { issueDetail } from './validation.js'

/** RFC 9457 problem details: the body of every error response. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    required_role: Type.Optional(Type.String({ description: 'with 403: the role the action needs' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          in: Type.String({ description: 'body, querystring or params' }),
          pointer: Type.String({ description: 'JSON pointer to the invalid field, e.g. /name' }),
          detail: Type.String(),
        }),
      ),
    ),
  },
  { title: 'Problem' },
)
export type Problem = Static<typeof Problem>

/** The Problem schema as every service registers it once; routes refer to it by `$ref`. */
export const ProblemSchema = { ...Problem, $id: 'Problem' }
export const ProblemRef = Type.Unsafe<Problem>(Type.Ref('Problem'))

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

/**
 * The problem types this API returns, one place for their status and title.
 * Clients can switch on `type`; it never changes for a given condition.
 */
export const PROBLEM_TYPES = {
  validation: { status: 400, title: 'Bad Request' },
  'bad-request': { status: 400, title: 'Bad Request' },
  unauthenticated: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not Found' },
  'method-not-allowed': { status: 405, title: 'Method Not Allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'still-referenced': { status: 409, title: 'Conflict' },
  'request-timeout': { status: 408, title: 'Request Timeout' },
  'precondition-failed': { status: 412, title: 'Precondition Failed' },
  'payload-too-large': { status: 413, title: 'Content Too Large' },
  'uri-too-long': { status: 414, title: 'URI Too Long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported Media Type' },
  'unknown-parent': { status: 422, title: 'Unprocessable Content' },
  unprocessable: { status: 422, title: 'Unprocessable Content' },
  'too-many-requests': { status: 429, title: 'Too Many Requests' },
  'request-header-too-large': { status: 431, title: 'Request Header Fields Too Large' },
  'client-error': { status: 400, title: 'Bad Request' },
  internal: { status: 500, title: 'Internal Server Error' },
  'not-implemented': { status: 501, title: 'Not Implemented' },
  'bad-gateway': { status: 502, title: 'Bad Gateway' },
  unavailable: { status: 503, title: 'Service Unavailable' },
  'gateway-timeout': { status: 504, title: 'Gateway Timeout' },
  'http-version-not-supported': { status: 505, title: 'HTTP Version Not Supported' },
} as const
export type ProblemType = keyof typeof PROBLEM_TYPES

const DB_ERROR_TYPES: Record<DbErrorCode, ProblemType> = {
  LABTRACK_DB_CONFLICT: 'conflict',
  LABTRACK_DB_STILL_REFERENCED: 'still-referenced',
  LABTRACK_DB_UNKNOWN_PARENT: 'unknown-parent',
  LABTRACK_DB_UNPROCESSABLE: 'unprocessable',
  LABTRACK_DB_BAD_INPUT: 'bad-request',
  LABTRACK_DB_UNAVAILABLE: 'unavailable',
}

// Fastify's and its plugins' errors: the problem type, and a detail when theirs says too little.
const FASTIFY_ERROR_TYPES: Record<string, ProblemType | [ProblemType, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad-request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad-request',
  FST_ERR_BAD_URL: 'bad-request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri-too-long',
  FST_CSRF_INVALID_TOKEN: ['forbidden', 'a write signed in by cookie needs the X-CSRF-Token header that GET /api/me gives'],
  FST_CSRF_MISSING_SECRET: ['forbidden', 'a write signed in by cookie needs the X-CSRF-Token header that GET /api/me gives'],
}

export function problem(type: ProblemType, detail: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = PROBLEM_TYPES[type]
  return { type: `urn:labtrack:problem:${type}`, title, status, detail, ...extra }
}

/** Thrown by a route to answer with exactly this problem. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError'
  constructor(readonly problem: Problem) {
    super(problem.detail)
  }
}

/** The 404 a route answers with when the row it names does not exist. */
export function notFound(what: string, id: number | string): ProblemError {
  return new ProblemError(problem('not-found', `${what} ${id} does not exist`))
}

interface AjvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

/** Turns any error thrown while handling a request into the problem a client may see. */
export function toProblem(
  error: (FastifyError | ProblemError) & { validation?: AjvError[]; validationContext?: string },
  requestId: string,
): Problem {
  if (error instanceof ProblemError) return error.problem
  if (error.validation) {
    const where = error.validationContext ?? 'body'
    return problem('validation', `the request ${where} is not valid`, {
      errors: error.validation.map((issue) => validationIssue(where, issue)),
    })
  }
  if (error.name === 'DbError' && error.code in DB_ERROR_TYPES) {
    return problem(DB_ERROR_TYPES[error.code as DbErrorCode], error.message)
  }
  const known = FASTIFY_ERROR_TYPES[error.code]
  if (known) return typeof known === 'string' ? problem(known, error.message) : problem(known[0], known[1])
  // JSON.parse's SyntaxError arrives with statusCode 400.
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) return { ...problem('client-error', error.message), status, title: statusTitle(status) }
  // A 5xx never carries the error's own message: it may hold SQL or internals.
  return problem('internal', `the server could not complete the request; quote request id ${requestId} when reporting it`)
}

// RFC 9110's names, where Node's STATUS_CODES still has the older ones.
const TITLES: Record<number, string> = Object.fromEntries(
  Object.values(PROBLEM_TYPES).map(({ status, title }) => [status, title]),
)

/** The title of a problem of this status: the registry's, else the HTTP reason phrase. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? STATUS_CODES[status] ?? 'Error'
}

function validationIssue(where: string, issue: AjvError) {
  const missing = issue.keyword === 'required' ? `/${String(issue.params.missingProperty)}` : ''
  const extra = issue.keyword === 'additionalProperties' ? `/${String(issue.params.additionalProperty)}` : ''
  const unknown = where === 'querystring' ? 'is not a known parameter' : 'is not a known field'
  return {
    in: where,
    pointer: `${issue.instancePath}${missing}${extra}` || '/',
    detail: extra ? unknown : issueDetail(issue),
  }
}
