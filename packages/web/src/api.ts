// The HTTP client: openapi-fetch, typed by the paths of the OpenAPI document
// (src/generated/openapi.ts), so every URL, parameter, body and answer is
// checked against the API. Around it: RFC 9457 problems turned into ApiError,
// paging read from the `Link: <…>; rel="next"` header, a row's version (ETag)
// kept for the If-Match of its edit, and the session's part of every request
// (session-middleware.ts).

import createClient from 'openapi-fetch'
import type { paths } from './generated/openapi.js'
import { sessionMiddleware } from './session-middleware.js'
import type { Problem } from './types.js'

export type { Problem, ProblemIssue } from './types.js'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** @param retryAfter the seconds a 429 or 503 asks to wait (its Retry-After), or null */
  constructor(
    readonly problem: Problem,
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail || problem.title)
  }
  get status(): number {
    return this.problem.status
  }
}

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/** Which rows of a list a request asks for. */
export interface Paging {
  limit: number
  offset: number
}

/** One page of a list, and where the next page starts (null on the last page). */
export interface Page<T> extends Paging {
  rows: T[]
  nextOffset: number | null
}

const FALLBACK_DETAILS: Record<number, string> = {
  0: 'The server could not be reached. Check the connection and try again.',
  502: 'The server is not answering right now. Try again in a moment.',
  503: 'The database is unavailable right now. Try again in a moment.',
  504: 'The server took too long to answer. Try again in a moment.',
}

function fallbackProblem(status: number, statusText = ''): Problem {
  return {
    type: 'about:blank',
    title: statusText || (status === 0 ? 'Network error' : 'Error'),
    status,
    detail: FALLBACK_DETAILS[status] ?? `The server answered ${status}${statusText ? ` ${statusText}` : ''}.`,
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string'
}

/** The problem an error response carries (openapi-fetch has parsed its body), or one that says what happened. */
function problemOf(response: Response, body: unknown): Problem {
  const type = response.headers.get('content-type') ?? ''
  if (/^application\/(problem\+)?json/i.test(type) && isProblem(body)) return { ...body, status: response.status }
  return fallbackProblem(response.status, response.statusText)
}

/** The seconds a Retry-After header asks to wait (it is either seconds or an HTTP date), or null. */
export function retryAfterOf(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  if (/^\s*\d+\s*$/.test(header)) return Number(header)
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The typed client of the whole API: `api.GET('/api/sites/{id}', { params: { path: { id } } })`. */
export const api = createClient<paths>({
  headers: { accept: 'application/json, application/problem+json' },
  credentials: 'same-origin',
  cache: 'no-store',
  // A request that never got an answer is a problem too (status 0); an aborted one stays an abort.
  fetch: async (request) => {
    try {
      return await fetch(request)
    } catch (error) {
      if (request.signal.aborted) throw error
      throw new ApiError(fallbackProblem(0))
    }
  },
})
api.use(sessionMiddleware)

/** What a call of the typed client resolves to: `data` of a 2xx answer, or `error`, the body of another. */
type Answer = { data?: unknown; error?: unknown; response: Response }
/** The data of a 2xx answer of a call (openapi-fetch types it from the document). */
export type DataOf<A> = A extends { data: infer Data } ? Data : never
/** The row type of a call that answers a list. */
export type RowOf<A> = DataOf<A> extends (infer Row)[] ? Row : never

async function answered<A extends Answer>(request: Promise<A>): Promise<{ data: DataOf<A>; response: Response }> {
  const { data, error, response } = await request
  if (!response.ok) throw new ApiError(problemOf(response, error), retryAfterOf(response.headers.get('retry-after')))
  return { data: data as DataOf<A>, response }
}

/** The data of a call of the typed client; an error answer throws ApiError. */
export async function call<A extends Answer>(request: Promise<A>): Promise<DataOf<A>> {
  return (await answered(request)).data
}

/** A row and the version the server gave it (its ETag): an edit of the row sends it back as If-Match. */
export interface Versioned<T> {
  row: T
  etag: string | null
}

/** The row of a call of the typed client, with its ETag; an error answer throws ApiError. */
export async function callVersioned<A extends Answer>(request: Promise<A>): Promise<Versioned<DataOf<A>>> {
  const { data, response } = await answered(request)
  return { row: data, etag: response.headers.get('etag') }
}

/**
 * The headers of an edit (PUT, PATCH, DELETE) of a row loaded at version
 * `etag`: If-Match, so that the server refuses it (412) when someone else
 * changed the row meanwhile. None when the server sent no ETag.
 */
export function ifMatch(etag: string | null): Record<string, string> {
  return etag ? { 'if-match': etag } : {}
}

/** The `rel="next"` target of a Link header, or null when there is no next page. */
function nextLinkOf(header: string | null): string | null {
  if (!header) return null
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part)
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match?.[2] ?? '')?.[1] ?? ''
    if (match?.[1] && rel.toLowerCase().split(/\s+/).includes('next')) return match[1]
  }
  return null
}

/** The offset of the `rel="next"` target of a Link header, or null when there is no next page. */
export function nextOffsetFrom(header: string | null): number | null {
  const next = nextLinkOf(header)
  if (!next) return null
  const offset = new URL(next, 'http://localhost').searchParams.get('offset')
  return offset !== null && /^\d+$/.test(offset) ? Number(offset) : null
}

/**
 * A GET of a list, with the paging it is given in its query. The UI always
 * sends both `limit` and `offset`: the API then answers offset links, which
 * the pager follows (without `offset` its next links carry a keyset cursor).
 */
export type ListRequest<A extends Answer> = (paging: Paging) => Promise<A>

/** One page of a list: `listPage(paging, (query) => api.GET('/api/sites', { params: { query } }))`. */
export async function listPage<A extends Answer>(paging: Paging, request: ListRequest<A>): Promise<Page<RowOf<A>>> {
  const { data, response } = await answered(request(paging))
  const next = nextOffsetFrom(response.headers.get('link'))
  return {
    rows: data as RowOf<A>[],
    limit: paging.limit,
    offset: paging.offset,
    nextOffset: next !== null && next > paging.offset ? next : null,
  }
}

/** One page of a list paged by a keyset cursor (`after=`), and the cursor of the next page (null on the last). */
export async function keysetPage<A extends Answer>(request: Promise<A>): Promise<{ rows: RowOf<A>[]; nextAfter: number | null }> {
  const { data, response } = await answered(request)
  const next = nextLinkOf(response.headers.get('link'))
  const after = next ? new URL(next, 'http://localhost').searchParams.get('after') : null
  return { rows: data as RowOf<A>[], nextAfter: after && /^\d+$/.test(after) ? Number(after) : null }
}

/** Every row of a list (for the choices of a select), following the next links. */
export async function listAll<A extends Answer>(request: ListRequest<A>, maxPages = 20): Promise<RowOf<A>[]> {
  const rows: RowOf<A>[] = []
  let offset: number | null = 0
  for (let pages = 0; offset !== null && pages < maxPages; pages++) {
    const page: Page<RowOf<A>> = await listPage({ limit: MAX_LIMIT, offset }, request)
    rows.push(...page.rows)
    offset = page.nextOffset
  }
  return rows
}
