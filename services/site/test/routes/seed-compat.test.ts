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

t.test('GET /sites/ and /sites list every site with the seed keys', async (t) => {
  for (const url of ['/sites/', '/sites']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 200, url)
    t.match(res.headers['content-type'], /^application\/json/)
    t.strictSame(res.json()[0], SITE_1, url)
    t.equal(res.json().length, 3, url)
  }
})

t.test('GET /sites/<offset>/<limit>, where limit 0 means all', async (t) => {
  t.strictSame(
    (await app.inject('/sites/1/1')).json().map((s: { id: number }) => s.id),
    [2],
  )
  t.strictSame(
    (await app.inject('/sites/0/2')).json().map((s: { id: number }) => s.id),
    [1, 2],
  )
  t.strictSame(
    (await app.inject('/sites/1/0')).json().map((s: { id: number }) => s.id),
    [2, 3],
  )
  t.strictSame((await app.inject('/sites/50/10')).json(), [])
  for (const url of ['/sites/-1/2', '/sites/0/-2', '/sites/a/b', '/sites/0/99999999999']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', url)
  }
})

t.test('GET /site/<id>: the site, or a 404 problem (the seed answered 500)', async (t) => {
  t.strictSame((await app.inject('/site/1')).json(), SITE_1)
  const missing = await app.inject('/site/77')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().type, 'urn:labtrack:problem:not-found')
  t.equal((await app.inject('/site/x')).statusCode, 400)
})

t.test('POST /site/<id> creates with that id, then replaces; the URL id wins', async (t) => {
  const created = await app.inject({
    method: 'POST',
    url: '/site/40',
    payload: { id: 3, name: 'Forty', contact: 'Ann', postcode_or_zip: 48103, extra: 'ignored' },
  })
  t.equal(created.statusCode, 201)
  t.equal(created.headers.location, '/api/sites/40')
  t.strictSame(created.json(), {
    id: 40,
    name: 'Forty',
    contact: 'Ann',
    address: null,
    state_or_region: null,
    country: null,
    postcode_or_zip: '48103',
  })
  const [row] = await sql`SELECT postcode_or_zip FROM site WHERE id = 40`
  t.equal(row?.postcode_or_zip, '48103', 'the zip code is stored as text')
  const [three] = await sql`SELECT name FROM site WHERE id = 3`
  t.equal(three?.name, 'Site 3', 'the id in the body did not touch site 3')

  const replaced = await app.inject({
    method: 'POST',
    url: '/site/40',
    payload: { name: 'Forty again', postcode_or_zip: 'SW1A 1AA' },
  })
  t.equal(replaced.statusCode, 200)
  t.equal(replaced.headers.location, undefined)
  t.equal(replaced.json().contact, null, 'fields left out are cleared, as the seed did')
  t.equal(replaced.json().postcode_or_zip, 'SW1A 1AA')
  const cleared = await app.inject({ method: 'POST', url: '/site/40', payload: { name: 'Forty', postcode_or_zip: null } })
  t.equal(cleared.json().postcode_or_zip, null)

  const next = await app.inject({ method: 'POST', url: '/api/sites', payload: { name: 'after the upsert' } })
  t.equal(next.statusCode, 201, 'the id sequence moved past 40')
  t.equal(next.json().id, 41)
})

t.test('POST /site/<id> refuses bad input with 400, never a 500', async (t) => {
  for (const payload of [{}, { name: '' }, { name: 5 }, { name: 'x', contact: 3 }, { name: 'x', postcode_or_zip: -1 }]) {
    const res = await app.inject({ method: 'POST', url: '/site/41', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
  }
  const notJson = await app.inject({
    method: 'POST',
    url: '/site/41',
    headers: { 'content-type': 'text/plain' },
    payload: 'name=x',
  })
  t.equal(notJson.statusCode, 415)
  t.equal((await app.inject({ method: 'POST', url: '/site/0', payload: { name: 'x' } })).statusCode, 400)
})

t.test('DELETE /site/<id>: 204, 404, and 409 while the site has children', async (t) => {
  await sql`INSERT INTO site (id, name) VALUES (60, 'to delete')`
  t.equal((await app.inject({ method: 'DELETE', url: '/site/60' })).statusCode, 204)
  t.equal((await app.inject({ method: 'DELETE', url: '/site/60' })).statusCode, 404)
  const blocked = await app.inject({ method: 'DELETE', url: '/site/1' })
  t.equal(blocked.statusCode, 409)
  t.equal(blocked.json().detail, 'site 1 still has 2 freezers and 2 computers')
})

t.test("GET /instruments/ and /instruments/<offset>/<limit> with the Flask app's keys (instrument2dict)", async (t) => {
  const all = await app.inject('/instruments/')
  t.equal(all.statusCode, 200)
  t.strictSame(all.json(), [
    { site_id: 1, site_name: 'Site 1', computer_id: 1, freezer_id: null, name: 'Computer 1' },
    { site_id: 1, site_name: 'Site 1', computer_id: 2, freezer_id: null, name: 'Computer 2' },
    { site_id: 1, site_name: 'Site 1', computer_id: null, freezer_id: 1, name: '-20C' },
    { site_id: 1, site_name: 'Site 1', computer_id: null, freezer_id: 2, name: '-40C' },
  ])
  t.strictSame(
    (await app.inject('/instruments/1/2')).json().map((r: { name: string }) => r.name),
    ['Computer 2', '-20C'],
  )
  t.equal((await app.inject('/instruments/0/0')).json().length, 4)
  t.equal((await app.inject('/instruments/x/1')).statusCode, 400)
})
