import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { computer } from '@labtrack/db'
import { resourceRoutes } from '@labtrack/service-kit'

/** The computer service: /api/computers. */
export const computerService: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(resourceRoutes(computer))
}

export const COMPUTER_DEFAULT_PORT = 3003
