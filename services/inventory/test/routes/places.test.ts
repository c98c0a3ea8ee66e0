import { buildTestApp, expectProblem } from '@labtrack/service-kit/testing'
import t from 'tap'
import { inventoryService } from '../../src/app.js'

// Boxes, positions and grids through the routes: the rules live in the database's
// triggers (migration 004); what a client notices is the status and the words.

const { app, sql } = await buildTestApp(t, [inventoryService])

const [site] = await sql`INSERT INTO site (name) VALUES ('Site P') RETURNING id`
const freezers =
  await sql`INSERT INTO freezer (name, site_id) VALUES ('Freezer A', ${site?.id}), ('Freezer B', ${site?.id}) RETURNING id`
const [fa, fb] = freezers.map((row) => row.id as number) as [number, number]

type Row = Record<string, unknown> & { id: number }
const post = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/containers', payload: body })
const patch = (id: number, body: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: `/api/containers/${id}`, payload: body })
async function make(body: Record<string, unknown>): Promise<Row> {
  const res = await post(body)
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json()
}
const stored = async (id: number) => (await sql`SELECT freezer_id, parent_id, position FROM container WHERE id = ${id}`)[0]

t.test('a box with a grid holds tubes at positions; the tube takes the box freezer', async (t) => {
  const box = await make({ description: 'Box 1', freezer_id: fa, grid_rows: 8, grid_cols: 12, location: 'shelf 2, rack B' })
  t.match(box, { freezer_id: fa, parent_id: null, grid_rows: 8, grid_cols: 12, position: null, location: 'shelf 2, rack B' })
  const tube = await make({ description: 'Tube 1', parent_id: box.id, position: 'H12' })
  t.match(tube, { freezer_id: fa, parent_id: box.id, position: 'H12', grid_rows: null, location: null }, 'freezer_id filled in')
  t.strictSame(Object.keys(tube).sort(), [
    'description',
    'freezer_id',
    'grid_cols',
    'grid_rows',
    'id',
    'location',
    'parent_id',
    'position',
    'uuid',
  ])
  const same = await make({ description: 'Tube 2', parent_id: box.id, freezer_id: fa, position: 'A1' })
  t.equal(same.freezer_id, fa, 'a freezer_id that is the parent one is accepted')
})

t.test(
  'positions: taken is a 409 naming the holder; outside the grid, without a grid or parent, or missing is a 422',
  async (t) => {
    const box = await make({ description: 'Box 3', freezer_id: fa, grid_rows: 8, grid_cols: 12 })
    const holder = await make({ description: 'Tube 9', parent_id: box.id, position: 'A1' })
    expectProblem(
      t,
      await post({ parent_id: box.id, position: 'A1' }),
      409,
      'conflict',
      `position A1 of container ${box.id} (Box 3) is taken by container ${holder.id} (Tube 9)`,
    )
    const other = await make({ parent_id: box.id, position: 'A2' })
    expectProblem(
      t,
      await patch(other.id, { position: 'A1' }),
      409,
      'conflict',
      `position A1 of container ${box.id} (Box 3) is taken by container ${holder.id} (Tube 9)`,
      'moved onto a taken cell',
    )
    expectProblem(
      t,
      await post({ parent_id: box.id, position: 'K1' }),
      422,
      'unprocessable',
      `K1 is outside container ${box.id}'s 8×12 grid (A1–H12)`,
    )
    expectProblem(
      t,
      await post({ parent_id: box.id, position: 'A13' }),
      422,
      'unprocessable',
      `A13 is outside container ${box.id}'s 8×12 grid (A1–H12)`,
    )
    expectProblem(
      t,
      await post({ parent_id: box.id }),
      422,
      'unprocessable',
      `container ${box.id} (Box 3) has a 8×12 grid (A1–H12): a container inside it needs a position`,
    )
    expectProblem(
      t,
      await post({ freezer_id: fa, position: 'A3' }),
      422,
      'unprocessable',
      'position A3 needs a parent_id: a container that sits directly in its freezer has no position (use location)',
    )
    const bag = await make({ description: 'Bag', freezer_id: fa })
    expectProblem(
      t,
      await post({ parent_id: bag.id, position: 'A1' }),
      422,
      'unprocessable',
      `container ${bag.id} (Bag) has no grid: a container inside it has no position`,
    )
    const loose = await make({ parent_id: bag.id })
    t.equal(loose.position, null, 'a container without a grid holds others without positions')
    expectProblem(
      t,
      await post({ description: 'nowhere' }),
      422,
      'unprocessable',
      'a container needs a freezer_id or a parent_id',
    )
    expectProblem(
      t,
      await post({ parent_id: 2_000_000_000 }),
      422,
      'unprocessable',
      'parent_id 2000000000 does not name an existing container',
    )
    const bad = await post({ parent_id: box.id, position: 'a1' })
    t.equal(bad.statusCode, 400, 'a position not of the form A1 is refused by the schema')
    t.equal(
      (await sql`SELECT count(*)::int AS n FROM container WHERE parent_id = ${box.id}`)[0]?.n,
      2,
      'nothing refused was stored',
    )
  },
)

