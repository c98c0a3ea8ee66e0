import type { Request } from './load.js'
import { BIG_FREEZER, BOXES, SITES } from './million-containers.js'
import type { Varying } from './pgbench.js'

// What pnpm bench measures: each route of issue 9 §1 as a client sends it,
// with an editor's API token. Writes stay out of the big freezer, so its pages
// and its export read the same rows on every run.

export type ServiceName = 'site' | 'inventory'

export interface Route {
  key: string
  name: string
  service: ServiceName
  request: Request
  /** Several requests sent in turn on each connection (the mix), instead of `request`. */
  mix?: Request[]
  /** A fixed number of requests rather than a fixed time (the export and the import: a request takes seconds). */
  amount?: number
  /** Fewer connections for the routes whose one request is seconds of work. */
  connections?: number
  /** Replayed by pgbench as its SQL ceiling (not the import: 10,000 savepoints a request). */
  sql: boolean
  /** Only through nginx (the mix spans the services). */
  nginxOnly?: boolean
  /** pgbench draws this parameter at random per transaction, as the load varies it per request (see pgbench.ts). */
  varying?: Varying
  /** Throughput in MB/s rather than requests (the export). */
  megabytes?: boolean
}

export interface RouteContext {
  token: string
  /** A cursor that continues after row 90,000 of the big freezer's id order. */
  deepCursor: string
  /** The loose containers' first and last id (the moves' subjects). */
  loose: [number, number]
}

const IMPORT_ROWS = 10_000
/** Where the POSTs put their containers: a freezer no other route reads. */
const WRITE_FREEZER = 9_999
const BOX = 7
export const DEEP_OFFSET = 90_000

export const importCsv = () =>
  `description,freezer_id,location\n${Array.from({ length: IMPORT_ROWS }, (_, i) => `Imported ${i},${100 + (i % 100)},shelf ${i % 7}`).join('\n')}\n`

let sitesAsked = 0
/**
 * GET one site asks for each of the 1,000 sites in turn: always site 1, the GETs that arrive
 * together would share one row (batched-reads.ts), which a lab's traffic does not do all the
 * time. The ceiling's load asks the same way, so the bench's own cost (a request made anew
 * each time costs it more than one sent again) is the same on both sides of the ratio.
 */
export const nextSite = () => ({ path: `/api/sites/${1 + (sitesAsked++ % SITES)}` })

export function routes({ token, deepCursor, loose }: RouteContext): Route[] {
  const authorization = { authorization: `Bearer ${token}` }
  const get = (path: string): Request => ({ path, headers: authorization })
  const page = `/api/containers?freezer_id=${BIG_FREEZER}&limit=100`
  const post: Request = {
    method: 'POST',
    path: '/api/containers',
    headers: authorization,
    body: JSON.stringify({ freezer_id: WRITE_FREEZER, description: 'bench' }),
  }
  let moves = 0
  const [firstLoose, lastLoose] = loose
  const move: Request = {
    method: 'PATCH',
    path: `/api/containers/${firstLoose}`,
    headers: authorization,
    body: JSON.stringify({ freezer_id: 2 }),
    // Each move takes the next loose container to another freezer (2–5001), so each writes its 'moved' event.
    setup: () => {
      moves++
      return {
        path: `/api/containers/${firstLoose + (moves % (lastLoose - firstLoose + 1))}`,
        body: JSON.stringify({ freezer_id: 2 + ((moves * 7) % 5000) }),
      }
    },
  }
  const reads = {
    site: { ...get('/api/sites/1'), setup: nextSite },
    first: get(page),
    cursor: get(`${page}&after=${deepCursor}`),
    filtered: get('/api/containers?freezer_id[in]=2,3,4,5,6&sort=-description&limit=100'),
    search: get(`/api/search?q=${encodeURIComponent('Tube 4321-7')}`),
    layout: get(`/api/containers/${BOX}/layout`),
  }
  return [
    { key: 'site', name: 'GET one site', service: 'site', request: reads.site, sql: true },
    {
      key: 'page-first',
      name: `100 containers of freezer ${BIG_FREEZER}, first page`,
      service: 'inventory',
      request: reads.first,
      sql: true,
    },
    {
      key: 'page-cursor',
      name: `the same, after row ${DEEP_OFFSET.toLocaleString('en')} by cursor`,
      service: 'inventory',
      request: reads.cursor,
      sql: true,
    },
    {
      key: 'page-offset',
      name: `the same, offset ${DEEP_OFFSET.toLocaleString('en')}`,
      service: 'inventory',
      request: get(`${page}&offset=${DEEP_OFFSET}`),
      sql: true,
    },
    {
      key: 'filtered',
      name: 'filtered, sorted list (5 freezers by -description)',
      service: 'inventory',
      request: reads.filtered,
      sql: true,
    },
    { key: 'search', name: 'search "Tube 4321-7"', service: 'inventory', request: reads.search, sql: true },
    { key: 'layout', name: `layout of a 9×9 box (${BOX} of ${BOXES})`, service: 'inventory', request: reads.layout, sql: true },
    { key: 'post', name: 'POST a container', service: 'inventory', request: post, sql: true },
    {
      key: 'move',
      name: 'move (PATCH freezer_id, its history event)',
      service: 'inventory',
      request: move,
      sql: true,
      // Its SQL moves a random loose container each time too: one row for all would only measure its lock.
      varying: { captured: String(firstLoose), from: firstLoose, to: lastLoose },
    },
    {
      key: 'export',
      name: `CSV export of freezer ${BIG_FREEZER} (100,040 rows)`,
      service: 'inventory',
      request: get(`/api/containers?freezer_id=${BIG_FREEZER}&format=csv`),
      connections: 2,
      amount: 6,
      sql: true,
      megabytes: true,
    },
    {
      key: 'import',
      name: 'CSV import of 10,000 rows (dry run)',
      service: 'inventory',
      request: {
        method: 'POST',
        path: '/api/containers/import?dry_run=true',
        headers: { ...authorization, 'content-type': 'text/csv' },
        body: importCsv(),
      },
      connections: 1,
      amount: 3,
      sql: false,
    },
    {
      key: 'mix',
      name: 'mix: 90 % reads, 10 % writes',
      service: 'inventory',
      // autocannon sends each connection's requests in this order, round and round: 9 reads, 1 POST.
      request: reads.site,
      mix: [
        reads.site,
        reads.first,
        reads.layout,
        reads.search,
        reads.cursor,
        reads.site,
        reads.filtered,
        reads.layout,
        reads.site,
        post,
      ],
      sql: false,
      nginxOnly: true,
    },
  ]
}
