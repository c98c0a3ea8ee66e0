import {
  BAD_ID_VALUES,
  BAD_IDS,
  buildTestApp,
  expectInvalid,
  expectProblem,
  HOSTILE_STRINGS,
  ids,
} from '@labtrack/service-kit/testing'
import t from 'tap'
import { inventoryService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [inventoryService], { exampleData: true })

interface Container {
  id: number
  uuid: string
  description: string | null
  freezer_id: number
}

const C1: Container = {
  id: 1,
  uuid: '3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01',
  description: 'Plasma aliquots, box A',
  freezer_id: 1,
}
const C2: Container = { id: 2, uuid: '9b2e4d7a-1c3f-4e8b-a6d5-2f7c8e9a0b12', description: 'Serum, batch 2026-03', freezer_id: 1 }
const C3: Container = { id: 3, uuid: 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e23', description: 'DNA extracts', freezer_id: 2 }

const GENERATED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

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
  5,
  true,
  ['3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01'],
]

/** A freezer of its own for each test that adds containers, so the example rows stay as they are. */
async function freezer(name = 'test freezer') {
  const [row] = await sql`INSERT INTO freezer (name, site_id) VALUES (${name}, 2) RETURNING id`
  return row?.id as number
}

async function create(payload: Partial<Container>) {
  const res = await app.inject({ method: 'POST', url: '/api/containers', payload })
  if (res.statusCode !== 201) throw new Error(`could not create a container: ${res.body}`)
  return res.json() as Container
}

async function row(id: number) {
  const [found] = await sql`SELECT id, uuid, description, freezer_id FROM container WHERE id = ${id}`
  return found ? { ...found } : undefined
}

const containerCount = async () => (await sql`SELECT count(*)::int AS n FROM container`)[0]?.n as number

t.test('GET /api/containers lists the example containers in id order', async (t) => {
  const res = await app.inject('/api/containers')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.strictSame(res.json(), [C1, C2, C3])
  t.equal(res.headers.link, undefined)
})

t.test('GET /api/containers filters by freezer_id and by uuid', async (t) => {
  t.strictSame((await app.inject('/api/containers?freezer_id=1')).json(), [C1, C2])
  t.strictSame((await app.inject('/api/containers?freezer_id=2')).json(), [C3])
  const none = await app.inject('/api/containers?freezer_id=2147483647')
  t.equal(none.statusCode, 200, 'a freezer that does not exist is no error')
  t.strictSame(none.json(), [])

  t.strictSame((await app.inject(`/api/containers?uuid=${C2.uuid}`)).json(), [C2])
  t.strictSame(
    (await app.inject(`/api/containers?uuid=${C2.uuid.toUpperCase()}`)).json(),
    [C2],
    'uuids compare case-insensitively',
  )
  t.strictSame((await app.inject(`/api/containers?uuid=${C3.uuid}&freezer_id=2`)).json(), [C3], 'both filters')
  t.strictSame((await app.inject(`/api/containers?uuid=${C3.uuid}&freezer_id=1`)).json(), [], 'both filters must hold')
  const unknown = await app.inject('/api/containers?uuid=00000000-0000-4000-8000-000000000000')
  t.equal(unknown.statusCode, 200)
  t.strictSame(unknown.json(), [])
})

t.test('GET /api/containers refuses bad filters', async (t) => {
  for (const value of ['0', '-1', '2147483648', '99999999999999999999', 'abc', '1.5', '']) {
    expectInvalid(t, await app.inject(`/api/containers?freezer_id=${value}`), 'querystring', '/freezer_id', `freezer_id=${value}`)
  }
  for (const value of BAD_UUIDS.filter((v): v is string => typeof v === 'string' && v !== '')) {
    const res = await app.inject(`/api/containers?uuid=${encodeURIComponent(value)}`)
    expectInvalid(t, res, 'querystring', '/uuid', `uuid=${value}`)
  }
})

