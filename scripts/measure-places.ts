import { performance } from 'node:perf_hooks'
import {
  containerHistory,
  containerLayout,
  containerPlace,
  freezerHistory,
  freezerOccupancy,
  type Queryable,
  search,
} from '@labtrack/db'
import { createTestDatabase, openThrowawayServer, withSql } from '@labtrack/db-tools'
import { SERVICES, type ServiceEntry } from '@labtrack/launcher/services'
import { createApp } from '@labtrack/service-kit'
import { createTestTokens } from '@labtrack/service-kit/testing'
import { BOXES, fillMillionContainers } from './bench/million-containers.js'

// pnpm tsx scripts/measure-places.ts: the place routes at a million containers.
// Fills a throw-away database with generate_series (1,000 sites, 10,000
// freezers, 1,000,400 containers: 12,200 boxes of 9×9 with 81 tubes each, the
// first 1,220 boxes (100,040 containers) in freezer 1, and one 'created' event
// per container), then times each route through the inventory service
// (app.inject: routing, validation, the query, serialisation) and prints the
// EXPLAIN (ANALYZE, BUFFERS) plan of each statement the route runs.
// Prints figures, asserts nothing. MEASURE_RUNS sets the repetitions (default 20).
// The fill is scripts/bench/million-containers.ts (pnpm bench fills its
// database with the same). Other helpers add their figures (search, CSV
// import and export) below the marked line.

const RUNS = Number(process.env.MEASURE_RUNS ?? 20)

const server = await openThrowawayServer()
const database = await createTestDatabase(server.adminUrl)

async function fill() {
  const { seconds, ...counts } = await fillMillionContainers(database.url)
  console.log(`filled in ${seconds.toFixed(1)} s:`, counts)
}

/** postgres.js, as withSql lends it. */
type Sql = Parameters<Parameters<typeof withSql>[1]>[0]

/** The statements a query function sends, so they can be explained with their values. */
function recording(sql: Sql) {
  const statements: { text: string; values: unknown[] }[] = []
  const db = {
    query: async (statement: { text: string; values?: unknown[] } | string, given: unknown[] = []) => {
      const [text, values] = typeof statement === 'string' ? [statement, given] : [statement.text, statement.values ?? []]
      statements.push({ text, values })
      return { rows: await sql.unsafe(text, values as never[]) }
    },
  } as unknown as Queryable
  return { db, statements }
}

async function explain(sql: Sql, name: string, call: (db: Queryable) => Promise<unknown>) {
  const { db, statements } = recording(sql)
  await call(db)
  for (const { text, values } of statements) {
    const plan = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values as never[])
    console.log(`\n--- ${name}: EXPLAIN ANALYZE\n${plan.map((row: Record<string, unknown>) => row['QUERY PLAN']).join('\n')}`)
  }
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}

await fill()
const inventory = SERVICES.find((service) => service.name === 'inventory')?.plugin as ServiceEntry['plugin']
const app = await createApp({ databaseUrl: database.url, services: [inventory] })
const tokens = await withSql(database.url, (sql) => createTestTokens(sql))
const authorization = `Bearer ${tokens.editor}`

// A tube (box 1, A5) moved out to a new box in freezer 2 and back through the service: its history has their events too.
const TUBE = BOXES + 5
const BOX = 7
const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
  app.inject({ method, url, headers: { authorization }, payload }).then((res) => res.json() as { id: number })
const spare = await send('POST', '/api/containers', { description: 'Spare box', freezer_id: 2, grid_rows: 9, grid_cols: 9 })
await send('PATCH', `/api/containers/${TUBE}`, { parent_id: spare.id, position: 'A1' })
await send('PATCH', `/api/containers/${TUBE}`, { parent_id: 1, position: 'A5' })

const routes: { name: string; url: string; call: (db: Queryable) => Promise<unknown> }[] = [
  { name: 'layout of a 9×9 box', url: `/api/containers/${BOX}/layout`, call: (db) => containerLayout(db, BOX) },
  {
    name: 'occupancy of freezer 1 (100,040 containers, 1,220 boxes)',
    url: '/api/freezers/1/occupancy',
    call: (db) => freezerOccupancy(db, 1),
  },
  {
    name: 'occupancy of freezer 500 (~82 containers)',
    url: '/api/freezers/500/occupancy',
    call: (db) => freezerOccupancy(db, 500),
  },
  { name: 'place of a tube', url: `/api/containers/${TUBE}/place`, call: (db) => containerPlace(db, TUBE) },
  {
    name: 'history of a tube',
    url: `/api/containers/${TUBE}/history`,
    call: (db) => containerHistory(db, TUBE, { limit: 100 }),
  },
  {
    name: 'history of freezer 1 (first page of 100)',
    url: '/api/freezers/1/history',
    call: (db) => freezerHistory(db, 1, { limit: 100 }),
  },
]

