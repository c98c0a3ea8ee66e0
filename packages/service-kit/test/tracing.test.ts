import { Writable } from 'node:stream'
import { createTestDatabase } from '@labtrack/db-tools'
import type { FastifyPluginAsync } from 'fastify'
import postgres from 'postgres'
import t from 'tap'
import { createApp } from '../src/create-app.js'
import { createTestTokens } from '../src/testing.js'
import { withActor } from '../src/with-actor.js'
import { startOtlpReceiver } from './otlp-receiver.js'

// One app with tracing on, its spans sent to a small OTLP receiver; closing
// the app flushes them, so every assertion reads what the receiver got.

const things: FastifyPluginAsync = async (app) => {
  app.get('/api/things/:id', async (request) => {
    const { rows } = await app.pg.query('SELECT $1::int AS id', [(request.params as { id: string }).id])
    return rows[0]
  })
  // A write: a transaction on a checked-out connection (promise-style queries), a query object, a failing statement.
  app.post('/api/things', async (request, reply) => {
    await withActor(app.pg, request, async (client) => {
      await client.query({ text: '(SELECT 1)' })
      await client.query('SELECT no_such_column FROM site').catch(() => {})
    })
    return reply.code(201).send({ ok: true })
  })
  app.get('/api/broken', async () => app.pg.query('SELECT * FROM no_such_table'))
}

const receiver = await startOtlpReceiver()
t.teardown(receiver.close)
const database = await createTestDatabase(process.env.DATABASE_URL as string)
t.teardown(() => database.drop())
const sql = postgres(database.url, { max: 1 })
const tokens = await createTestTokens(sql)
await sql.end()
const lines: Record<string, unknown>[] = []
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(JSON.parse(String(chunk)))
    done()
  },
})
const app = await createApp({
  databaseUrl: database.url,
  name: 'things',
  services: [things],
  logger: { level: 'info', stream },
  settings: { OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.endpoint}/`, LABTRACK_CREDENTIAL_CACHE_SECONDS: 0 },
})
const authorization = `Bearer ${tokens.editor}`

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736'
const PARENT = '00f067aa0ba902b7'
const read = await app.inject({
  url: '/api/things/7',
  headers: { authorization, traceparent: `00-${TRACE}-${PARENT}-01`, 'x-request-id': 'read-1' },
})
const write = await app.inject({
  method: 'POST',
  url: '/api/things',
  headers: { authorization, 'x-request-id': 'write-1' },
  body: {},
})
const broken = await app.inject({ url: '/api/broken', headers: { authorization } })
const missing = await app.inject({ url: '/api/nowhere', headers: { authorization } })
// Outside any request: no span.
await app.pg.query('SELECT 42 AS outside')
await app.close()

// Closing unregistered it all: another app of the same process starts tracing again, under the name it is given.
const renamed = await createApp({
  databaseUrl: database.url,
  services: [],
  settings: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: 'labtrack-eu' },
})
await renamed.inject('/readyz')
await renamed.inject('/api/elsewhere')
await renamed.close()

const spans = receiver.spans
const traceOf = (traceId: string) => spans.filter((span) => span.traceId === traceId)
const requestSpan = (name: string) => spans.find((span) => span.name === name && span.kind === 2)

t.test('the answers are what they are without tracing', async (t) => {
  t.equal(read.statusCode, 200)
  t.same(read.json(), { id: 7 })
  t.equal(write.statusCode, 201)
  t.equal(broken.statusCode, 500)
  t.equal(missing.statusCode, 404)
})

t.test('spans go to OTLP/HTTP JSON at the endpoint /v1/traces, named by the service or OTEL_SERVICE_NAME', async (t) => {
  t.ok(receiver.paths.length > 0)
  for (const path of receiver.paths) t.equal(path, 'POST /v1/traces application/json')
  t.same([...new Set(spans.map((span) => span.service))], ['things', 'labtrack-eu'])
  t.ok(
    spans.some((span) => span.service === 'labtrack-eu' && span.name === 'GET'),
    'the second app traces too',
  )
  t.notOk(
    spans.some((span) => span.name === 'GET /readyz'),
    'the probes are not traced',
  )
})

t.test("a request continues the caller's traceparent: request, handler and its SQL in that one trace", async (t) => {
  const trace = traceOf(TRACE)
  const request = requestSpan('GET /api/things/:id')
  t.equal(request?.traceId, TRACE)
  t.equal(request?.parentSpanId, PARENT, "a child of the caller's span")
  t.equal(request?.attributes['http.route'], '/api/things/:id')
  const statement = trace.find((span) => span.attributes['db.query.text'] === 'SELECT $1::int AS id')
  t.ok(statement, 'the route\u2019s statement')
  t.equal(statement?.name, 'SELECT')
  t.equal(statement?.kind, 3, 'a CLIENT span')
  t.equal(statement?.attributes['db.system.name'], 'postgresql')
  t.equal(statement?.attributes['db.namespace'], new URL(database.url).pathname.slice(1))
  t.notMatch(JSON.stringify(trace), /"7"/, 'no bind value is recorded')
  const ids = new Set(trace.map((span) => span.spanId))
  for (const span of trace.filter((span) => span !== request))
    t.ok(ids.has(span.parentSpanId as string), `${span.name} has its parent in the trace`)
  t.ok(
    trace.some((span) => /api_token/.test(String(span.attributes['db.query.text']))),
    'the credential check (an onRequest hook) is in it too',
  )
})

t.test('a request without traceparent starts a trace; a transaction and a failing statement are spans of it', async (t) => {
  const request = requestSpan('POST /api/things')
  t.ok(request)
  t.equal(request?.parentSpanId ?? '', '', 'a root span')
  const names = traceOf(request?.traceId as string)
    .filter((span) => span.kind === 3)
    .map((span) => span.name)
  for (const name of ['BEGIN', 'COMMIT']) t.ok(names.includes(name), `${name} of the transaction`)
  t.ok(names.includes('SQL'), 'a statement that does not start with a word is "SQL"')
  const failed = spans.find((span) => span.attributes['db.query.text'] === 'SELECT no_such_column FROM site')
  t.equal(failed?.status?.code, 2, 'an error')
  t.match(failed?.status?.message, /no_such_column/)
  const brokenTrace = traceOf(requestSpan('GET /api/broken')?.traceId as string)
  t.equal(
    brokenTrace.find(
      (span) => span.kind === 3 && span.name === 'SELECT' && /no_such_table/.test(String(span.attributes['db.query.text'])),
    )?.status?.code,
    2,
    'a failing pool query too',
  )
})

t.test('a request no route matched is named by its method alone', async (t) => {
  t.ok(requestSpan('GET'))
})

t.test('a statement outside a request makes no span', async (t) => {
  t.notOk(spans.some((span) => /outside/.test(String(span.attributes['db.query.text']))))
})

t.test('log lines inside a traced request carry its trace id', async (t) => {
  const readLines = lines.filter((line) => line.reqId === 'read-1')
  t.ok(readLines.length > 0)
  t.ok(
    readLines.some((line) => line.trace_id === TRACE && typeof line.span_id === 'string'),
    JSON.stringify(readLines.map(({ msg, trace_id }) => ({ msg, trace_id }))),
  )
  t.notOk(
    lines.some((line) => line.trace_id !== undefined && line.reqId === undefined),
    'lines outside requests carry none',
  )
})
