import { createSession } from '@labtrack/db'
import { createApp } from '@labtrack/service-kit'
import { buildTestApp } from '@labtrack/service-kit/testing'
import pg from 'pg'
import t from 'tap'
import { SERVICES } from '../src/services.js'

// The authorization matrix: every operation of the OpenAPI document × every
// kind of caller, and the answer each must get. The expected role is written
// here from the operation's name, apart from the routes' own declarations, so
// a route that asks for the wrong role fails this test.
type Needs = 'public' | 'viewer' | 'editor' | 'admin'
function expectedRole(operationId: string): Needs {
  if (operationId === 'signIn' || operationId === 'signOut') return 'public'
  if (/Users?$|Tokens?$/.test(operationId)) return 'admin'
  if (/^(list|get|seedList|seedGet)/.test(operationId)) return 'viewer'
  return 'editor'
}

const services = SERVICES.map((service) => service.plugin)
const { app, url, headersOf } = await buildTestApp(t, services, { as: 'anonymous', exampleData: true })
const pool = new pg.Pool({ connectionString: url, max: 2 })
t.teardown(() => pool.end())

// A revoked token and an expired session, of the admin: refused like no credentials at all.
const revoked = headersOf('admin')
await pool.query("UPDATE api_token SET revoked_at = now() WHERE name = 'test-admin'")
const admin = { authorization: `Bearer ${(await newAdminToken()).token}` }
const expired = await createSession(pool, 3, { idleSeconds: 3600, maxSeconds: 3600 })
await pool.query('UPDATE account_session SET expires_at = now() - interval $$1 second$$')

async function newAdminToken() {
  const { createApiToken } = await import('@labtrack/db')
  return createApiToken(pool, { name: 'matrix-admin', role: 'admin', account: { id: 3, name: 'test-admin', role: 'admin' } })
}

const CALLERS: { who: string; headers: Record<string, string>; role?: Exclude<Needs, 'public'> }[] = [
  { who: 'anonymous', headers: {} },
  { who: 'a revoked token', headers: revoked },
  { who: 'an expired session', headers: { cookie: `labtrack_session=${expired.id}` } },
  { who: 'a viewer', headers: headersOf('viewer'), role: 'viewer' },
  { who: 'an editor', headers: headersOf('editor'), role: 'editor' },
  { who: 'an admin', headers: admin, role: 'admin' },
]
const RANK = { viewer: 1, editor: 2, admin: 3 }

/** What a caller must get: 401 without valid credentials, 403 below the role, else neither. */
function expected(needs: Needs, role: Exclude<Needs, 'public'> | undefined): 401 | 403 | 'allowed' {
  if (needs === 'public') return 'allowed'
  if (!role) return 401
  return RANK[role] >= RANK[needs] ? 'allowed' : 403
}

await app.ready()
const document = app.swagger() as unknown as {
  paths: Record<string, Record<string, { operationId: string; security?: unknown[]; description?: string }>>
}
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    method: method.toUpperCase(),
    // Ids no row has: an allowed request ends in 400 or 404, never changes a row.
    url: path.replace(/\{\w+\}/g, '99999'),
    operation,
  })),
)

t.test('the matrix covers every operation of the document', async (t) => {
  t.ok(operations.length >= 30, `${operations.length} operations`)
  for (const name of ['listSites', 'deleteContainer', 'createUser', 'revokeToken', 'signIn', 'getMe']) {
    t.ok(
      operations.some(({ operation }) => operation.operationId === name),
      name,
    )
  }
})

for (const { method, url: path, operation } of operations) {
  const needs = expectedRole(operation.operationId)
  t.test(`${operation.operationId} (${method} ${path}) needs ${needs}`, async (t) => {
    // The document says so too: security and the role in the description.
    t.strictSame(operation.security, needs === 'public' ? [] : [{ bearer: [] }, { session: [] }], 'security in the document')
    if (needs === 'editor' || needs === 'admin') t.match(operation.description, `Needs the ${needs} role.`)
    for (const caller of CALLERS) {
      const res = await app.inject({
        method: method as 'GET',
        url: path,
        headers: { ...caller.headers, 'content-type': 'application/json' },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
      })
      const want = expected(needs, caller.role)
      if (want === 'allowed') {
        t.notOk([401, 403].includes(res.statusCode), `${caller.who}: allowed (got ${res.statusCode})`)
        t.ok(res.statusCode < 500, `${caller.who}: no server error`)
      } else {
        t.equal(res.statusCode, want, `${caller.who}: ${want}`)
        t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', `${caller.who}: a problem`)
        if (want === 401) t.match(res.headers['www-authenticate'], /^Bearer realm="labtrack"/, `${caller.who}: WWW-Authenticate`)
        if (want === 403) t.equal(res.json().required_role, needs, `${caller.who}: names the role`)
      }
    }
  })
}

t.test('/healthz, /readyz and the seed URLs: open and closed like the rest', async (t) => {
  for (const path of ['/healthz', '/readyz']) t.equal((await app.inject(path)).statusCode, 200, `${path} is open`)
  for (const path of ['/sites/', '/instruments/', '/site/1']) {
    t.equal((await app.inject(path)).statusCode, 401, `${path} needs credentials`)
    t.equal((await app.inject({ url: path, headers: headersOf('viewer') })).statusCode, 200, `${path} with a viewer`)
  }
})

t.test('LABTRACK_PUBLIC_READS=true: reads need no credentials, writes still do', async (t) => {
  const { app: open } = await buildTestApp(t, services, {
    as: 'anonymous',
    exampleData: true,
    settings: { LABTRACK_PUBLIC_READS: true },
  })
  for (const path of ['/api/sites', '/api/containers/1', '/sites/', '/api/computers']) {
    t.equal((await open.inject(path)).statusCode, 200, path)
  }
  t.equal((await open.inject('/api/users')).statusCode, 401, 'users are an admin matter')
  t.equal((await open.inject({ method: 'POST', url: '/api/sites', payload: { name: 'x' } })).statusCode, 401)
  t.equal((await open.inject('/api/me')).statusCode, 401, 'nobody to describe')
  const bad = await open.inject({ url: '/api/sites', headers: { authorization: 'Bearer lt_not-a-token' } })
  t.equal(bad.statusCode, 401, 'a bad token is still refused, so its client learns of it')
})

t.test('a token revoked through one service is refused at once by another', async (t) => {
  const inventory = await createApp({ databaseUrl: url, services: [SERVICES[1]?.plugin as never] })
  t.teardown(() => inventory.close())
  const token = `Bearer ${(await app.inject({ method: 'POST', url: '/api/tokens', headers: admin, payload: { name: 'cross', role: 'viewer' } })).json().token}`
  t.equal((await inventory.inject({ url: '/api/freezers', headers: { authorization: token } })).statusCode, 200)
  const id = (await pool.query("SELECT id FROM api_token WHERE name = 'cross'")).rows[0].id
  t.equal((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: admin })).statusCode, 204)
  t.equal((await inventory.inject({ url: '/api/freezers', headers: { authorization: token } })).statusCode, 401)
})

t.test('a malformed Authorization header is a 401 saying so', async (t) => {
  for (const authorization of ['Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer a b', 'lt_abc']) {
    const res = await app.inject({ url: '/api/sites', headers: { authorization } })
    t.equal(res.statusCode, 401, authorization)
    t.equal(res.json().detail, 'Authorization must be "Bearer <token>"')
    t.match(res.headers['www-authenticate'], /error="invalid_request"/)
  }
})
