import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { siteService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [siteService], { exampleData: true })

const SITE_1 = {
  id: 1,
  name: 'Site 1',
  contact: 'John Smith',
  address: '123 Muffin Lane, Ann Arbor',
  state_or_region: 'MI',
  country: 'USA',
  postcode_or_zip: '48103',
}

t.test('GET /api/sites lists the seed sites in id order', async (t) => {
  const res = await app.inject('/api/sites')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.strictSame(body[0], SITE_1)
  t.strictSame(
    body.map((s: { id: number }) => s.id),
    [1, 2, 3],
  )
  t.equal(res.headers.link, undefined, 'no next page when everything fits')
})

t.test('GET /api/sites pages with limit and offset and a Link header', async (t) => {
  const first = await app.inject('/api/sites?limit=2')
  t.strictSame(
    first.json().map((s: { id: number }) => s.id),
    [1, 2],
  )
  t.equal(first.headers.link, '</api/sites?limit=2&offset=2>; rel="next"')
  const last = await app.inject('/api/sites?limit=2&offset=2')
  t.strictSame(
    last.json().map((s: { id: number }) => s.id),
    [3],
  )
  t.equal(last.headers.link, undefined)
  const past = await app.inject('/api/sites?offset=1000')
  t.strictSame(past.json(), [])
})

t.test('GET /api/sites refuses paging out of bounds', async (t) => {
  for (const query of [
    'limit=0',
    'limit=1001',
    'limit=-1',
    'offset=-1',
    'limit=abc',
    'offset=1.5',
    'offset=99999999999',
    'limit=1e2',
    'offset=0x10',
    'limit=',
    'limit=1&limit=2',
  ]) {
    const res = await app.inject(`/api/sites?${query}`)
    t.equal(res.statusCode, 400, query)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', query)
    t.equal(res.json().errors[0].in, 'querystring', query)
  }
  const max = await app.inject('/api/sites?limit=1000')
  t.equal(max.statusCode, 200, 'limit 1000 is allowed')
})

t.test('GET /api/sites/:id', async (t) => {
  const res = await app.inject('/api/sites/1')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), SITE_1)

  const missing = await app.inject('/api/sites/999')
  t.equal(missing.statusCode, 404)
  t.strictSame(missing.json(), {
    type: 'urn:labtrack:problem:not-found',
    title: 'Not Found',
    status: 404,
    detail: 'site 999 does not exist',
  })

  for (const id of [
    '0',
    '-1',
    '2147483648',
    '99999999999999999999',
    'abc',
    '1.5',
    '1;DROP TABLE site',
    '0x10',
    '1e3',
    '%201',
    '+1',
  ]) {
    const res = await app.inject(`/api/sites/${id}`)
    t.equal(res.statusCode, 400, `id ${id}`)
    t.equal(res.json().errors[0].pointer, '/id', `id ${id}`)
  }
  t.equal((await app.inject('/api/sites/2147483647')).statusCode, 404, 'the largest id is valid, just missing')
})

t.test('POST /api/sites creates a site: 201, Location, optional fields null', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'Site 4', country: 'NZ' } })
  t.equal(res.statusCode, 201)
  const site = res.json()
  t.equal(res.headers.location, `/api/sites/${site.id}`)
  t.strictSame(site, {
    id: site.id,
    name: 'Site 4',
    contact: null,
    address: null,
    state_or_region: null,
    country: 'NZ',
    postcode_or_zip: null,
  })
  const [row] = await sql`SELECT name, country, contact FROM site WHERE id = ${site.id}`
  t.strictSame({ ...row }, { name: 'Site 4', country: 'NZ', contact: null })
})

