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

const FREEZER_1 = { id: 1, name: '-20C', site_id: 1 }
const FREEZER_2 = { id: 2, name: '-40C', site_id: 1 }

async function create(payload: { name: string; site_id: number }) {
  const res = await app.inject({ method: 'POST', url: '/api/freezers', payload })
  if (res.statusCode !== 201) throw new Error(`could not create a freezer: ${res.body}`)
  return res.json() as { id: number; name: string; site_id: number }
}

async function row(id: number) {
  const [found] = await sql`SELECT id, name, site_id FROM freezer WHERE id = ${id}`
  return found ? { ...found } : undefined
}

const freezerCount = async () => (await sql`SELECT count(*)::int AS n FROM freezer`)[0]?.n as number

t.test('GET /api/freezers lists the example freezers in id order', async (t) => {
  const res = await app.inject('/api/freezers')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.strictSame(res.json(), [FREEZER_1, FREEZER_2])
  t.equal(res.headers.link, undefined, 'no next page when everything fits')
})

t.test('GET /api/freezers?site_id= keeps one site', async (t) => {
  const other = await create({ name: 'at site 2', site_id: 2 })
  const site1 = await app.inject('/api/freezers?site_id=1')
  t.equal(site1.statusCode, 200)
  t.strictSame(site1.json(), [FREEZER_1, FREEZER_2])
  const site2 = await app.inject('/api/freezers?site_id=2')
  t.strictSame(site2.json(), [other])
  const site3 = await app.inject('/api/freezers?site_id=3')
  t.strictSame(site3.json(), [], 'a site without freezers has an empty list')
  const missing = await app.inject('/api/freezers?site_id=2147483647')
  t.equal(missing.statusCode, 200, 'a filter on a site that does not exist is no error')
  t.strictSame(missing.json(), [])
  const all = await app.inject('/api/freezers')
  t.strictSame(ids(all), [1, 2, other.id], 'without the filter every site is listed')
  t.strictSame(ids(await app.inject('/api/freezers?site_id=1&colour=blue')), [1, 2], 'unknown query parameters are ignored')
})

t.test('GET /api/freezers refuses a bad site_id filter', async (t) => {
  for (const value of ['0', '-1', '2147483648', '99999999999999999999', 'abc', '1.5', '', '1&site_id=2']) {
    const res = await app.inject(`/api/freezers?site_id=${value}`)
    expectInvalid(t, res, 'querystring', '/site_id', `site_id=${value}`)
  }
})

t.test('GET /api/freezers pages with limit and offset, keeping the filter in the Link', async (t) => {
  const first = await app.inject('/api/freezers?site_id=1&limit=1')
  t.equal(first.statusCode, 200)
  t.strictSame(first.json(), [FREEZER_1])
  t.equal(first.headers.link, '</api/freezers?site_id=1&limit=1&offset=1>; rel="next"')

  const last = await app.inject('/api/freezers?site_id=1&limit=1&offset=1')
  t.strictSame(last.json(), [FREEZER_2])
  t.equal(last.headers.link, undefined, 'no Link on the last page')

  const exact = await app.inject('/api/freezers?site_id=1&limit=2')
  t.strictSame(ids(exact), [1, 2])
  t.equal(exact.headers.link, undefined, 'a page that ends exactly at the last row has no Link')

  const past = await app.inject('/api/freezers?offset=1000')
  t.strictSame(past.json(), [])
  t.equal(past.headers.link, undefined)

  const largest = await app.inject('/api/freezers?limit=1000&offset=2147483647')
  t.equal(largest.statusCode, 200, 'limit 1000 and the largest offset are allowed')
  t.strictSame(largest.json(), [])
})

t.test('GET /api/freezers refuses paging out of bounds', async (t) => {
  const cases: [string, string][] = [
    ['limit=0', '/limit'],
    ['limit=1001', '/limit'],
    ['limit=-1', '/limit'],
    ['limit=abc', '/limit'],
    ['limit=1.5', '/limit'],
    ['offset=-1', '/offset'],
    ['offset=1.5', '/offset'],
    ['offset=abc', '/offset'],
    ['offset=2147483648', '/offset'],
  ]
  for (const [query, pointer] of cases) {
    expectInvalid(t, await app.inject(`/api/freezers?${query}`), 'querystring', pointer, query)
  }
})

