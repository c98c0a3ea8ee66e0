import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { containersRoutes } from './routes/containers.js'
import { freezersRoutes } from './routes/freezers.js'

/** The inventory service: /api/freezers and /api/containers. */
export const inventoryService: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(freezersRoutes)
  await app.register(containersRoutes)
}

export const INVENTORY_DEFAULT_PORT = 3002