t.test('grids: rows 1–26, columns 1–99, both or neither; shrinking or removing under occupied cells is a 409', async (t) => {
  for (const [rows, cols] of [
    [0, 5],
    [27, 5],
    [5, 0],
    [5, 100],
  ]) {
    t.equal((await post({ freezer_id: fa, grid_rows: rows, grid_cols: cols })).statusCode, 400, `${rows}×${cols} refused`)
  }
  t.match(await make({ freezer_id: fa, grid_rows: 26, grid_cols: 99 }), { grid_rows: 26, grid_cols: 99 })
  const half = 'a grid needs both grid_rows and grid_cols, or neither'
  expectProblem(t, await post({ freezer_id: fa, grid_rows: 5 }), 422, 'unprocessable', half)
  expectProblem(t, await post({ freezer_id: fa, grid_cols: 5 }), 422, 'unprocessable', half)
  const box = await make({ description: 'Box 9', freezer_id: fa, grid_rows: 9, grid_cols: 9 })
  await make({ parent_id: box.id, position: 'I9' })
  await make({ parent_id: box.id, position: 'B2' })
  expectProblem(
    t,
    await patch(box.id, { grid_rows: 4, grid_cols: 4 }),
    409,
    'conflict',
    `container ${box.id} (Box 9) cannot have a 4×4 grid (A1–D4): it holds containers at I9`,
  )
  expectProblem(
    t,
    await patch(box.id, { grid_rows: null, grid_cols: null }),
    409,
    'conflict',
    `container ${box.id} (Box 9) cannot lose its grid: it holds containers at B2, I9`,
  )
  t.match((await patch(box.id, { grid_rows: 10, grid_cols: 9 })).json(), { grid_rows: 10, grid_cols: 9 }, 'growing is fine')
  const bag = await make({ description: 'Bag 2', freezer_id: fa })
  await make({ parent_id: bag.id })
  expectProblem(
    t,
    await patch(bag.id, { grid_rows: 2, grid_cols: 2 }),
    409,
    'conflict',
    `container ${bag.id} (Bag 2) cannot get a grid while it holds containers without a position: take them out first`,
  )
})

t.test('cycles: a container inside itself or inside one of its descendants is a 409', async (t) => {
  const rack = await make({ description: 'Rack', freezer_id: fa, grid_rows: 2, grid_cols: 2 })
  const box = await make({ description: 'Box R', parent_id: rack.id, position: 'A1', grid_rows: 2, grid_cols: 2 })
  const tube = await make({ parent_id: box.id, position: 'B2' })
  expectProblem(
    t,
    await patch(rack.id, { parent_id: rack.id }),
    409,
    'conflict',
    `container ${rack.id} (Rack) cannot be put inside itself`,
  )
  expectProblem(
    t,
    await patch(rack.id, { parent_id: tube.id }),
    409,
    'conflict',
    `container ${rack.id} (Rack) cannot be put inside container ${tube.id}, which it holds`,
  )
  t.strictSame(await stored(rack.id), { freezer_id: fa, parent_id: null, position: null }, 'unchanged')
})

