import { createApp } from '@labtrack/service-kit'
import t from 'tap'
import { buildOpenApiDocument } from '../src/openapi.js'
import { SERVICES } from '../src/services.js'

interface OpenApi {
  openapi: string
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
}

const document = (await buildOpenApiDocument()) as unknown as OpenApi

// Every route the three services register, as OpenAPI names it (/a/{id}).
async function registeredRoutes(): Promise<string[]> {
  const routes: string[] = []
  const app = await createApp({ databaseUrl: 'postgres://x@127.0.0.1:1/none', services: [] })
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'HEAD' || (route.schema as { hide?: boolean } | undefined)?.hide) continue
      routes.push(`${method.toLowerCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`)
    }
  })
  for (const service of SERVICES) await app.register(service.plugin)
  await app.ready()
  await app.close()
  return routes
}

t.test('the document is OpenAPI 3 and covers every route of every service', async (t) => {
  t.match(document.openapi, /^3\./)
  const routes = await registeredRoutes()
  t.ok(routes.length >= 30, `${routes.length} routes`)
  const documented = new Set(
    Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`)),
  )
  for (const route of routes) t.ok(documented.has(route), `${route} is documented`)
  for (const resource of ['sites', 'freezers', 'containers', 'computers', 'instruments']) {
    t.ok(document.paths[`/api/${resource}`]?.get, `/api/${resource}`)
  }
})

t.test('routes document their error responses', async (t) => {
  const post = document.paths['/api/freezers']?.post
  t.ok(post?.responses['201'])
  t.ok(post?.responses['422'], 'unknown parent')
  t.ok(document.paths['/api/sites/{id}']?.delete?.responses['409'], 'delete blocked')
})
