import fastifySwagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { SECURITY_SCHEMES } from './auth/access.js'

/**
 * Collects the routes as they are added, for app.swagger(): the one OpenAPI
 * document of the API. Registered before the services' routes.
 */
export async function collectOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    // Components are named by their $id (Site, Problem…), so clients generated from the document read well.
    refResolver: { buildLocalReference: (json) => String(json.$id) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'labtrack API',
        version: '0.1.0',
        description: 'Sites, freezers, containers and computers of a laboratory.',
      },
      // Relative: the gateway (or pnpm start) that serves the document serves the API.
      servers: [{ url: '/', description: 'the labtrack gateway that served this document' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
  })
}