t.test('GET /api/containers pages with limit and offset, keeping filters in the Link', async (t) => {
  const first = await app.inject('/api/containers?freezer_id=1&limit=1')
  t.strictSame(first.json(), [C1])
  t.equal(first.headers.link, '</api/containers?freezer_id=1&limit=1&offset=1>; rel="next"')
  const last = await app.inject('/api/containers?freezer_id=1&limit=1&offset=1')
  t.strictSame(last.json(), [C2])
  t.equal(last.headers.link, undefined, 'no Link on the last page')

  const all = await app.inject('/api/containers?limit=2')
  t.strictSame(ids(all), [1, 2])
  t.equal(all.headers.link, '</api/containers?limit=2&offset=2>; rel="next"')
  const rest = await app.inject('/api/containers?limit=2&offset=2')
  t.strictSame(ids(rest), [3])
  t.equal(rest.headers.link, undefined)

  t.strictSame((await app.inject('/api/containers?offset=3')).json(), [])
  t.equal((await app.inject('/api/containers?limit=1000&offset=2147483647')).statusCode, 200)
  for (const query of ['limit=0', 'limit=1001', 'limit=-5', 'limit=x']) {
    expectInvalid(t, await app.inject(`/api/containers?${query}`), 'querystring', '/limit', query)
  }
  for (const query of ['offset=-1', 'offset=2147483648', 'offset=0.5']) {
    expectInvalid(t, await app.inject(`/api/containers?${query}`), 'querystring', '/offset', query)
  }
})

t.test('GET /api/containers returns 100 rows by default', async (t) => {
  const id = await freezer('bulk')
  await sql`INSERT INTO container (description, freezer_id) SELECT 'bulk ' || n, ${id} FROM generate_series(1, 150) AS n`
  const first = await app.inject(`/api/containers?freezer_id=${id}`)
  t.equal(first.json().length, 100)
  t.equal(first.headers.link, `</api/containers?freezer_id=${id}&limit=100&offset=100>; rel="next"`)
  const second = await app.inject(`/api/containers?freezer_id=${id}&limit=100&offset=100`)
  t.equal(second.json().length, 50)
  t.equal(second.json()[49].description, 'bulk 150')
  t.equal(second.headers.link, undefined)
  await sql`DELETE FROM container WHERE freezer_id = ${id}`
})

t.test('GET /api/containers/:id', async (t) => {
  const res = await app.inject('/api/containers/3')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), C3)
  t.strictSame((await app.inject('/api/containers/999')).json(), {
    type: 'urn:labtrack:problem:not-found',
    title: 'Not Found',
    status: 404,
    detail: 'container 999 does not exist',
  })
  expectProblem(t, await app.inject('/api/containers/2147483647'), 404, 'not-found', 'container 2147483647 does not exist')
  for (const id of BAD_IDS) expectInvalid(t, await app.inject(`/api/containers/${id}`), 'params', '/id', `id ${id}`)
})

