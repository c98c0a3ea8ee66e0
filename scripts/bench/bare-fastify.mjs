// The HTTP ceiling of pnpm bench: a Fastify app with no database, no plugins
// and no checks, answering GET /api/sites/:id with a site's shape, plus
// /healthz and /readyz for the stack's supervisor. Plain JavaScript on plain
// node (no loader), so its memory is that of Node and Fastify alone. The
// bench passes Fastify's location in LABTRACK_BENCH_FASTIFY (the workspace
// root has no node_modules/fastify of its own).
const { default: Fastify } = await import(process.env.LABTRACK_BENCH_FASTIFY)

const app = Fastify({ logger: false, keepAliveTimeout: 65_000 })
const ok = { status: 'ok' }
app.get('/healthz', async () => ok)
app.get('/readyz', async () => ok)
app.get('/api/sites/:id', async (request) => ({
  id: Number(request.params.id),
  name: 'Site 1',
  contact: null,
  address: null,
  state_or_region: null,
  country: null,
  postcode_or_zip: null,
}))
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' })
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => app.close().then(() => process.exit(0)))
