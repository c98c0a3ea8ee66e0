import { buildTestApp, expectInvalid, expectProblem } from '@labtrack/service-kit/testing'
import t from 'tap'
import { inventoryService } from '../../src/app.js'

// The history of every container, written by the database in the same
// transaction as the change, with who made it and in which request.

const { app, sql, headersOf } = await buildTestApp(t, [inventoryService])

const [site] = await sql`INSERT INTO site (name) VALUES ('Site H') RETURNING id`
const freezers =
  await sql`INSERT INTO freezer (name, site_id) VALUES ('Freezer 1', ${site?.id}), ('Freezer 2', ${site?.id}) RETURNING id`
const [f1, f2] = freezers.map((row) => row.id as number) as [number, number]

type Event = {
  id: number
  at: string
  actor: string
  action: string
  changes: Record<string, unknown>
  request_id: string | null
}
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, requestId?: string) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: requestId ? { 'x-request-id': requestId } : {} })
const history = async (url: string) => {
  const res = await app.inject(url)
  t.equal(res.statusCode, 200, url)
  return res.json() as Event[]
}

t.test(
  'created, updated, moved and deleted, newest first, each with its actor and request id; still there after the delete',
  async (t) => {
    const box = (
      await send('POST', '/api/containers', { description: 'Box H', freezer_id: f1, grid_rows: 9, grid_cols: 9 })
    ).json()
    const tube = (
      await send('POST', '/api/containers', { description: 'Tube H', parent_id: box.id, position: 'A1' }, 'req-create-1')
    ).json()
    await send('PATCH', `/api/containers/${tube.id}`, { description: 'Tube H, plasma' }, 'req-update-2')
    t.equal((await send('PATCH', `/api/containers/${tube.id}`, { description: 'Tube H, plasma' })).statusCode, 200)
    await send('PATCH', `/api/containers/${tube.id}`, { position: 'B3' }, 'req-move-3')
    await send('PATCH', `/api/containers/${box.id}`, { freezer_id: f2 }, 'req-move-4')
    await send('PATCH', `/api/containers/${tube.id}`, { parent_id: null, position: null, location: 'door' }, 'req-out-5')
    await send('DELETE', `/api/containers/${tube.id}`, undefined, 'req-delete-6')

    const events = await history(`/api/containers/${tube.id}/history`)
    t.strictSame(
      events.map(({ action, changes, request_id, actor }) => ({ action, changes, request_id, actor })),
      [
        {
          action: 'deleted',
          changes: {
            uuid: { from: tube.uuid, to: null },
            description: { from: 'Tube H, plasma', to: null },
            freezer_id: { from: f2, to: null },
            location: { from: 'door', to: null },
          },
          request_id: 'req-delete-6',
          actor: 'token:test-editor',
        },
        {
          action: 'moved',
          changes: {
            parent_id: { from: box.id, to: null },
            position: { from: 'B3', to: null },
            location: { from: null, to: 'door' },
          },
          request_id: 'req-out-5',
          actor: 'token:test-editor',
        },
        { action: 'moved', changes: { freezer_id: { from: f1, to: f2 } }, request_id: 'req-move-4', actor: 'token:test-editor' },
        {
          action: 'moved',
          changes: { position: { from: 'A1', to: 'B3' } },
          request_id: 'req-move-3',
          actor: 'token:test-editor',
        },
        {
          action: 'updated',
          changes: { description: { from: 'Tube H', to: 'Tube H, plasma' } },
          request_id: 'req-update-2',
          actor: 'token:test-editor',
        },
        {
          action: 'created',
          changes: {
            uuid: { from: null, to: tube.uuid },
            description: { from: null, to: 'Tube H' },
            freezer_id: { from: null, to: f1 },
            parent_id: { from: null, to: box.id },
            position: { from: null, to: 'A1' },
          },
          request_id: 'req-create-1',
          actor: 'token:test-editor',
        },
      ],
      'an update that changes nothing writes nothing',
    )
    for (const event of events) {
      t.match(event, { container_id: tube.id, container_uuid: tube.uuid })
      t.ok(!Number.isNaN(Date.parse(event.at)), 'at is a time')
    }
    t.ok(
      events.every((event, i) => i === 0 || (events[i - 1] as Event).id > event.id),
      'newest first',
    )
  },
)

t.test('paged like every list: limit, and a Link to the older events after the last one', async (t) => {
  const c = (await send('POST', '/api/containers', { description: 'v0', freezer_id: f1 })).json()
  for (let i = 1; i <= 4; i++) await send('PATCH', `/api/containers/${c.id}`, { description: `v${i}` })
  const first = await app.inject(`/api/containers/${c.id}/history?limit=2`)
  const page = first.json() as Event[]
  t.equal(page.length, 2)
  t.equal(first.headers.link, `</api/containers/${c.id}/history?limit=2&after=${page[1]?.id}>; rel="next"`)
  const rest = await app.inject(`/api/containers/${c.id}/history?limit=2&after=${page[1]?.id}`)
  const third = await app.inject(`/api/containers/${c.id}/history?limit=2&after=${(rest.json() as Event[])[1]?.id}`)
  t.strictSame(
    [...page, ...rest.json(), ...third.json()].map((e: Event) => e.changes.description),
    [4, 3, 2, 1]
      .map((n): { from: string | null; to: string } => ({ from: `v${n - 1}`, to: `v${n}` }))
      .concat([{ from: null, to: 'v0' }]),
  )
  t.equal(third.headers.link, undefined, 'no Link on the last page')
  expectInvalid(t, await app.inject(`/api/containers/${c.id}/history?limit=1001`), 'querystring', '/limit')
  expectInvalid(t, await app.inject(`/api/containers/${c.id}/history?after=0`), 'querystring', '/after')
  expectInvalid(t, await app.inject(`/api/containers/${c.id}/history?before=1`), 'querystring', '/before')
})