t.test('POST /api/containers creates a container, generating a uuid when none is given', async (t) => {
  const home = await freezer()
  const before = await containerCount()
  const res = await app.inject({ method: 'POST', url: '/api/containers', payload: { freezer_id: home } })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  const container = res.json()
  t.equal(res.headers.location, `/api/containers/${container.id}`)
  t.match(container.uuid, GENERATED_UUID)
  t.strictSame(container, { id: container.id, uuid: container.uuid, description: null, freezer_id: home })
  t.strictSame(await row(container.id), container, 'stored')
  t.equal(await containerCount(), before + 1)
  t.strictSame((await app.inject(res.headers.location as string)).json(), container, 'the Location answers with it')

  const other = await create({ freezer_id: home })
  t.not(other.uuid, container.uuid, 'each generated uuid is new')

  const given = await app.inject({
    method: 'POST',
    url: '/api/containers',
    payload: { uuid: '0b9d2f5e-2c8a-4f1e-9d3b-7a6c5e4d3c21', description: 'Buffy coat', freezer_id: home },
  })
  t.equal(given.statusCode, 201)
  t.strictSame(given.json(), {
    id: given.json().id,
    uuid: '0b9d2f5e-2c8a-4f1e-9d3b-7a6c5e4d3c21',
    description: 'Buffy coat',
    freezer_id: home,
  })
  t.strictSame(await row(given.json().id), given.json())

  const upper = await create({ uuid: 'ABCDEF01-2345-4678-9ABC-DEF012345678', freezer_id: home })
  t.equal(upper.uuid, 'abcdef01-2345-4678-9abc-def012345678', 'an upper-case uuid comes back in lower case')

  const explicitNull = await create({ description: null, freezer_id: home })
  t.equal(explicitNull.description, null)
  const empty = await create({ description: '', freezer_id: home })
  t.equal(empty.description, '', 'an empty description is kept, not turned into null')
  t.equal((await row(empty.id))?.description, '')
  const long = await create({ description: 'd'.repeat(2000), freezer_id: home })
  t.equal(long.description?.length, 2000, 'the longest description')
})

t.test('POST /api/containers with a uuid already taken is a 409, whatever its case', async (t) => {
  const home = await freezer()
  const before = await containerCount()
  const res = await app.inject({ method: 'POST', url: '/api/containers', payload: { uuid: C1.uuid, freezer_id: home } })
  t.strictSame(res.json(), {
    type: 'urn:labtrack:problem:conflict',
    title: 'Conflict',
    status: 409,
    detail: 'a container with this uuid already exists',
  })
  expectProblem(t, res, 409, 'conflict', 'a container with this uuid already exists')
  const upper = await app.inject({
    method: 'POST',
    url: '/api/containers',
    payload: { uuid: C1.uuid.toUpperCase(), freezer_id: home },
  })
  expectProblem(t, upper, 409, 'conflict', 'a container with this uuid already exists', 'upper-case spelling')
  t.equal(await containerCount(), before, 'nothing stored')
  t.strictSame(await row(1), C1, 'the holder of the uuid is untouched')
})

t.test('POST /api/containers with a freezer that does not exist is a 422', async (t) => {
  const before = await containerCount()
  for (const freezer_id of [999, 2147483647]) {
    const res = await app.inject({ method: 'POST', url: '/api/containers', payload: { description: 'lost', freezer_id } })
    t.strictSame(res.json(), {
      type: 'urn:labtrack:problem:unknown-parent',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'freezer_id does not name an existing row',
    })
    expectProblem(t, res, 422, 'unknown-parent', 'freezer_id does not name an existing row')
  }
  t.equal(await containerCount(), before, 'nothing stored')
})

t.test('POST /api/containers validation', async (t) => {
  const before = await containerCount()
  const many = await app.inject({
    method: 'POST',
    url: '/api/containers',
    payload: { freezer_id: '1', uuid: 'x', description: 5, box: 'A' },
  })
  const body = expectInvalid(t, many, 'body', '/freezer_id')
  const pointers = [...new Set((body.errors ?? []).map((e) => e.pointer))].sort()
  t.strictSame(pointers, ['/box', '/description', '/freezer_id', '/uuid'], 'every invalid field is named')

  const cases: [string, unknown, string][] = [
    ['missing freezer_id', { description: 'x' }, '/freezer_id'],
    ['empty body', {}, '/freezer_id'],
    ['description a number', { description: 5, freezer_id: 1 }, '/description'],
    ['description an object', { description: { text: 'x' }, freezer_id: 1 }, '/description'],
    ['description with NUL', { description: 'a\u0000b', freezer_id: 1 }, '/description'],
    ['description too long', { description: 'd'.repeat(2001), freezer_id: 1 }, '/description'],
    ['uuid null', { uuid: null, freezer_id: 1 }, '/uuid'],
    ['id in body', { id: 9, freezer_id: 1 }, '/id'],
    ['unknown field', { freezer_id: 1, site_id: 1 }, '/site_id'],
    ['array body', [{ freezer_id: 1 }], '/'],
  ]
  for (const value of BAD_ID_VALUES) cases.push([`freezer_id ${JSON.stringify(value)}`, { freezer_id: value }, '/freezer_id'])
  for (const value of BAD_UUIDS) cases.push([`uuid ${JSON.stringify(value)}`, { uuid: value, freezer_id: 1 }, '/uuid'])
  for (const [what, payload, pointer] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/containers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })
    expectInvalid(t, res, 'body', pointer, what)
  }
  const nul = await app.inject({ method: 'POST', url: '/api/containers', payload: { description: 'a\u0000', freezer_id: 1 } })
  t.equal(nul.json().errors[0].detail, 'must not contain NUL or invalid characters')
  t.equal(await containerCount(), before, 'nothing stored')
})

