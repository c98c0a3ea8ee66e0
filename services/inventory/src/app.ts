import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { container, freezer } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'

/** The inventory service: /api/freezers and /api/containers. */
export const inventoryService: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(resourceRoutes(freezer))
  await app.register(resourceRoutes(container))
}

export const INVENTORY_DEFAULT_PORT = 3002
