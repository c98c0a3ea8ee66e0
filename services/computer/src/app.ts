import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { computersRoutes } from './routes/computers.js'

/** The computer service: /api/computers. */
export const computerService: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(computersRoutes)
}

export const COMPUTER_DEFAULT_PORT = 3003