t.test('GET /api/freezers returns 100 rows by default', async (t) => {
  await sql`INSERT INTO freezer (name, site_id) SELECT 'bulk ' || n, 3 FROM generate_series(1, 101) AS n`
  const first = await app.inject('/api/freezers?site_id=3')
  t.equal(first.json().length, 100)
  t.equal(first.json()[0].name, 'bulk 1')
  t.equal(first.headers.link, '</api/freezers?site_id=3&limit=100&offset=100>; rel="next"')
  const second = await app.inject('/api/freezers?site_id=3&limit=100&offset=100')
  t.strictSame(
    second.json().map((f: { name: string }) => f.name),
    ['bulk 101'],
  )
  t.equal(second.headers.link, undefined)
  const ordered = ids(await app.inject('/api/freezers?limit=1000'))
  t.strictSame(
    ordered,
    [...ordered].sort((a, b) => a - b),
    'id order',
  )
  await sql`DELETE FROM freezer WHERE site_id = 3`
})

t.test('GET /api/freezers/:id', async (t) => {
  const res = await app.inject('/api/freezers/2')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.strictSame(res.json(), FREEZER_2)

  const missing = await app.inject('/api/freezers/999')
  t.strictSame(missing.json(), {
    type: 'urn:labtrack:problem:not-found',
    title: 'Not Found',
    status: 404,
    detail: 'freezer 999 does not exist',
  })
  expectProblem(t, missing, 404, 'not-found', 'freezer 999 does not exist')
  expectProblem(t, await app.inject('/api/freezers/2147483647'), 404, 'not-found', 'freezer 2147483647 does not exist')

  for (const id of BAD_IDS) {
    expectInvalid(t, await app.inject(`/api/freezers/${id}`), 'params', '/id', `id ${id}`)
  }
})

t.test('POST /api/freezers creates a freezer: 201, Location, row stored', async (t) => {
  const before = await freezerCount()
  const res = await app.inject({ method: 'POST', url: '/api/freezers', payload: { name: '-80C', site_id: 2 } })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  const freezer = res.json()
  t.type(freezer.id, 'number')
  t.ok(freezer.id > 2, 'a new id after the example rows')
  t.strictSame(freezer, { id: freezer.id, name: '-80C', site_id: 2 })
  t.equal(res.headers.location, `/api/freezers/${freezer.id}`)
  t.strictSame(await row(freezer.id), { id: freezer.id, name: '-80C', site_id: 2 })
  t.equal(await freezerCount(), before + 1)

  const located = await app.inject(res.headers.location as string)
  t.strictSame(located.json(), freezer, 'the Location answers with the freezer')

  const twin = await app.inject({ method: 'POST', url: '/api/freezers', payload: { name: '-80C', site_id: 2 } })
  t.equal(twin.statusCode, 201, 'freezer names need not be unique')
  t.not(twin.json().id, freezer.id)
})

t.test('POST /api/freezers with a site that does not exist is a 422', async (t) => {
  const before = await freezerCount()
  for (const site_id of [999, 2147483647]) {
    const res = await app.inject({ method: 'POST', url: '/api/freezers', payload: { name: 'orphan', site_id } })
    t.strictSame(res.json(), {
      type: 'urn:labtrack:problem:unknown-parent',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'site_id does not name an existing row',
    })
    expectProblem(t, res, 422, 'unknown-parent', 'site_id does not name an existing row')
  }
  t.equal(await freezerCount(), before, 'nothing stored')
})

