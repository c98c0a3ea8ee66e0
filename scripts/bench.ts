import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { withSql } from '@labtrack/db-tools'
import type { Stack } from '@labtrack/launcher/stack'
import { type Captured, type CaptureRequest, captureStatements } from './bench/capture.js'
import { BENCH_DIR, openBenchDatabase } from './bench/database.js'
import { alternate, combine, type LoadFigures, load, type Request, type Scenario, warmUntilSteady } from './bench/load.js'
import { BIG_FREEZER } from './bench/million-containers.js'
import { findPgbench, type PgbenchMode, runPgbench } from './bench/pgbench.js'
import { type ProcessFigures, type Watched, watchWhile } from './bench/proc.js'
import { DEEP_OFFSET, nextSite, type Route, routes } from './bench/routes.js'
import { buildServices, startCeilingStack, startLabtrackStack } from './bench/stacks.js'
import { describeStart, measureStart, type StartFigures } from './bench/start-time.js'
import { CEILING_DIRECT, CEILING_NGINX, type Measured, renderTable, type Via } from './bench/table.js'
import { judgeTargets, renderTargets } from './bench/targets.js'

// pnpm bench: every route of issue 9 §1 at a million containers, through
// nginx and direct to its service, side by side with its ceilings measured in
// the same run: nginx (the same gateway configuration) in front of a Fastify
// route with no database, that route direct, and each route's own SQL
// replayed by pgbench. Prints one table and §2's targets, and writes them as
// JSON (.data/bench/last.json, or --json FILE). The load generator shares the
// machine's cores with what it measures: only the ratios of one run compare.
//
//   BENCH_SECONDS      seconds measured per route and way in (default 5; GET one site's
//                      three measures four times that; the first and the deep page in turns;
//                      the export and the import are measured by count: see routes.ts)
//   BENCH_CONNECTIONS  connections of the load and of pgbench (default 16)
//   BENCH_WARMUP       seconds of load before each measure, not counted (default 1; the
//                      three of GET one site are loaded until their rate holds instead)
//   --json FILE        where the JSON goes too; --no-start skips timing pnpm start

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1)
// GET one site's three measures get four times the slices: the token's target compares two
// figures a few % apart. With five one-second slices of each, two runs of the same code read the
// token's cost 8 % and 11.9 % (req/s); with ten, its CPU a request read +2.9 to +9.0 % in four runs.
const SITE_SLICES = SECONDS * 4
const args = process.argv.slice(2)
const jsonIndex = args.indexOf('--json')
const jsonFile = jsonIndex >= 0 ? resolve(args[jsonIndex + 1] ?? '') : undefined
const timeStart = !args.includes('--no-start')

const say = (line: string) => console.log(`[bench] ${line}`)

