import { Writable } from 'node:stream'
import { type Queryable, type Statement, statementText } from '@labtrack/db'
import type { FastifyPluginAsync } from 'fastify'
import t from 'tap'
import { accessOf } from '../src/auth/access.js'
import { actorLabel } from '../src/auth/actor.js'
import { CredentialCache } from '../src/auth/credential-cache.js'
import { type Checked, CredentialChecker } from '../src/auth/credentials.js'
import { createApp } from '../src/create-app.js'
import { LOG_REDACTIONS, loggerOptions } from '../src/logging.js'
import { buildTestApp } from '../src/testing.js'

t.test('the one rule for what a route needs: its declaration, else viewer reads and editor writes', async (t) => {
  t.equal(accessOf({ method: 'GET', config: {} }), 'viewer')
  t.equal(accessOf({ method: ['GET', 'HEAD'], config: {} }), 'viewer')
  t.equal(accessOf({ method: 'DELETE', config: {} }), 'editor')
  t.equal(accessOf({ method: ['GET', 'POST'], config: {} }), 'editor', 'a route that also writes')
  t.equal(accessOf({ method: 'POST', config: { access: 'public' } }), 'public')
  t.equal(accessOf({ method: 'GET', config: { access: 'admin' } }), 'admin')
  t.equal(accessOf({ method: 'GET' } as never), 'viewer')
  t.equal(actorLabel(null), undefined)
  t.equal(actorLabel({ name: 'ada', accountId: 1, role: 'editor', via: 'session' }), 'ada')
  t.equal(actorLabel({ name: 'ada', accountId: 1, role: 'editor', via: 'token', token: 'ci' }), 'token:ci')
})

t.test('logs carry the actor and never credentials or passwords', async (t) => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const chatty: FastifyPluginAsync = async (app) => {
    app.post('/api/chatty', async (request) => {
      // What a careless handler might log: headers and body as they came.
      request.log.info({ headers: request.headers, body: request.body }, 'got it')
      request.log.info({ req: { headers: request.headers }, password: 'top-level-secret' }, 'again')
      return { ok: true }
    })
  }
  const { url, headersOf } = await buildTestApp(t, [])
  const app = await createApp({ databaseUrl: url, services: [chatty], logger: { level: 'info', stream } })
  t.teardown(() => app.close())
  const token = headersOf('editor').authorization
  const res = await app.inject({
    method: 'POST',
    url: '/api/chatty',
    headers: { authorization: token, cookie: 'labtrack_session=cookie-secret', 'x-csrf-token': 'csrf-secret' },
    payload: { password: 'body-secret', token: 'token-secret', name: 'kept' },
  })
  t.equal(res.statusCode, 200)
  const log = lines.join('')
  for (const secret of [token.slice(7), 'cookie-secret', 'csrf-secret', 'body-secret', 'token-secret', 'top-level-secret']) {
    t.notOk(log.includes(secret), `${secret.slice(0, 12)}… is not in the log`)
  }
  t.match(log, /\[redacted\]/, 'redacted, not dropped silently')
  t.match(log, /"name":"kept"/, 'the rest of what was logged stays')
  const completed = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request completed')
  t.match(completed, { res: { statusCode: 200, actor: 'token:test-editor' } }, 'the completed request names its actor')
})

t.test('logger options: none stays none; true and an object both get the redaction', async (t) => {
  t.equal(loggerOptions(false), false)
  for (const given of [true, { level: 'warn' }] as const) {
    t.match(loggerOptions(given), { redact: { paths: LOG_REDACTIONS, censor: '[redacted]' } }, JSON.stringify(given))
  }
  t.match(loggerOptions({ level: 'warn' }), { level: 'warn' }, "the caller's options are kept")
})

/** A stand-in database: answers the credential lookups, records the touches. */
function fakeDb(lastUsed: Date | null, failTouch = false) {
  const touches: string[] = []
  const db: Queryable = {
    query: (async (statement: string | Statement) => {
      const text = statementText(statement)
      if (text.startsWith('UPDATE')) {
        touches.push(text.includes('api_token') ? 'token' : 'session')
        if (failTouch) throw new Error('touch failed')
        return { rows: [] }
      }
      if (text.includes('api_token')) {
        return {
          rows: [{ id: 7, name: 'ci', role: 'admin', account_id: 1, user: 'ada', user_role: 'editor', last_used_at: lastUsed }],
        }
      }
      return {
        rows: [{ name: 'ada', account_id: 1, role: 'viewer', last_seen_at: lastUsed ?? new Date(), expires_at: new Date() }],
      }
    }) as never,
  }
  return { db, touches }
}

/** A checker on `db` whose cache is never trusted (as while the listener is down): every request asks the database. */
function uncachedChecker(db: Queryable, onTouchError: (error: unknown) => void, maxRemembered?: number) {
  return new CredentialChecker({
    db: () => db,
    idleSeconds: 3600,
    onTouchError,
    cache: new CredentialCache<Checked>(10, 5000),
    ...(maxRemembered === undefined ? {} : { maxRemembered }),
  })
}

t.test('credentials: last use recorded at most once a minute, a failure to record only logged', async (t) => {
  const { db, touches } = fakeDb(null)
  const checker = uncachedChecker(db, () => t.fail('no error'))
  const actor = await checker.actorFor({ kind: 'token', secret: 'lt_x' })
  t.strictSame(
    actor,
    { name: 'ada', accountId: 1, role: 'editor', via: 'token', token: 'ci' },
    'the lower of token and user role',
  )
  await checker.actorFor({ kind: 'token', secret: 'lt_x' })
  t.strictSame(touches, ['token'], 'recorded once, not on every request')

  const recent = fakeDb(new Date())
  await uncachedChecker(recent.db, () => {}).actorFor({ kind: 'session', id: 's' })
  t.strictSame(recent.touches, [], 'a session seen less than a minute ago is not touched')

  const errors: unknown[] = []
  const failing = fakeDb(new Date(0), true)
  const session = await uncachedChecker(failing.db, (error) => errors.push(error)).actorFor({ kind: 'session', id: 's' })
  t.match(session, { name: 'ada', via: 'session' }, 'the request goes on')
  await new Promise((resolve) => setImmediate(resolve))
  t.match(errors, [{ message: 'touch failed' }], 'the failure is reported, not thrown')
})

t.test('credentials: what is remembered of last uses stays bounded', async (t) => {
  const { db, touches } = fakeDb(new Date(0))
  const checker = uncachedChecker(db, () => {}, 2)
  for (const id of ['a', 'b', 'c', 'a']) await checker.actorFor({ kind: 'session', id })
  t.strictSame(touches.length, 4, 'a, b, c, then a again: a was forgotten when c came')
})
