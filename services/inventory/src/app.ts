import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { resourcesOf } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'

/** The inventory service: /api/freezers and /api/containers, and any other resource whose definition names it. */
export const inventoryService: FastifyPluginAsyncTypebox = async (app) => {
  for (const resource of resourcesOf('inventory')) await app.register(resourceRoutes(resource))
}

export const INVENTORY_DEFAULT_PORT = 3002