say(await buildServices())
const db = await openBenchDatabase(say)
const stacks: Stack[] = []
const rows: Measured[] = []
let start: StartFigures | undefined
try {
  const labtrack = await startLabtrackStack(db.serviceUrl)
  stacks.push(labtrack)
  const ceiling = await startCeilingStack(db.url)
  stacks.push(ceiling)
  say(`labtrack: nginx ${labtrack.url}, site ${labtrack.services.site.url}, inventory ${labtrack.services.inventory.url}`)
  say(`ceiling: nginx ${ceiling.url} → Fastify without a database on ${ceiling.services.site.url}`)

  const token = db.state.token
  const deepCursor = await cursorAfterRow(labtrack.url, token)
  const list = routes({ token, deepCursor, loose: db.state.loose })

  // The processes each measure watches, by name.
  const pidOf = (pid: number | undefined, what: string) => {
    if (!pid) throw new Error(`${what} has no pid: it is not running`)
    return pid
  }
  const watchedLabtrack: Watched[] = [
    ...(['site', 'inventory', 'computer'] as const).map((name) => ({ name, pid: pidOf(labtrack.services[name].pid, name) })),
    { name: 'nginx', pid: pidOf(labtrack.nginx.pid, 'nginx'), withChildren: true },
    { name: 'postgres', pid: db.postgresPid, withChildren: true },
    { name: 'bench', pid: process.pid },
  ]
  const watchedCeiling: Watched[] = [
    { name: 'fastify', pid: pidOf(ceiling.services.site.pid, 'the ceiling app') },
    { name: 'nginx (ceiling)', pid: pidOf(ceiling.nginx.pid, 'the ceiling nginx'), withChildren: true },
    { name: 'bench', pid: process.pid },
  ]

  interface Slice {
    figures: LoadFigures
    processes: Record<string, ProcessFigures>
  }
  const measureHttp = async (scenario: Scenario, watched: Watched[], seconds: number): Promise<Slice> => {
    const { result, processes } = await watchWhile(watched, () => load(scenario, seconds))
    return { figures: result, processes }
  }
  const combineSlices = (slices: Slice[]): Slice => {
    const processes: Record<string, ProcessFigures> = {}
    for (const name of Object.keys(slices[0]?.processes ?? {})) {
      const all = slices.map((slice) => slice.processes[name] as ProcessFigures)
      processes[name] = {
        cpu: Math.round(all.reduce((a, f) => a + f.cpu, 0) / all.length),
        cpuSeconds: all.reduce((a, f) => a + f.cpuSeconds, 0),
        rss: Math.max(...all.map((f) => f.rss)),
      }
    }
    return { figures: combine(slices.map((slice) => slice.figures)), processes }
  }
  const record = (key: string, work: string, via: Via, { figures, processes }: Slice, server: string, ceilingKey?: string) => {
    rows.push({
      key,
      work,
      via,
      requestsPerSecond: figures.requestsPerSecond,
      ...(key === 'export' ? { megabytesPerSecond: figures.bytesPerSecond / 1e6 } : {}),
      p50: figures.p50,
      p99: figures.p99,
      max: figures.max,
      errors: figures.errors,
      requests: figures.requests,
      server,
      processes,
      ...(ceilingKey ? { ceiling: ceilingKey } : {}),
    })
    if (figures.errors > 0) say(`${work} (${via}): ${figures.errors} errors, statuses ${JSON.stringify(figures.statuses)}`)
    say(`${work} (${via}): ${Math.round(figures.requestsPerSecond)} req/s, p99 ${figures.p99} ms`)
  }
  const PAD_HEADER = 'x-no-credentials'
  const scenario = (base: string, route: Route, authorized = true): Scenario => {
    // The open request carries a header as long as the token's in its place: autocannon builds
    // each GET one site anew (another site each time), and the token's extra bytes made the load
    // generator, on the cores it shares, the larger part of what the token seemed to cost (direct:
    // 6.6 % with one request sent again, 11-13 % with requests made anew, the server the same).
    const strip = (request: Request): Request => {
      if (authorized) return request
      const { authorization, ...headers } = request.headers ?? {}
      if (authorization === undefined) return request
      const line = `authorization: ${authorization}`.length
      return { ...request, headers: { ...headers, [PAD_HEADER]: 'x'.repeat(line - `${PAD_HEADER}: `.length) } }
    }
    return {
      base,
      requests: (route.mix ?? [route.request]).map(strip),
      connections: route.connections ?? CONNECTIONS,
      ...(route.amount ? { amount: route.amount } : {}),
    }
  }

  // Where labtrack's load goes for a route: the gateway, or the route's own service.
  const baseOf = (via: Via, route: Route) => (via === 'nginx' ? labtrack.url : labtrack.services[route.service].url)

  // 1. GET one site with a token, without one, and the no-database ceiling, in alternating one-second slices.
  const site = list.find((route) => route.key === 'site') as Route
  const ways = [
    { via: 'nginx' as const, ceilingBase: ceiling.url, ceilingKey: CEILING_NGINX },
    { via: 'direct' as const, ceilingBase: ceiling.services.site.url, ceilingKey: CEILING_DIRECT },
  ]
  for (const { via, ceilingBase, ceilingKey } of ways) {
    // The ceiling between the two it separates: in turns of A B C, C B A, the one in the middle
    // always follows another's slice and the outer two each follow themselves every other turn,
    // so the token and the open request take the same places.
    const trio: [Scenario, Watched[]][] = [
      [scenario(baseOf(via, site), site), watchedLabtrack],
      [{ base: ceilingBase, requests: [{ path: '/api/sites/1', setup: nextSite }], connections: CONNECTIONS }, watchedCeiling],
      [scenario(baseOf(via, site), site, false), watchedLabtrack],
    ]
    for (const [s] of trio) say(`${via}: warm after ${await warmUntilSteady(s)} s of load (${s.base})`)
    const [token, bare, open] = (
      await alternate(trio.length, SITE_SLICES, (i, seconds) => {
        const [s, watched] = trio[i] as [Scenario, Watched[]]
        return measureHttp(s, watched, seconds)
      })
    ).map(combineSlices) as [Slice, Slice, Slice]
    record(ceilingKey, `ceiling: ${via === 'nginx' ? 'nginx → ' : ''}Fastify route, no database`, via, bare, 'fastify')
    record('site', site.name, via, token, 'site', ceilingKey)
    record('site-open', `${site.name}, no credentials`, via, open, 'site', ceilingKey)
  }

  // 2. The first page and the deep page by cursor in alternating one-second slices, BENCH_SECONDS
  // of each: their target compares the two p99s, and measured one after the other a stall of the
  // shared machine in either put them 1.3-1.55× apart in two runs of seven. Each p99 is that of
  // all its slices' requests.
  const paired = ['page-first', 'page-cursor'].map((key) => list.find((route) => route.key === key) as Route)
  for (const { via, ceilingKey } of ways) {
    const loads = paired.map((route) => ({ ...scenario(baseOf(via, route), route), latencies: true }))
    for (const s of loads) await load(s, WARMUP)
    const measured = (
      await alternate(loads.length, SECONDS, (i, seconds) => measureHttp(loads[i] as Scenario, watchedLabtrack, seconds))
    ).map(combineSlices)
    for (const [i, route] of paired.entries()) record(route.key, route.name, via, measured[i] as Slice, route.service, ceilingKey)
  }

  // 3. Every other route, direct then through nginx, each after its warm-up.
  for (const route of list.filter((r) => r.key !== 'site' && !paired.includes(r))) {
    for (const { via, ceilingKey } of ways) {
      if (via === 'direct' && route.nginxOnly) continue
      const base = baseOf(via, route)
      // The warm-up of a route measured by count is one request a connection.
      const warm = scenario(base, route)
      await load(route.amount ? { ...warm, amount: warm.connections } : warm, WARMUP)
      const measured = await measureHttp(scenario(base, route), watchedLabtrack, SECONDS)
      record(route.key, route.name, via, measured, route.mix ? 'site+inventory+computer' : route.service, ceilingKey)
    }
  }

  // 4. Each route's SQL through pgbench.
  if (await findPgbench()) {
    const sqlRoutes = list.filter((route) => route.sql)
    const requests = Object.fromEntries(sqlRoutes.map((route) => [route.key, asCapture(route.request)]))
    const { statements, statuses } = await captureStatements(db.url, requests)
    for (const route of sqlRoutes) {
      const captured = statements[route.key] as Captured[]
      const status = statuses[route.key] as number
      if (status >= 300 || captured.length === 0) {
        say(`${route.name}: no SQL ceiling, its captured request answered ${status} with ${captured.length} statements`)
        continue
      }
      for (const mode of ['prepared', 'extended'] as PgbenchMode[]) {
        const measured = await watchWhile(
          watchedLabtrack.filter((w) => w.name === 'postgres' || w.name === 'bench'),
          () =>
            runPgbench(db.serviceUrl, captured, {
              mode,
              seconds: SECONDS,
              connections: route.connections ?? CONNECTIONS,
              ...(route.varying ? { varying: route.varying } : {}),
            }),
        ).catch((error: Error) => {
          say(`${route.name}: pgbench -M ${mode} failed, no SQL ceiling: ${error.message.split('\n').slice(-2).join(' ')}`)
          return undefined
        })
        if (!measured) continue
        const { result, processes } = measured
        rows.push({
          key: route.key,
          work: `  its SQL (${captured.length} statements a request)`,
          via: `pgbench -M ${mode}`,
          requestsPerSecond: result.transactionsPerSecond,
          p50: result.p50,
          p99: result.p99,
          max: result.max,
          errors: result.errors,
          requests: Math.round(result.transactionsPerSecond * SECONDS),
          processes,
        })
      }
    }
  } else {
    say('pgbench is not installed: the SQL ceilings are skipped (Debian 12: apt-get install -y postgresql-15, which has it)')
  }
} finally {
  for (const stack of stacks.reverse()) await stack.stop()
  await db.stop()
}

