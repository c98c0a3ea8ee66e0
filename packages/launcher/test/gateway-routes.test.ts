import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '@labtrack/service-kit'
import t from 'tap'
import { BEGIN, END, renderLocations, servicePrefixes, withLocations, writeGatewayRoutes } from '../src/gateway-routes.js'
import { SERVICES } from '../src/services.js'
import { GATEWAY_TEMPLATE } from '../src/stack/nginx-config.js'

const template = await readFile(GATEWAY_TEMPLATE, 'utf8')

t.test('the committed gateway template routes what the services register (else: pnpm build)', async (t) => {
  t.equal(template, withLocations(template, renderLocations(await servicePrefixes())))
})

t.test('every route of every service reaches that service, and only it, through the template', async (t) => {
  const proxied = [...template.matchAll(/location ~ (\S+) \{\s*proxy_pass http:\/\/(\w+);\s*\}/g)].map(
    ([, pattern, upstream]) => [new RegExp(pattern as string), upstream as string] as const,
  )
  let routes = 0
  for (const { name, plugin } of SERVICES) {
    const app = await createApp({ databaseUrl: 'postgres://x@127.0.0.1:1/none', services: [] })
    const paths: string[] = []
    app.addHook('onRoute', ({ url }) => {
      paths.push(url.replace(/:\w+/g, '1'))
    })
    await app.register(plugin)
    await app.ready()
    await app.close()
    for (const path of paths) {
      routes++
      t.strictSame(
        proxied.filter(([pattern]) => pattern.test(path)).map(([, upstream]) => upstream),
        [`labtrack_${name}`],
        `${path} goes to ${name}`,
      )
    }
  }
  t.ok(routes >= 30, `${routes} routes`)
  for (const path of ['/api/openapi.json', '/api/docs/', '/lab-sites/1', '/api/nothing', '/healthz']) {
    t.strictSame(
      proxied.filter(([pattern]) => pattern.test(path)),
      [],
      `${path} is not proxied`,
    )
  }
})

t.test('the generator rewrites only its region, once, and refuses a template without its markers', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-gateway-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'labtrack.conf.template')
  await copyFile(GATEWAY_TEMPLATE, file)
  t.equal(await writeGatewayRoutes(file), false, 'up to date: left alone')
  const stale = withLocations(template, '    location ~ ^/api/(old)(/|$) {\n        proxy_pass http://labtrack_site;\n    }\n')
  await writeFile(file, stale)
  t.equal(await writeGatewayRoutes(file), true, 'stale: rewritten')
  t.equal(await readFile(file, 'utf8'), template)
  t.throws(() => withLocations(template.replace(BEGIN, ''), ''), /lost its markers/)
  t.throws(() => withLocations(template.replace(END, ''), ''), /lost its markers/)
})

t.test("the find box's GET /api/search reaches the inventory service", async (t) => {
  const upstreams = [...template.matchAll(/location ~ (\S+) \{\s*proxy_pass http:\/\/(\w+);/g)]
    .filter(([, pattern]) => new RegExp(pattern as string).test('/api/search'))
    .map(([, , upstream]) => upstream)
  t.strictSame(upstreams, ['labtrack_inventory'])
})
