import { setTimeout as sleep } from 'node:timers/promises'
import { PROBLEM_TYPES, type ProblemType } from '@labtrack/service-kit'
import type { Test } from 'tap'
import type { E2eStack } from '../src/e2e-stack.js'
import { startFakeUpstream } from '../src/fake-upstream.js'
import { startOwnGateway } from '../src/own-gateway.js'
import { rawRequest } from '../src/raw-http.js'

// Every answer nginx gives to a malformed or refused request is a problem of
// the registry, with the gateway's security headers; sent byte for byte on
// raw sockets, since an HTTP client would refuse to send most of them.

interface Answer {
  status?: number
  headers: Record<string, string>
  body: string
}

const CLOSE = 'Host: labtrack\r\nConnection: close\r\n'
const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\n${CLOSE}${headers}\r\n`
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))))

interface Case {
  what: string
  request: string | Buffer
  status: number
  type: ProblemType
}

// What each answers through the stack's gateway: nginx itself, except the
// two a service refuses in its own problem (a percent-encoding that is not
// UTF-8, a parameter too long), passed through untouched.
const MALFORMED: Case[] = [
  {
    what: 'a header line over 4 KiB',
    request: get('/api/sites', `X-Padding: ${'a'.repeat(5000)}\r\n`),
    status: 431,
    type: 'request-header-too-large',
  },
  {
    what: 'a cookie over 4 KiB',
    request: get('/api/sites', `Cookie: ${'k=v; '.repeat(1100)}\r\n`),
    status: 431,
    type: 'request-header-too-large',
  },
  {
    what: 'a header of 16 KiB in short lines',
    request: get('/api/sites', Array.from({ length: 8 }, (_, i) => `X-Padding-${i}: ${'a'.repeat(2000)}\r\n`).join('')),
    status: 431,
    type: 'request-header-too-large',
  },
  {
    what: 'an unknown Transfer-Encoding',
    request: `POST /api/sites HTTP/1.1\r\n${CLOSE}Transfer-Encoding: gzip\r\n\r\n`,
    status: 501,
    type: 'not-implemented',
  },
  { what: 'HTTP/9.9', request: `GET /api/sites HTTP/9.9\r\n${CLOSE}\r\n`, status: 505, type: 'http-version-not-supported' },
  {
    what: 'HTTP/2.0 in a request line',
    request: `GET /api/sites HTTP/2.0\r\n${CLOSE}\r\n`,
    status: 505,
    type: 'http-version-not-supported',
  },
  { what: 'a request line that is not one', request: 'GARBAGE\r\n\r\n', status: 400, type: 'bad-request' },
  { what: 'a lower-case method', request: `get /api/sites HTTP/1.1\r\n${CLOSE}\r\n`, status: 400, type: 'bad-request' },
  {
    what: 'HTTP/1.1 without Host',
    request: 'GET /api/sites HTTP/1.1\r\nConnection: close\r\n\r\n',
    status: 400,
    type: 'bad-request',
  },
  { what: 'a header name with a space', request: get('/api/sites', 'Bad Header: x\r\n'), status: 400, type: 'bad-request' },
  { what: 'a URI over 4 KiB', request: get(`/api/sites?q=${'a'.repeat(5000)}`), status: 414, type: 'uri-too-long' },
  { what: 'a bad percent-encoding', request: get('/api/freezers/%zz'), status: 400, type: 'bad-request' },
  { what: 'an encoded NUL', request: get('/api/freezers/%00'), status: 400, type: 'bad-request' },
  {
    what: 'a raw byte 0xff in the path',
    request: bytes('GET /api/freezers/', [0xff], ` HTTP/1.1\r\n${CLOSE}\r\n`),
    status: 400,
    type: 'bad-request',
  },
  { what: 'raw UTF-8 in the path', request: bytes(get('/lab-sites/caf\u00e9')), status: 400, type: 'bad-request' },
  { what: 'a raw tab in the path', request: get('/api/free\tzers'), status: 400, type: 'bad-request' },
  {
    what: 'a percent-encoded byte that is not UTF-8 (the service)',
    request: get('/api/freezers/%ff'),
    status: 400,
    type: 'bad-request',
  },
  {
    what: 'a path parameter of 1,000 digits (the service)',
    request: get(`/api/freezers/${'9'.repeat(1000)}`),
    status: 414,
    type: 'uri-too-long',
  },
  {
    what: 'Content-Length and Transfer-Encoding together',
    request: `POST /api/sites HTTP/1.1\r\n${CLOSE}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    status: 400,
    type: 'bad-request',
  },
  {
    what: 'two Content-Lengths',
    request: `POST /api/sites HTTP/1.1\r\n${CLOSE}Content-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
    status: 400,
    type: 'bad-request',
  },
  {
    what: 'a malformed chunk',
    request: `POST /api/sites HTTP/1.1\r\n${CLOSE}Transfer-Encoding: chunked\r\n\r\nzz\r\n`,
    status: 400,
    type: 'bad-request',
  },
  {
    what: 'a body over 1 MiB, announced',
    request: `POST /api/sites HTTP/1.1\r\n${CLOSE}Content-Length: 2000000\r\n\r\n`,
    status: 413,
    type: 'payload-too-large',
  },
  { what: 'TRACE', request: `TRACE /api/sites HTTP/1.1\r\n${CLOSE}\r\n`, status: 405, type: 'method-not-allowed' },
  {
    what: 'a POST to a UI file',
    request: `POST /index.html HTTP/1.1\r\n${CLOSE}Content-Length: 0\r\n\r\n`,
    status: 405,
    type: 'method-not-allowed',
  },
  {
    what: 'If-Match on a UI file',
    request: get('/index.html', 'If-Match: "not-this-one"\r\n'),
    status: 412,
    type: 'precondition-failed',
  },
  { what: 'a path no one answers', request: get('/api/nothing-here'), status: 404, type: 'not-found' },
]

/** The problem of `type` with the gateway's headers, whoever wrote it. */
function expectProblem(t: Test, answer: Answer, status: number, type: ProblemType, what: string) {
  t.equal(answer.status, status, `${what}: ${status}`)
  t.match(answer.headers['content-type'], /^application\/problem\+json(; charset=utf-8)?$/, `${what}: a problem`)
  const body = JSON.parse(answer.body || 'null') as { type: string; title: string; status: number; detail: string }
  t.equal(body?.type, `urn:labtrack:problem:${type}`, `${what}: type`)
  t.equal(body?.title, PROBLEM_TYPES[type].title, `${what}: the registry's title`)
  t.equal(body?.status, PROBLEM_TYPES[type].status, `${what}: the registry's status`)
  t.match(body?.detail, /\w/, `${what}: a detail`)
  t.match(answer.headers['content-security-policy'], /^default-src 'self'/, `${what}: CSP`)
  t.equal(answer.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`)
  t.equal(answer.headers['x-frame-options'], 'DENY', `${what}: no framing`)
  t.equal(answer.headers['referrer-policy'], 'no-referrer', `${what}: referrer policy`)
  t.match(answer.headers['x-request-id'], /^[\w.:@-]{16,}$/, `${what}: request id`)
}

const fromFetch = async (res: Response): Promise<Answer> => ({
  status: res.status,
  headers: Object.fromEntries(res.headers),
  body: await res.text(),
})

export async function gatewayErrorsSuite(t: Test, stack: E2eStack) {
  t.test('malformed requests: a problem with its status, never an HTML page', async (t) => {
    for (const { what, request, status, type } of MALFORMED) {
      const answer = await rawRequest(stack.port, request)
      expectProblem(t, answer, status, type, what)
    }
  })

  t.test("nginx's own answers carry no-store; a range is never refused", async (t) => {
    const refused = await rawRequest(stack.port, `GET /api/sites HTTP/9.9\r\n${CLOSE}\r\n`)
    t.equal(refused.headers['cache-control'], 'no-store')
    const range = await fetch(`${stack.url}/index.html`, { headers: { range: 'bytes=99999999-' } })
    t.equal(range.status, 200, 'byte ranges are off: the whole file, no 416')
  })

  t.test('HTTP/0.9 has no status line or headers: the answer is the problem body alone', async (t) => {
    const answer = await rawRequest(stack.port, 'GET /api/nothing-here\r\n')
    t.equal(answer.status, undefined, 'no HTTP/1.x status line')
    const body = JSON.parse(answer.raw) as { type: string; status: number }
    t.equal(body.type, 'urn:labtrack:problem:not-found')
    t.equal(body.status, 404)
  })

  t.test('limits and timeouts, on a gateway of the same template with its default limits', async (t) => {
    const inventory = await startFakeUpstream()
    const gateway = await startOwnGateway(
      {
        SITE_UPSTREAM: `127.0.0.1:${stack.services.site.port}`,
        INVENTORY_UPSTREAM: inventory.address,
        COMPUTER_UPSTREAM: `127.0.0.1:${stack.services.computer.port}`,
      },
      {
        'proxy_read_timeout 30s;': 'proxy_read_timeout 1s;',
        'client_header_timeout 10s;': 'client_header_timeout 1s;',
        'client_body_timeout 10s;': 'client_body_timeout 1s;',
      },
    )
    t.teardown(async () => {
      await gateway.stop()
      await inventory.close()
    })
    const send = (method: string, path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, { method, ...init })

    t.test('writes: a burst of 50 past the first, then 429 with Retry-After, and again after it', async (t) => {
      const answers = await Promise.all(Array.from({ length: 100 }, () => send('DELETE', '/api/freezers/1')))
      const refused = answers.filter((res) => res.status === 429)
      t.ok(refused.length > 0, `${refused.length} of 100 refused`)
      t.equal(inventory.received.DELETE, 100 - refused.length, 'what the gateway refused never reached the service')
      t.ok((inventory.received.DELETE ?? 0) >= 51, 'the first and the burst of 50 went through')
      const answer = await fromFetch(refused[0] as Response)
      expectProblem(t, answer, 429, 'too-many-requests', 'a write over the limit')
      t.equal(answer.headers['retry-after'], '1', 'one write every 1/20 s: 1 s')
      t.match(JSON.parse(answer.body).detail, /^too many writes from this address; try again in 1 s$/)
      await Promise.all(answers.filter((res) => !res.bodyUsed).map((res) => res.body?.cancel()))

      const reads = await Promise.all(Array.from({ length: 100 }, () => send('GET', '/api/freezers/1')))
      t.same(
        reads.map((res) => res.status),
        Array(100).fill(204),
        'reads are not limited, even right after',
      )

      await sleep(1000 * Number(answer.headers['retry-after']))
      t.equal((await send('DELETE', '/api/freezers/1')).status, 204, 'allowed again after Retry-After')
    })

    t.test('sign-in attempts: 1 + a burst of 5 per address, then 429 with Retry-After: 6', async (t) => {
      const attempt = (i: number) =>
        send('POST', '/api/session', {
          headers: { 'content-type': 'application/json' },
          // A different name each time: the service's own throttle is per account.
          body: JSON.stringify({ name: `nobody-${i}-${Date.now()}`, password: 'not the password at all' }),
        })
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i)))
      const byGateway = (await Promise.all(answers.map(fromFetch))).filter(
        (answer) => answer.status === 429 && /from this address/.test(answer.body),
      )
      t.equal(byGateway.length, 4, '6 of 10 reached the site service, 4 were refused by the gateway')
      expectProblem(t, byGateway[0] as Answer, 429, 'too-many-requests', 'a sign-in over the limit')
      t.equal(byGateway[0]?.headers['retry-after'], '6', 'one attempt every 6 s at 10r/m')
      t.match(JSON.parse(byGateway[0]?.body ?? '{}').detail, /^too many sign-in attempts from this address; try again in 6 s$/)
      t.equal((await send('DELETE', '/api/freezers/1')).status, 204, 'writes have a zone of their own')

      await sleep(1000 * Number(byGateway[0]?.headers['retry-after']))
      const again = await fromFetch(await attempt(10))
      t.notOk(again.status === 429 && /from this address/.test(again.body), 'allowed again after Retry-After')
    })

    t.test('a service that drops the connection: 502; one that does not answer: 504', async (t) => {
      expectProblem(t, await fromFetch(await send('GET', '/api/freezers/reset')), 502, 'bad-gateway', 'dropped')
      expectProblem(t, await fromFetch(await send('GET', '/api/freezers/hang')), 504, 'gateway-timeout', 'no answer')
    })

    t.test('a client too slow with its header or body: the connection closes without an answer', async (t) => {
      // nginx logs a 408 and sends nothing (see the template): the one refusal that cannot be a problem.
      const header = await rawRequest(gateway.port, 'GET /api/sites HTTP/1.1\r\nHost: labtrack\r\n')
      t.equal(header.raw, '', 'header unfinished: not a byte')
      t.not(header.ended, 'gave up', 'header unfinished: nginx ended it')
      const body = await rawRequest(gateway.port, `POST /api/freezers/1 HTTP/1.1\r\n${CLOSE}Content-Length: 10\r\n\r\nab`)
      t.equal(body.raw, '', 'body unfinished: not a byte')
      t.not(body.ended, 'gave up', 'body unfinished: nginx ended it')
      t.equal(inventory.received.POST, undefined, 'the service never saw the request')
    })
  })
}
