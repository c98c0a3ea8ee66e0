import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { instrumentsRoutes } from './routes/instruments.js'
import { seedCompatRoutes } from './routes/seed-compat.js'
import { sitesRoutes } from './routes/sites.js'

/** The site service: /api/sites, /api/instruments and the seed's own URLs. */
export const siteService: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(sitesRoutes)
  await app.register(instrumentsRoutes)
  await app.register(seedCompatRoutes)
}

export const SITE_DEFAULT_PORT = 3001
