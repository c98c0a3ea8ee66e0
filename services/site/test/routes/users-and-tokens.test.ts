import { buildTestApp, eventually, expectInvalid, expectProblem } from '@labtrack/service-kit/testing'
import t from 'tap'
import { siteService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [siteService], { as: 'admin' })
const json = { 'content-type': 'application/json' }
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: json, payload })

t.test('an admin adds users: 201 with Location, no password or hash in any answer', async (t) => {
  const res = await post('/api/users', { name: 'grace', role: 'editor', password: 'grace-password-1' })
  t.equal(res.statusCode, 201)
  t.match(res.json(), { id: Number, name: 'grace', role: 'editor', created_at: String })
  t.equal(res.headers.location, `/api/users/${res.json().id}`)
  const list = await app.inject('/api/users')
  t.ok(list.json().some((user: { name: string }) => user.name === 'grace'))
  t.notMatch(list.body, /password|scrypt/)
  const [row] = await sql`SELECT password_hash FROM account WHERE name = 'grace'`
  t.match(row?.password_hash, /^scrypt\$/, 'stored as a scrypt hash')
  expectProblem(t, await post('/api/users', { name: 'grace', role: 'viewer', password: 'another-password' }), 409, 'conflict')
})

t.test('user input is validated: name, role, password length', async (t) => {
  expectInvalid(t, await post('/api/users', { name: ' bad name', role: 'editor', password: 'long-enough-pw' }), 'body', '/name')
  expectInvalid(t, await post('/api/users', { name: 'x', role: 'owner', password: 'long-enough-pw' }), 'body', '/role')
  expectInvalid(t, await post('/api/users', { name: 'x', role: 'viewer', password: 'short' }), 'body', '/password')
  expectInvalid(t, await app.inject({ method: 'PATCH', url: '/api/users/1', headers: json, payload: {} }), 'body', '/')
})

t.test('changing and deleting users; the last admin stays', async (t) => {
  const [admin] = await sql`SELECT id FROM account WHERE name = 'test-admin'`
  const id = admin?.id as number
  expectProblem(
    t,
    await app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: json, payload: { role: 'editor' } }),
    409,
    'conflict',
  )
  expectProblem(t, await app.inject({ method: 'DELETE', url: `/api/users/${id}` }), 409, 'conflict')
  const other = await post('/api/users', { name: 'second-admin', role: 'admin', password: 'second-admin-pw' })
  const demoted = await app.inject({
    method: 'PATCH',
    url: `/api/users/${other.json().id}`,
    headers: json,
    payload: { role: 'viewer' },
  })
  t.equal(demoted.json().role, 'viewer', 'another admin can be demoted')
  t.equal((await app.inject({ method: 'DELETE', url: `/api/users/${other.json().id}` })).statusCode, 204)
  expectProblem(t, await app.inject({ method: 'DELETE', url: `/api/users/${other.json().id}` }), 404, 'not-found')
  expectProblem(
    t,
    await app.inject({ method: 'PATCH', url: '/api/users/99999', headers: json, payload: { role: 'viewer' } }),
    404,
    'not-found',
  )
})

t.test('tokens: the secret once, only a hash stored, role capped by the user, last use recorded', async (t) => {
  await post('/api/users', { name: 'ci-owner', role: 'editor', password: 'ci-owner-password' })
  const made = await post('/api/tokens', { name: 'ci', role: 'editor', user: 'ci-owner' })
  t.equal(made.statusCode, 201)
  const token = made.json().token as string
  t.match(token, /^lt_[\w-]{43}$/, '256 random bits')
  t.match(made.json(), { name: 'ci', user: 'ci-owner', role: 'editor', expires_at: null, revoked_at: null, last_used_at: null })
  const [row] = await sql`SELECT token_hash FROM api_token WHERE name = 'ci'`
  t.not(row?.token_hash, token)
  t.notMatch((await app.inject('/api/tokens')).body, new RegExp(token.slice(3, 20)), 'never listed')
  const used = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })
  t.strictSame(used.json(), { name: 'ci-owner', role: 'editor', via: 'token', token: 'ci' })
  // Recorded after the answer (the request does not wait for it).
  const recorded = await eventually(async () => {
    const [seen] = await sql`SELECT last_used_at IS NOT NULL AS used FROM api_token WHERE name = 'ci'`
    return seen?.used === true
  })
  t.equal(recorded, true, 'last use recorded')
  const tooHigh = await post('/api/tokens', { name: 'ci-admin', role: 'admin', user: 'ci-owner' })
  expectProblem(t, tooHigh, 422, 'unprocessable', 'a token cannot have a higher role than its user: ci-owner is an editor')
  expectProblem(
    t,
    await post('/api/tokens', { name: 'ci', role: 'viewer' }),
    409,
    'conflict',
    'a token with this name already exists',
  )
  expectProblem(t, await post('/api/tokens', { name: 'x', role: 'viewer', user: 'nobody' }), 422, 'unknown-parent')
  const past = await post('/api/tokens', { name: 'old', role: 'viewer', expires_at: '2020-01-01T00:00:00Z' })
  expectProblem(t, past, 422, 'unprocessable', 'expires_at must be in the future')
  const mine = await post('/api/tokens', { name: 'mine', role: 'viewer' })
  t.equal(mine.json().user, 'test-admin', 'by default the token acts for whoever creates it')
})

t.test('a revoked or expired token is refused at once', async (t) => {
  const made = await post('/api/tokens', {
    name: 'short-lived',
    role: 'viewer',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
  })
  const bearer = { authorization: `Bearer ${made.json().token}` }
  t.equal((await app.inject({ url: '/api/sites', headers: bearer })).statusCode, 200)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/tokens/${made.json().id}` })).statusCode, 204)
  const refused = await app.inject({ url: '/api/sites', headers: bearer })
  expectProblem(t, refused, 401, 'unauthenticated', 'the token is unknown, revoked or expired')
  t.equal(refused.headers['www-authenticate'], 'Bearer realm="labtrack", error="invalid_token"')
  const listed = (await app.inject('/api/tokens')).json().find((token: { name: string }) => token.name === 'short-lived')
  t.match(listed, { revoked_at: String }, 'it stays listed, revoked')
  t.equal(
    (await app.inject({ method: 'DELETE', url: `/api/tokens/${made.json().id}` })).statusCode,
    204,
    'revoking twice is fine',
  )
  expectProblem(t, await app.inject({ method: 'DELETE', url: '/api/tokens/99999' }), 404, 'not-found')
  const expiring = await post('/api/tokens', {
    name: 'expiring',
    role: 'viewer',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
  })
  await sql`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE name = 'expiring'`
  const expired = await app.inject({ url: '/api/sites', headers: { authorization: `Bearer ${expiring.json().token}` } })
  expectProblem(t, expired, 401, 'unauthenticated')
})