t.test('moving a box carries its contents, at every depth, and writes a moved event for each', async (t) => {
  const rack = await make({ description: 'Rack M', freezer_id: fa, grid_rows: 2, grid_cols: 2 })
  const box = await make({ description: 'Box M', parent_id: rack.id, position: 'A2', grid_rows: 3, grid_cols: 3 })
  const tubes = [await make({ parent_id: box.id, position: 'A1' }), await make({ parent_id: box.id, position: 'C3' })]
  const moved = await patch(rack.id, { freezer_id: fb })
  t.equal(moved.statusCode, 200)
  for (const { id } of [box, ...tubes]) t.equal((await stored(id))?.freezer_id, fb, `container ${id} came along`)
  const events = await sql`SELECT container_id, action, changes, freezer_from, freezer_to, actor FROM container_event
    WHERE container_id IN ${sql([rack.id, box.id, ...tubes.map((tube) => tube.id)])} AND action = 'moved' ORDER BY id`
  t.strictSame(
    events.map((e) => [e.container_id, e.changes, e.freezer_from, e.freezer_to, e.actor]),
    [rack, box, ...tubes].map(({ id }) => [id, { freezer_id: { from: fa, to: fb } }, fa, fb, 'token:test-editor']),
    'the box first, then what it holds',
  )
  // Moving the box out of the rack into freezer A on its own.
  const out = await patch(box.id, { parent_id: null, position: null, freezer_id: fa })
  t.match(out.json(), { parent_id: null, position: null, freezer_id: fa })
  for (const { id } of tubes) t.equal((await stored(id))?.freezer_id, fa, 'the tubes follow the box')
  // Into a parent in another freezer: the freezer follows the new parent.
  const into = await patch(box.id, { parent_id: rack.id, position: 'B1' })
  t.match(into.json(), { parent_id: rack.id, position: 'B1', freezer_id: fb })
  for (const { id } of tubes) t.equal((await stored(id))?.freezer_id, fb)
})

t.test('a nested container has its parent freezer: another one given is a 422 that says how', async (t) => {
  const box = await make({ description: 'Box N', freezer_id: fa, grid_rows: 2, grid_cols: 2 })
  expectProblem(
    t,
    await post({ parent_id: box.id, position: 'A1', freezer_id: fb }),
    422,
    'unprocessable',
    `the container is inside container ${box.id} (Box N) in freezer ${fa}; to move it to freezer ${fb} on its own set parent_id to null`,
  )
  const tube = await make({ description: 'Tube N', parent_id: box.id, position: 'A1' })
  expectProblem(
    t,
    await patch(tube.id, { freezer_id: fb }),
    422,
    'unprocessable',
    `container ${tube.id} (Tube N) is inside container ${box.id} (Box N) in freezer ${fa}; to move it to freezer ${fb} on its own set parent_id to null`,
  )
  const put = await app.inject({ method: 'PUT', url: `/api/containers/${tube.id}`, payload: { description: 'Tube N2' } })
  t.match(
    put.json(),
    { description: 'Tube N2', parent_id: box.id, position: 'A1', freezer_id: fa },
    'a PUT that leaves freezer_id and the place out keeps the tube in its box',
  )
  const alone = await patch(tube.id, { parent_id: null, position: null, freezer_id: fb })
  t.match(alone.json(), { parent_id: null, freezer_id: fb })
})

