import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Instrument, resourcesOf } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'
import { instrumentsRoutes } from './routes/instruments.js'
import { seedCompatRoutes } from './routes/seed-compat.js'
import { sessionRoutes } from './routes/session.js'
import { tokensRoutes } from './routes/tokens.js'
import { usersRoutes } from './routes/users.js'

/** The site service: /api/sites, /api/instruments, the seed's own URLs, and sign-in, users and tokens. */
export const siteService: FastifyPluginAsyncTypebox = async (app) => {
  // The instruments view's row, shared by /api/instruments and the seed's /instruments/.
  app.addSchema({ ...Instrument, $id: 'Instrument' })
  for (const resource of resourcesOf('site')) await app.register(resourceRoutes(resource))
  await app.register(instrumentsRoutes)
  await app.register(seedCompatRoutes)
  await app.register(sessionRoutes)
  await app.register(usersRoutes)
  await app.register(tokensRoutes)
}

export const SITE_DEFAULT_PORT = 3001