t.test('a urn:uuid: spelling is a validation error naming /uuid', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/containers',
    payload: { uuid: 'urn:uuid:0b9d2f5e-2c8a-4f1e-9d3b-7a6c5e4d3c99', freezer_id: 1 },
  })
  expectInvalid(t, res, 'body', '/uuid')
  const list = await app.inject('/api/containers?uuid=urn:uuid:3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01')
  expectInvalid(t, list, 'querystring', '/uuid')
})

t.test('a urn:uuid: spelling is refused with a 400 and nothing is stored', async (t) => {
  const before = await containerCount()
  const res = await app.inject({
    method: 'POST',
    url: '/api/containers',
    payload: { uuid: 'urn:uuid:0b9d2f5e-2c8a-4f1e-9d3b-7a6c5e4d3c99', freezer_id: 1 },
  })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(await containerCount(), before)
  const patch = await app.inject({
    method: 'PATCH',
    url: '/api/containers/1',
    payload: { uuid: 'urn:uuid:0b9d2f5e-2c8a-4f1e-9d3b-7a6c5e4d3c99' },
  })
  t.equal(patch.statusCode, 400)
  t.strictSame(await row(1), C1)
  const list = await app.inject('/api/containers?uuid=urn:uuid:3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01')
  t.equal(list.statusCode, 400)
})

t.test('a lone UTF-16 surrogate in a description is a validation error on POST, PUT and PATCH alike', async (t) => {
  const body = (fields: string) => ({ headers: { 'content-type': 'application/json' }, payload: `{${fields}}` })
  const post = await app.inject({ method: 'POST', url: '/api/containers', ...body('"description":"a\\ud800b","freezer_id":1') })
  expectInvalid(t, post, 'body', '/description', 'POST')
  const put = await app.inject({ method: 'PUT', url: '/api/containers/2', ...body('"description":"a\\ud800b","freezer_id":1') })
  expectInvalid(t, put, 'body', '/description', 'PUT')
  const patch = await app.inject({ method: 'PATCH', url: '/api/containers/2', ...body('"description":"a\\ud800b"') })
  expectInvalid(t, patch, 'body', '/description', 'PATCH')
  t.strictSame(await row(2), C2, 'unchanged')
})

t.test('POST /api/containers: malformed JSON, other media types, huge bodies', async (t) => {
  const before = await containerCount()
  const post = (type: string, payload: string) =>
    app.inject({ method: 'POST', url: '/api/containers', headers: { 'content-type': type }, payload })
  expectProblem(t, await post('application/json', '{"freezer_id": 1'), 400, 'bad-request', undefined, 'malformed')
  expectInvalid(t, await post('application/json', ''), 'body', '/', 'an empty body is no body')
  for (const type of ['text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
    expectProblem(t, await post(type, 'freezer_id=1'), 415, 'unsupported-media-type', undefined, type)
  }
  const huge = await post('application/json', JSON.stringify({ description: 'd'.repeat(1024 * 1024), freezer_id: 1 }))
  expectProblem(t, huge, 413, 'payload-too-large')
  const hugePatch = await app.inject({
    method: 'PATCH',
    url: '/api/containers/1',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ description: 'd'.repeat(1024 * 1024 + 1) }),
  })
  expectProblem(t, hugePatch, 413, 'payload-too-large', undefined, 'PATCH')
  t.equal(await containerCount(), before, 'nothing stored')
  t.strictSame(await row(1), C1, 'nothing changed')
})

