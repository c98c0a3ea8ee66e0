import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, MOCK_DATA_SQL, openThrowawayServer, withSql } from '@labtrack/db-tools'
import { SERVICES } from '@labtrack/launcher/services'
import { findExecutable, type Stack, startStack } from '@labtrack/launcher/stack'
import { createApp, loadConfig } from '@labtrack/service-kit'
import { createTestTokens } from '@labtrack/service-kit/testing'
import autocannon from 'autocannon'

// pnpm bench: throughput and latency of the main routes, in one process (as
// pnpm start runs them) and through nginx to the three service processes (as
// pnpm stack and the containers do), on a database with 1,000 sites. Loopback
// only, each run bounded in time. The load generator shares the machine's
// cores with what it measures: compare the ratios printed by one run, not
// absolute figures across machines or runs.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)

interface Scenario {
  name: string
  method?: 'GET' | 'POST'
  path: string
  body?: string
  /** Sent without credentials (reads are open in this run: LABTRACK_PUBLIC_READS=true). */
  anonymous?: boolean
}
// The first two compare the cost of checking a token on the same read: measured
// in alternating one-second slices, so that a change of load on a shared machine
// weighs on both alike.
const SCENARIOS: Scenario[] = [
  { name: 'GET one site, no credentials', path: '/api/sites/1', anonymous: true },
  { name: 'GET one site, with a token', path: '/api/sites/1' },
  { name: 'GET 100 sites', path: '/api/sites?limit=100&offset=200' },
  { name: 'GET instruments', path: '/api/instruments' },
  { name: 'GET 404', path: '/api/sites/999999' },
  {
    name: 'POST container',
    method: 'POST',
    path: '/api/containers',
    body: JSON.stringify({ freezer_id: 1, description: 'bench' }),
  },
]

