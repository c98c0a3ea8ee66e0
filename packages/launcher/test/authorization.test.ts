import { createSession } from '@labtrack/db'
import { createApp } from '@labtrack/service-kit'
import { buildTestApp, eventually } from '@labtrack/service-kit/testing'
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
  if (/^(list|get|search|seedList|seedGet)/.test(operationId)) return 'viewer'
  return 'editor'
}

const services = SERVICES.map((service) => service.plugin)
const { app, url, headersOf } = await buildTestApp(t, services, { as: 'anonymous', exampleData: true, openapi: true })
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

// Each service keeps what it checked for a few seconds (LABTRACK_CREDENTIAL_CACHE_SECONDS): the
// service that makes a change forgets at once, another within the delivery of
// the database's notification (milliseconds), so it is waited for, bounded.
t.test(
  'a change of credentials made through one service: refused at once by it, by another within the notification',
  async (t) => {
    const inventory = await createApp({ databaseUrl: url, services: [SERVICES[1]?.plugin as never] })
    t.teardown(() => inventory.close())
    await inventory.ready()
    const read = {
      site: (headers: Record<string, string>) => app.inject({ url: '/api/sites/1', headers }).then((res) => res.statusCode),
      inventory: (headers: Record<string, string>) =>
        inventory.inject({ url: '/api/freezers/1', headers }).then((res) => res.statusCode),
    }
    // A write with an empty body: 400 when the role allows it, 403 when it does not.
    const write = {
      site: (headers: Record<string, string>) =>
        app.inject({ method: 'POST', url: '/api/sites', headers, payload: {} }).then((res) => res.statusCode),
      inventory: (headers: Record<string, string>) =>
        inventory.inject({ method: 'POST', url: '/api/freezers', headers, payload: {} }).then((res) => res.statusCode),
    }
    const byAdmin = (method: 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
      app.inject({ method, url: path, headers: admin, ...(payload ? { payload } : {}) })
    let n = 0
    async function newUser(role: 'editor' | 'viewer') {
      const name = `cache-${++n}`
      const user = (await byAdmin('POST', '/api/users', { name, role, password: 'a long enough password' })).json()
      const token = (await byAdmin('POST', '/api/tokens', { name, role, user: name })).json()
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { name, password: 'a long enough password' },
      })
      const session = signIn.cookies.find((cookie) => cookie.name === 'labtrack_session')?.value
      return {
        user,
        token,
        bearer: { authorization: `Bearer ${token.token}` },
        cookie: { cookie: `labtrack_session=${session}` },
      }
    }
    /** Both services accept `headers` (and so have them cached); `change` is made through the site service. */
    async function expectChange(
      what: string,
      headers: Record<string, string>,
      check: typeof read,
      before: number,
      after: number,
      change: () => Promise<unknown>,
    ) {
      t.same([await check.site(headers), await check.inventory(headers)], [before, before], `${what}: accepted by both`)
      await change()
      t.equal(await check.site(headers), after, `${what}: refused at once by the service that made the change`)
      const started = performance.now()
      t.ok(await eventually(async () => (await check.inventory(headers)) === after), `${what}: refused by the other service`)
      t.comment(`${what}: the other service refused it after ${(performance.now() - started).toFixed(1)} ms`)
    }

    const revoked = await newUser('viewer')
    await expectChange('a revoked token', revoked.bearer, read, 200, 401, () =>
      byAdmin('DELETE', `/api/tokens/${revoked.token.id}`),
    )
    const signedOut = await newUser('viewer')
    await expectChange('an ended session', signedOut.cookie, read, 200, 401, () =>
      app.inject({ method: 'DELETE', url: '/api/session', headers: signedOut.cookie }),
    )
    const reset = await newUser('viewer')
    await expectChange('a session of a user given a new password', reset.cookie, read, 200, 401, () =>
      byAdmin('PATCH', `/api/users/${reset.user.id}`, { password: 'another long password' }),
    )
    const demoted = await newUser('editor')
    await expectChange("a demoted user's token", demoted.bearer, write, 400, 403, () =>
      byAdmin('PATCH', `/api/users/${demoted.user.id}`, { role: 'viewer' }),
    )
    const deleted = await newUser('viewer')
    await expectChange("a deleted user's token", deleted.bearer, read, 200, 401, () =>
      byAdmin('DELETE', `/api/users/${deleted.user.id}`),
    )
  },
)

t.test('a malformed Authorization header is a 401 saying so', async (t) => {
  for (const authorization of ['Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer a b', 'lt_abc']) {
    const res = await app.inject({ url: '/api/sites', headers: { authorization } })
    t.equal(res.statusCode, 401, authorization)
    t.equal(res.json().detail, 'Authorization must be "Bearer <token>"')
    t.match(res.headers['www-authenticate'], /error="invalid_request"/)
  }
})
