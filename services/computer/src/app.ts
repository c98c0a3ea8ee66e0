import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { resourcesOf } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'

/** The computer service: /api/computers, and any other resource whose definition names it. */
export const computerService: FastifyPluginAsyncTypebox = async (app) => {
  for (const resource of resourcesOf('computer')) await app.register(resourceRoutes(resource))
}

export const COMPUTER_DEFAULT_PORT = 3003