t.test('deleting a container that holds others is a 409 that counts them; empty, it goes', async (t) => {
  const box = await make({ description: 'Box D', freezer_id: fa, grid_rows: 2, grid_cols: 2 })
  const tubes = [await make({ parent_id: box.id, position: 'A1' }), await make({ parent_id: box.id, position: 'A2' })]
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: `/api/containers/${box.id}` }),
    409,
    'still-referenced',
    `container ${box.id} still has 2 containers`,
  )
  t.ok(await stored(box.id), 'still there')
  for (const { id } of tubes) t.equal((await app.inject({ method: 'DELETE', url: `/api/containers/${id}` })).statusCode, 204)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/containers/${box.id}` })).statusCode, 204)
  t.equal(await stored(box.id), undefined)
})

t.test('GET /api/containers/:id/layout: every cell row by row, occupied, free and the first free', async (t) => {
  const box = await make({ description: 'Box L', freezer_id: fa, grid_rows: 2, grid_cols: 3 })
  const a1 = await make({ description: 'first', parent_id: box.id, position: 'A1' })
  const b3 = await make({ parent_id: box.id, position: 'B3' })
  const res = await app.inject(`/api/containers/${box.id}/layout`)
  t.equal(res.statusCode, 200)
  const ref = (row: Row) => ({ id: row.id, uuid: row.uuid, description: row.description })
  t.strictSame(res.json(), {
    rows: 2,
    cols: 3,
    occupied: 2,
    free: 4,
    first_free: 'A2',
    cells: [
      { position: 'A1', container: ref(a1) },
      { position: 'A2', container: null },
      { position: 'A3', container: null },
      { position: 'B1', container: null },
      { position: 'B2', container: null },
      { position: 'B3', container: ref(b3) },
    ],
  })
  const full = await make({ freezer_id: fa, grid_rows: 1, grid_cols: 1 })
  await make({ parent_id: full.id, position: 'A1' })
  t.match((await app.inject(`/api/containers/${full.id}/layout`)).json(), { occupied: 1, free: 0, first_free: null })
  const plain = await make({ freezer_id: fa })
  expectProblem(t, await app.inject(`/api/containers/${plain.id}/layout`), 409, 'conflict', `container ${plain.id} has no grid`)
  expectProblem(t, await app.inject('/api/containers/2000000000/layout'), 404, 'not-found', 'container 2000000000 does not exist')
  t.equal((await app.inject('/api/containers/0/layout')).statusCode, 400)
})

t.test('GET /api/freezers/:id/occupancy: containers at every depth and each box with capacity and occupied', async (t) => {
  const [f] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Freezer O', ${site?.id}) RETURNING id`
  const fo = f?.id as number
  const empty = await app.inject(`/api/freezers/${fo}/occupancy`)
  t.strictSame(empty.json(), { freezer_id: fo, containers: 0, levels: [], boxes: [] })
  const rack = await make({ description: 'Rack O', freezer_id: fo, grid_rows: 2, grid_cols: 2 })
  const box = await make({ parent_id: rack.id, position: 'A1', grid_rows: 9, grid_cols: 9 })
  for (const position of ['A1', 'A2', 'A3']) await make({ parent_id: box.id, position })
  await make({ freezer_id: fo, location: 'door' })
  const res = await app.inject(`/api/freezers/${fo}/occupancy`)
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), {
    freezer_id: fo,
    containers: 6,
    levels: [
      { depth: 1, containers: 2 },
      { depth: 2, containers: 1 },
      { depth: 3, containers: 3 },
    ],
    boxes: [
      {
        id: rack.id,
        uuid: rack.uuid,
        description: 'Rack O',
        parent_id: null,
        position: null,
        rows: 2,
        cols: 2,
        capacity: 4,
        occupied: 1,
      },
      {
        id: box.id,
        uuid: box.uuid,
        description: null,
        parent_id: rack.id,
        position: 'A1',
        rows: 9,
        cols: 9,
        capacity: 81,
        occupied: 3,
      },
    ],
  })
  expectProblem(t, await app.inject('/api/freezers/2000000000/occupancy'), 404, 'not-found', 'freezer 2000000000 does not exist')
})

t.test('GET /api/containers/:id/place: site › freezer › the boxes › position, as parts and as a label', async (t) => {
  const rack = await make({ description: 'Rack 7', freezer_id: fb, grid_rows: 2, grid_cols: 2 })
  const box = await make({ parent_id: rack.id, position: 'B2', grid_rows: 9, grid_cols: 9 })
  const tube = await make({ description: 'Tube 7', parent_id: box.id, position: 'C7' })
  const res = await app.inject(`/api/containers/${tube.id}/place`)
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), {
    site: { id: site?.id, name: 'Site P' },
    freezer: { id: fb, name: 'Freezer B' },
    path: [
      { id: rack.id, uuid: rack.uuid, description: 'Rack 7', position: null },
      { id: box.id, uuid: box.uuid, description: null, position: 'B2' },
    ],
    position: 'C7',
    label: `Site P › Freezer B › Rack 7 › ${(box.uuid as string).slice(0, 8)} › C7`,
  })
  t.match((await app.inject(`/api/containers/${rack.id}/place`)).json(), {
    path: [],
    position: null,
    label: 'Site P › Freezer B',
  })
  expectProblem(t, await app.inject('/api/containers/2000000000/place'), 404, 'not-found', 'container 2000000000 does not exist')
})

t.test('old clients: a container posted and read with the seed fields alone works as before', async (t) => {
  const res = await post({ description: 'Old style', freezer_id: fa })
  t.equal(res.statusCode, 201)
  const put = await app.inject({
    method: 'PUT',
    url: `/api/containers/${res.json().id}`,
    payload: { description: 'Old', freezer_id: fb },
  })
  t.match(put.json(), { description: 'Old', freezer_id: fb, parent_id: null, position: null })
})
