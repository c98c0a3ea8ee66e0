import { SEARCH_SQL, searchParameters } from '@labtrack/db'
import { buildTestApp, expectInvalid } from '@labtrack/service-kit/testing'
import t from 'tap'
import { inventoryService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [inventoryService], { as: 'viewer' })

const [north] = await sql`INSERT INTO site (name, address, country) VALUES ('North lab', '1 Ice Road', 'Norway') RETURNING id`
const [south] = await sql`INSERT INTO site (name) VALUES ('South lab') RETURNING id`
const [cold] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Cold room −80', ${north?.id}) RETURNING id`
const [warm] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Fridge 4', ${south?.id}) RETURNING id`
const [pc] = await sql`INSERT INTO computer (name, site_id) VALUES ('Cold room PC', ${north?.id}) RETURNING id`
const [rack] = await sql`
  INSERT INTO container (uuid, description, freezer_id, grid_rows, grid_cols)
  VALUES ('a1b2c3d4-0000-4000-8000-000000000001', 'Rack 1', ${cold?.id}, 2, 2) RETURNING id`
// A box without a description: its place shows its uuid's first 8 hex digits.
const [box] = await sql`
  INSERT INTO container (uuid, freezer_id, parent_id, position, grid_rows, grid_cols)
  VALUES ('0badcafe-0000-4000-8000-000000000002', ${cold?.id}, ${rack?.id}, 'B2', 9, 9) RETURNING id`
const [tube] = await sql`
  INSERT INTO container (uuid, description, parent_id, position)
  VALUES ('5eed5eed-1234-4abc-8def-0123456789ab', 'Plasma 100% pure_x', ${box?.id}, 'C7') RETURNING id`
const [loose] = await sql`
  INSERT INTO container (uuid, description, freezer_id, location)
  VALUES ('5eed5eed-9999-4abc-8def-0123456789ab', NULL, ${warm?.id}, 'shelf 2') RETURNING id`

const find = async (q: string, extra = '') => {
  const res = await app.inject(`/api/search?q=${encodeURIComponent(q)}${extra}`)
  t.equal(res.statusCode, 200, `search ${q}`)
  return res.json() as { kind: string; id: number; label: string; place: string | null }[]
}

t.test('by name: sites, freezers and computers, ignoring case, with where each is', async (t) => {
  t.strictSame(await find('cold ROOM'), [
    { kind: 'freezer', id: cold?.id, label: 'Cold room −80', place: 'North lab' },
    { kind: 'computer', id: pc?.id, label: 'Cold room PC', place: 'North lab' },
  ])
  t.strictSame(await find('lab'), [
    { kind: 'site', id: north?.id, label: 'North lab', place: '1 Ice Road, Norway' },
    { kind: 'site', id: south?.id, label: 'South lab', place: null },
  ])
})

t.test('by description: a container with its place, site › freezer › boxes › position', async (t) => {
  t.strictSame(await find('plasma'), [
    { kind: 'container', id: tube?.id, label: 'Plasma 100% pure_x', place: 'North lab › Cold room −80 › Rack 1 › 0badcafe › C7' },
  ])
  t.strictSame(await find('rack'), [{ kind: 'container', id: rack?.id, label: 'Rack 1', place: 'North lab › Cold room −80' }])
})

t.test('%, _ and \\ in the text are only characters', async (t) => {
  t.same(
    (await find('100%')).map((hit) => hit.id),
    [tube?.id],
  )
  t.same(await find('1%p'), [])
  t.same(await find('Plasma_100'), [])
  t.same(
    (await find('pure_x')).map((hit) => hit.id),
    [tube?.id],
  )
  t.same(await find('\\'), [])
})

t.test('by the whole uuid, in either case: that container alone', async (t) => {
  t.strictSame(await find('5EED5EED-1234-4ABC-8DEF-0123456789AB'), [
    { kind: 'container', id: tube?.id, label: 'Plasma 100% pure_x', place: 'North lab › Cold room −80 › Rack 1 › 0badcafe › C7' },
  ])
  t.strictSame(await find(' 0badcafe-0000-4000-8000-000000000002 '), [
    { kind: 'container', id: box?.id, label: '0badcafe', place: 'North lab › Cold room −80 › Rack 1 › B2' },
  ])
  t.strictSame(await find('00000000-0000-4000-8000-000000000000'), [])
})