async function load(base: string, scenario: Scenario, seconds: number) {
  const result = await autocannon({
    url: `${base}${scenario.path}`,
    method: scenario.method ?? 'GET',
    headers: {
      ...(scenario.anonymous ? {} : { authorization: `Bearer ${TOKEN}` }),
      ...(scenario.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(scenario.body ? { body: scenario.body } : {}),
    connections: CONNECTIONS,
    duration: seconds,
  })
  return {
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    statuses: { '1xx': result['1xx'], '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    // The 404 scenario expects 404s: anything else is unexpected there.
    unexpected: scenario.path.includes('999999') ? result['1xx'] + result['2xx'] + result['3xx'] + result['5xx'] : result.non2xx,
  }
}

type Figures = Awaited<ReturnType<typeof load>>

/** Slices of one scenario as one measure: requests over time, the middle p50, the worst p99, every error. */
function combine(slices: Figures[]): Figures {
  const sum = (pick: (figures: Figures) => number) => slices.reduce((total, figures) => total + pick(figures), 0)
  const [requests, seconds] = [sum((f) => f.requests), sum((f) => f.seconds)]
  const statuses = Object.fromEntries(
    Object.keys(slices[0]?.statuses ?? {}).map((key) => [key, sum((f) => f.statuses[key as keyof Figures['statuses']])]),
  ) as Figures['statuses']
  return {
    requests,
    seconds,
    requestsPerSecond: Math.round(requests / seconds),
    p50: slices.map((f) => f.p50).sort((a, b) => a - b)[Math.floor(slices.length / 2)] as number,
    p99: Math.max(...slices.map((f) => f.p99)),
    errors: sum((f) => f.errors),
    statuses,
    unexpected: sum((f) => f.unexpected),
  }
}

/** Every scenario on `base`, by name. */
async function measureAll(base: string): Promise<Map<string, Figures>> {
  const [open, withToken, ...rest] = SCENARIOS as [Scenario, Scenario, ...Scenario[]]
  const slices = new Map<Scenario, Figures[]>([
    [open, []],
    [withToken, []],
  ])
  for (let i = 0; i < SECONDS; i++) {
    for (const [scenario, list] of slices) list.push(await load(base, scenario, 1))
  }
  const figures = new Map<string, Figures>()
  for (const [scenario, list] of slices) figures.set(scenario.name, combine(list))
  for (const scenario of rest) figures.set(scenario.name, await load(base, scenario, SECONDS))
  for (const [name, measured] of figures) {
    if (measured.unexpected > 0) console.log(`${name} on ${base}: unexpected statuses`, measured.statuses)
  }
  return figures
}

const { adminUrl, stop: stopDatabase } = await openThrowawayServer()
const db = await createTestDatabase(adminUrl)
// An editor's API token, as a client of the API would send it.
let TOKEN = ''
await withSql(db.url, async (sql) => {
  await sql.file(MOCK_DATA_SQL)
  await sql`INSERT INTO site (name, country) SELECT 'Bench site ' || n, 'NZ' FROM generate_series(1, 997) AS n`
  TOKEN = (await createTestTokens(sql)).editor
})
// LABTRACK_CREDENTIAL_CACHE_SECONDS=0 pnpm bench measures without the credential cache (the stack's services read it too).
const SETTINGS = {
  LABTRACK_PUBLIC_READS: true,
  LABTRACK_CREDENTIAL_CACHE_SECONDS: loadConfig(process.env, { PORT: 0 }).LABTRACK_CREDENTIAL_CACHE_SECONDS,
}

const rows: Record<string, Record<string, string | number>> = {}
const rssBefore = process.memoryUsage().rss

// 1. One process: the three plugins mounted together.
const app = await createApp({ databaseUrl: db.url, services: SERVICES.map((service) => service.plugin), settings: SETTINGS })
const base = await app.listen({ port: 0, host: '127.0.0.1' })
for (const [name, figures] of await measureAll(base)) {
  rows[name] = {
    'one process req/s': figures.requestsPerSecond,
    'p50 ms': figures.p50,
    'p99 ms': figures.p99,
    'socket errors': figures.errors,
    'wrong status': figures.unexpected,
  }
}
const rssAfter = process.memoryUsage().rss
await app.close()

// 2. The stack: nginx in front of three service processes.
let stack: Stack | undefined
if (await findExecutable('nginx')) {
  // The gateway's write limits per address would refuse most of the POSTs of one
  // load generator: loosened, as for the e2e stack, unless this environment sets them.
  for (const [name, value] of Object.entries({ LIMIT_WRITE_RATE: '100000r/s', LIMIT_WRITE_BURST: '100000' })) {
    process.env[name] ??= value
  }
  stack = await startStack({
    port: 0,
    servicePorts: { site: 0, inventory: 0, computer: 0 },
    databaseUrl: db.url,
    prepare: false,
    runDir: join(tmpdir(), `labtrack-bench-stack-${process.pid}`),
    logLevel: 'warn',
    logFile: '/dev/null',
    serviceEnv: { LABTRACK_PUBLIC_READS: 'true' },
  })
  for (const [name, figures] of await measureAll(stack.url)) {
    const row = rows[name] as Record<string, string | number>
    row['via nginx req/s'] = figures.requestsPerSecond
    row['via nginx p99 ms'] = figures.p99
    row['nginx / one'] = (figures.requestsPerSecond / Number(row['one process req/s'])).toFixed(2)
    row['socket errors'] = Number(row['socket errors']) + figures.errors
    row['wrong status'] = Number(row['wrong status']) + figures.unexpected
  }
  await stack.stop()
}
await db.drop()
await stopDatabase()

console.log(
  `\nlabtrack bench: ${CONNECTIONS} connections, ${SECONDS} s a route, credential cache ${SETTINGS.LABTRACK_CREDENTIAL_CACHE_SECONDS} s, node ${process.version}, ${new Date().toISOString()}`,
)
console.table(rows)
const open = rows['GET one site, no credentials'] as Record<string, number>
const token = rows['GET one site, with a token'] as Record<string, number>
for (const column of ['one process req/s', 'via nginx req/s']) {
  const [without, withToken] = [open[column], token[column]]
  if (without && withToken)
    console.log(`cost of checking a token (${column}): ${((1 - withToken / without) * 100).toFixed(1)} % fewer requests`)
}
console.log(
  `one-process memory: rss ${(rssBefore / 2 ** 20).toFixed(0)} MiB before load, ${(rssAfter / 2 ** 20).toFixed(0)} MiB after (includes the load generator)`,
)
if (!stack) console.log('nginx not installed: the gateway figures were skipped')
