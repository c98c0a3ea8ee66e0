import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import type { Pool, PoolClient, QueryConfig } from 'pg'

// Spans made here rather than by @opentelemetry/instrumentation-pg: that one
// patches `pg` when it is required, and the services run as esbuild bundles
// in which pg is never required from node_modules.

type Callback = (error: Error | null, result?: unknown) => void
type Query = (config: string | QueryConfig, values?: unknown, callback?: Callback) => unknown

const tracer = () => trace.getTracer('@labtrack/service-kit')

/**
 * Gives every connection of `pool` a span per SQL statement (a CLIENT span
 * named by its command, with its text; bind values are never recorded),
 * child of the request that runs it. A statement outside any traced request
 * (the credential listener, a last use recorded after the answer) makes none,
 * so no trace is ever a lone statement.
 */
export function traceStatements(pool: Pool) {
  pool.on('connect', (client) => {
    const { database, host, port } = client as PoolClient & { database: string; host: string; port: number }
    const query = client.query.bind(client) as Query
    const attributes = { 'db.system.name': 'postgresql', 'db.namespace': database, 'server.address': host, 'server.port': port }
    ;(client as { query: Query }).query = (config, values, callback) => {
      if (!trace.getSpan(context.active())) return query(config, values, callback)
      const text = typeof config === 'string' ? config : config.text
      const span = tracer().startSpan((/^\s*(\w+)/.exec(text)?.[1] ?? 'SQL').toUpperCase(), {
        kind: SpanKind.CLIENT,
        attributes: { ...attributes, 'db.query.text': text },
      })
      // pg-pool's own query() passes a callback, always as the third argument; everything else awaits.
      if (callback) {
        return query(config, values, (error, result) => {
          end(span, error)
          callback(error, result)
        })
      }
      return (query(config, values) as Promise<unknown>).then(
        (result) => {
          end(span, null)
          return result
        },
        (error: Error) => {
          end(span, error)
          throw error
        },
      )
    }
  })
}

function end(span: Span, error: Error | null) {
  if (error) {
    span.recordException(error)
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message })
  }
  span.end()
}
