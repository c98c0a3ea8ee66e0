import type { FastifyPluginAsync } from 'fastify'
import t from 'tap'
import { buildTestApp } from '../src/testing.js'

const things: FastifyPluginAsync = async (app) => {
  app.get('/api/things/:id', async (request) => {
    const { rows } = await app.pg.query('SELECT $1::int AS id', [(request.params as { id: string }).id])
    return rows[0]
  })
}

// One sample line of the exposition text: its value, or undefined when the series is not there.
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`)
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const has = (match[2] ?? '').split(',')
    if (wanted.every((label) => has.includes(label))) return Number(match[3])
  }
  return undefined
}

t.test('GET /metrics on METRICS_PORT: requests by route pattern, the pool, the process', async (t) => {
  const { app } = await buildTestApp(t, [things], { settings: { METRICS_PORT: 0, HOST: '127.0.0.1' } })
  t.equal(app.metricsAddress(), undefined, 'no listener before the app is ready')
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.metricsAddress()
  t.ok(address && address.port !== (app.server.address() as { port: number }).port, 'a port of its own')
  const metricsUrl = `http://127.0.0.1:${address?.port}/metrics`

  for (const id of [1, 2, 3]) t.equal((await app.inject(`/api/things/${id}`)).statusCode, 200)
  t.equal((await app.inject('/api/things/x')).statusCode, 500, 'a bad id (no schema here): 500')
  t.equal((await app.inject('/api/nowhere/at/all?x=1')).statusCode, 404)

  const res = await fetch(metricsUrl)
  t.equal(res.status, 200)
  t.match(res.headers.get('content-type'), /^text\/plain; version=0\.0\.4/)
  const text = await res.text()
  const route = { method: 'GET', route: '/api/things/:id', status_code: '200' }
  t.equal(sample(text, 'http_request_duration_seconds_count', route), 3, 'counted by route pattern and status')
  t.equal(sample(text, 'http_request_duration_seconds_count', { ...route, status_code: '500' }), 1)
  t.ok((sample(text, 'http_request_duration_seconds_sum', route) as number) > 0, 'with their durations')
  t.equal(sample(text, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' }), 3, 'a histogram')
  t.equal(
    sample(text, 'http_request_duration_seconds_count', { route: '(unmatched)', status_code: '404' }),
    1,
    'a 404: one label value',
  )
  t.notMatch(text, /api\/things\/[0-9x]|nowhere/, 'never a raw URL as a label')

  t.equal(sample(text, 'labtrack_db_pool_max'), 10, 'DATABASE_POOL_SIZE')
  t.ok((sample(text, 'labtrack_db_pool_connections') as number) >= 1, 'connections opened')
  t.equal(sample(text, 'labtrack_db_pool_connections_in_use'), 0, 'none checked out between requests')
  t.equal(sample(text, 'labtrack_db_pool_waiting'), 0)
  t.type(sample(text, 'labtrack_db_pool_connections_idle'), 'number')
  for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_p99_seconds']) {
    t.type(sample(text, name), 'number', name)
  }

  const other = await fetch(`http://127.0.0.1:${address?.port}/`)
  t.equal(other.status, 404, 'nothing else on that port')
  t.equal((await fetch(metricsUrl, { method: 'POST' })).status, 404)
  t.equal((await app.inject('/metrics')).statusCode, 404, 'and no /metrics on the API port')

  await app.close()
  await t.rejects(fetch(metricsUrl), 'the listener closes with the app')
})

t.test('without METRICS_PORT nothing is collected or served', async (t) => {
  const { app } = await buildTestApp(t, [things])
  t.equal(app.hasDecorator('metricsAddress'), false)
})

t.test('an app closed before it was ready has no listener to close', async (t) => {
  const { app } = await buildTestApp(t, [things], { settings: { METRICS_PORT: 0 } })
  t.equal(app.metricsAddress(), undefined)
})

t.test('a metrics port already taken stops the start', async (t) => {
  const { app: first } = await buildTestApp(t, [things], { settings: { METRICS_PORT: 0, HOST: '127.0.0.1' } })
  await first.ready()
  const taken = first.metricsAddress()?.port
  const { app } = await buildTestApp(t, [things], { settings: { METRICS_PORT: taken, HOST: '127.0.0.1' } })
  await t.rejects(
    async () => {
      await app.ready()
    },
    { code: 'EADDRINUSE' },
  )
})