t.test('POST /api/sites stores hostile strings literally', async (t) => {
  const strings = [
    "Robert'); DROP TABLE site;--",
    '%_\\ $1 ? :name',
    '🧪🧊 freezer lab',
    '東京大学 研究所',
    'x'.repeat(200),
    '  leading and trailing  ',
    '<script>alert(1)</script>',
  ]
  for (const name of strings) {
    const res = await app.inject({ method: 'POST', url: '/api/sites', payload: { name, contact: name } })
    t.equal(res.statusCode, 201, name)
    t.equal(res.json().name, name)
    const [row] = await sql`SELECT name, contact FROM site WHERE id = ${res.json().id}`
    t.equal(row?.name, name)
    t.equal(row?.contact, name)
  }
  const [count] = await sql`SELECT count(*)::int AS n FROM site`
  t.ok((count?.n ?? 0) > 3, 'the table is still there')
})

t.test('POST /api/sites validation lists every invalid field', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/api/sites', payload: { name: '', contact: 5, zip: 'x' } })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  const body = res.json()
  t.equal(body.type, 'urn:labtrack:problem:validation')
  t.equal(body.status, 400)
  t.match(body.detail, /body/)
  const pointers = body.errors.map((e: { pointer: string }) => e.pointer).sort()
  t.ok(pointers.includes('/name'), 'empty name')
  t.ok(pointers.includes('/contact'), 'number for a string, not coerced')
  t.ok(pointers.includes('/zip'), 'unknown field')
  t.ok(body.errors.every((e: { in: string }) => e.in === 'body'))
})

t.test('POST /api/sites refuses bad names and bodies', async (t) => {
  const cases: [string, unknown][] = [
    ['missing name', { contact: 'x' }],
    ['blank name', { name: '   ' }],
    ['NUL byte', { name: 'a\u0000b' }],
    ['name too long', { name: 'x'.repeat(201) }],
    ['name not a string', { name: 42 }],
    ['null name', { name: null }],
    ['array body', [{ name: 'x' }]],
    ['string body', 'just a string'],
  ]
  for (const [what, payload] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })
    t.equal(res.statusCode, 400, what)
    t.equal(res.json().type, 'urn:labtrack:problem:validation', what)
  }
  const nul = await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'a\u0000b' } })
  t.equal(nul.json().errors[0].detail, 'must not be blank or contain NUL or invalid characters')
  const nulText = await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'ok', address: 'a\u0000' } })
  t.equal(nulText.json().errors[0].detail, 'must not contain NUL or invalid characters')
})

t.test('POST /api/sites: malformed JSON, wrong media type, empty and huge bodies', async (t) => {
  const malformed = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { 'content-type': 'application/json' },
    payload: '{"name": ',
  })
  t.equal(malformed.statusCode, 400)
  t.equal(malformed.headers['content-type'], 'application/problem+json; charset=utf-8')

  const empty = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { 'content-type': 'application/json' },
    payload: '',
  })
  t.equal(empty.statusCode, 400)
  t.equal(empty.json().type, 'urn:labtrack:problem:validation', 'an empty body is no body, not broken JSON')

  const noBody = await app.inject({ method: 'POST', url: '/api/sites' })
  t.equal(noBody.statusCode, 400)

  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
    const res = await app.inject({ method: 'POST', url: '/api/sites', headers: { 'content-type': type }, payload: 'name=x' })
    t.equal(res.statusCode, 415, type)
    t.equal(res.json().type, 'urn:labtrack:problem:unsupported-media-type', type)
  }

  const merge = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { 'content-type': 'application/merge-patch+json' },
    payload: JSON.stringify({ name: 'via +json' }),
  })
  t.equal(merge.statusCode, 201, 'application/*+json is JSON too')

  const huge = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'x', address: 'y'.repeat(1024 * 1024) }),
  })
  t.equal(huge.statusCode, 413)
  t.equal(huge.json().type, 'urn:labtrack:problem:payload-too-large')

  const proto = await app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: { 'content-type': 'application/json' },
    payload: '{"name":"x","__proto__":{"admin":true}}',
  })
  t.equal(proto.statusCode, 400, 'prototype poisoning is refused')
})

