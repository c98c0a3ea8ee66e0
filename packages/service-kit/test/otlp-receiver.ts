import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A span as OTLP/HTTP JSON carries it, with the service.name of its resource. */
export interface ReceivedSpan {
  service: string
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  kind: number
  status?: { code?: number; message?: string }
  attributes: Record<string, unknown>
}

interface KeyValue {
  key: string
  value: Record<string, unknown>
}

/** An OpenTelemetry collector's trace endpoint, as small as a test needs: POST /v1/traces (JSON) into `spans`. */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = []
  const paths: string[] = []
  const server = createServer(async (req, res) => {
    paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`)
    let body = ''
    for await (const chunk of req) body += chunk
    const { resourceSpans = [] } = JSON.parse(body) as {
      resourceSpans?: {
        resource: { attributes: KeyValue[] }
        scopeSpans: { spans: (Omit<ReceivedSpan, 'attributes' | 'service'> & { attributes?: KeyValue[] })[] }[]
      }[]
    }
    for (const { resource, scopeSpans } of resourceSpans) {
      const service = String(valuesOf(resource.attributes)['service.name'])
      for (const scope of scopeSpans) {
        for (const span of scope.spans) spans.push({ ...span, service, attributes: valuesOf(span.attributes ?? []) })
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    /** What each export asked for: method, path and content type. */
    paths,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

// OTLP's AnyValue: { stringValue } or { intValue } (a string in JSON)…
function valuesOf(attributes: KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]))
}
