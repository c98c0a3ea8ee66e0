import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { CLIENT_TYPES_FILE, writeClientTypes } from './build-client.js'
import { writeGatewayRoutes } from './gateway-routes.js'
import { buildOpenApiDocument } from './openapi.js'
import { DOCS_DIR, OPENAPI_FILE } from './paths.js'
import { GATEWAY_TEMPLATE } from './stack/nginx-config.js'

// The first step of `pnpm build`, before the UI is bundled: the gateway's
// routes to the services (gateway-routes.ts); from one OpenAPI document, the
// UI's generated client types (build-client.ts), and
// /api/openapi.json with the /api/docs page in the UI's dist/api/, where nginx
// serves them as static files (the UI's build leaves dist/api/ alone). The page
// loads no inline script: the gateway's Content-Security-Policy allows only the
// site's own files.
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>labtrack API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`
const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true })\n`

export async function writeDocs(document: Record<string, unknown>): Promise<void> {
  await mkdir(DOCS_DIR, { recursive: true })
  await writeFile(OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`)
  await writeFile(join(DOCS_DIR, 'index.html'), INDEX_HTML)
  await writeFile(join(DOCS_DIR, 'init.js'), INIT_JS)
  for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) await copyFile(join(swaggerUiDir, file), join(DOCS_DIR, file))
}

/** The step's work: the client types, the document and its page, the gateway's routes; one line for the log. */
export async function buildDocs(): Promise<string> {
  const document = await buildOpenApiDocument()
  await writeClientTypes(document, CLIENT_TYPES_FILE)
  await writeDocs(document)
  const routed = (await writeGatewayRoutes()) ? `, the gateway's routes in ${GATEWAY_TEMPLATE}` : ''
  return `wrote ${CLIENT_TYPES_FILE}, ${OPENAPI_FILE} and the docs page${routed}`
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`labtrack: ${await buildDocs()}`)
