import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { compileEveryRouteSchema, createApp } from '@labtrack/service-kit'
import t from 'tap'
import { buildOpenApiDocument } from '../src/openapi.js'
import { SERVICES } from '../src/services.js'

interface Operation {
  operationId?: string
  summary?: string
  parameters?: { name: string; in: string; required?: boolean; schema?: { default?: unknown } }[]
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
interface OpenApi {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
}

const document = (await buildOpenApiDocument()) as unknown as OpenApi
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
)

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
  const documented = new Set(operations.map(({ route }) => route))
  for (const route of routes) t.ok(documented.has(route), `${route} is documented`)
  for (const resource of ['sites', 'freezers', 'containers', 'computers', 'instruments']) {
    t.ok(document.paths[`/api/${resource}`]?.get, `/api/${resource}`)
  }
})

t.test('every schema of every route compiles (they are otherwise compiled on first use)', async (t) => {
  compileEveryRouteSchema()
  const app = await createApp({ databaseUrl: 'postgres://x@127.0.0.1:1/none', services: SERVICES.map(({ plugin }) => plugin) })
  t.teardown(() => app.close())
  await app.ready()
  t.ok(compileEveryRouteSchema() > 100, 'validators and serialisers of all three services')
})

t.test('routes document their error responses', async (t) => {
  const post = document.paths['/api/freezers']?.post
  t.ok(post?.responses['201'])
  t.ok(post?.responses['422'], 'unknown parent')
  t.ok(document.paths['/api/sites/{id}']?.delete?.responses['409'], 'delete blocked')
  t.notOk(document.paths['/api/computers/{id}']?.delete?.responses['409'], 'nothing blocks deleting a computer')
})

t.test('every operation has a unique operationId and a summary', async (t) => {
  const ids = operations.map(({ operation }) => operation.operationId)
  for (const [i, { route, operation }] of operations.entries()) {
    t.match(operation.operationId, /^[a-z][A-Za-z]+$/, `${route}: operationId`)
    t.match(operation.summary, /\S/, `${route}: summary`)
    t.equal(ids.indexOf(operation.operationId), i, `${route}: ${operation.operationId} is unique`)
  }
  t.equal(document.paths['/api/containers']?.get?.operationId, 'listContainers')
  t.equal(document.paths['/api/containers/{id}']?.patch?.operationId, 'updateContainer')
})

t.test('shared schemas are components, referenced; problems always by $ref', async (t) => {
  for (const name of ['Problem', 'Site', 'Freezer', 'Container', 'Computer', 'Instrument', 'SiteInput', 'ContainerPatch']) {
    t.ok(document.components.schemas[name], `${name} is a component`)
  }
  for (const { route, operation } of operations) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) < 400) continue
      t.strictSame(
        response.content,
        { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        `${route} ${status}`,
      )
    }
  }
  t.strictSame(document.paths['/api/sites/{id}']?.get?.responses['200']?.content?.['application/json']?.schema, {
    $ref: '#/components/schemas/Site',
  })
})

t.test('parameters with a default, and optional ones, are not required', async (t) => {
  for (const { route, operation } of operations) {
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') t.equal(parameter.required, true, `${route} ${parameter.name}`)
      else t.notOk(parameter.required, `${route} ${parameter.name} is optional`)
    }
  }
  const names = document.paths['/api/freezers']?.get?.parameters?.map((parameter) => parameter.name)
  t.ok(names?.includes('site_id[in]') && names.includes('sort') && names.includes('after'), 'the list language is documented')
})

// The warnings kept, each with its reason in the README ("API documentation").
const KEPT_WARNINGS = ['info-license #/info', 'operation-4xx-response #/paths/~1api~1session/delete/responses']

t.test("Redocly's recommended rules: no error, only the warnings the README lists", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-openapi-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'openapi.json')
  await writeFile(file, JSON.stringify(document))
  const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js')
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format=json'], {
    cwd: dir,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  }).catch((error: { stdout: string }) => ({ stdout: error.stdout }))
  const report = JSON.parse(stdout) as {
    totals: { errors: number }
    problems: { ruleId: string; severity: string; location: { pointer: string }[] }[]
  }
  t.equal(report.totals.errors, 0, 'no errors')
  const warnings = report.problems.map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}`).sort()
  t.strictSame(warnings, KEPT_WARNINGS)
})

t.test('the document as it stands: a change to the contract shows up in review', async (t) => {
  t.matchSnapshot(document, 'openapi.json')
})