const figures: Record<string, Record<string, number | string>> = {}
for (const { name, url, call } of routes) {
  const times: number[] = []
  let status = 0
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    const res = await app.inject({ url, headers: { authorization } })
    times.push(performance.now() - started)
    status = res.statusCode
  }
  times.sort((a, b) => a - b)
  figures[name] = {
    status,
    'p50 ms': Number(quantile(times, 0.5).toFixed(2)),
    'p95 ms': Number(quantile(times, 0.95).toFixed(2)),
    'max ms': Number((times.at(-1) as number).toFixed(2)),
  }
  await withSql(database.url, (sql) => explain(sql, name, call))
}
console.log(`\nthrough the inventory service (app.inject), ${RUNS} runs each:`)
console.table(figures)

// ---- Further figures (search, CSV import and export) go below this line.

// Search at a million containers: each kind of query the find box sends, timed and explained.
const [{ uuid: tubeUuid }] = (await withSql(
  database.url,
  (sql) => sql`SELECT uuid::text FROM container WHERE id = ${TUBE}`,
)) as unknown as [{ uuid: string }]
const searches = [
  { name: 'search: a rare piece of text ("Tube 4321-7")', q: 'Tube 4321-7' },
  { name: 'search: a frequent piece of text ("Box 1", thousands match)', q: 'Box 1' },
  { name: 'search: a whole uuid (a scanned label)', q: tubeUuid },
  { name: 'search: the first 8 hex digits of a uuid', q: tubeUuid.slice(0, 8) },
  { name: 'search: text matching nothing ("no such sample")', q: 'no such sample' },
]
const searchFigures: Record<string, Record<string, number | string>> = {}
for (const { name, q } of searches) {
  const times: number[] = []
  let res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { authorization } })
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { authorization } })
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  searchFigures[name] = {
    status: res.statusCode,
    hits: res.json().length,
    'p50 ms': Number(quantile(times, 0.5).toFixed(2)),
    'p95 ms': Number(quantile(times, 0.95).toFixed(2)),
  }
  await withSql(database.url, (sql) => explain(sql, name, (db) => search(db, q, 20)))
}
console.log(`
search through the inventory service (app.inject), ${RUNS} runs each, 20 hits at most:`)
console.table(searchFigures)

// Export: freezer 1's 100,040 containers as CSV, through the service.
const transfer: Record<string, Record<string, number | string>> = {}
for (let i = 0; i < 3; i++) {
  const started = performance.now()
  const res = await app.inject({ url: '/api/containers?freezer_id=1&format=csv', headers: { authorization } })
  const seconds = (performance.now() - started) / 1000
  const bytes = Buffer.byteLength(res.body)
  transfer[`export of freezer 1 as CSV, run ${i + 1}`] = {
    status: res.statusCode,
    rows: res.body.split('\n').length - 2,
    MB: Number((bytes / 1e6).toFixed(2)),
    s: Number(seconds.toFixed(2)),
    'MB/s': Number((bytes / 1e6 / seconds).toFixed(2)),
    'rows/s': Math.round((res.body.split('\n').length - 2) / seconds),
  }
}

// Import: 10,000 rows that create containers in 100 freezers, then 10,000 that move them (by uuid) to others.
const importing = async (name: string, csv: string, query = '') => {
  const started = performance.now()
  const res = await app.inject({
    method: 'POST',
    url: `/api/containers/import${query}`,
    headers: { authorization, 'content-type': 'text/csv' },
    payload: csv,
  })
  const seconds = (performance.now() - started) / 1000
  const body = res.json()
  transfer[name] = {
    status: res.statusCode,
    rows: body.rows?.length ?? 0,
    MB: Number((Buffer.byteLength(csv) / 1e6).toFixed(2)),
    s: Number(seconds.toFixed(2)),
    'rows/s': Math.round((body.rows?.length ?? 0) / seconds),
  }
  return body as { rows: { uuid: string }[] }
}
const IMPORT_ROWS = 10_000
const creating = `description,freezer_id,location\n${Array.from({ length: IMPORT_ROWS }, (_, i) => `Imported ${i},${100 + (i % 100)},shelf ${i % 7}`).join('\n')}\n`
await importing('import: 10,000 new containers, dry run', creating, '?dry_run=true')
const created = await importing('import: 10,000 new containers', creating)
const moving = `uuid,freezer_id,location\n${created.rows.map(({ uuid }, i) => `${uuid},${300 + (i % 100)},rack ${i % 3}`).join('\n')}\n`
await importing('import: 10,000 moves by uuid', moving)
const [{ events }] = (await withSql(
  database.url,
  (sql) => sql`SELECT count(*)::int AS events FROM container_event WHERE actor = 'token:test-editor'`,
)) as unknown as [{ events: number }]
console.log('\nCSV through the inventory service (app.inject):')
console.table(transfer)
console.log(`history events written by the service's writes and the imports: ${events}`)

await app.close()
await database.drop()
await server.stop()
