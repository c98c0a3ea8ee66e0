import { buildTestApp, expectInvalid } from '@labtrack/service-kit/testing'
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { inventoryService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [inventoryService], { as: 'viewer' })

const HEADER = 'id,uuid,description,site,freezer_id,freezer,parent_uuid,position,location'
const [site] = await sql`INSERT INTO site (name) VALUES ('Site "A", north') RETURNING id`
const [big] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Big −80', ${site?.id}) RETURNING id`
const [small] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Small', ${site?.id}) RETURNING id`
// More rows than a page (100), than the longest page (1000) and than one batch of the export (1000).
const BIG_COUNT = 2345
await sql`INSERT INTO container (description, freezer_id) SELECT 'tube ' || i, ${big?.id} FROM generate_series(1, ${BIG_COUNT}) AS i`
const [box] = await sql`
  INSERT INTO container (uuid, description, freezer_id, grid_rows, grid_cols, location)
  VALUES ('b0b0b0b0-0000-4000-8000-000000000001', 'Box, with "quotes"', ${small?.id}, 8, 12, 'shelf 2') RETURNING id`
const [tube] = await sql`
  INSERT INTO container (uuid, description, parent_id, position)
  VALUES ('70be0000-0000-4000-8000-000000000002', ${'two\nlines'}, ${box?.id}, 'H12') RETURNING id`

const rowsOf = (body: string) => parse(body, { columns: true }) as Record<string, string>[]

t.test('Accept: text/csv answers every container, not a page: a header row, then one line each', async (t) => {
  const res = await app.inject({ url: '/api/containers', headers: { accept: 'text/csv' } })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
  t.equal(res.headers['content-disposition'], 'attachment; filename="containers.csv"')
  t.equal(res.headers.vary, 'Accept')
  t.notOk(res.headers.link, 'no next page')
  t.equal(res.body.split('\n')[0], HEADER)
  const rows = rowsOf(res.body)
  t.equal(rows.length, BIG_COUNT + 2)
  const [{ count }] = (await sql`SELECT count(*)::int AS count FROM container`) as unknown as [{ count: number }]
  t.equal(rows.length, count, 'every row')
  t.strictSame(
    rows.map((row) => Number(row.id)),
    [...rows.map((row) => Number(row.id))].sort((a, b) => a - b),
    'in id order',
  )
  t.equal(new Set(rows.map((row) => row.id)).size, rows.length, 'none twice')
})

t.test('the columns: names of the site and freezer, the parent by uuid, quoting as RFC 4180 wants', async (t) => {
  const res = await app.inject(`/api/containers?freezer_id=${small?.id}&format=csv`)
  t.equal(
    res.body,
    `${HEADER}\n` +
      `${box?.id},b0b0b0b0-0000-4000-8000-000000000001,"Box, with ""quotes""","Site ""A"", north",${small?.id},Small,,,shelf 2\n` +
      `${tube?.id},70be0000-0000-4000-8000-000000000002,"two\nlines","Site ""A"", north",${small?.id},Small,b0b0b0b0-0000-4000-8000-000000000001,H12,\n`,
  )
})

t.test('the filters and the sort apply to the export; limit, offset and after do not', async (t) => {
  const sorted = rowsOf((await app.inject(`/api/containers?freezer_id=${big?.id}&sort=-id&limit=5&format=csv`)).body)
  t.equal(sorted.length, BIG_COUNT)
  t.ok(
    sorted.every((row) => row.freezer === 'Big −80'),
    'only the filtered freezer',
  )
  t.ok(Number(sorted[0]?.id) > Number(sorted[1]?.id), 'newest first')
  const some = rowsOf((await app.inject('/api/containers?description[contains]=TUBE%201&format=csv')).body)
  t.equal(some.length, 1 + 10 + 100 + 1000 + 0, 'tube 1, 10–19, 100–199, 1000–1999')
  const none = await app.inject({ url: '/api/containers?description=nothing', headers: { accept: 'text/csv' } })
  t.equal(none.body, `${HEADER}\n`, 'nothing matches: the header row alone')
})

t.test('JSON stays the default: no Accept, Accept: application/json first, or format=json', async (t) => {
  for (const headers of [{}, { accept: 'application/json, text/csv' }, { accept: '*/*' }]) {
    const res = await app.inject({ url: '/api/containers?limit=3', headers })
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^application\/json/)
    t.equal(res.json().length, 3)
    t.equal(res.headers.vary, 'Accept, Prefer')
  }
  const json = await app.inject({ url: '/api/containers?limit=3&format=json', headers: { accept: 'text/csv' } })
  t.match(json.headers['content-type'], /^application\/json/)
  const freezers = await app.inject({ url: '/api/freezers', headers: { accept: 'text/csv' } })
  t.match(freezers.headers['content-type'], /^application\/json/, 'a collection without CSV answers JSON')
  expectInvalid(t, await app.inject('/api/freezers?format=csv'), 'querystring', '/format')
})

t.test('a bad filter or format is the usual 400 problem, not a CSV', async (t) => {
  expectInvalid(t, await app.inject('/api/containers?format=xml'), 'querystring', '/format')
  expectInvalid(
    t,
    await app.inject({ url: '/api/containers?colour=red', headers: { accept: 'text/csv' } }),
    'querystring',
    '/colour',
  )
})
