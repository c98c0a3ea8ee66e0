import { startService } from '@labtrack/service-kit'
import { SITE_DEFAULT_PORT, siteService } from './app.js'

await startService('site', siteService, SITE_DEFAULT_PORT)
