import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import t from 'tap'
import { createApp } from '../src/create-app.js'
import { buildTestApp } from '../src/testing.js'

const PROBLEM = 'application/problem+json; charset=utf-8'

// A route that fails the way a bug would: its message must not reach the client.
const failing: FastifyPluginAsync = async (app) => {
  app.get('/api/boom', { config: { access: 'public' } }, async () => {
    throw new Error('syntax error at or near "FROM secret_table" password=hunter2')
  })
  app.get('/api/rows', { config: { access: 'public' } }, async () => (await app.pg.query('SELECT 1 AS one')).rows)
  // A query schema that names no properties: anything goes, nothing is coerced.
  app.get(
    '/api/echo',
    { config: { access: 'public' }, schema: { querystring: { type: 'object' } } },
    async (request) => request.query,
  )
}

const { app } = await buildTestApp(t, [failing])

t.test('an unexpected error is a masked 500 problem', async (t) => {
  const res = await app.inject('/api/boom')
  t.equal(res.statusCode, 500)
  t.equal(res.headers['content-type'], PROBLEM)
  t.notMatch(res.body, /secret|hunter2|syntax/)
  t.equal(res.json().type, 'urn:labtrack:problem:internal')
  t.match(res.json().detail, res.headers['x-request-id'] as string)
})

t.test('query strings: a schema without properties takes them as text', async (t) => {
  const res = await app.inject('/api/echo?limit=0x10&x=1')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { limit: '0x10', x: '1' })
})

t.test('X-Request-Id: taken from the caller when sane, generated otherwise, echoed', async (t) => {
  const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123.4:5@gw' } })
  t.equal(given.headers['x-request-id'], 'abc-123.4:5@gw')
  const generated = await app.inject('/healthz')
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  t.not((await app.inject('/healthz')).headers['x-request-id'], generated.headers['x-request-id'], 'a new one each time')
  for (const bad of ['has space', 'x'.repeat(129), '<script>', '']) {
    const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': bad } })
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/, `replaced: ${bad.slice(0, 20)}`)
  }
  const onError = await app.inject({ url: '/api/nowhere', headers: { 'x-request-id': 'trace-1' } })
  t.equal(onError.headers['x-request-id'], 'trace-1', 'errors carry it too')
})

t.test('healthz and readyz answer while the database is up', async (t) => {
  const health = await app.inject('/healthz')
  t.equal(health.statusCode, 200)
  t.strictSame(health.json(), { status: 'ok' })
  const ready = await app.inject('/readyz')
  t.equal(ready.statusCode, 200)
  t.strictSame(ready.json(), { status: 'ok' })
})

t.test('with the database unreachable: readyz 503, queries 503, healthz still 200', async (t) => {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  const down = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [failing] })
  t.teardown(() => down.close())
  t.equal((await down.inject('/healthz')).statusCode, 200)
  const ready = await down.inject('/readyz')
  t.equal(ready.statusCode, 503)
  t.equal(ready.headers['content-type'], PROBLEM)
  t.equal(ready.json().detail, 'the database is unavailable')
  const rows = await down.inject('/api/rows')
  t.equal(rows.statusCode, 500, 'a raw pg query outside @labtrack/db is an unexpected error, still masked')
  t.notMatch(rows.body, /ECONNREFUSED|127\.0\.0\.1/)
})

t.test('the OpenAPI document is collected only when asked for', async (t) => {
  const routes: FastifyPluginAsync = async (app) => {
    app.get('/api/things', { schema: { operationId: 'listThings' } }, async () => [])
  }
  const databaseUrl = 'postgres://nobody:x@127.0.0.1:1/none'
  const service = await createApp({ databaseUrl, services: [routes] })
  t.teardown(() => service.close())
  t.notOk(service.hasDecorator('swagger'), 'a service alone: no app.swagger()')
  const documented = await createApp({ databaseUrl, services: [routes], openapi: true })
  t.teardown(() => documented.close())
  await documented.ready()
  const document = documented.swagger() as unknown as { paths: Record<string, Record<string, { operationId: string }>> }
  t.equal(document.paths['/api/things']?.get?.operationId, 'listThings')
})

t.test('with a web root: files, index.html for UI routes, problems for API paths', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'labtrack-web-'))
  await writeFile(join(root, 'index.html'), '<!doctype html><title>labtrack</title>')
  await mkdir(join(root, 'assets'))
  await writeFile(join(root, 'assets/app-1234.js'), 'console.log(1)')
  const ui = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [], webRoot: root })
  t.teardown(() => ui.close())
  const index = await ui.inject('/')
  t.equal(index.statusCode, 200)
  t.match(index.body, /<title>labtrack/)
  t.equal(index.headers['cache-control'], 'no-cache')
  const asset = await ui.inject('/assets/app-1234.js')
  t.equal(asset.statusCode, 200)
  t.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable', 'fingerprinted assets are cached for good')
  const deep = await ui.inject(`/freezers/${randomUUID()}?offset=100`)
  t.equal(deep.statusCode, 200, 'a UI route falls back to index.html')
  t.match(deep.headers['content-type'], /text\/html/)
  const api = await ui.inject('/api/unknown')
  t.equal(api.statusCode, 404)
  t.equal(api.headers['content-type'], PROBLEM)
  // The gateway's security headers, exactly (nginx/labtrack.conf.template is their one source).
  const template = await readFile(join(import.meta.dirname, '../../../nginx/labtrack.conf.template'), 'utf8')
  const gateway = Object.fromEntries(
    [
      ...template.matchAll(
        /^\s*add_header (Content-Security-Policy|X-Content-Type-Options|Referrer-Policy|X-Frame-Options) "?([^"]*?)"? always;/gm,
      ),
    ].map(([, name, value]) => [(name as string).toLowerCase(), value]),
  )
  t.equal(Object.keys(gateway).length, 4, 'the four headers are in the template')
  for (const res of [index, api]) {
    // Directives compare one by one: helmet writes "a;b" where nginx has "a; b".
    const same = (value: unknown) => String(value).split(/;\s*/)
    for (const [name, value] of Object.entries(gateway))
      t.strictSame(same(res.headers[name]), same(value), `${name} as the gateway sends it`)
    for (const extra of ['strict-transport-security', 'cross-origin-opener-policy', 'x-xss-protection', 'origin-agent-cluster']) {
      t.notOk(res.headers[extra], `no ${extra} the gateway does not send`)
    }
  }
  const post = await ui.inject({ method: 'POST', url: '/freezers/1', payload: {} })
  t.equal(post.statusCode, 404, 'only GET and HEAD fall back')
  t.equal(post.headers['content-type'], PROBLEM)
})

t.test('buildTestApp needs the DATABASE_URL the test runner sets', async (t) => {
  const saved = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  t.teardown(() => {
    process.env.DATABASE_URL = saved
  })
  await t.rejects(buildTestApp(t, []), /DATABASE_URL is not set: run the tests with "pnpm test"/)
})