t.test('PUT /api/sites/:id replaces: left-out optional fields become null', async (t) => {
  const created = (
    await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'P', contact: 'c', country: 'US' } })
  ).json()
  const res = await app.inject({ method: 'PUT', url: `/api/sites/${created.id}`, payload: { name: 'P2', country: 'CA' } })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { ...created, name: 'P2', contact: null, country: 'CA' })
  const [row] = await sql`SELECT contact, country FROM site WHERE id = ${created.id}`
  t.strictSame({ ...row }, { contact: null, country: 'CA' })

  t.equal((await app.inject({ method: 'PUT', url: '/api/sites/999', payload: { name: 'x' } })).statusCode, 404)
  t.equal((await app.inject({ method: 'PUT', url: `/api/sites/${created.id}`, payload: { contact: 'x' } })).statusCode, 400)
  t.equal((await app.inject({ method: 'PUT', url: `/api/sites/${created.id}`, payload: { name: 'x', id: 5 } })).statusCode, 400)
})

t.test('PATCH /api/sites/:id changes only what it names, null clears', async (t) => {
  const created = (
    await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'Q', contact: 'c', address: 'a', country: 'US' } })
  ).json()
  const res = await app.inject({ method: 'PATCH', url: `/api/sites/${created.id}`, payload: { contact: null, country: 'FR' } })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { ...created, contact: null, country: 'FR' })
  const [row] = await sql`SELECT name, contact, address, country FROM site WHERE id = ${created.id}`
  t.strictSame({ ...row }, { name: 'Q', contact: null, address: 'a', country: 'FR' })

  const rename = await app.inject({ method: 'PATCH', url: `/api/sites/${created.id}`, payload: { name: 'Q2' } })
  t.equal(rename.json().name, 'Q2')
  t.equal(rename.json().address, 'a')

  t.equal((await app.inject({ method: 'PATCH', url: '/api/sites/999', payload: { name: 'x' } })).statusCode, 404)
  const empty = await app.inject({ method: 'PATCH', url: `/api/sites/${created.id}`, payload: {} })
  t.equal(empty.statusCode, 400, 'an empty patch is a mistake')
  const nullName = await app.inject({ method: 'PATCH', url: `/api/sites/${created.id}`, payload: { name: null } })
  t.equal(nullName.statusCode, 400, 'name cannot be cleared')
})

t.test('DELETE /api/sites/:id', async (t) => {
  const created = (await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'gone' } })).json()
  // Labelled as JSON without a body, as many HTTP clients send a DELETE.
  const res = await app.inject({
    method: 'DELETE',
    url: `/api/sites/${created.id}`,
    headers: { 'content-type': 'application/json' },
  })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.equal((await sql`SELECT 1 FROM site WHERE id = ${created.id}`).length, 0)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/sites/${created.id}` })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: '/api/sites/-3' })).statusCode, 400)
})

t.test('DELETE /api/sites/:id is refused while the site has freezers or computers', async (t) => {
  const res = await app.inject({ method: 'DELETE', url: '/api/sites/1' })
  t.equal(res.statusCode, 409)
  t.strictSame(res.json(), {
    type: 'urn:labtrack:problem:still-referenced',
    title: 'Conflict',
    status: 409,
    detail: 'site 1 still has 2 freezers and 2 computers',
  })
  t.equal((await sql`SELECT 1 FROM site WHERE id = 1`).length, 1, 'nothing deleted')
  t.equal((await sql`SELECT 1 FROM freezer WHERE site_id = 1`).length, 2, 'no cascade')

  const site = (await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'one computer' } })).json()
  await sql`INSERT INTO computer (name, site_id) VALUES ('only', ${site.id})`
  const one = await app.inject({ method: 'DELETE', url: `/api/sites/${site.id}` })
  t.equal(one.json().detail, `site ${site.id} still has 1 computer`)
})

t.test('unknown routes and methods answer with a problem', async (t) => {
  const res = await app.inject('/api/nothing-here')
  t.equal(res.statusCode, 404)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(res.json().detail, 'no route for GET /api/nothing-here')
  const method = await app.inject({ method: 'POST', url: '/api/sites/1', payload: {} })
  t.equal(method.statusCode, 404)
})
