import { startService } from '@labtrack/service-kit'
import { INVENTORY_DEFAULT_PORT, inventoryService } from './app.js'

await startService('inventory', inventoryService, INVENTORY_DEFAULT_PORT)