t.test('container descriptions keep hostile strings literally', async (t) => {
  const home = await freezer()
  const target = await create({ freezer_id: home })
  for (const description of HOSTILE_STRINGS) {
    const res = await app.inject({ method: 'POST', url: '/api/containers', payload: { description, freezer_id: home } })
    t.equal(res.statusCode, 201, description)
    t.equal(res.json().description, description)
    t.equal((await row(res.json().id))?.description, description, 'stored as sent')
    t.equal((await app.inject(`/api/containers/${res.json().id}`)).json().description, description, 'read back as sent')

    const put = await app.inject({
      method: 'PUT',
      url: `/api/containers/${target.id}`,
      payload: { description, freezer_id: home },
    })
    t.equal(put.json().description, description, `PUT ${description}`)
    const patched = `${description}?`
    const patch = await app.inject({ method: 'PATCH', url: `/api/containers/${target.id}`, payload: { description: patched } })
    t.equal(patch.json().description, patched, `PATCH ${description}`)
    t.equal((await row(target.id))?.description, patched)
  }
  t.equal((await sql`SELECT count(*)::int AS n FROM freezer`)[0]?.n > 0, true, 'the freezer table is still there')
})

t.test('PUT /api/containers/:id replaces: description left out becomes null, uuid left out is kept', async (t) => {
  const home = await freezer()
  const away = await freezer('away')
  const container = await create({ description: 'old', freezer_id: home })

  const res = await app.inject({ method: 'PUT', url: `/api/containers/${container.id}`, payload: { freezer_id: away } })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { id: container.id, uuid: container.uuid, description: null, freezer_id: away })
  t.strictSame(await row(container.id), { id: container.id, uuid: container.uuid, description: null, freezer_id: away })

  const relabel = await app.inject({
    method: 'PUT',
    url: `/api/containers/${container.id}`,
    payload: { uuid: 'e1e2e3e4-f5f6-4a7b-8c9d-0e1f2a3b4c5d', description: 'new label', freezer_id: home },
  })
  t.strictSame(relabel.json(), {
    id: container.id,
    uuid: 'e1e2e3e4-f5f6-4a7b-8c9d-0e1f2a3b4c5d',
    description: 'new label',
    freezer_id: home,
  })
  t.strictSame(await row(container.id), relabel.json())

  const ownUuid = await app.inject({
    method: 'PUT',
    url: `/api/containers/${container.id}`,
    payload: { uuid: 'e1e2e3e4-f5f6-4a7b-8c9d-0e1f2a3b4c5d', description: null, freezer_id: home },
  })
  t.equal(ownUuid.statusCode, 200, 'its own uuid is no conflict')
  t.equal(ownUuid.json().description, null)

  expectProblem(
    t,
    await app.inject({ method: 'PUT', url: '/api/containers/999', payload: { freezer_id: home } }),
    404,
    'not-found',
    'container 999 does not exist',
  )
  t.equal((await sql`SELECT 1 FROM container WHERE id = 999`).length, 0, 'PUT does not create')
})

