import { once } from 'node:events'
import { connect } from 'node:net'
import type { FastifyPluginAsync } from 'fastify'
import t from 'tap'
import { clientErrorHandler } from '../src/client-errors.js'
import { stopAccepting } from '../src/closing.js'
import { createApp } from '../src/create-app.js'
import { buildTestApp, eventually, expectProblem } from '../src/testing.js'

// Routes open to anyone, so these tests are about the request, not who sends it.
const open = { config: { access: 'public' as const } }
const echo: FastifyPluginAsync = async (app) => {
  app.post('/api/echo', open, async (request) => ({ got: request.body ?? null }))
  app.get('/api/slow', open, async () => {
    await new Promise((resolve) => setTimeout(resolve, 300))
    return { slow: true }
  })
  app.get('/api/settings', open, async () => {
    const { rows } = await app.pg.query('SHOW statement_timeout')
    return { statement_timeout: rows[0].statement_timeout, pool: app.pg.pool.options.max }
  })
}

const { app } = await buildTestApp(t, [echo], {
  settings: { DATABASE_STATEMENT_TIMEOUT_MS: 1234, DATABASE_POOL_SIZE: 3 },
})
const post = (payload: Buffer | string, type = 'application/json') =>
  app.inject({ method: 'POST', url: '/api/echo', headers: { 'content-type': type }, payload })

t.test('a body that is not UTF-8 is a 400, never text with U+FFFD in it', async (t) => {
  for (const bytes of [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from('"}')])
    const res = await post(body)
    expectProblem(t, res, 400, 'bad-request', 'the request body is not valid UTF-8', bytes.join(' '))
  }
  const patch = await post(Buffer.from([0x7b, 0xff, 0x7d]), 'application/merge-patch+json')
  t.equal(patch.statusCode, 400, 'application/*+json too')
})

t.test('a UTF-8 BOM before the JSON is dropped; other text is kept exactly', async (t) => {
  const text = 'Ünïcødé 🧪 東京'
  const withBom = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ text }))]))
  t.equal(withBom.statusCode, 200)
  t.strictSame(withBom.json(), { got: { text } })
  const bomInside = await post(Buffer.from(JSON.stringify({ text: '\ufeffkept' })))
  t.strictSame(bomInside.json(), { got: { text: '\ufeffkept' } }, 'a BOM inside a string is data')
  t.strictSame((await post('')).json(), { got: null }, 'an empty body is no body')
  expectProblem(t, await post('{"a":'), 400, 'bad-request')
  expectProblem(t, await post('x', 'text/plain'), 415, 'unsupported-media-type')
})

t.test('the pool size and statement_timeout come from the settings', async (t) => {
  t.strictSame((await app.inject('/api/settings')).json(), { statement_timeout: '1234ms', pool: 3 })
  const { app: unlimited } = await buildTestApp(t, [echo], { settings: { DATABASE_STATEMENT_TIMEOUT_MS: 0 } })
  t.equal((await unlimited.inject('/api/settings')).json().statement_timeout, '0', '0: no limit')
})

t.test('a client error on a socket that is gone or closing writes nothing', async (t) => {
  const socket = (destroyed: boolean, writable: boolean) => {
    const calls: string[] = []
    return {
      destroyed,
      writable,
      write: () => calls.push('write'),
      destroy: () => calls.push('destroy'),
      calls,
    }
  }
  const reset = socket(false, true)
  clientErrorHandler(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset as never)
  t.strictSame(reset.calls, [], 'a reset connection: nothing to answer')
  const gone = socket(true, false)
  clientErrorHandler(new Error('parse'), gone as never)
  t.strictSame(gone.calls, [], 'a destroyed socket: nothing')
  const closing = socket(false, false)
  clientErrorHandler(new Error('parse'), closing as never)
  t.strictSame(closing.calls, ['destroy'], 'a socket no longer writable is only closed')
})

/** Sends raw bytes to a listening app and collects everything it answers until it closes the connection. */
function exchange(port: number, raw: string | Buffer, onSent: () => void = () => {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(raw)
      onSent()
    })
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1')
    })
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
  })
}

/** The problems in a raw answer: status line and JSON body of each response. */
function problemsIn(answer: string) {
  return [...answer.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n(\{[^\n]*?\})(?=HTTP|$)/g)].map(
    ([, status, head, body]) => ({
      status: Number(status),
      head: head as string,
      body: JSON.parse(body as string) as { type: string; status: number; title: string; detail: string },
    }),
  )
}

t.test('what Node cannot parse is a problem too, then the connection closes', async (t) => {
  const server = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [echo] })
  t.teardown(() => server.close())
  await server.listen({ port: 0, host: '127.0.0.1' })
  const port = (server.server.address() as { port: number }).port
  const cases: [string, string | Buffer, number, string][] = [
    ['a raw byte in the path', Buffer.from('GET /api/sites/\xff HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), 400, 'bad-request'],
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400, 'bad-request'],
    [
      'headers over 16 KiB',
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'request-header-too-large',
    ],
    [
      'an unknown Transfer-Encoding',
      'POST /api/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n',
      501,
      'not-implemented',
    ],
    ['HTTP/9.9', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n', 505, 'http-version-not-supported'],
  ]
  for (const [what, raw, status, type] of cases) {
    const [answer] = problemsIn(await exchange(port, raw))
    t.equal(answer?.status, status, `${what}: status`)
    t.match(answer?.head, /Content-Type: application\/problem\+json; charset=utf-8/, `${what}: a problem`)
    t.match(answer?.head, /Connection: close/, `${what}: closes`)
    t.match(answer?.body, { type: `urn:labtrack:problem:${type}`, status }, `${what}: body`)
  }
  const bad = await exchange(port, 'GET /api/freezers/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  t.match(
    bad,
    /^HTTP\/1\.1 400[\s\S]*application\/problem\+json[\s\S]*urn:labtrack:problem:bad-request/,
    'a bad percent-encoding',
  )
})