t.test('POST /api/freezers validation names every invalid field', async (t) => {
  const before = await freezerCount()
  const res = await app.inject({ method: 'POST', url: '/api/freezers', payload: { name: '', site_id: '1', colour: 'blue' } })
  const body = expectInvalid(t, res, 'body', '/name')
  const pointers = (body.errors ?? []).map((e) => e.pointer)
  t.ok(pointers.includes('/site_id'), 'a string site_id is not coerced')
  t.ok(pointers.includes('/colour'), 'unknown field')
  t.equal(body.errors?.find((e) => e.pointer === '/colour')?.detail, 'is not a known field')

  const cases: [string, unknown, string][] = [
    ['missing name', { site_id: 1 }, '/name'],
    ['missing site_id', { name: 'x' }, '/site_id'],
    ['empty name', { name: '', site_id: 1 }, '/name'],
    ['blank name', { name: '   ', site_id: 1 }, '/name'],
    ['tab and newline name', { name: '\t\n', site_id: 1 }, '/name'],
    ['NUL in name', { name: 'a\u0000b', site_id: 1 }, '/name'],
    ['name too long', { name: 'x'.repeat(201), site_id: 1 }, '/name'],
    ['number name', { name: 42, site_id: 1 }, '/name'],
    ['null name', { name: null, site_id: 1 }, '/name'],
    ['array name', { name: ['x'], site_id: 1 }, '/name'],
    ['id in body', { id: 50, name: 'x', site_id: 1 }, '/id'],
    ['unknown field', { name: 'x', site_id: 1, temperature: -20 }, '/temperature'],
    ['array body', [{ name: 'x', site_id: 1 }], '/'],
    ['string body', 'a freezer', '/'],
    ['number body', 7, '/'],
  ]
  for (const value of BAD_ID_VALUES) cases.push([`site_id ${JSON.stringify(value)}`, { name: 'x', site_id: value }, '/site_id'])
  for (const [what, payload, pointer] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/freezers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })
    expectInvalid(t, res, 'body', pointer, what)
  }
  const blank = await app.inject({ method: 'POST', url: '/api/freezers', payload: { name: '  ', site_id: 1 } })
  t.equal(blank.json().errors[0].detail, 'must not be blank or contain NUL or invalid characters')
  t.equal(await freezerCount(), before, 'nothing stored')
})

t.test('POST /api/freezers: malformed JSON, other media types, empty and huge bodies', async (t) => {
  const before = await freezerCount()
  const post = (headers: Record<string, string>, payload?: string) =>
    app.inject({ method: 'POST', url: '/api/freezers', headers, ...(payload === undefined ? {} : { payload }) })

  expectProblem(t, await post({ 'content-type': 'application/json' }, '{"name": '), 400, 'bad-request', undefined, 'malformed')
  expectInvalid(t, await post({ 'content-type': 'application/json' }, ''), 'body', '/', 'an empty body is no body')
  t.equal((await post({})).statusCode, 400, 'no body at all')
  const proto = await post({ 'content-type': 'application/json' }, '{"name":"x","site_id":1,"__proto__":{"admin":true}}')
  t.equal(proto.statusCode, 400, 'prototype poisoning is refused')

  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
    const res = await post({ 'content-type': type }, 'name=x&site_id=1')
    expectProblem(t, res, 415, 'unsupported-media-type', undefined, type)
  }

  const huge = await post({ 'content-type': 'application/json' }, JSON.stringify({ name: 'x'.repeat(1024 * 1024), site_id: 1 }))
  expectProblem(t, huge, 413, 'payload-too-large')

  const merge = await post({ 'content-type': 'application/merge-patch+json' }, JSON.stringify({ name: 'via +json', site_id: 3 }))
  t.equal(merge.statusCode, 201, 'application/*+json is JSON too')
  t.equal(await freezerCount(), before + 1, 'only the JSON body was stored')
})

t.test('freezer names keep hostile strings literally', async (t) => {
  const target = await create({ name: 'to be renamed', site_id: 3 })
  for (const name of HOSTILE_STRINGS) {
    const res = await app.inject({ method: 'POST', url: '/api/freezers', payload: { name, site_id: 3 } })
    t.equal(res.statusCode, 201, name)
    t.equal(res.json().name, name)
    t.equal((await row(res.json().id))?.name, name, 'stored as sent')
    t.equal((await app.inject(`/api/freezers/${res.json().id}`)).json().name, name, 'read back as sent')

    const put = await app.inject({ method: 'PUT', url: `/api/freezers/${target.id}`, payload: { name, site_id: 3 } })
    t.equal(put.json().name, name, `PUT ${name}`)
    const patched = `${name.slice(0, 190)}!`
    const patch = await app.inject({ method: 'PATCH', url: `/api/freezers/${target.id}`, payload: { name: patched } })
    t.equal(patch.json().name, patched, `PATCH ${name}`)
    t.equal((await row(target.id))?.name, patched)
  }
  t.equal((await app.inject('/api/freezers?site_id=1')).json().length, 2, 'the table is still there')
  await sql`DELETE FROM freezer WHERE site_id = 3`
})