t.test('PUT /api/containers/:id: 400, 409 and 422 leave the row alone', async (t) => {
  const home = await freezer()
  const container = await create({ description: 'steady', freezer_id: home })
  const put = (payload: unknown, id: number | string = container.id) =>
    app.inject({
      method: 'PUT',
      url: `/api/containers/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })

  expectInvalid(t, await put({ description: 'no freezer' }), 'body', '/freezer_id', 'PUT needs freezer_id')
  expectInvalid(t, await put({ freezer_id: String(home) }), 'body', '/freezer_id', 'no coercion')
  expectInvalid(t, await put({ uuid: 'nope', freezer_id: home }), 'body', '/uuid')
  expectInvalid(t, await put({ freezer_id: home, id: 1 }), 'body', '/id')
  for (const id of BAD_IDS) expectInvalid(t, await put({ freezer_id: home }, id), 'params', '/id', `id ${id}`)

  for (const uuid of [C2.uuid, C2.uuid.toUpperCase()]) {
    expectProblem(t, await put({ uuid, freezer_id: home }), 409, 'conflict', 'a container with this uuid already exists', uuid)
  }
  for (const freezer_id of [999, 2147483647]) {
    expectProblem(t, await put({ freezer_id }), 422, 'unknown-parent', 'freezer_id does not name an existing row')
  }
  t.strictSame(await row(container.id), container, 'unchanged')
  t.strictSame(await row(2), C2, 'the holder of the uuid is untouched')
})

t.test('PATCH /api/containers/:id changes only the named fields; null clears the description', async (t) => {
  const home = await freezer()
  const container = await create({ description: 'patch me', freezer_id: home })
  const patch = (payload: unknown, id: number | string = container.id) =>
    app.inject({ method: 'PATCH', url: `/api/containers/${id}`, payload: payload as object })

  const described = await patch({ description: 'described' })
  t.equal(described.statusCode, 200)
  t.strictSame(described.json(), { ...container, description: 'described' })
  t.strictSame(await row(container.id), { ...container, description: 'described' })

  const cleared = await patch({ description: null })
  t.strictSame(cleared.json(), { ...container, description: null }, 'null clears the description')
  t.strictSame(await row(container.id), { ...container, description: null })

  const relabel = await patch({ uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' })
  t.strictSame(relabel.json(), { ...container, description: null, uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' })
  t.strictSame(await row(container.id), relabel.json())

  const same = await patch({ uuid: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE' })
  t.equal(same.statusCode, 200, 'its own uuid in another case is no conflict')
  t.equal(same.json().uuid, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee')

  expectProblem(t, await patch({ description: 'x' }, 999), 404, 'not-found', 'container 999 does not exist')
})

t.test('PATCH /api/containers/:id refuses bad patches, taken uuids and unknown freezers', async (t) => {
  const home = await freezer()
  const container = await create({ description: 'steady', freezer_id: home })
  const patch = (payload: unknown, id: number | string = container.id) =>
    app.inject({
      method: 'PATCH',
      url: `/api/containers/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })

  expectInvalid(t, await patch({}), 'body', '/', 'an empty patch is a mistake')
  expectInvalid(t, await patch({ uuid: null }), 'body', '/uuid', 'the uuid cannot be cleared')
  expectInvalid(t, await patch({ freezer_id: null }), 'body', '/freezer_id', 'freezer_id cannot be cleared')
  expectInvalid(t, await patch({ description: 7 }), 'body', '/description')
  expectInvalid(t, await patch({ shelf: 2 }), 'body', '/shelf', 'unknown field')
  expectInvalid(t, await patch({ id: 1 }), 'body', '/id', 'id cannot be patched')
  for (const value of BAD_ID_VALUES.filter((v) => v !== null)) {
    expectInvalid(t, await patch({ freezer_id: value }), 'body', '/freezer_id', `freezer_id ${JSON.stringify(value)}`)
  }
  for (const value of BAD_UUIDS) expectInvalid(t, await patch({ uuid: value }), 'body', '/uuid', `uuid ${JSON.stringify(value)}`)
  for (const id of BAD_IDS) expectInvalid(t, await patch({ description: 'x' }, id), 'params', '/id', `id ${id}`)

  for (const uuid of [C3.uuid, C3.uuid.toUpperCase()]) {
    expectProblem(t, await patch({ uuid }), 409, 'conflict', 'a container with this uuid already exists', uuid)
  }
  for (const freezer_id of [999, 2147483647]) {
    expectProblem(t, await patch({ freezer_id }), 422, 'unknown-parent', 'freezer_id does not name an existing row')
  }
  expectProblem(t, await patch({ description: 'and a bad freezer', freezer_id: 999 }), 422, 'unknown-parent')
  expectProblem(
    t,
    await app.inject({
      method: 'PATCH',
      url: `/api/containers/${container.id}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    }),
    415,
    'unsupported-media-type',
  )
  t.strictSame(await row(container.id), container, 'unchanged')
  t.strictSame(await row(3), C3, 'the holder of the uuid is untouched')
})

t.test('DELETE /api/containers/:id', async (t) => {
  const home = await freezer()
  const container = await create({ description: 'gone', freezer_id: home })
  const res = await app.inject({ method: 'DELETE', url: `/api/containers/${container.id}` })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.equal(await row(container.id), undefined, 'the row is gone')
  expectProblem(
    t,
    await app.inject(`/api/containers/${container.id}`),
    404,
    'not-found',
    `container ${container.id} does not exist`,
  )
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: `/api/containers/${container.id}` }),
    404,
    'not-found',
    `container ${container.id} does not exist`,
    'a second delete',
  )
  for (const id of BAD_IDS)
    expectInvalid(t, await app.inject({ method: 'DELETE', url: `/api/containers/${id}` }), 'params', '/id', `id ${id}`)

  const again = await create({ uuid: container.uuid, freezer_id: home })
  t.equal(again.uuid, container.uuid, 'the uuid of a deleted container can be used again')
})

t.test('moving containers with PATCH freezer_id, then deleting the emptied freezer', async (t) => {
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: '/api/freezers/2' }),
    409,
    'still-referenced',
    'freezer 2 still has 1 container',
  )

  const moved = await app.inject({ method: 'PATCH', url: '/api/containers/3', payload: { freezer_id: 1 } })
  t.equal(moved.statusCode, 200)
  t.strictSame(moved.json(), { ...C3, freezer_id: 1 }, 'only the freezer changed')
  t.strictSame(await row(3), { ...C3, freezer_id: 1 }, 'moved in the database')
  t.strictSame((await app.inject('/api/containers?freezer_id=2')).json(), [], 'the old freezer no longer lists it')
  t.strictSame(ids(await app.inject('/api/containers?freezer_id=1')), [1, 2, 3], 'the new freezer does')

  const emptied = await app.inject({ method: 'DELETE', url: '/api/freezers/2' })
  t.equal(emptied.statusCode, 204, 'an emptied freezer can be deleted')
  t.equal((await sql`SELECT 1 FROM freezer WHERE id = 2`).length, 0)
  t.strictSame(await row(3), { ...C3, freezer_id: 1 }, 'its former container is safe')

  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: '/api/freezers/1' }),
    409,
    'still-referenced',
    'freezer 1 still has 3 containers',
  )
  expectProblem(
    t,
    await app.inject({ method: 'PATCH', url: '/api/containers/1', payload: { freezer_id: 2 } }),
    422,
    'unknown-parent',
    'freezer_id does not name an existing row',
    'no moving into the deleted freezer',
  )

  for (const id of [1, 2, 3]) {
    t.equal((await app.inject({ method: 'DELETE', url: `/api/containers/${id}` })).statusCode, 204, `container ${id} deleted`)
  }
  t.equal((await app.inject({ method: 'DELETE', url: '/api/freezers/1' })).statusCode, 204, 'and freezer 1 once empty')
  t.equal((await sql`SELECT 1 FROM freezer WHERE id = 1`).length, 0)
})
