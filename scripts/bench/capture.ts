import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { SERVICES } from '@labtrack/launcher/services'
import { createApp } from '@labtrack/service-kit'

// The SQL of each route, as the services send it: the three services mounted
// in this process on the benchmark database, with pg's Client.query watched,
// and each route's request made twice; the statements of the second (what a
// warm service sends, its credential cache filled) are the route's. pgbench
// replays them as its ceiling.

export interface Captured {
  text: string
  /** As pg sends them: text, or null. */
  values: (string | null)[]
  /** The prepared statement's name, when the service names it. */
  name?: string
}

export interface CaptureRequest {
  method?: 'GET' | 'POST' | 'PATCH'
  url: string
  headers?: Record<string, string>
  body?: string
}

type PgQuery = (this: unknown, config: unknown, values?: unknown, callback?: unknown) => unknown

// The pg that @fastify/postgres (in service-kit) loads: the one whose Client the services' pools make.
const serviceKit = createRequire(join(ROOT_DIR, 'packages/service-kit/package.json'))
const fromPlugin = createRequire(serviceKit.resolve('@fastify/postgres'))
const pg = fromPlugin('pg') as { Client: { prototype: { query: PgQuery } } }
const { prepareValue } = fromPlugin('pg/lib/utils') as { prepareValue: (value: unknown) => string | null }

export async function captureStatements(
  databaseUrl: string,
  requests: Record<string, CaptureRequest>,
): Promise<{ statements: Record<string, Captured[]>; statuses: Record<string, number> }> {
  let recording: Captured[] | undefined
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: unknown, config: unknown, values?: unknown, callback?: unknown) {
    if (recording && config) {
      const statement =
        typeof config === 'string'
          ? { text: config, values: Array.isArray(values) ? values : [] }
          : (config as { text: string; values?: unknown[]; name?: string })
      recording.push({
        text: statement.text,
        values: (statement.values ?? []).map((value) => prepareValue(value)),
        ...('name' in statement && statement.name ? { name: statement.name } : {}),
      })
    }
    return original.call(this, config, values, callback)
  }
  const app = await createApp({ databaseUrl, services: SERVICES.map((service) => service.plugin) })
  const statements: Record<string, Captured[]> = {}
  const statuses: Record<string, number> = {}
  try {
    for (const [name, { method = 'GET', url, headers = {}, body }] of Object.entries(requests)) {
      const send = () => app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) })
      await send()
      recording = []
      statuses[name] = (await send()).statusCode
      statements[name] = recording
      recording = undefined
    }
  } finally {
    pg.Client.prototype.query = original
    await app.close()
  }
  return { statements, statuses }
}
