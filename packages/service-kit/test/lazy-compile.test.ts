import type { FastifyPluginAsync } from 'fastify'
import t from 'tap'
import { createApp } from '../src/create-app.js'
import { compileEveryRouteSchema } from '../src/lazy-compile.js'

const OFFLINE = 'postgres://x@127.0.0.1:1/none'

const echo: FastifyPluginAsync = async (app) => {
  app.post(
    '/api/echo/:n',
    {
      config: { access: 'public' },
      schema: {
        params: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
        body: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' }, name: { type: 'string' } } } },
      },
    },
    async (request) => ({ ...(request.body as object), ...(request.params as object), secret: 'not in the schema' }),
  )
}

t.test('validators and serialisers compiled on first use check and shape as eager ones do', async (t) => {
  const app = await createApp({ databaseUrl: OFFLINE, services: [echo] })
  t.teardown(() => app.close())
  await app.ready()
  const ok = await app.inject({ method: 'POST', url: '/api/echo/7', payload: { name: 'Box' } })
  t.equal(ok.statusCode, 200)
  t.strictSame(ok.json(), { n: 7, name: 'Box' }, 'coerced param, and what the response schema leaves out is left out')
  const bad = await app.inject({ method: 'POST', url: '/api/echo/x', payload: { name: 1, extra: true } })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().errors, [{ pointer: '/n' }], 'the failed check says why, from the lazily made validator')
  const again = await app.inject({ method: 'POST', url: '/api/echo/8', payload: { extra: true } })
  t.equal(again.statusCode, 400, 'the second request uses the same validator')
  t.strictSame(
    again
      .json()
      .errors.map((error: { pointer: string }) => error.pointer)
      .sort(),
    ['/extra', '/name'],
  )
})

t.test(
  'compileEveryRouteSchema compiles what no request has needed, and reports a broken schema without a request',
  async (t) => {
    const broken: FastifyPluginAsync = async (app) => {
      app.get(
        '/api/broken',
        { config: { access: 'public' }, schema: { querystring: { $ref: 'NoSuchSchema#' } } },
        async () => ({}),
      )
    }
    compileEveryRouteSchema()
    const good = await createApp({ databaseUrl: OFFLINE, services: [echo] })
    t.teardown(() => good.close())
    await good.ready()
    t.ok(compileEveryRouteSchema() >= 3, 'the echo route: params, body, a response')
    t.equal(compileEveryRouteSchema(), 0, 'each is compiled once')

    const app = await createApp({ databaseUrl: OFFLINE, services: [broken] })
    t.teardown(() => app.close())
    await app.ready()
    t.throws(() => compileEveryRouteSchema(), /NoSuchSchema/)
  },
)