t.test(
  'a container that never existed is a 404; one without events (direct SQL with the trigger off) is an empty list',
  async (t) => {
    expectProblem(
      t,
      await app.inject('/api/containers/2000000000/history'),
      404,
      'not-found',
      'container 2000000000 does not exist',
    )
    expectProblem(t, await app.inject('/api/freezers/2000000000/history'), 404, 'not-found', 'freezer 2000000000 does not exist')
    const [f] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Quiet', ${site?.id}) RETURNING id`
    t.strictSame(await history(`/api/freezers/${f?.id}/history`), [])
  },
)

t.test('a change by direct SQL names the database role; the service names the token or the user', async (t) => {
  const [row] = await sql`INSERT INTO container (description, freezer_id) VALUES ('by hand', ${f1}) RETURNING id`
  const [event] = await history(`/api/containers/${row?.id}/history`)
  t.match(event, { action: 'created', request_id: null })
  t.match(event?.actor, /^sql:\w+/)
  const res = await app.inject({
    method: 'PATCH',
    url: `/api/containers/${row?.id}`,
    payload: { description: 'by admin' },
    headers: headersOf('admin'),
  })
  t.equal(res.statusCode, 200)
  const [latest] = await history(`/api/containers/${row?.id}/history`)
  t.equal(latest?.actor, 'token:test-admin')
  t.equal(latest?.request_id, res.headers['x-request-id'], "the request's own id when the caller sent none")
})

t.test('GET /api/freezers/:id/history: what entered and left the freezer', async (t) => {
  const [f] = await sql`INSERT INTO freezer (name, site_id) VALUES ('Freezer E', ${site?.id}) RETURNING id`
  const fe = f?.id as number
  const box = (await send('POST', '/api/containers', { description: 'Box E', freezer_id: fe, grid_rows: 2, grid_cols: 2 })).json()
  const tube = (await send('POST', '/api/containers', { description: 'Tube E', parent_id: box.id, position: 'A1' })).json()
  await send('PATCH', `/api/containers/${tube.id}`, { position: 'A2' })
  await send('PATCH', `/api/containers/${box.id}`, { description: 'Box E2' })
  await send('PATCH', `/api/containers/${box.id}`, { freezer_id: f1 })
  const stay = (await send('POST', '/api/containers', { description: 'Stays', freezer_id: f1 })).json()
  await send('PATCH', `/api/containers/${stay.id}`, { freezer_id: fe })
  await send('DELETE', `/api/containers/${stay.id}`)
  const events = await history(`/api/freezers/${fe}/history`)
  t.strictSame(
    events.map((e) => [e.action, (e as unknown as { container_id: number }).container_id]),
    [
      ['deleted', stay.id],
      ['moved', stay.id],
      ['moved', tube.id],
      ['moved', box.id],
      ['created', tube.id],
      ['created', box.id],
    ],
    'entered (created, moved in) and left (moved out, deleted); changes within the freezer are not listed',
  )
  const page = await app.inject(`/api/freezers/${fe}/history?limit=4`)
  t.equal(page.json().length, 4)
  t.match(page.headers.link, /after=\d+>; rel="next"$/)
})

t.test('append-only: UPDATE, DELETE and TRUNCATE of container_event are refused, even by direct SQL', async (t) => {
  await sql`INSERT INTO container (description, freezer_id) VALUES ('audited', ${f1})`
  const [{ count } = { count: 0 }] = await sql`SELECT count(*)::int AS count FROM container_event`
  const refusal = (query: Promise<unknown>) =>
    query.then(
      () => 'accepted',
      (error: { code: string; message: string }) => `${error.code} ${error.message}`,
    )
  t.equal(
    await refusal(sql`UPDATE container_event SET actor = 'someone else'`),
    'LT409 container_event is append-only: UPDATE is refused',
  )
  t.equal(await refusal(sql`DELETE FROM container_event`), 'LT409 container_event is append-only: DELETE is refused')
  t.equal(await refusal(sql`TRUNCATE container_event`), 'LT409 container_event is append-only: TRUNCATE is refused')
  t.equal((await sql`SELECT count(*)::int AS count FROM container_event`)[0]?.count, count, 'every event still there')
  t.equal((await sql`SELECT count(*)::int AS n FROM container_event WHERE actor = 'someone else'`)[0]?.n, 0)
  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    t.equal((await app.inject({ method, url: '/api/containers/1/history' })).statusCode, 404, `no ${method} route`)
  }
})

t.test('a refused write writes no event', async (t) => {
  const box = (await send('POST', '/api/containers', { description: 'Box R', freezer_id: f1, grid_rows: 1, grid_cols: 1 })).json()
  await send('POST', '/api/containers', { parent_id: box.id, position: 'A1' })
  const before = (await sql`SELECT count(*)::int AS n FROM container_event`)[0]?.n
  t.equal((await send('POST', '/api/containers', { parent_id: box.id, position: 'A1' })).statusCode, 409)
  t.equal((await send('DELETE', `/api/containers/${box.id}`)).statusCode, 409)
  t.equal((await sql`SELECT count(*)::int AS n FROM container_event`)[0]?.n, before)
})
