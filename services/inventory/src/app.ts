import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { resourcesOf } from '@labtrack/db'
import { type ResourceRouteOptions, resourceRoutes } from '@labtrack/service-kit'
import { containerCsv } from './routes/containers-csv.js'
import { containerImportRoutes } from './routes/containers-import.js'
import { historyRoutes } from './routes/history.js'
import { layoutRoutes } from './routes/layout.js'
import { occupancyRoutes } from './routes/occupancy.js'
import { placeRoutes } from './routes/place.js'
import { searchRoutes } from './routes/search.js'

// What the generic routes of a collection do beyond the definition's CRUD.
const OPTIONS: Record<string, ResourceRouteOptions> = { containers: { csv: containerCsv } }

/** The inventory service: /api/freezers and /api/containers, and any other resource whose definition names it. */

export const inventoryService: FastifyPluginAsyncTypebox = async (app) => {
  for (const resource of resourcesOf('inventory')) await app.register(resourceRoutes(resource, OPTIONS[resource.plural]))
  for (const routes of [layoutRoutes, occupancyRoutes, placeRoutes, historyRoutes]) await app.register(routes)
  await app.register(searchRoutes)
  await app.register(containerImportRoutes)
}

export const INVENTORY_DEFAULT_PORT = 3002