t.test('PUT /api/freezers/:id replaces the freezer', async (t) => {
  const freezer = await create({ name: 'old', site_id: 2 })
  const res = await app.inject({ method: 'PUT', url: `/api/freezers/${freezer.id}`, payload: { name: 'new', site_id: 3 } })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { id: freezer.id, name: 'new', site_id: 3 })
  t.equal(res.headers.location, undefined)
  t.strictSame(await row(freezer.id), { id: freezer.id, name: 'new', site_id: 3 })
  t.strictSame(ids(await app.inject('/api/freezers?site_id=3')), [freezer.id], 'listed at its new site')
  t.notOk(ids(await app.inject('/api/freezers?site_id=2')).includes(freezer.id), 'no longer listed at its old site')

  const same = await app.inject({ method: 'PUT', url: `/api/freezers/${freezer.id}`, payload: { name: 'new', site_id: 3 } })
  t.strictSame(same.json(), res.json(), 'PUT is idempotent')

  expectProblem(
    t,
    await app.inject({ method: 'PUT', url: '/api/freezers/999', payload: { name: 'x', site_id: 1 } }),
    404,
    'not-found',
    'freezer 999 does not exist',
  )
  t.equal((await sql`SELECT 1 FROM freezer WHERE id = 999`).length, 0, 'PUT does not create')
})

t.test('PUT /api/freezers/:id: 400 and 422 leave the row alone', async (t) => {
  const freezer = await create({ name: 'kept', site_id: 2 })
  const put = (payload: unknown, id: number | string = freezer.id) =>
    app.inject({ method: 'PUT', url: `/api/freezers/${id}`, payload: payload as object })

  expectInvalid(t, await put({ name: 'only a name' }), 'body', '/site_id', 'PUT needs every required field')
  expectInvalid(t, await put({ site_id: 2 }), 'body', '/name', 'PUT needs a name')
  expectInvalid(t, await put({ name: 'x', site_id: '2' }), 'body', '/site_id', 'no coercion')
  expectInvalid(t, await put({ name: ' ', site_id: 2 }), 'body', '/name', 'blank name')
  expectInvalid(t, await put({ name: 'x', site_id: 2, id: 5 }), 'body', '/id', 'id in body')
  for (const id of BAD_IDS) expectInvalid(t, await put({ name: 'x', site_id: 2 }, id), 'params', '/id', `id ${id}`)
  for (const site_id of [999, 2147483647]) {
    expectProblem(t, await put({ name: 'moved', site_id }), 422, 'unknown-parent', 'site_id does not name an existing row')
  }
  t.strictSame(await row(freezer.id), { id: freezer.id, name: 'kept', site_id: 2 }, 'unchanged')
})

t.test('PATCH /api/freezers/:id changes only the named fields', async (t) => {
  const freezer = await create({ name: 'patch me', site_id: 2 })
  const patch = (payload: unknown, id: number | string = freezer.id) =>
    app.inject({ method: 'PATCH', url: `/api/freezers/${id}`, payload: payload as object })

  const rename = await patch({ name: 'renamed' })
  t.equal(rename.statusCode, 200)
  t.strictSame(rename.json(), { id: freezer.id, name: 'renamed', site_id: 2 })
  t.strictSame(await row(freezer.id), { id: freezer.id, name: 'renamed', site_id: 2 })

  const move = await patch({ site_id: 3 })
  t.strictSame(move.json(), { id: freezer.id, name: 'renamed', site_id: 3 }, 'a new site_id moves it, the name stays')
  t.strictSame(await row(freezer.id), { id: freezer.id, name: 'renamed', site_id: 3 })
  t.notOk(ids(await app.inject('/api/freezers?site_id=2')).includes(freezer.id), 'gone from the old site')
  t.ok(ids(await app.inject('/api/freezers?site_id=3')).includes(freezer.id), 'listed at the new site')

  const both = await patch({ name: 'both', site_id: 2 })
  t.strictSame(both.json(), { id: freezer.id, name: 'both', site_id: 2 })

  const merge = await app.inject({
    method: 'PATCH',
    url: `/api/freezers/${freezer.id}`,
    headers: { 'content-type': 'application/merge-patch+json' },
    payload: JSON.stringify({ name: 'merged' }),
  })
  t.strictSame(merge.json(), { id: freezer.id, name: 'merged', site_id: 2 })

  expectProblem(t, await patch({ name: 'x' }, 999), 404, 'not-found', 'freezer 999 does not exist')
})

