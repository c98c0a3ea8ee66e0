import { Writable } from 'node:stream'
import { createSession, type Queryable, type Statement, statementText } from '@labtrack/db'
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import pg from 'pg'
import t, { type Test } from 'tap'
import { authentication } from '../src/auth/authentication.js'
import { LISTENER_NAME } from '../src/auth/credential-listener.js'
import { createApp } from '../src/create-app.js'
import { problemErrors } from '../src/errors.js'
import { buildTestApp, eventually } from '../src/testing.js'

// The cache of checked credentials against a real PostgreSQL: used while the
// service listens for credential changes, forgotten on each one, and not used
// at all while the listener is down. Lookups are counted on the pool.

/** A route that needs a viewer and no database: what it answers depends on the credentials alone. */
const whoami: FastifyPluginAsync = async (app) => {
  app.get('/api/whoami', async (request) => ({ name: request.actor?.name }))
}

/** Counts the credential lookups that go through `pool`. */
function countLookups(pool: { query: Queryable['query'] }) {
  const counted = { lookups: 0 }
  const query = pool.query.bind(pool)
  pool.query = ((statement: string | Statement, values?: unknown[]) => {
    if (/WHERE (t\.token_hash|s\.id_hash) = \$1/.test(statementText(statement))) counted.lookups++
    return query(statement, values)
  }) as Queryable['query']
  return counted
}

/** Log lines the app writes, as parsed objects. */
function logSink() {
  const lines: { msg: string; level: number }[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  return { lines, stream }
}

/** The pids of listener connections on the database `pool` connects to. */
async function listenerPids(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() ORDER BY pid',
    [LISTENER_NAME],
  )
  return rows.map((row) => row.pid)
}

/** Ends the listeners' connections to this database from the server's side, as a restart or a network cut would. */
async function dropListeners(pool: pg.Pool) {
  await pool.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
    [LISTENER_NAME],
  )
}

const lost = (log: ReturnType<typeof logSink>) => log.lines.filter((line) => /cannot be heard/.test(line.msg)).length

/** The authentication plugin alone on a pool of the test's own, with the listener's retry wait chosen by the test. */
async function authOnly(
  t: Test,
  url: string,
  { retryMs, cacheEntries, databaseUrl = url }: { retryMs: number; cacheEntries?: number; databaseUrl?: string },
) {
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  const counted = countLookups(pool)
  const log = logSink()
  const app = Fastify({ logger: { level: 'warn', stream: log.stream } })
  await app.register(problemErrors)
  await app.register(authentication, {
    publicReads: false,
    session: { idleSeconds: 3600, maxSeconds: 3600 },
    signInAttempts: 10,
    db: () => pool,
    databaseUrl,
    cacheSeconds: 5,
    listenerRetry: { firstMs: retryMs, maxMs: retryMs * 2 },
    ...(cacheEntries === undefined ? {} : { cacheEntries }),
  })
  await app.register(whoami)
  t.teardown(async () => {
    await app.close()
    await pool.end()
  })
  await app.ready()
  return { app, pool, counted, log }
}

const get = (app: FastifyInstance, authorization: string) =>
  app.inject({ url: '/api/whoami', headers: { authorization } }).then((res) => res.statusCode)

t.test('a cached token keeps working without a database lookup; a change made anywhere is heard at once', async (t) => {
  const { app, url, sql, headersOf } = await buildTestApp(t, [whoami])
  await app.ready()
  const counted = countLookups(app.pg.pool)
  const token = headersOf('viewer').authorization
  for (let i = 0; i < 5; i++) t.equal(await get(app, token), 200)
  t.equal(counted.lookups, 1, 'five requests, one lookup')
  // As psql or `pnpm labtrack token revoke` would: not through this service.
  await sql`UPDATE api_token SET revoked_at = now() WHERE name = 'test-viewer'`
  t.ok(await eventually(async () => (await get(app, token)) === 401), 'refused once the notification came')
  const other = new pg.Pool({ connectionString: url, max: 1 })
  t.teardown(() => other.end())
  t.equal((await listenerPids(other)).length, 1, 'one connection of its own listens')
})

t.test("the service's own changes are cleared before it answers; touches do not clear", async (t) => {
  const { app, sql, headersOf } = await buildTestApp(t, [whoami])
  await app.ready()
  const counted = countLookups(app.pg.pool)
  const token = headersOf('editor').authorization
  t.equal(await get(app, token), 200)
  await sql`UPDATE api_token SET last_used_at = now() - interval '1 day'`
  t.equal(await get(app, token), 200)
  t.equal(counted.lookups, 1, 'recording a use is no change of credentials')
  await sql`UPDATE api_token SET revoked_at = now() WHERE name = 'test-editor'`
  app.auth.credentialsChanged()
  t.equal(await get(app, token), 401, 'at once, without waiting for the notification')
})

