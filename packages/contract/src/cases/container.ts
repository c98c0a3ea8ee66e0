import { randomUUID } from 'node:crypto'
import { container } from '@labtrack/db'
import { inventoryService } from '@labtrack/inventory'
import { buildTestApp, expectInvalid, expectProblem, ids, type TestApp } from '@labtrack/service-kit/testing'
import type { Test } from 'tap'
import { arrange, create, parentScope, type ResourceCase, type Row, type Sql, send, stored, tableCount } from '../case.js'
import { insertSites } from './freezer.js'

// Where a container sits inside another (none of the seed's do): null for each of these.
const UNPLACED = { parent_id: null, grid_rows: null, grid_cols: null, position: null, location: null }
const C1: Row = {
  id: 1,
  uuid: '3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01',
  description: 'Plasma aliquots, box A',
  freezer_id: 1,
  ...UNPLACED,
}
const C2: Row = {
  id: 2,
  uuid: '9b2e4d7a-1c3f-4e8b-a6d5-2f7c8e9a0b12',
  description: 'Serum, batch 2026-03',
  freezer_id: 1,
  ...UNPLACED,
}
const C3: Row = { id: 3, uuid: 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e23', description: 'DNA extracts', freezer_id: 2, ...UNPLACED }
// A 9×9 box in freezer 1, and two tubes in it.
const BOX_A: Row = {
  id: 4,
  uuid: '5e8c1a2b-3d4f-4a6b-8c7d-9e0f1a2b3c44',
  description: 'Box A',
  freezer_id: 1,
  ...UNPLACED,
  grid_rows: 9,
  grid_cols: 9,
  location: 'shelf 1',
}
const TUBE = { freezer_id: 1, ...UNPLACED, parent_id: 4 }
const TUBE_1: Row = { id: 5, uuid: '6f9d2b3c-4e5a-4b7c-9d8e-0f1a2b3c4d55', description: 'Tube 1', ...TUBE, position: 'A1' }
const TUBE_2: Row = { id: 6, uuid: '7a0e3c4d-5f6b-4c8d-ae9f-1a2b3c4d5e66', description: 'Tube 2', ...TUBE, position: 'B2' }

const GENERATED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const URN = 'urn:uuid:0b9d2f5e-2c8a-4f1e-9d3b-7a6c5e4d3c99'

const BAD_UUIDS: unknown[] = [
  'not-a-uuid',
  '',
  '3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a0',
  '3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a011',
  '3f0a6c1e7b7d4c559d1e0c6f1d2b8a01',
  '{3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01}',
  'gf0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01',
  ' 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01',
  "3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01' OR '1'='1",
  URN,
  5,
  true,
  ['3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01'],
]

/** A site and freezers of a test's own, in id order. */
async function insertFreezers(sql: Sql, tag: string, count: number): Promise<number[]> {
  const [site] = await insertSites(sql, tag, 1)
  const rows = await sql`INSERT INTO freezer (name, site_id) SELECT ${tag} || ' ' || n, ${site as number}::int
    FROM generate_series(1, ${count}::int) AS n RETURNING id`
  return rows.map((row) => row.id as number).sort((a, b) => a - b)
}

export const containers: ResourceCase = {
  resource: container,
  service: inventoryService,
  examples: [C1, C2, C3, BOX_A, TUBE_1, TUBE_2],
  parents: insertFreezers,
  body: ({ tag, parents }) => ({ description: tag, freezer_id: parents[0] }),
  scope: parentScope('freezer_id', 'description'),
  unique: { uuid: () => randomUUID() },
  badValues: { uuid: BAD_UUIDS, position: ['A0', 'a1', 'AA1', 'A100', '1A', ' A1', 'A1 ', 'A01'] },
  badFilters: { uuid: BAD_UUIDS.filter((value): value is string => typeof value === 'string' && value !== '') },
  invalidBody: {
    body: { freezer_id: '1', uuid: 'x', description: 5, box: 'A' },
    pointers: ['/box', '/description', '/freezer_id', '/uuid'],
  },
  hostile: [],
  // Valid only together with other rows or fields: a parent_id names a container in the same freezer, a
  // position a free cell of that parent's grid, and a grid has both sides or none. The suite checks what
  // their schemas refuse; services/inventory/test/routes/places.test.ts (positions, grids, cycles, nesting,
  // PUT keeping the place) and history.test.ts cover the rest.
  dependent: ['parent_id', 'grid_rows', 'grid_cols', 'position'],
  csv: true,
  exampleParents: { other: 2, empty: [] },
  own,
}

function own(t: Test, main: TestApp) {
  const { app, sql } = main
  const row = (id: number) => stored(sql, containers, id)

  t.test('POST /api/containers generates a uuid when none is given, and keeps one that is', async (t) => {
    const { parents } = await arrange(containers, main)
    const home = parents[0] as number
    const generated = await create(app, containers, { freezer_id: home })
    t.match(generated.uuid, GENERATED_UUID)
    t.strictSame(generated, { id: generated.id, uuid: generated.uuid, description: null, freezer_id: home, ...UNPLACED })
    const other = await create(app, containers, { freezer_id: home })
    t.not(other.uuid, generated.uuid, 'each generated uuid is new')
    const uuid = randomUUID()
    const given = await create(app, containers, { uuid, description: 'Buffy coat', freezer_id: home })
    t.strictSame(given, { id: given.id, uuid, description: 'Buffy coat', freezer_id: home, ...UNPLACED })
    t.strictSame(await row(given.id), given)
    const upper = await create(app, containers, { uuid: uuid.replace(/^.{8}/, 'ABCDEF01').toUpperCase(), freezer_id: home })
    t.equal(upper.uuid, uuid.replace(/^.{8}/, 'abcdef01'), 'an upper-case uuid comes back in lower case')
  })

  t.test('uuid filters: exact, in another case, with freezer_id, and one no container has', async (t) => {
    t.strictSame((await app.inject(`/api/containers?uuid=${C2.uuid}`)).json(), [C2])
    const upper = (C2.uuid as string).toUpperCase()
    t.strictSame((await app.inject(`/api/containers?uuid=${upper}`)).json(), [C2], 'uuids compare case-insensitively')
    t.strictSame((await app.inject(`/api/containers?uuid[in]=${upper},${C3.uuid}`)).json(), [C2, C3])
    t.strictSame((await app.inject(`/api/containers?uuid=${C3.uuid}&freezer_id=2`)).json(), [C3], 'both filters')
    t.strictSame((await app.inject(`/api/containers?uuid=${C3.uuid}&freezer_id=1`)).json(), [], 'both filters must hold')
    const unknown = await app.inject('/api/containers?uuid=00000000-0000-4000-8000-000000000000')
    t.equal(unknown.statusCode, 200)
    t.strictSame(unknown.json(), [])
    expectInvalid(t, await app.inject(`/api/containers?uuid=${encodeURIComponent(URN)}`), 'querystring', '/uuid', 'a urn:uuid:')
  })

  t.test('a taken uuid is a conflict in any case; its own uuid in another case is not', async (t) => {
    const { parents } = await arrange(containers, main)
    const home = parents[0] as number
    const mine = await create(app, containers, { description: 'steady', freezer_id: home })
    const before = await tableCount(sql, containers)
    const detail = 'a container with this uuid already exists'
    const taken = await send(app, 'POST', '/api/containers', { uuid: C1.uuid, freezer_id: home })
    t.strictSame(taken.json(), { type: 'urn:labtrack:problem:conflict', title: 'Conflict', status: 409, detail })
    expectProblem(t, taken, 409, 'conflict', detail)
    const upper = (uuid: unknown) => (uuid as string).toUpperCase()
    expectProblem(
      t,
      await send(app, 'POST', '/api/containers', { uuid: upper(C1.uuid), freezer_id: home }),
      409,
      'conflict',
      detail,
    )
    for (const uuid of [C2.uuid, upper(C2.uuid)]) {
      const put = await send(app, 'PUT', `/api/containers/${mine.id}`, { uuid, freezer_id: home })
      expectProblem(t, put, 409, 'conflict', detail, `PUT ${uuid}`)
    }
    for (const uuid of [C3.uuid, upper(C3.uuid)]) {
      expectProblem(t, await send(app, 'PATCH', `/api/containers/${mine.id}`, { uuid }), 409, 'conflict', detail, `PATCH ${uuid}`)
    }
    t.equal(await tableCount(sql, containers), before, 'nothing stored')
    t.strictSame(await row(mine.id), mine, 'unchanged')
    for (const example of [C1, C2, C3]) t.strictSame(await row(example.id), example, 'the holders of the uuids are untouched')

    const same = await send(app, 'PATCH', `/api/containers/${mine.id}`, { uuid: upper(mine.uuid) })
    t.equal(same.statusCode, 200, 'its own uuid in another case is no conflict')
    t.equal(same.json().uuid, mine.uuid)
    const put = await send(app, 'PUT', `/api/containers/${mine.id}`, {
      uuid: upper(mine.uuid),
      description: null,
      freezer_id: home,
    })
    t.equal(put.statusCode, 200, 'nor on PUT')
    t.strictSame(put.json(), { ...mine, description: null })
  })

  t.test('a urn:uuid: spelling is refused with a 400 naming /uuid, and nothing is stored or changed', async (t) => {
    const before = await tableCount(sql, containers)
    expectInvalid(t, await send(app, 'POST', '/api/containers', { uuid: URN, freezer_id: 1 }), 'body', '/uuid')
    t.equal(await tableCount(sql, containers), before)
    expectInvalid(t, await send(app, 'PATCH', '/api/containers/1', { uuid: URN }), 'body', '/uuid')
    const list = await app.inject('/api/containers?uuid=urn:uuid:3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01')
    expectInvalid(t, list, 'querystring', '/uuid')
    t.strictSame(await row(1), C1)
  })

  t.test('two editors change the same container: the second, holding a stale ETag, gets 412 and stores nothing', async (t) => {
    const { parents } = await arrange(containers, main)
    const [home, other] = parents as [number, number]
    const original = await create(app, containers, { description: 'Plasma, as both read it', freezer_id: home })
    const item = `/api/containers/${original.id}`
    const [alice, bob] = await Promise.all([app.inject(item), app.inject(item)])
    t.equal(alice.headers.etag, bob.headers.etag, 'both read the same version')
    const write = (method: 'PATCH' | 'DELETE', etag: unknown, payload?: object) =>
      app.inject({
        method,
        url: item,
        headers: { 'if-match': etag as string, ...(payload ? { 'content-type': 'application/json' } : {}) },
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
      })

    const first = await write('PATCH', alice.headers.etag, { description: 'Plasma, box B (Alice)' })
    t.equal(first.statusCode, 200, 'the first editor writes')
    const second = await write('PATCH', bob.headers.etag, { description: 'Plasma, thawed (Bob)', freezer_id: other })
    expectProblem(
      t,
      second,
      412,
      'precondition-failed',
      `container ${original.id} has changed since the version in If-Match; GET it again for its current values and ETag`,
    )
    const afterAlice = { ...original, description: 'Plasma, box B (Alice)' }
    t.strictSame(await row(original.id), afterAlice, "the row holds exactly the first editor's change: none of the second's")

    const deleted = await write('DELETE', bob.headers.etag)
    t.equal(deleted.statusCode, 412, 'a DELETE with the stale ETag is refused too')
    t.strictSame(await row(original.id), afterAlice, 'and leaves the row')
    const reread = await app.inject(item)
    t.strictSame(reread.json(), afterAlice, 'reading again shows the second editor the current values')
    const retried = await write('PATCH', reread.headers.etag, { freezer_id: other })
    t.equal(retried.statusCode, 200, 'with whose ETag the change goes through')
    t.strictSame(await row(original.id), { ...afterAlice, freezer_id: other })
  })

  t.test('moving containers with PATCH freezer_id, then deleting the emptied freezer', async (t) => {
    // Moves and deletes example rows: a database of its own.
    const { app, sql } = await buildTestApp(t, [inventoryService], { exampleData: true })
    const row = (id: number) => stored(sql, containers, id)
    expectProblem(
      t,
      await app.inject({ method: 'DELETE', url: '/api/freezers/2' }),
      409,
      'still-referenced',
      'freezer 2 still has 1 container',
    )
    const moved = await send(app, 'PATCH', '/api/containers/3', { freezer_id: 1 })
    t.equal(moved.statusCode, 200)
    t.strictSame(moved.json(), { ...C3, freezer_id: 1 }, 'only the freezer changed')
    t.strictSame(await row(3), { ...C3, freezer_id: 1 }, 'moved in the database')
    t.strictSame((await app.inject('/api/containers?freezer_id=2')).json(), [], 'the old freezer no longer lists it')
    t.strictSame(ids(await app.inject('/api/containers?freezer_id=1')), [1, 2, 3, 4, 5, 6], 'the new freezer does')

    const emptied = await app.inject({ method: 'DELETE', url: '/api/freezers/2' })
    t.equal(emptied.statusCode, 204, 'an emptied freezer can be deleted')
    t.equal((await sql`SELECT 1 FROM freezer WHERE id = 2`).length, 0)
    t.strictSame(await row(3), { ...C3, freezer_id: 1 }, 'its former container is safe')

    expectProblem(
      t,
      await app.inject({ method: 'DELETE', url: '/api/freezers/1' }),
      409,
      'still-referenced',
      'freezer 1 still has 6 containers',
    )
    expectProblem(
      t,
      await send(app, 'PATCH', '/api/containers/1', { freezer_id: 2 }),
      422,
      'unknown-parent',
      'freezer_id does not name an existing row',
      'no moving into the deleted freezer',
    )
    // The tubes before their box, which they would otherwise block.
    for (const id of [1, 2, 3, 5, 6, 4]) {
      t.equal((await app.inject({ method: 'DELETE', url: `/api/containers/${id}` })).statusCode, 204, `container ${id} deleted`)
    }
    t.equal((await app.inject({ method: 'DELETE', url: '/api/freezers/1' })).statusCode, 204, 'and freezer 1 once empty')
    t.equal((await sql`SELECT 1 FROM freezer WHERE id = 1`).length, 0)
  })
}