t.test('PATCH /api/freezers/:id refuses bad patches and unknown sites', async (t) => {
  const freezer = await create({ name: 'steady', site_id: 2 })
  const patch = (payload: unknown, id: number | string = freezer.id) =>
    app.inject({
      method: 'PATCH',
      url: `/api/freezers/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })

  expectInvalid(t, await patch({}), 'body', '/', 'an empty patch is a mistake')
  expectInvalid(t, await patch({ name: null }), 'body', '/name', 'name cannot be cleared')
  expectInvalid(t, await patch({ site_id: null }), 'body', '/site_id', 'site_id cannot be cleared')
  expectInvalid(t, await patch({ name: '' }), 'body', '/name', 'empty name')
  expectInvalid(t, await patch({ name: '   ' }), 'body', '/name', 'blank name')
  expectInvalid(t, await patch({ colour: 'blue' }), 'body', '/colour', 'unknown field')
  expectInvalid(t, await patch({ id: 7 }), 'body', '/id', 'id cannot be patched')
  for (const value of BAD_ID_VALUES)
    expectInvalid(t, await patch({ site_id: value }), 'body', '/site_id', `site_id ${JSON.stringify(value)}`)
  for (const id of BAD_IDS) expectInvalid(t, await patch({ name: 'x' }, id), 'params', '/id', `id ${id}`)

  for (const site_id of [999, 2147483647]) {
    expectProblem(t, await patch({ site_id }), 422, 'unknown-parent', 'site_id does not name an existing row')
  }
  expectProblem(t, await patch({ name: 'with bad site', site_id: 999 }), 422, 'unknown-parent')
  t.strictSame(await row(freezer.id), { id: freezer.id, name: 'steady', site_id: 2 }, 'unchanged')
  expectProblem(
    t,
    await app.inject({
      method: 'PATCH',
      url: `/api/freezers/${freezer.id}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    }),
    415,
    'unsupported-media-type',
  )
})

t.test('DELETE /api/freezers/:id of an empty freezer', async (t) => {
  const freezer = await create({ name: 'empty', site_id: 2 })
  const res = await app.inject({ method: 'DELETE', url: `/api/freezers/${freezer.id}` })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.equal(await row(freezer.id), undefined, 'the row is gone')
  expectProblem(t, await app.inject(`/api/freezers/${freezer.id}`), 404, 'not-found', `freezer ${freezer.id} does not exist`)
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: `/api/freezers/${freezer.id}` }),
    404,
    'not-found',
    `freezer ${freezer.id} does not exist`,
    'a second delete',
  )
  for (const id of BAD_IDS)
    expectInvalid(t, await app.inject({ method: 'DELETE', url: `/api/freezers/${id}` }), 'params', '/id', `id ${id}`)
})

t.test('DELETE /api/freezers/:id is refused while the freezer holds containers', async (t) => {
  const one = await app.inject({ method: 'DELETE', url: '/api/freezers/1' })
  t.strictSame(one.json(), {
    type: 'urn:labtrack:problem:still-referenced',
    title: 'Conflict',
    status: 409,
    detail: 'freezer 1 still has 2 containers',
  })
  expectProblem(t, one, 409, 'still-referenced', 'freezer 1 still has 2 containers')
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: '/api/freezers/2' }),
    409,
    'still-referenced',
    'freezer 2 still has 1 container',
  )

  t.strictSame(await row(1), FREEZER_1, 'freezer 1 is still there')
  t.strictSame(await row(2), FREEZER_2, 'freezer 2 is still there')
  const containers = await sql`SELECT id, freezer_id FROM container ORDER BY id`
  t.strictSame(
    containers.map((c) => [c.id, c.freezer_id]),
    [
      [1, 1],
      [2, 1],
      [3, 2],
    ],
    'no container deleted or moved',
  )
  t.strictSame((await app.inject('/api/freezers/1')).json(), FREEZER_1)
})

t.test('unknown freezer routes and methods answer with a problem', async (t) => {
  expectProblem(t, await app.inject('/api/freezer'), 404, 'not-found', 'no route for GET /api/freezer')
  expectProblem(
    t,
    await app.inject({ method: 'POST', url: '/api/freezers/1', payload: {} }),
    404,
    'not-found',
    'no route for POST /api/freezers/1',
  )
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: '/api/freezers' }),
    404,
    'not-found',
    'no route for DELETE /api/freezers',
  )
})