// 5. pnpm start on a warm data folder (its own embedded database, after the rest has stopped).
if (timeStart) {
  start = await measureStart().catch((error: Error) => {
    say(`pnpm start could not be timed: ${error.message}`)
    return undefined
  })
  if (start) say(describeStart(start))
}

// The table: the HTTP ceilings first, then each route with its SQL ceilings below it.
const order = (row: Measured) => {
  if (row.key === CEILING_NGINX || row.key === CEILING_DIRECT) return -1
  const keys = [...new Set(rows.map((r) => r.key))]
  return keys.indexOf(row.key)
}
const viaOrder: Via[] = ['nginx', 'direct', 'pgbench -M prepared', 'pgbench -M extended']
rows.sort((a, b) => order(a) - order(b) || viaOrder.indexOf(a.via) - viaOrder.indexOf(b.via))

const targets = judgeTargets(rows, start)
const heading = `labtrack bench, ${new Date().toISOString()}: ${SECONDS} s a measure after ${WARMUP} s of warm-up, ${CONNECTIONS} connections, node ${process.version}; ${db.filled ? 'database filled by this run' : 'database reused'} (${JSON.stringify(db.state.counts)})`
const legend = `In parentheses: the ratio to the row's ceiling (the Fastify route without a database, the same way in). ÷SQL: req/s over the route's own SQL under pgbench -M prepared. CPU: % of one core over the measure; RSS: largest seen, MB. Deep pages start after row ${DEEP_OFFSET.toLocaleString('en')} of freezer ${BIG_FREEZER}.`
console.log(`\n${heading}\n\n${renderTable(rows)}\n\n${legend}\n\nTargets (issue 9 §2):\n${renderTargets(targets)}`)