t.test('with the listener down nothing is cached: every request asks the database', async (t) => {
  const { url, headersOf } = await buildTestApp(t, [])
  const token = headersOf('viewer').authorization
  // It would come back only after a minute: the test ends (and closes it) long before.
  const { app, pool, counted, log } = await authOnly(t, url, { retryMs: 60_000 })
  t.equal(await get(app, token), 200)
  t.equal(await get(app, token), 200)
  t.equal(counted.lookups, 1, 'cached while listening')
  await dropListeners(pool)
  t.ok(await eventually(async () => lost(log) > 0), 'the loss is logged')
  for (let i = 0; i < 3; i++) t.equal(await get(app, token), 200)
  t.equal(counted.lookups, 4, 'three requests, three lookups')
})

t.test('the listener comes back after a drop, and the cache is used again', async (t) => {
  const { url, headersOf } = await buildTestApp(t, [])
  const token = headersOf('viewer').authorization
  const { app, pool, counted, log } = await authOnly(t, url, { retryMs: 20 })
  const [first] = await listenerPids(pool)
  await dropListeners(pool)
  t.ok(await eventually(async () => lost(log) > 0), 'the loss is logged')
  t.ok(
    await eventually(async () => {
      const start = counted.lookups
      await get(app, token)
      await get(app, token)
      return counted.lookups - start === 1
    }),
    'cached again',
  )
  t.notOk((await listenerPids(pool)).includes(first as number), 'on a new connection')
})

t.test('a listener that cannot connect: every request asks the database, retries wait longer each time', async (t) => {
  const { url, headersOf } = await buildTestApp(t, [])
  const token = headersOf('viewer').authorization
  const nowhere = new URL(url)
  nowhere.pathname = '/labtrack_no_such_database'
  const { app, counted, log } = await authOnly(t, url, { retryMs: 10, databaseUrl: nowhere.href })
  for (let i = 0; i < 3; i++) t.equal(await get(app, token), 200)
  t.equal(counted.lookups, 3, 'three requests, three lookups')
  t.ok(await eventually(async () => log.lines.filter((line) => /cannot be heard/.test(line.msg)).length >= 3), 'it keeps trying')
  const waits = log.lines.map((line) => /reconnecting in (\d+) ms/.exec(line.msg)?.[1]).filter(Boolean)
  t.same(waits.slice(0, 3), ['10', '20', '20'], 'doubled, up to the limit')
})

t.test('a session ended or a user deleted elsewhere is heard of; the bound evicts the oldest', async (t) => {
  const { url, sql, headersOf } = await buildTestApp(t, [])
  const { app, pool, counted } = await authOnly(t, url, { retryMs: 50, cacheEntries: 1 })
  const [account] = await sql`SELECT id FROM account WHERE name = 'test-editor'`
  const session = await createSession(pool, account?.id, { idleSeconds: 3600, maxSeconds: 3600 })
  const cookie = `labtrack_session=${session.id}`
  const bySession = () => app.inject({ url: '/api/whoami', headers: { cookie } }).then((res) => res.statusCode)
  t.equal(await bySession(), 200)
  t.equal(await bySession(), 200)
  t.equal(counted.lookups, 1, 'the session cached')
  const token = headersOf('editor').authorization
  t.equal(await get(app, token), 200)
  t.equal(await bySession(), 200)
  t.equal(counted.lookups, 3, 'one entry only: the token took the place of the session')
  await sql`DELETE FROM account_session`
  t.ok(await eventually(async () => (await bySession()) === 401), 'the ended session is refused')
  const admin = headersOf('admin').authorization
  t.equal((await app.inject({ url: '/api/whoami', headers: { authorization: admin } })).statusCode, 200)
  await sql`DELETE FROM account WHERE name = 'test-admin'`
  t.ok(await eventually(async () => (await get(app, admin)) === 401), "a deleted user's token is refused")
})

t.test('LABTRACK_CREDENTIAL_CACHE_SECONDS=0: no listener, every request asks the database', async (t) => {
  const { app, url, headersOf } = await buildTestApp(t, [whoami], { settings: { LABTRACK_CREDENTIAL_CACHE_SECONDS: 0 } })
  await app.ready()
  const counted = countLookups(app.pg.pool)
  const token = headersOf('viewer').authorization
  for (let i = 0; i < 3; i++) t.equal(await get(app, token), 200)
  t.equal(counted.lookups, 3)
  const other = new pg.Pool({ connectionString: url, max: 1 })
  t.teardown(() => other.end())
  t.same(await listenerPids(other), [], 'no listening connection')
})

t.test('a last use that cannot be recorded is logged; the request goes on', async (t) => {
  const { url, headersOf } = await buildTestApp(t, [])
  const log = logSink()
  const app = await createApp({ databaseUrl: url, services: [whoami], logger: { level: 'warn', stream: log.stream } })
  t.teardown(() => app.close())
  await app.ready()
  const query = app.pg.pool.query.bind(app.pg.pool)
  app.pg.pool.query = ((statement: string | Statement, values?: unknown[]) =>
    statementText(statement).startsWith('UPDATE api_token SET last_used_at')
      ? Promise.reject(new Error('no writes today'))
      : query(statement as string, values)) as typeof app.pg.pool.query
  t.equal(await get(app, headersOf('viewer').authorization), 200)
  t.ok(
    await eventually(async () => log.lines.some((line) => line.msg === 'could not record the last use of a token or session')),
    'logged as a warning',
  )
})
