import { DbError } from '@labtrack/db'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import t from 'tap'
import { buildTestApp, expectProblem } from '../src/testing.js'
import { withActor } from '../src/with-actor.js'

// withActor: one transaction that names who writes and in which request. What a
// caller notices: the names in the transaction, nothing stored of a write that
// failed half-way, and a 503 (never a hung pool) when the database goes away.
const probe: FastifyPluginAsync = async (app) => {
  // What the transaction sees of its settings, and of a site it writes.
  app.post('/api/probe/names', async (request) =>
    withActor(app.pg, request, async (db) => {
      const { rows } = await db.query(
        "SELECT current_setting('labtrack.actor') AS actor, current_setting('labtrack.request_id') AS request_id",
      )
      await db.query("INSERT INTO site (name) VALUES ('named')")
      return rows[0]
    }),
  )
  // A first write, then a second the database refuses (a freezer of no site).
  app.post('/api/probe/half', async (request) =>
    withActor(app.pg, request, async (db) => {
      await db.query("INSERT INTO site (name) VALUES ('half-written')")
      await db.query("INSERT INTO freezer (name, site_id) VALUES ('orphan', 2000000000)")
    }),
  )
  // A first write, then the connection dies under the transaction.
  app.post('/api/probe/cut', async (request) =>
    withActor(app.pg, request, async (db) => {
      await db.query("INSERT INTO site (name) VALUES ('cut off')")
      await db.query('SELECT pg_terminate_backend(pg_backend_pid())')
    }),
  )
  app.get('/api/probe/setting', async () => {
    const { rows } = await app.pg.query("SELECT current_setting('labtrack.actor', true) AS actor")
    return rows[0]
  })
}

// One connection: a connection withActor kept would stall every later request.
const { app, sql } = await buildTestApp(t, [probe], { settings: { DATABASE_POOL_SIZE: 1 } })
const sites = async (name: string) => (await sql`SELECT count(*)::int AS n FROM site WHERE name = ${name}`)[0]?.n

t.test('the actor (token:<name> for a token) and the request id are set in the transaction, and only there', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/api/probe/names', headers: { 'x-request-id': 'req-names-1' } })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { actor: 'token:test-editor', request_id: 'req-names-1' })
  t.equal(await sites('named'), 1, 'committed')
  const after = await app.inject('/api/probe/setting')
  t.not(after.json().actor, 'token:test-editor', 'the same connection, after the transaction, names no actor')
})

t.test('a write the database refuses half-way is rolled back: the answer says why, nothing of it is stored', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/api/probe/half' })
  expectProblem(t, res, 422, 'unknown-parent')
  t.equal(await sites('half-written'), 0, 'the first insert is undone too')
  t.equal((await app.inject({ method: 'POST', url: '/api/probe/names' })).statusCode, 200, 'the connection is back in the pool')
})

t.test('a connection that dies in the transaction: a 503 problem, nothing stored, the pool goes on', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/api/probe/cut' })
  expectProblem(t, res, 503, 'unavailable', 'the database is unavailable')
  t.equal(await sites('cut off'), 0, 'nothing of the transaction is stored')
  const next = await app.inject({ method: 'POST', url: '/api/probe/names' })
  t.equal(next.statusCode, 200, 'the dead connection was dropped, a new one serves the next request')
})

t.test('a database that cannot be reached: the work never runs, the error is "unavailable"', async (t) => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
  let ran = false
  const request = { actor: null, id: 'req-down' } as unknown as FastifyRequest
  const failed = withActor({ connect: () => Promise.reject(refused) }, request, async () => {
    ran = true
  })
  await t.rejects(failed, new DbError('LABTRACK_DB_UNAVAILABLE', 'the database is unavailable'))
  t.notOk(ran, 'no work without a connection')
})
