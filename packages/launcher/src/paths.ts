import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'

/** The built UI; the OpenAPI document and the docs page are written into it too. */
export const WEB_DIST_DIR = join(ROOT_DIR, 'packages/web/dist')
export const OPENAPI_FILE = join(WEB_DIST_DIR, 'api/openapi.json')
export const DOCS_DIR = join(WEB_DIST_DIR, 'api/docs')
/** The UI's typed client, generated from the OpenAPI document (build-client.ts). */
export const CLIENT_TYPES_FILE = join(ROOT_DIR, 'packages/web/src/generated/openapi.ts')
/** pnpm start's own bundle (build-services.ts), which packages/launcher/bin/start.mjs runs. */
export const START_BUNDLE_FILE = join(ROOT_DIR, 'packages/launcher/dist/start.js')