const report = {
  at: new Date().toISOString(),
  seconds: SECONDS,
  warmup: WARMUP,
  connections: CONNECTIONS,
  node: process.version,
  database: db.state.counts,
  rows,
  start,
  targets,
}
for (const file of [join(BENCH_DIR, 'last.json'), ...(jsonFile ? [jsonFile] : [])]) {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
}
say(`written to ${join(BENCH_DIR, 'last.json')}${jsonFile ? ` and ${jsonFile}` : ''}`)

/** A load request as app.inject takes it. */
function asCapture({ method, path, headers = {}, body }: Request): CaptureRequest {
  const withType = body === undefined ? headers : { 'content-type': 'application/json', ...headers }
  return { ...(method ? { method } : {}), url: path, headers: withType, ...(body === undefined ? {} : { body }) }
}

/**
 * The cursor that continues after row DEEP_OFFSET of the big freezer's first
 * page order: the first page's own cursor (from its Link header), its id
 * replaced by that row's. Checked: its page starts where offset DEEP_OFFSET's does.
 */
async function cursorAfterRow(base: string, token: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}` }
  const page = `${base}/api/containers?freezer_id=${BIG_FREEZER}&limit=100`
  const link = (await fetch(page, { headers })).headers.get('link') ?? ''
  const next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1]
  const cursor = next ? new URL(next, base).searchParams.get('after') : null
  if (!cursor) throw new Error(`the first page of freezer ${BIG_FREEZER} has no next-page cursor (Link: ${link})`)
  const [signature] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, ...unknown[]]
  const [{ id }] = (await withSql(
    db.url,
    (sql) => sql`SELECT id FROM container WHERE freezer_id = ${BIG_FREEZER} ORDER BY id OFFSET ${DEEP_OFFSET - 1} LIMIT 1`,
  )) as unknown as [{ id: number }]
  const deep = Buffer.from(JSON.stringify([signature, id])).toString('base64url')
  const firstId = async (url: string) => ((await (await fetch(url, { headers })).json()) as { id: number }[])[0]?.id
  const [byCursor, byOffset] = await Promise.all([firstId(`${page}&after=${deep}`), firstId(`${page}&offset=${DEEP_OFFSET}`)])
  if (byCursor === undefined || byCursor !== byOffset)
    throw new Error(`the deep cursor's page starts at ${byCursor}, offset ${DEEP_OFFSET}'s at ${byOffset}`)
  return deep
}
