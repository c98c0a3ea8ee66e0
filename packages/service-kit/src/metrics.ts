import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Pool } from 'pg'
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export const METRICS_PATH = '/metrics'
// The route label of a request no route matched (a 404): one value, never the raw URL.
export const UNMATCHED_ROUTE = '(unmatched)'

export interface MetricsOptions {
  /** Where the Prometheus endpoint listens: its own port, which the gateway does not proxy. */
  port: number
  host: string
  pool: () => Pool
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The address of the metrics listener once the app is ready (its port when METRICS_PORT was 0). */
    metricsAddress(): AddressInfo | undefined
  }
}

/**
 * Prometheus metrics of this process, served on a listener of their own
 * (METRICS_PORT): requests by route pattern, method and status with their
 * durations, the database pool, and prom-client's process metrics (memory,
 * event-loop delay, GC). The listener opens when the app is ready and
 * closes with it; the services' API port (and `pnpm start`'s) never answers /metrics.
 */
export function metrics(app: FastifyInstance, { port, host, pool }: MetricsOptions) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request to the end of its answer, by route pattern; its _count is the number of requests',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const poolGauge = (name: string, help: string, read: (pool: Pool) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(pool()))
      },
    })
  poolGauge('labtrack_db_pool_connections', 'Connections the pool holds (in use and idle)', (p) => p.totalCount)
  poolGauge('labtrack_db_pool_connections_idle', 'Connections of the pool not in use', (p) => p.idleCount)
  poolGauge('labtrack_db_pool_connections_in_use', 'Connections of the pool checked out', (p) => p.totalCount - p.idleCount)
  poolGauge('labtrack_db_pool_waiting', 'Queries waiting for a connection of the pool', (p) => p.waitingCount)
  poolGauge('labtrack_db_pool_max', 'The most connections the pool opens (DATABASE_POOL_SIZE)', (p) => p.options.max)

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE
    requests.observe({ method: request.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000)
  })

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'GET' || req.url !== METRICS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`only GET ${METRICS_PATH} here\n`)
      return
    }
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics())
  })
  app.decorate('metricsAddress', () => (server.listening ? (server.address() as AddressInfo) : undefined))
  // On ready, which listen() awaits: a port already taken stops the start.
  app.addHook('onReady', async () => {
    server.listen(port, host)
    await once(server, 'listening')
  })
  app.addHook('onClose', async () => {
    if (server.listening) await new Promise((resolve) => server.close(resolve))
  })
}
