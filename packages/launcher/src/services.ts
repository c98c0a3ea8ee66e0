import { COMPUTER_DEFAULT_PORT, computerService } from '@labtrack/computer'
import { INVENTORY_DEFAULT_PORT, inventoryService } from '@labtrack/inventory'
import { SITE_DEFAULT_PORT, siteService } from '@labtrack/site'
import type { FastifyPluginAsync } from 'fastify'

export interface ServiceEntry {
  name: 'site' | 'inventory' | 'computer'
  plugin: FastifyPluginAsync
  defaultPort: number
}

/** The three services, in the order the launchers start them. */
export const SERVICES: ServiceEntry[] = [
  { name: 'site', plugin: siteService, defaultPort: SITE_DEFAULT_PORT },
  { name: 'inventory', plugin: inventoryService, defaultPort: INVENTORY_DEFAULT_PORT },
  { name: 'computer', plugin: computerService, defaultPort: COMPUTER_DEFAULT_PORT },
]
