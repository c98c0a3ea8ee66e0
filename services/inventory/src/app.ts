import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { resourcesOf } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'
import { historyRoutes } from './routes/history.js'
import { layoutRoutes } from './routes/layout.js'
import { occupancyRoutes } from './routes/occupancy.js'
import { placeRoutes } from './routes/place.js'
import { searchRoutes } from './routes/search.js'

/** The inventory service: /api/freezers and /api/containers, and any other resource whose definition names it. */
export const inventoryService: FastifyPluginAsyncTypebox = async (app) => {
  for (const resource of resourcesOf('inventory')) await app.register(resourceRoutes(resource))
  for (const routes of [layoutRoutes, occupancyRoutes, placeRoutes, historyRoutes]) await app.register(routes)
  await app.register(searchRoutes)
}

export const INVENTORY_DEFAULT_PORT = 3002
