import { FastifyOtelInstrumentation } from '@fastify/otel'
import { context, propagation, trace } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import type { FastifyInstance } from 'fastify'

export { traceStatements } from './sql-spans.js'

const PROBES = new Set(['/healthz', '/readyz'])

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; spans go to its /v1/traces as OTLP/HTTP JSON. */
  endpoint: string
  serviceName: string
}

/**
 * Starts OpenTelemetry for this process: a tracer provider exporting in
 * batches over OTLP, registered globally with W3C trace context (so the
 * `traceparent` the gateway sends is continued) and an AsyncLocalStorage
 * context, and @fastify/otel on `app`: a span per request, named by its route
 * pattern, with a child for its handler. Closing the app flushes the spans
 * still buffered and unregisters it all. Called only when an endpoint is set:
 * without one, no SDK is loaded into the request path at all.
 */
export async function startTracing(app: FastifyInstance, { endpoint, serviceName }: TracingOptions) {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  })
  provider.register()
  const instrumentation = new FastifyOtelInstrumentation({
    // Hooks run in the request's context anyway; a span for each would be noise.
    instrumentHooks: false,
    // The probes (every few seconds, from every orchestrator) would drown the traces of real requests.
    ignorePaths: ({ url }) => PROBES.has(url),
    // Named as HTTP's conventions say: the method and the route pattern (only the method when no route matched).
    requestHook: (span, request) => {
      const route = request.routeOptions.url
      span.updateName(route ? `${request.method} ${route}` : request.method)
    },
  })
  instrumentation.setTracerProvider(provider)
  await app.register(instrumentation.plugin())
  app.addHook('onClose', async () => {
    await provider.shutdown()
    trace.disable()
    context.disable()
    propagation.disable()
  })
}

/** The trace and span of what is running now, for every log line written inside a traced request. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active())
  if (!span) return {}
  const { traceId, spanId } = span.spanContext()
  return { trace_id: traceId, span_id: spanId }
}
