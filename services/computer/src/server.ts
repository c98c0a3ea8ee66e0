import { startService } from '@labtrack/service-kit'
import { COMPUTER_DEFAULT_PORT, computerService } from './app.js'

await startService('computer', computerService, COMPUTER_DEFAULT_PORT)
