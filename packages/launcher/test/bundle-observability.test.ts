import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createTestDatabase, MOCK_DATA_SQL, withSql } from '@labtrack/db-tools'
import { createTestTokens, NOT_COVERED_ENV } from '@labtrack/service-kit/testing'
import t from 'tap'
import { startOtlpReceiver } from '../../service-kit/test/otlp-receiver.js'
import { type Bundle, buildBundle, CHUNKS_DIR, productionBundles } from '../src/build-services.js'

// The compiled service, as its image runs it: the OpenTelemetry SDK and
// prom-client are chunks beside the bundle, loaded only when their setting is
// set, and they work there (require hooks could not reach the bundled pg).

const database = await createTestDatabase(process.env.DATABASE_URL as string)
t.teardown(() => database.drop())
await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
const tokens = await withSql(database.url, createTestTokens)
const dir = await mkdtemp(join(tmpdir(), 'labtrack-observability-bundle-'))
t.teardown(() => rm(dir, { recursive: true, force: true }))
const site = (await productionBundles()).find(({ name }) => name === 'site') as Bundle
const outfile = join(dir, 'dist/server.js')
await buildBundle({ ...site, outfile })

t.test('the SDK and prom-client are not in the bundle, but in chunks it loads on demand', async (t) => {
  const bundle = await readFile(outfile, 'utf8')
  t.notMatch(bundle, /FastifyOtelInstrumentation|collectDefaultMetrics/)
  const chunks = await readdir(join(dir, 'dist', CHUNKS_DIR))
  t.ok(chunks.some((name) => /^tracing-.*\.js$/.test(name)))
  t.ok(chunks.some((name) => /^metrics-.*\.js$/.test(name)))
})

t.test('compiled, with both settings: it starts (both chunks load) and exports the spans of a request and its SQL', async (t) => {
  const receiver = await startOtlpReceiver()
  t.teardown(receiver.close)
  const child = spawn(process.execPath, [outfile], {
    env: {
      PATH: process.env.PATH ?? '',
      ...NOT_COVERED_ENV,
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  t.teardown(() => child.kill('SIGKILL'))
  let port: string | undefined
  while (!port && child.exitCode === null) {
    port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]
    await sleep(50)
  }
  t.ok(port, `it listens: ${output}`)
  const trace = '1af7651916cd43dd8448eb211c80319c'
  const res = await fetch(`http://127.0.0.1:${port}/api/sites/1`, {
    headers: { authorization: `Bearer ${tokens.viewer}`, traceparent: `00-${trace}-b7ad6b7169203331-01` },
  })
  t.equal(res.status, 200)
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0, 'SIGTERM: a clean exit, the spans flushed')
  const spans = receiver.spans.filter((span) => span.traceId === trace)
  t.ok(spans.some((span) => span.name === 'GET /api/sites/:id' && span.service === 'site'))
  t.ok(spans.some((span) => span.kind === 3 && /FROM site/.test(String(span.attributes['db.query.text']))))
  t.match(output, new RegExp(`"trace_id":"${trace}"`), 'the log lines carry the trace id')
})
