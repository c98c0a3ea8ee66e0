import { createApp } from '@labtrack/service-kit'
import { SERVICES } from './services.js'

// The pool of @fastify/postgres connects on first query only, so the routes
// can be mounted without a database to read their schemas.
const NO_DATABASE = 'postgres://openapi@127.0.0.1:1/none'

/** The one OpenAPI document of the whole API, generated from the route schemas of all three services. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = await createApp({ databaseUrl: NO_DATABASE, services: SERVICES.map((service) => service.plugin), openapi: true })
  try {
    await app.ready()
    return app.swagger() as unknown as Record<string, unknown>
  } finally {
    await app.close()
  }
}
