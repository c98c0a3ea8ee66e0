import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { siteService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [siteService], { exampleData: true })

const SEED_INSTRUMENTS = [
  { site_id: 1, site_name: 'Site 1', computer_id: 1, freezer_id: null, name: 'Computer 1' },
  { site_id: 1, site_name: 'Site 1', computer_id: 2, freezer_id: null, name: 'Computer 2' },
  { site_id: 1, site_name: 'Site 1', computer_id: null, freezer_id: 1, name: '-20C' },
  { site_id: 1, site_name: 'Site 1', computer_id: null, freezer_id: 2, name: '-40C' },
]

t.test('GET /api/instruments: computers and freezers by site, then kind, then id', async (t) => {
  const res = await app.inject('/api/instruments')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), SEED_INSTRUMENTS)
})

t.test('the order stays stable as rows are added at several sites', async (t) => {
  await sql`INSERT INTO freezer (name, site_id) VALUES ('B freezer', 2)`
  await sql`INSERT INTO computer (name, site_id) VALUES ('B computer', 2)`
  await sql`INSERT INTO freezer (name, site_id) VALUES ('-80C', 1)`
  const rows = (await app.inject('/api/instruments')).json()
  t.strictSame(
    rows.map((r: { site_id: number; name: string }) => `${r.site_id} ${r.name}`),
    ['1 Computer 1', '1 Computer 2', '1 -20C', '1 -40C', '1 -80C', '2 B computer', '2 B freezer'],
  )
})

t.test('GET /api/instruments pages with a Link header', async (t) => {
  const first = await app.inject('/api/instruments?limit=3')
  t.equal(first.json().length, 3)
  t.equal(first.headers.link, '</api/instruments?limit=3&offset=3>; rel="next"')
  const second = await app.inject('/api/instruments?limit=3&offset=3')
  t.strictSame(
    second.json().map((r: { name: string }) => r.name),
    ['-40C', '-80C', 'B computer'],
  )
  t.equal((await app.inject('/api/instruments?limit=0')).statusCode, 400)
})

t.test("GET /api/sites/:id/instruments: one site's instruments", async (t) => {
  const res = await app.inject('/api/sites/1/instruments')
  t.equal(res.statusCode, 200)
  t.same(res.json().slice(0, 4), SEED_INSTRUMENTS)
  t.ok(
    res.json().every((r: { site_id: number }) => r.site_id === 1),
    'only site 1',
  )

  const empty = await app.inject('/api/sites/3/instruments')
  t.equal(empty.statusCode, 200)
  t.strictSame(empty.json(), [], 'a site without instruments has an empty list')

  const missing = await app.inject('/api/sites/404/instruments')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().detail, 'site 404 does not exist')

  t.equal((await app.inject('/api/sites/0/instruments')).statusCode, 400)

  const paged = await app.inject('/api/sites/1/instruments?limit=2&offset=1')
  t.strictSame(
    paged.json().map((r: { name: string }) => r.name),
    ['Computer 2', '-20C'],
  )
  t.equal(paged.headers.link, '</api/sites/1/instruments?limit=2&offset=3>; rel="next"')
})