t.test(
  'while the service closes, a request in flight finishes and the next one on its connection is answered, with Connection: close',
  async (t) => {
    const server = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [echo] })
    await server.listen({ port: 0, host: '127.0.0.1' })
    const port = (server.server.address() as { port: number }).port
    let closed: Promise<undefined> | undefined
    const answer = await new Promise<string>((resolve) => {
      let received = ''
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /api/slow HTTP/1.1\r\nHost: x\r\n\r\n')
        setTimeout(() => {
          closed = server.close()
        }, 50)
      })
      socket.on('data', (chunk) => {
        const before = received
        received += chunk.toString('latin1')
        // Once the slow answer is in, the next request on the same connection (close() has begun meanwhile).
        if (!before.includes('{"slow":true}') && received.includes('{"slow":true}')) {
          socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
        }
      })
      socket.on('close', () => resolve(received))
      socket.on('error', () => resolve(received))
    })
    await closed
    t.match(answer, /^HTTP\/1\.1 200[\s\S]*\{"slow":true\}/, 'the request in flight completed')
    const rest = answer.slice(answer.indexOf('{"slow":true}') + 13)
    t.match(rest, /^HTTP\/1\.1 200 OK\r\n[\s\S]*connection: close\r\n[\s\S]*"status":"ok"/i, 'the next one is served, and closes')
  },
)

t.test(
  'stopAccepting: until a retriable request is turned away (503), new connections are taken; then refused. Open ones are served with Connection: close, idle ones left to the client',
  async (t) => {
    const server = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [echo] })
    t.teardown(() => server.close())
    await server.listen({ port: 0, host: '127.0.0.1' })
    const port = (server.server.address() as { port: number }).port
    const open = connect(port, '127.0.0.1')
    await once(open, 'connect')
    let drained = false
    const draining = stopAccepting(server, 60_000, 60_000).then(() => {
      drained = true
    })
    const post = 'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}'
    const served = /^HTTP\/1\.1 200 OK\r\n[\s\S]*connection: close\r\n[\s\S]*\{"got":\{"a":1\}\}$/i
    t.match(await exchange(port, post), served, 'a POST on a new connection: served (nginx would not retry it), and closed')
    const get = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
    const [turnedAway, alsoTurnedAway] = (await Promise.all([exchange(port, get), exchange(port, get)])).flatMap(problemsIn)
    t.equal(alsoTurnedAway?.status, 503, 'as is every one until the listener closes')
    t.equal(turnedAway?.status, 503, 'a GET on a new connection: 503, which nginx passes to another replica')
    t.equal(turnedAway?.body.type, 'urn:labtrack:problem:unavailable')
    t.match(turnedAway?.head, /connection: close/i)
    t.match(turnedAway?.head, /retry-after: 1/i)
    t.match(turnedAway?.head, /content-type: application\/problem\+json/i)
    const refusedOnce = await eventually(async () => {
      const late = connect(port, '127.0.0.1')
      const [event] = await Promise.race([once(late, 'error'), once(late, 'connect').then(() => ['connected'])])
      late.destroy()
      return (event as NodeJS.ErrnoException).code === 'ECONNREFUSED'
    })
    t.ok(refusedOnce, 'shortly after, a new connection is refused (nginx retries that elsewhere, a POST too)')
    t.equal(drained, false, 'the open connection is waited for')
    let received = ''
    open.on('data', (chunk) => (received += chunk.toString('latin1')))
    open.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
    await once(open, 'close')
    await draining
    t.match(
      received,
      /^HTTP\/1\.1 200 OK\r\n[\s\S]*connection: close\r\n[\s\S]*"status":"ok"/i,
      'a GET on the open one: answered, then closed',
    )

    const quietServer = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [echo] })
    t.teardown(() => quietServer.close())
    await quietServer.listen({ port: 0, host: '127.0.0.1' })
    const quietPort = (quietServer.server.address() as { port: number }).port
    const began = Date.now()
    await stopAccepting(quietServer, 60_000, 100)
    t.ok(Date.now() - began >= 100, 'with no request to turn away, the listener stays open for its time')
    const refused = connect(quietPort, '127.0.0.1')
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException]
    t.equal(error.code, 'ECONNREFUSED', 'then closes')

    const idleServer = await createApp({ databaseUrl: 'postgres://nobody:x@127.0.0.1:1/none', services: [echo] })
    t.teardown(() => idleServer.close())
    await idleServer.listen({ port: 0, host: '127.0.0.1' })
    const idle = connect((idleServer.server.address() as { port: number }).port, '127.0.0.1')
    await once(idle, 'connect')
    await stopAccepting(idleServer, 50)
    t.equal(idle.destroyed, false, 'an idle connection is not closed from this side: the limit ends the wait')
    idle.destroy()
  },
)

t.test('eventually: true once the check is, false when it never is within its tries', async (t) => {
  let calls = 0
  t.equal(await eventually(async () => ++calls === 3), true)
  t.equal(calls, 3)
  t.equal(await eventually(async () => false, 2), false)
})
