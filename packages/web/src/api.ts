// The HTTP client: JSON in and out of /api, RFC 9457 problems turned into
// ApiError, and paging read from the `Link: <…>; rel="next"` header.

export interface ProblemIssue {
  in: string
  pointer: string
  detail: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  errors?: ProblemIssue[]
}

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title)
  }
  get status(): number {
    return this.problem.status
  }
}

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/** One page of a list, and where the next page starts (null on the last page). */
export interface Page<T> {
  rows: T[]
  limit: number
  offset: number
  nextOffset: number | null
}

export type Query = Record<string, string | number | null | undefined>

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

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? ''
  if (/^application\/(problem\+)?json/i.test(type)) {
    try {
      const body: unknown = await response.json()
      if (isProblem(body)) return { ...body, status: response.status }
    } catch {
      // Not JSON after all: fall through to a generic problem.
    }
  }
  return fallbackProblem(response.status, response.statusText)
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: signal ?? null,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(fallbackProblem(0))
  }
  if (!response.ok) throw new ApiError(await readProblem(response))
  return response
}

/** The offset of the `rel="next"` target of a Link header, or null when there is no next page. */
export function nextOffsetFrom(header: string | null): number | null {
  if (!header) return null
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part)
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match?.[2] ?? '')?.[1] ?? ''
    if (!match?.[1] || !rel.toLowerCase().split(/\s+/).includes('next')) continue
    const offset = new URL(match[1], 'http://localhost').searchParams.get('offset')
    return offset !== null && /^\d+$/.test(offset) ? Number(offset) : null
  }
  return null
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await send('GET', path, undefined, signal)).json()) as T
}

/** One page of /api/<resource>. */
export async function list<T>(
  resource: string,
  query: Query & { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<Page<T>> {
  const limit = query.limit ?? DEFAULT_LIMIT
  const offset = query.offset ?? 0
  const response = await send('GET', withQuery(`/api/${resource}`, { ...query, limit, offset }), undefined, signal)
  const rows = (await response.json()) as T[]
  const next = nextOffsetFrom(response.headers.get('link'))
  return { rows, limit, offset, nextOffset: next !== null && next > offset ? next : null }
}

/** Every row of a list (for the choices of a select), following the next links. */
export async function listAll<T>(resource: string, query: Query = {}, signal?: AbortSignal, maxPages = 20): Promise<T[]> {
  const rows: T[] = []
  let offset: number | null = 0
  for (let pages = 0; offset !== null && pages < maxPages; pages++) {
    const page: Page<T> = await list<T>(resource, { ...query, limit: MAX_LIMIT, offset }, signal)
    rows.push(...page.rows)
    offset = page.nextOffset
  }
  return rows
}

export async function create<T>(resource: string, body: object): Promise<T> {
  return (await (await send('POST', `/api/${resource}`, body)).json()) as T
}

export async function replace<T>(path: string, body: object): Promise<T> {
  return (await (await send('PUT', path, body)).json()) as T
}

export async function patch<T>(path: string, body: object): Promise<T> {
  return (await (await send('PATCH', path, body)).json()) as T
}

export async function remove(path: string): Promise<void> {
  await send('DELETE', path)
}
