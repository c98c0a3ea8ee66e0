import { buildTestApp, eventually, expectProblem } from '@labtrack/service-kit/testing'
import t from 'tap'
import { siteService } from '../../src/app.js'

const { app, sql, headersOf } = await buildTestApp(t, [siteService], { exampleData: true })
const admin = headersOf('admin')
const json = { 'content-type': 'application/json' }

/** Adds a user through the API, as an admin would. */
async function addUser(name: string, role: string, password = `${name}-password-1`) {
  const res = await app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { name, role, password } })
  if (res.statusCode !== 201) throw new Error(`adding ${name}: ${res.body}`)
  return { name, password, id: res.json().id as number }
}

/** Signs in; the session cookie as a header value, and the CSRF token (with its secret cookie). */
async function signIn(name: string, password: string, headers: Record<string, string> = {}, on = app) {
  const res = await on.inject({
    method: 'POST',
    url: '/api/session',
    headers: { ...json, ...headers },
    payload: { name, password },
  })
  const cookies = res.cookies.map(({ name, value }) => `${name}=${value}`).join('; ')
  return { res, cookie: cookies, csrf: res.json().csrf_token as string }
}

const ada = await addUser('ada', 'editor')
const vic = await addUser('vic', 'viewer')

t.test('sign-in sets an HttpOnly, SameSite=Strict session cookie and answers who you are', async (t) => {
  const { res, csrf } = await signIn(ada.name, ada.password)
  t.equal(res.statusCode, 200)
  t.match(res.json(), { name: 'ada', role: 'editor', via: 'session' })
  t.match(csrf, /^\S{20,}$/, 'a CSRF token')
  const session = res.cookies.find((cookie) => cookie.name === 'labtrack_session')
  t.ok(session, 'the session cookie')
  t.match(session, { httpOnly: true, sameSite: 'Strict', path: '/' })
  t.notOk(session?.secure, 'not Secure over plain HTTP')
  t.match(session?.value, /^[\w-]{40,}$/)
  t.ok(session?.expires && session.expires.getTime() > Date.now() + 11 * 3600_000, 'ends after 12 h at most')
  const [row] = await sql`SELECT id_hash FROM account_session JOIN account ON account.id = account_id WHERE name = 'ada'`
  t.not(row?.id_hash, session?.value, 'the database keeps a hash, not the id')
  t.match(row?.id_hash, /^[0-9a-f]{64}$/)
})

t.test('behind an HTTPS gateway the cookies are Secure', async (t) => {
  const { res } = await signIn(ada.name, ada.password, { 'x-forwarded-proto': 'https' })
  t.equal(res.statusCode, 200)
  for (const cookie of res.cookies) t.equal(cookie.secure, true, cookie.name)
})

t.test('a wrong password and an unknown name get the same 401, with WWW-Authenticate', async (t) => {
  const wrong = await signIn('vic', 'not-the-password')
  const unknown = await signIn('nobody-here', 'not-the-password')
  for (const res of [wrong.res, unknown.res]) {
    expectProblem(t, res, 401, 'unauthenticated', 'wrong name or password')
    t.equal(res.headers['www-authenticate'], 'Bearer realm="labtrack"')
    t.notOk(res.headers['set-cookie'], 'no cookie')
  }
})

t.test('sign-in attempts are throttled per account: 429 with Retry-After, other accounts unaffected', async (t) => {
  // A service of its own, allowing 3 attempts a minute, on the same database.
  const { app: strict } = await buildTestApp(t, [siteService], { settings: { LABTRACK_SIGN_IN_ATTEMPTS: 3 } })
  const other = strict.inject({ method: 'POST', url: '/api/users', payload: {} })
  t.equal((await other).statusCode, 403, 'its default token is an editor')
  const victim = { name: 'test-viewer', password: '' }
  const attempt = (name: string, password: string) => signIn(name, password, {}, strict)
  for (let i = 0; i < 3; i++) t.equal((await attempt(victim.name, 'guess-guess-guess')).res.statusCode, 401, `attempt ${i + 1}`)
  const blocked = await attempt(victim.name, 'guess-guess-guess')
  expectProblem(t, blocked.res, 429, 'too-many-requests')
  t.match(blocked.res.json().detail, /try again in \d+ s/)
  t.ok(Number(blocked.res.headers['retry-after']) > 0, 'Retry-After in seconds')
  t.equal((await attempt('TEST-VIEWER', 'x')).res.statusCode, 429, 'the name counts case-insensitively')
  t.equal((await attempt('test-editor', 'guess-guess-guess')).res.statusCode, 401, 'another account is not blocked')
})

t.test('GET /api/me says who is signed in: by session (with a CSRF token) or by token', async (t) => {
  const { cookie } = await signIn(vic.name, vic.password)
  const bySession = await app.inject({ url: '/api/me', headers: { cookie } })
  t.equal(bySession.statusCode, 200)
  t.match(bySession.json(), { name: 'vic', role: 'viewer', via: 'session', csrf_token: /\S+/ })
  const byToken = await app.inject({ url: '/api/me', headers: headersOf('viewer') })
  t.strictSame(byToken.json(), { name: 'test-viewer', role: 'viewer', via: 'token', token: 'test-viewer' })
  const nobody = await app.inject({ url: '/api/me', headers: { authorization: undefined } as never })
  expectProblem(t, nobody, 401, 'unauthenticated')
  t.equal(nobody.headers['www-authenticate'], 'Bearer realm="labtrack"')
})