t.test('by the first 8 hex digits of a uuid (a small label): every container they begin', async (t) => {
  t.strictSame(await find('5eed5eed'), [
    { kind: 'container', id: tube?.id, label: 'Plasma 100% pure_x', place: 'North lab › Cold room −80 › Rack 1 › 0badcafe › C7' },
    { kind: 'container', id: loose?.id, label: '5eed5eed', place: 'South lab › Fridge 4' },
  ])
  t.strictSame(
    (await find('5EED5EED', '&limit=1')).map((hit) => hit.id),
    [tube?.id],
    'limit',
  )
})

t.test('uuid matches come before text matches, and a container found twice is listed once', async (t) => {
  await sql`UPDATE container SET description = 'copy of a1b2c3d4' WHERE id = ${loose?.id}`
  t.teardown(() => sql`UPDATE container SET description = NULL WHERE id = ${loose?.id}`)
  await sql`UPDATE container SET description = 'Rack a1b2c3d4' WHERE id = ${rack?.id}`
  t.teardown(() => sql`UPDATE container SET description = 'Rack 1' WHERE id = ${rack?.id}`)
  t.strictSame(
    (await find('a1b2c3d4')).map((hit) => [hit.id, hit.label]),
    [
      [rack?.id, 'Rack a1b2c3d4'],
      [loose?.id, 'copy of a1b2c3d4'],
    ],
  )
})

t.test('the limit bounds the answer; nothing found is an empty list', async (t) => {
  t.strictSame(
    (await find('o')).map((hit) => [hit.kind, hit.id]),
    [
      ['site', north?.id],
      ['site', south?.id],
      ['freezer', cold?.id],
      ['computer', pc?.id],
    ],
    'sites, freezers, computers, containers, each in id order',
  )
  t.equal((await find('o', '&limit=3')).length, 3)
  t.strictSame(await find('no such thing'), [])
})

t.test('without q there are no hits', async (t) => {
  const res = await app.inject('/api/search')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), [])
})

t.test('a blank or oversized query, or a bad limit, is a 400', async (t) => {
  expectInvalid(t, await app.inject('/api/search?q='), 'querystring', '/q')
  expectInvalid(t, await app.inject('/api/search?q=%20%20'), 'querystring', '/q')
  expectInvalid(t, await app.inject(`/api/search?q=${'x'.repeat(201)}`), 'querystring', '/q')
  expectInvalid(t, await app.inject('/api/search?q=a&limit=101'), 'querystring', '/limit')
  expectInvalid(t, await app.inject('/api/search?q=a&other=1'), 'querystring', '/other')
})

t.test('a viewer may search; without credentials it is a 401', async (t) => {
  const res = await app.inject({ url: '/api/search?q=lab', headers: { authorization: undefined } })
  t.equal(res.statusCode, 401)
})

// Whether the planner prefers an index depends on the table's size: at a million
// containers it does (scripts/measure-places.ts prints the plans). Here, with
// sequential scans priced out, the plan of the search statement itself shows
// that each index fits the expression the statement writes.
t.test('the indexes of migration 005 fit what the search statement asks', async (t) => {
  const plan = (q: string) =>
    sql.begin(async (tx) => {
      // On a table this small any path is cheap: leave the planner only what needs a condition an index can
      // answer (bitmap scans), or it may read a whole btree that holds the column (a list index) and filter it.
      await tx`SET LOCAL enable_seqscan = off`
      await tx`SET LOCAL enable_indexscan = off`
      await tx`SET LOCAL enable_indexonlyscan = off`
      const rows = await tx.unsafe(`EXPLAIN ${SEARCH_SQL}`, searchParameters(q, 20))
      return rows.map((row) => Object.values(row)[0]).join('\n')
    })
  const byText = await plan('plasma')
  for (const index of [
    'site_name_trgm_idx',
    'freezer_name_trgm_idx',
    'computer_name_trgm_idx',
    'container_description_trgm_idx',
  ]) {
    t.match(byText, index, `text: ${index}`)
  }
  t.match(await plan('5eed5eed'), 'container_uuid_prefix_idx', 'first 8 hex digits')
  t.match(await plan('5eed5eed-1234-4abc-8def-0123456789ab'), 'container_uuid_key', 'whole uuid')
})
