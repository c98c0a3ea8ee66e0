import type { SuiteCredentials } from './credentials.js'
import { refusalOf } from './credentials.js'
import { toWellFormed } from './hostile-values.js'
import type { WireRequest } from './http-client.js'
import { PATH_ROW_ETAG, type RequestPlan, type UrlValue } from './request-plans.js'
import { NO_SUCH_ID, type RowPools, RowRef, resolveRefs, rowOf } from './row-ref.js'

/** What the answer to a request must be, beyond what every answer must be. */
export interface Expectation {
  /** Every part as the document describes it: never a 400, 413 or 415. */
  valid: boolean
  /** The status the credentials call for, if they cannot do this. */
  refusal: 401 | 403 | undefined
  /** The gateway and router pass the request on to the operation's path (whatever the method). */
  reachesPath: boolean
  /** The request reaches the operation's route (its checks of credentials come first there). */
  reachesRoute: boolean
  /** Every id in the path names a row that exists: never a 404. */
  namesRows: boolean
}

export interface ResolvedRequest {
  plan: RequestPlan
  wire: WireRequest
  expect: Expectation
}

// What the gateway and router let through to a route: a request line within
// nginx's 4 KiB, ASCII only, a path segment the router can decode (and at
// most find-my-way's 100 characters; nginx refuses an encoded NUL in a path,
// and resolves dot segments and encoded slashes), a body within 1 MiB.
const MAX_TARGET = 3900
const MAX_SEGMENT = 100
const MAX_BODY = 1024 * 1024

function reachableSegment(segment: string): boolean {
  if (segment === '' || segment.length > MAX_SEGMENT || /%2f|%5c|%00/i.test(segment) || /^(\.|%2e){1,2}$/i.test(segment))
    return false
  try {
    decodeURIComponent(segment)
    return true
  } catch {
    return false
  }
}

/** Whether a segment's value, as the route's integer coercion would read it, is one of `kept`. */
function namesKept(segment: string, kept: ReadonlySet<number> | undefined): boolean {
  if (!kept) return false
  try {
    const decoded = decodeURIComponent(segment)
    return decoded.trim() !== '' && kept.has(Number(decoded))
  } catch {
    return false
  }
}

const encodeKey = (key: string) => encodeURIComponent(toWellFormed(key)).replaceAll('%5B', '[').replaceAll('%5D', ']')

/**
 * The request as it goes on the wire, now that the rows it names are known;
 * rows the suite keeps (its own accounts and tokens, and the other suites')
 * are never named: such an id becomes one that names nothing.
 */
export function resolveRequest(plan: RequestPlan, pools: RowPools, credentials: SuiteCredentials): ResolvedRequest {
  const { kept } = credentials
  const usable: Record<string, RowPools[string]> = {}
  for (const [table, rows] of Object.entries(pools)) usable[table] = rows.filter((row) => !kept[table]?.has(row.id))
  const text = (value: UrlValue): string => {
    if (value instanceof RowRef) return String(rowOf(value, usable)?.id ?? NO_SUCH_ID)
    return 'raw' in value ? value.raw : encodeURIComponent(toWellFormed(value.text))
  }

  let reachesPath = true
  const path = plan.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const table = plan.pathTables[name]
    let segment = text(plan.path[name] as UrlValue)
    if (table && namesKept(segment, kept[table])) segment = String(NO_SUCH_ID)
    reachesPath &&= reachableSegment(segment)
    return segment
  })
  const rowRefs = Object.entries(plan.pathTables).map(([name]) => plan.path[name])
  const pathRow = rowRefs.find((value): value is RowRef => value instanceof RowRef)
  const namesRows = rowRefs.length > 0 && rowRefs.every((value) => value instanceof RowRef && rowOf(value, usable) !== undefined)
  const query = plan.query.map(({ key, value }) => `${encodeKey(key)}=${text(value)}`).join('&')
  const target = query ? `${path}?${query}` : path

  const headers: Record<string, string> = { ...credentials.headersOf(plan.credentials, plan.malformed) }
  for (const { name, value } of plan.headers) {
    headers[name] = value === PATH_ROW_ETAG ? `"${(pathRow && rowOf(pathRow, usable)?.version) ?? '0'}"` : value
  }
  if (plan.contentType !== undefined) headers['content-type'] = plan.contentType
  const body =
    plan.body.kind === 'json'
      ? Buffer.from(`${plan.body.bom ? '\uFEFF' : ''}${JSON.stringify(resolveRefs(plan.body.value, usable)) ?? 'null'}`)
      : plan.body.kind === 'bytes'
        ? plan.body.bytes
        : undefined

  reachesPath &&=
    target.length <= MAX_TARGET && /^[\x21-\x7e]*$/.test(target) && (body?.length ?? 0) <= MAX_BODY && headersFit(headers)
  const valid = plan.hostile.length === 0
  return {
    plan,
    wire: { method: plan.method, target, headers, ...(body ? { body } : {}) },
    expect: {
      valid,
      refusal: refusalOf(plan.credentials, plan.operation.needs, plan.operation.method),
      reachesPath,
      reachesRoute: reachesPath && plan.method === plan.operation.method,
      namesRows: valid && namesRows,
    },
  }
}

/** nginx: each header line within 4 KiB, all of them within 1 + 3 × 4 KiB. */
function headersFit(headers: Record<string, string>): boolean {
  const lines = Object.entries(headers).map(([name, value]) => name.length + value.length + 4)
  return lines.every((length) => length < 4000) && lines.reduce((sum, length) => sum + length, 0) < 12_000
}
