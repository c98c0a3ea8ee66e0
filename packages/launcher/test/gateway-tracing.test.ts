import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildTestApp } from '@labtrack/service-kit/testing'
import { siteService } from '@labtrack/site'
import t from 'tap'
import { startOtlpReceiver } from '../../service-kit/test/otlp-receiver.js'
import { findExecutable, probePort } from '../src/stack/net.js'
import { writeStackNginxConfig } from '../src/stack/nginx-config.js'

// The real gateway (the template, as `pnpm stack` renders it, in the system's
// nginx) in front of the site service with tracing and metrics on, its spans
// sent to a small OTLP receiver.

const nginx = await findExecutable('nginx')
if (!nginx) {
  t.plan(0, 'nginx is not installed (apt-get install -y nginx)')
  process.exit(0)
}

const receiver = await startOtlpReceiver()
t.teardown(receiver.close)
const { app, headersOf } = await buildTestApp(t, [siteService], {
  exampleData: true,
  settings: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, METRICS_PORT: 0, HOST: '127.0.0.1' },
})
await app.listen({ port: 0, host: '127.0.0.1' })
const servicePort = (app.server.address() as { port: number }).port
const metricsPort = app.metricsAddress()?.port as number

const runDir = await mkdtemp(join(tmpdir(), 'labtrack-tracing-'))
t.teardown(() => rm(runDir, { recursive: true, force: true }))
const gatewayPort = await probePort('127.0.0.1', 0)
const configFile = await writeStackNginxConfig({
  runDir,
  values: {
    LISTEN: `127.0.0.1:${gatewayPort}`,
    WEB_ROOT: runDir,
    SITE_UPSTREAM: `127.0.0.1:${servicePort}`,
    INVENTORY_UPSTREAM: `127.0.0.1:${servicePort}`,
    COMPUTER_UPSTREAM: `127.0.0.1:${servicePort}`,
  },
  env: {},
})
// stdout is a file, not a pipe: nginx opens /dev/stdout for its access log, which fails on a socket.
const accessLogFile = join(runDir, 'access.log')
const accessLogHandle = await open(accessLogFile, 'a')
const gateway = spawn(nginx, ['-p', runDir, '-c', configFile, '-e', 'stderr'], {
  stdio: ['ignore', accessLogHandle.fd, 'inherit'],
})
await accessLogHandle.close()
t.teardown(async () => {
  gateway.kill('SIGTERM')
  await once(gateway, 'exit')
})
const gatewayUrl = `http://127.0.0.1:${gatewayPort}`
await waitUntil(() =>
  fetch(`${gatewayUrl}/healthz`).then(
    (res) => res.ok,
    () => false,
  ),
)

const headers = headersOf('viewer')
const started = await fetch(`${gatewayUrl}/api/sites/1`, { headers })
const CLIENT_TRACE = '0af7651916cd43dd8448eb211c80319c'
const CLIENT_SPAN = 'b7ad6b7169203331'
const continued = await fetch(`${gatewayUrl}/api/sites/2`, {
  headers: { ...headers, traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` },
})
const forged = await fetch(`${gatewayUrl}/api/sites/1`, { headers: { ...headers, traceparent: 'not a trace context' } })
const metricsThroughGateway = await fetch(`${gatewayUrl}/metrics`)
const metricsDirect = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
await app.close() // flushes the spans still buffered
const spans = receiver.spans
const requestSpans = spans.filter((span) => span.name === 'GET /api/sites/:id')

t.test('a request without traceparent: nginx starts the trace from its request id, the service continues it', async (t) => {
  t.equal(started.status, 200)
  const requestId = started.headers.get('x-request-id') as string
  t.match(requestId, /^[0-9a-f]{32}$/, "nginx's $request_id")
  const trace = spans.filter((span) => span.traceId === requestId)
  const request = trace.filter((span) => span.name === 'GET /api/sites/:id')
  t.equal(request.length, 1, 'one request span, in the trace nginx sent')
  t.equal(request[0]?.parentSpanId, requestId.slice(16), 'its parent: the span id nginx sent (the last 16 digits)')
  t.equal(request[0]?.service, 'labtrack', 'services built together: labtrack')
  const statements = trace.filter((span) => span.kind === 3)
  t.ok(
    statements.some((span) => /FROM site/.test(String(span.attributes['db.query.text']))),
    'the SQL statement of the route is a span of the same trace',
  )
  const ids = new Set(trace.map((span) => span.spanId))
  for (const span of trace.filter((span) => span !== request[0])) {
    t.ok(ids.has(span.parentSpanId as string), `${span.name}: its parent is in the trace`)
  }
  const accessLog = (await readFile(accessLogFile, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  t.equal(accessLog.find((line) => line.request_id === requestId)?.trace_id, requestId, 'the access log names the trace')
})

t.test("a client's traceparent goes on through the gateway; a malformed one is replaced", async (t) => {
  t.equal(continued.status, 200)
  const request = requestSpans.find((span) => span.traceId === CLIENT_TRACE)
  t.equal(request?.parentSpanId, CLIENT_SPAN)
  t.equal(forged.status, 200)
  const forgedId = forged.headers.get('x-request-id') as string
  t.ok(
    requestSpans.some((span) => span.traceId === forgedId),
    'a trace nginx started instead',
  )
  t.equal(requestSpans.length, 3, 'one request span per request')
})

t.test('the gateway does not expose the metrics; their own port does', async (t) => {
  t.match(metricsDirect, /http_request_duration_seconds_count\{[^}]*route="\/api\/sites\/:id"/)
  t.notMatch(await metricsThroughGateway.text(), /http_request_duration_seconds|process_resident_memory_bytes/)
  t.notMatch(metricsThroughGateway.headers.get('content-type'), /version=0\.0\.4/)
  const rendered = await readFile(join(runDir, 'labtrack.conf'), 'utf8')
  t.notMatch(rendered, new RegExp(`:${metricsPort}\\b`), 'no upstream of the gateway is a metrics port')
})

async function waitUntil(check: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return
    await sleep(50)
  }
  throw new Error('nginx did not start')
}
