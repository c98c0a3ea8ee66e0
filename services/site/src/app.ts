import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Instrument, site } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'
import { instrumentsRoutes } from './routes/instruments.js'
import { seedCompatRoutes } from './routes/seed-compat.js'

/** The site service: /api/sites, /api/instruments and the seed's own URLs. */
export const siteService: FastifyPluginAsyncTypebox = async (app) => {
  // The instruments view's row, shared by /api/instruments and the seed's /instruments/.
  app.addSchema({ ...Instrument, $id: 'Instrument' })
  await app.register(resourceRoutes(site))
  await app.register(instrumentsRoutes)
  await app.register(seedCompatRoutes)
}

export const SITE_DEFAULT_PORT = 3001