t.test('a write by cookie needs the CSRF token; a write by token does not', async (t) => {
  const { cookie, csrf } = await signIn(ada.name, ada.password)
  const site = { name: 'Made by session' }
  const without = await app.inject({ method: 'POST', url: '/api/sites', headers: { ...json, cookie }, payload: site })
  expectProblem(t, without, 403, 'forbidden', 'a write signed in by cookie needs the X-CSRF-Token header that GET /api/me gives')
  const forged = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { ...json, cookie, 'x-csrf-token': `${csrf.slice(0, -2)}xx` },
    payload: site,
  })
  t.equal(forged.statusCode, 403, 'a forged token')
  const noSecret = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { ...json, cookie: cookie.replace(/labtrack_csrf=[^;]*;? ?/, ''), 'x-csrf-token': csrf },
    payload: site,
  })
  t.equal(noSecret.statusCode, 403, 'without the CSRF cookie')
  t.equal((await sql`SELECT count(*)::int AS n FROM site WHERE name = ${site.name}`)[0]?.n, 0, 'nothing was stored')
  const made = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { ...json, cookie, 'x-csrf-token': csrf },
    payload: site,
  })
  t.equal(made.statusCode, 201, 'with the token')
  const read = await app.inject({ url: '/api/sites', headers: { cookie } })
  t.equal(read.statusCode, 200, 'reads need no CSRF token')
  const byToken = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { ...json, ...headersOf('editor') },
    payload: site,
  })
  t.equal(byToken.statusCode, 201)
})

t.test('sign-out ends the session at once: the same cookie is refused afterwards', async (t) => {
  const { cookie } = await signIn(ada.name, ada.password)
  t.equal((await app.inject({ url: '/api/sites/1', headers: { cookie } })).statusCode, 200)
  const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })
  t.equal(out.statusCode, 204)
  t.match(out.headers['set-cookie'], /labtrack_session=;/, 'the cookie is cleared')
  const after = await app.inject({ url: '/api/sites/1', headers: { cookie } })
  expectProblem(t, after, 401, 'unauthenticated', 'the session has ended: sign in again')
  t.match(after.headers['www-authenticate'], /error="invalid_token"/)
  t.equal((await app.inject({ method: 'DELETE', url: '/api/session' })).statusCode, 204, 'signing out twice is fine')
})

t.test('a session ends when idle too long and, used or not, after its maximum age', async (t) => {
  const idle = await signIn(vic.name, vic.password)
  await sql`UPDATE account_session SET last_seen_at = now() - interval '121 minutes'`
  expectProblem(t, await app.inject({ url: '/api/me', headers: { cookie: idle.cookie } }), 401, 'unauthenticated')
  const old = await signIn(vic.name, vic.password)
  await sql`UPDATE account_session SET expires_at = now() - interval '1 second'`
  expectProblem(t, await app.inject({ url: '/api/me', headers: { cookie: old.cookie } }), 401, 'unauthenticated')
  const fresh = await signIn(vic.name, vic.password)
  await sql`UPDATE account_session SET last_seen_at = now() - interval '119 minutes'`
  t.equal((await app.inject({ url: '/api/me', headers: { cookie: fresh.cookie } })).statusCode, 200, 'within the idle time')
  // The record is written after the answer (the request does not wait for it).
  const recent = await eventually(async () => {
    const [seen] = await sql`SELECT max(last_seen_at) > now() - interval '1 minute' AS recent FROM account_session`
    return seen?.recent === true
  })
  t.ok(recent, 'using a session records it, so its idle time starts again')
})

t.test('a new password, a demotion or a deleted account take effect at once', async (t) => {
  const eve = await addUser('eve', 'editor')
  const first = await signIn(eve.name, eve.password)
  const reset = await app.inject({
    method: 'PATCH',
    url: `/api/users/${eve.id}`,
    headers: admin,
    payload: { password: 'a-brand-new-one' },
  })
  t.equal(reset.statusCode, 200)
  t.equal((await app.inject({ url: '/api/me', headers: { cookie: first.cookie } })).statusCode, 401, 'the old sessions ended')
  const second = await signIn(eve.name, 'a-brand-new-one')
  await app.inject({ method: 'PATCH', url: `/api/users/${eve.id}`, headers: admin, payload: { role: 'viewer' } })
  const write = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { ...json, cookie: second.cookie, 'x-csrf-token': second.csrf },
    payload: { name: 'x' },
  })
  expectProblem(t, write, 403, 'forbidden', 'this needs the editor role; eve is a viewer')
  t.equal(write.json().required_role, 'editor')
  await app.inject({ method: 'DELETE', url: `/api/users/${eve.id}`, headers: admin })
  t.equal((await app.inject({ url: '/api/me', headers: { cookie: second.cookie } })).statusCode, 401)
})

t.test('a sign-in body is validated, and its password never reaches the log', async (t) => {
  for (const payload of [{}, { name: 'ada' }, { name: 'ada', password: '' }, { name: 'ada', password: 'x', extra: 1 }]) {
    t.equal((await app.inject({ method: 'POST', url: '/api/session', headers: json, payload })).statusCode, 400)
  }
})
