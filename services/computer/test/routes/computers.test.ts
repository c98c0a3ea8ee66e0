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
import { computerService } from '../../src/app.js'

const { app, sql } = await buildTestApp(t, [computerService], { exampleData: true })

interface Computer {
  id: number
  name: string
  mac: string | null
  site_id: number
}

const COMPUTER_1: Computer = { id: 1, name: 'Computer 1', mac: null, site_id: 1 }
const COMPUTER_2: Computer = { id: 2, name: 'Computer 2', mac: null, site_id: 1 }

const CONFLICT = 'a computer with this mac already exists'

const BAD_MACS: unknown[] = [
  'zz:00:00:00:00:00',
  '08:00:2b:01:02',
  '08:00:2b:01:02:03:04',
  '08:00:2b:01:02:03:04:05',
  '',
  '08002b01020',
  '08002b0102030',
  '08:00:2b:01:02:0g',
  '8:0:2b:1:2:3',
  '08:00:2b:01:02:03 ',
  ' 08:00:2b:01:02:03',
  '08:00:2b:01:02:03\n',
  '08.00.2b.01.02.03',
  '0800.2b01.02',
  '08002b:010203',
  '08:00:2b:01:02:03; DROP TABLE computer',
  5,
  true,
  ['08:00:2b:01:02:03'],
  { mac: '08:00:2b:01:02:03' },
]

let nextMac = 0x10
/** A MAC no other test uses. */
const freshMac = () => `02:00:00:00:00:${(nextMac++).toString(16).padStart(2, '0')}`

async function create(payload: Partial<Computer>) {
  const res = await app.inject({ method: 'POST', url: '/api/computers', payload })
  if (res.statusCode !== 201) throw new Error(`could not create a computer: ${res.body}`)
  return res.json() as Computer
}

async function row(id: number) {
  const [found] = await sql`SELECT id, name, mac::text AS mac, site_id FROM computer WHERE id = ${id}`
  return found ? { ...found } : undefined
}

const computerCount = async () => (await sql`SELECT count(*)::int AS n FROM computer`)[0]?.n as number

t.test('GET /api/computers lists the example computers in id order', async (t) => {
  const res = await app.inject('/api/computers')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.strictSame(res.json(), [COMPUTER_1, COMPUTER_2])
  t.equal(res.headers.link, undefined, 'no next page when everything fits')
})

t.test('GET /api/computers?site_id= keeps one site', async (t) => {
  const other = await create({ name: 'at site 2', site_id: 2 })
  t.strictSame((await app.inject('/api/computers?site_id=1')).json(), [COMPUTER_1, COMPUTER_2])
  t.strictSame((await app.inject('/api/computers?site_id=2')).json(), [other])
  t.strictSame((await app.inject('/api/computers?site_id=3')).json(), [], 'a site without computers')
  const missing = await app.inject('/api/computers?site_id=2147483647')
  t.equal(missing.statusCode, 200, 'a site that does not exist is no error')
  t.strictSame(missing.json(), [])
  t.strictSame(ids(await app.inject('/api/computers')), [1, 2, other.id])
  await sql`DELETE FROM computer WHERE id = ${other.id}`
})

t.test('GET /api/computers refuses a bad site_id filter', async (t) => {
  for (const value of ['0', '-1', '2147483648', '99999999999999999999', 'abc', '1.5', '']) {
    expectInvalid(t, await app.inject(`/api/computers?site_id=${value}`), 'querystring', '/site_id', `site_id=${value}`)
  }
})

t.test('GET /api/computers pages with limit and offset, keeping the filter in the Link', async (t) => {
  const first = await app.inject('/api/computers?site_id=1&limit=1')
  t.equal(first.statusCode, 200)
  t.strictSame(first.json(), [COMPUTER_1])
  t.equal(first.headers.link, '</api/computers?site_id=1&limit=1&offset=1>; rel="next"')
  const last = await app.inject('/api/computers?site_id=1&limit=1&offset=1')
  t.strictSame(last.json(), [COMPUTER_2])
  t.equal(last.headers.link, undefined, 'no Link on the last page')
  const unfiltered = await app.inject('/api/computers?limit=1')
  t.equal(unfiltered.headers.link, '</api/computers?limit=1&offset=1>; rel="next"')
  t.strictSame((await app.inject('/api/computers?offset=2')).json(), [])
  t.equal((await app.inject('/api/computers?limit=1000&offset=2147483647')).statusCode, 200)

  for (const query of ['limit=0', 'limit=1001', 'limit=-1', 'limit=ten', 'limit=2.5']) {
    expectInvalid(t, await app.inject(`/api/computers?${query}`), 'querystring', '/limit', query)
  }
  for (const query of ['offset=-1', 'offset=2147483648', 'offset=x']) {
    expectInvalid(t, await app.inject(`/api/computers?${query}`), 'querystring', '/offset', query)
  }
})

t.test('GET /api/computers returns 100 rows by default', async (t) => {
  await sql`INSERT INTO computer (name, site_id) SELECT 'bulk ' || n, 3 FROM generate_series(1, 101) AS n`
  const first = await app.inject('/api/computers?site_id=3')
  t.equal(first.json().length, 100)
  t.equal(first.headers.link, '</api/computers?site_id=3&limit=100&offset=100>; rel="next"')
  const second = await app.inject('/api/computers?site_id=3&limit=100&offset=100')
  t.strictSame(
    second.json().map((c: Computer) => c.name),
    ['bulk 101'],
  )
  t.equal(second.headers.link, undefined)
  await sql`DELETE FROM computer WHERE site_id = 3`
})

t.test('GET /api/computers/:id', async (t) => {
  const res = await app.inject('/api/computers/2')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), COMPUTER_2)
  t.strictSame((await app.inject('/api/computers/999')).json(), {
    type: 'urn:labtrack:problem:not-found',
    title: 'Not Found',
    status: 404,
    detail: 'computer 999 does not exist',
  })
  expectProblem(t, await app.inject('/api/computers/2147483647'), 404, 'not-found', 'computer 2147483647 does not exist')
  for (const id of BAD_IDS) expectInvalid(t, await app.inject(`/api/computers/${id}`), 'params', '/id', `id ${id}`)
})

t.test('POST /api/computers creates a computer: 201, Location, row stored', async (t) => {
  const before = await computerCount()
  const res = await app.inject({
    method: 'POST',
    url: '/api/computers',
    payload: { name: 'Sequencer PC', mac: 'a4:5e:60:c2:11:07', site_id: 2 },
  })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  const computer = res.json()
  t.ok(computer.id > 2, 'a new id after the example rows')
  t.strictSame(computer, { id: computer.id, name: 'Sequencer PC', mac: 'a4:5e:60:c2:11:07', site_id: 2 })
  t.equal(res.headers.location, `/api/computers/${computer.id}`)
  t.strictSame(await row(computer.id), computer)
  t.equal(await computerCount(), before + 1)
  t.strictSame((await app.inject(res.headers.location as string)).json(), computer, 'the Location answers with it')
})

t.test('MACs: every accepted spelling is stored and returned as lower-case aa:bb:cc:dd:ee:ff', async (t) => {
  const spellings: [string, string][] = [
    ['08:00:2b:01:02:03', '08:00:2b:01:02:03'],
    ['08:00:2B:0A:0B:0C', '08:00:2b:0a:0b:0c'],
    ['08-00-2b-01-02-04', '08:00:2b:01:02:04'],
    ['08-00-2B-AB-CD-EF', '08:00:2b:ab:cd:ef'],
    ['0800.2b01.0205', '08:00:2b:01:02:05'],
    ['0800.2B01.02FE', '08:00:2b:01:02:fe'],
    ['08002b010206', '08:00:2b:01:02:06'],
    ['08002B0102FF', '08:00:2b:01:02:ff'],
    ['FF:FF:FF:FF:FF:FF', 'ff:ff:ff:ff:ff:ff'],
    ['00:00:00:00:00:00', '00:00:00:00:00:00'],
  ]
  for (const [mac, stored] of spellings) {
    const res = await app.inject({ method: 'POST', url: '/api/computers', payload: { name: `mac ${mac}`, mac, site_id: 3 } })
    t.equal(res.statusCode, 201, mac)
    t.equal(res.json().mac, stored, `${mac} comes back as ${stored}`)
    t.equal((await row(res.json().id))?.mac, stored, `${mac} is stored as ${stored}`)
    t.equal((await app.inject(`/api/computers/${res.json().id}`)).json().mac, stored, 'and reads back so')
  }
  const listed = (await app.inject('/api/computers?site_id=3')).json() as Computer[]
  t.strictSame(
    listed.map((c) => c.mac),
    spellings.map(([, stored]) => stored),
    'lists show the normal form too',
  )
  await sql`DELETE FROM computer WHERE site_id = 3`
})

t.test('MACs: null or left out, and several computers may have none', async (t) => {
  const without = await create({ name: 'no mac', site_id: 2 })
  t.equal(without.mac, null, 'a left-out mac is null')
  const explicit = await create({ name: 'null mac', mac: null, site_id: 2 })
  t.equal(explicit.mac, null)
  const third = await create({ name: 'another null mac', mac: null, site_id: 2 })
  t.equal(third.mac, null, 'several computers may have no mac')
  const [count] = await sql`SELECT count(*)::int AS n FROM computer WHERE mac IS NULL`
  t.equal(count?.n, 5, 'two example computers and three new ones, all without a mac')
  for (const c of [without, explicit, third]) t.equal((await row(c.id))?.mac, null)
})

t.test('POST /api/computers with a MAC already taken is a 409, whatever its spelling', async (t) => {
  const holder = await create({ name: 'holder', mac: '08:00:2b:01:02:03', site_id: 2 })
  const before = await computerCount()
  const res = await app.inject({
    method: 'POST',
    url: '/api/computers',
    payload: { name: 'clash', mac: '08:00:2b:01:02:03', site_id: 2 },
  })
  t.strictSame(res.json(), { type: 'urn:labtrack:problem:conflict', title: 'Conflict', status: 409, detail: CONFLICT })
  for (const mac of [
    '08:00:2b:01:02:03',
    '08:00:2B:01:02:03',
    '08-00-2B-01-02-03',
    '08-00-2b-01-02-03',
    '08002b010203',
    '08002B010203',
    '0800.2b01.0203',
  ]) {
    const clash = await app.inject({ method: 'POST', url: '/api/computers', payload: { name: 'clash', mac, site_id: 3 } })
    expectProblem(t, clash, 409, 'conflict', CONFLICT, mac)
  }
  t.equal(await computerCount(), before, 'nothing stored')
  t.strictSame(await row(holder.id), holder, 'the holder is untouched')

  t.equal((await app.inject({ method: 'DELETE', url: `/api/computers/${holder.id}` })).statusCode, 204)
  const reuse = await create({ name: 'new owner', mac: '08-00-2B-01-02-03', site_id: 2 })
  t.equal(reuse.mac, '08:00:2b:01:02:03', 'the MAC of a deleted computer is free again')
  await sql`DELETE FROM computer WHERE id = ${reuse.id}`
})

t.test('POST /api/computers refuses malformed MACs', async (t) => {
  const before = await computerCount()
  for (const mac of BAD_MACS) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/computers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'bad mac', mac, site_id: 1 }),
    })
    expectInvalid(t, res, 'body', '/mac', `mac ${JSON.stringify(mac)}`)
  }
  t.equal(await computerCount(), before, 'nothing stored')
})

t.test('a MAC mixing : and - is a validation error naming /mac', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/computers',
    payload: { name: 'mixed', mac: '08:00-2b:01-02:03', site_id: 1 },
  })
  expectInvalid(t, res, 'body', '/mac')
})

t.test('a MAC mixing : and - is refused with a 400 and nothing is stored', async (t) => {
  const before = await computerCount()
  const res = await app.inject({
    method: 'POST',
    url: '/api/computers',
    payload: { name: 'mixed', mac: '08:00-2b:01-02:03', site_id: 1 },
  })
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(await computerCount(), before)
  const patch = await app.inject({ method: 'PATCH', url: '/api/computers/1', payload: { mac: '08-00:2b-01:02-03' } })
  t.equal(patch.statusCode, 400)
  t.strictSame(await row(1), COMPUTER_1)
})

t.test('POST /api/computers with a site that does not exist is a 422', async (t) => {
  const before = await computerCount()
  for (const site_id of [999, 2147483647]) {
    const res = await app.inject({ method: 'POST', url: '/api/computers', payload: { name: 'orphan', mac: freshMac(), site_id } })
    t.strictSame(res.json(), {
      type: 'urn:labtrack:problem:unknown-parent',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'site_id does not name an existing row',
    })
    expectProblem(t, res, 422, 'unknown-parent', 'site_id does not name an existing row')
  }
  t.equal(await computerCount(), before, 'nothing stored')
})

t.test('POST /api/computers validation', async (t) => {
  const before = await computerCount()
  const many = await app.inject({
    method: 'POST',
    url: '/api/computers',
    payload: { name: '', mac: 'zz', site_id: '1', ip: '10.0.0.1' },
  })
  const body = expectInvalid(t, many, 'body', '/name')
  t.strictSame(
    [...new Set((body.errors ?? []).map((e) => e.pointer))].sort(),
    ['/ip', '/mac', '/name', '/site_id'],
    'every invalid field',
  )

  const cases: [string, unknown, string][] = [
    ['missing name', { site_id: 1 }, '/name'],
    ['missing site_id', { name: 'x' }, '/site_id'],
    ['empty name', { name: '', site_id: 1 }, '/name'],
    ['blank name', { name: ' \t ', site_id: 1 }, '/name'],
    ['NUL in name', { name: 'pc\u0000', site_id: 1 }, '/name'],
    ['name too long', { name: 'n'.repeat(201), site_id: 1 }, '/name'],
    ['number name', { name: 1, site_id: 1 }, '/name'],
    ['null name', { name: null, site_id: 1 }, '/name'],
    ['id in body', { id: 3, name: 'x', site_id: 1 }, '/id'],
    ['unknown field', { name: 'x', site_id: 1, hostname: 'x' }, '/hostname'],
    ['array body', [{ name: 'x', site_id: 1 }], '/'],
  ]
  for (const value of BAD_ID_VALUES) cases.push([`site_id ${JSON.stringify(value)}`, { name: 'x', site_id: value }, '/site_id'])
  for (const [what, payload, pointer] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/computers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })
    expectInvalid(t, res, 'body', pointer, what)
  }
  t.equal(await computerCount(), before, 'nothing stored')
})

t.test('POST /api/computers: malformed JSON, other media types, huge bodies', async (t) => {
  const before = await computerCount()
  const post = (type: string, payload: string) =>
    app.inject({ method: 'POST', url: '/api/computers', headers: { 'content-type': type }, payload })
  expectProblem(t, await post('application/json', '{"name":'), 400, 'bad-request', undefined, 'malformed')
  expectInvalid(t, await post('application/json', ''), 'body', '/', 'an empty body is no body')
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html']) {
    expectProblem(t, await post(type, 'name=x&site_id=1'), 415, 'unsupported-media-type', undefined, type)
  }
  const huge = await post('application/json', JSON.stringify({ name: 'x', site_id: 1, pad: 'p'.repeat(1024 * 1024) }))
  expectProblem(t, huge, 413, 'payload-too-large')
  const hugePut = await app.inject({
    method: 'PUT',
    url: '/api/computers/1',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'n'.repeat(1024 * 1024 + 1), site_id: 1 }),
  })
  expectProblem(t, hugePut, 413, 'payload-too-large', undefined, 'PUT')
  t.equal(await computerCount(), before, 'nothing stored')
  t.strictSame(await row(1), COMPUTER_1, 'nothing changed')
})

t.test('computer names keep hostile strings literally', async (t) => {
  const target = await create({ name: 'to be renamed', site_id: 3 })
  for (const name of HOSTILE_STRINGS) {
    const res = await app.inject({ method: 'POST', url: '/api/computers', payload: { name, site_id: 3 } })
    t.equal(res.statusCode, 201, name)
    t.equal(res.json().name, name)
    t.equal((await row(res.json().id))?.name, name, 'stored as sent')
    t.equal((await app.inject(`/api/computers/${res.json().id}`)).json().name, name, 'read back as sent')

    const put = await app.inject({ method: 'PUT', url: `/api/computers/${target.id}`, payload: { name, site_id: 3 } })
    t.equal(put.json().name, name, `PUT ${name}`)
    const patched = `${name.slice(0, 190)}#`
    const patch = await app.inject({ method: 'PATCH', url: `/api/computers/${target.id}`, payload: { name: patched } })
    t.equal(patch.json().name, patched, `PATCH ${name}`)
    t.equal((await row(target.id))?.name, patched)
  }
  t.strictSame(ids(await app.inject('/api/computers?site_id=1')), [1, 2], 'the table is still there')
  await sql`DELETE FROM computer WHERE site_id = 3`
})

t.test('PUT /api/computers/:id replaces: a left-out mac becomes null', async (t) => {
  const computer = await create({ name: 'old', mac: freshMac(), site_id: 2 })
  const res = await app.inject({ method: 'PUT', url: `/api/computers/${computer.id}`, payload: { name: 'new', site_id: 3 } })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { id: computer.id, name: 'new', mac: null, site_id: 3 })
  t.strictSame(await row(computer.id), { id: computer.id, name: 'new', mac: null, site_id: 3 })
  t.strictSame(ids(await app.inject('/api/computers?site_id=3')), [computer.id], 'moved to site 3')

  const withMac = await app.inject({
    method: 'PUT',
    url: `/api/computers/${computer.id}`,
    payload: { name: 'new', mac: '0800.2B01.0299', site_id: 3 },
  })
  t.strictSame(withMac.json(), { id: computer.id, name: 'new', mac: '08:00:2b:01:02:99', site_id: 3 })
  const sameMac = await app.inject({
    method: 'PUT',
    url: `/api/computers/${computer.id}`,
    payload: { name: 'same', mac: '08-00-2B-01-02-99', site_id: 3 },
  })
  t.equal(sameMac.statusCode, 200, 'its own MAC in another spelling is no conflict')
  t.equal(sameMac.json().mac, '08:00:2b:01:02:99')

  const nullMac = await app.inject({
    method: 'PUT',
    url: `/api/computers/${computer.id}`,
    payload: { name: 'same', mac: null, site_id: 3 },
  })
  t.equal(nullMac.json().mac, null)

  expectProblem(
    t,
    await app.inject({ method: 'PUT', url: '/api/computers/999', payload: { name: 'x', site_id: 1 } }),
    404,
    'not-found',
    'computer 999 does not exist',
  )
  t.equal((await sql`SELECT 1 FROM computer WHERE id = 999`).length, 0, 'PUT does not create')
  await sql`DELETE FROM computer WHERE id = ${computer.id}`
})

t.test('PUT /api/computers/:id: 400, 409 and 422 leave the row alone', async (t) => {
  const holder = await create({ name: 'holder', mac: 'de:ad:be:ef:00:01', site_id: 2 })
  const computer = await create({ name: 'steady', mac: freshMac(), site_id: 2 })
  const put = (payload: unknown, id: number | string = computer.id) =>
    app.inject({
      method: 'PUT',
      url: `/api/computers/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })

  expectInvalid(t, await put({ name: 'no site' }), 'body', '/site_id', 'PUT needs site_id')
  expectInvalid(t, await put({ site_id: 2 }), 'body', '/name', 'PUT needs a name')
  expectInvalid(t, await put({ name: 'x', site_id: '2' }), 'body', '/site_id', 'no coercion')
  expectInvalid(t, await put({ name: 'x', mac: '08:00:2b:01:02', site_id: 2 }), 'body', '/mac', 'bad mac')
  expectInvalid(t, await put({ name: 'x', site_id: 2, id: 1 }), 'body', '/id', 'id in body')
  for (const id of BAD_IDS) expectInvalid(t, await put({ name: 'x', site_id: 2 }, id), 'params', '/id', `id ${id}`)

  for (const mac of ['de:ad:be:ef:00:01', 'DE-AD-BE-EF-00-01', 'deadbeef0001', 'dead.beef.0001']) {
    expectProblem(t, await put({ name: 'clash', mac, site_id: 2 }), 409, 'conflict', CONFLICT, mac)
  }
  for (const site_id of [999, 2147483647]) {
    expectProblem(t, await put({ name: 'moved', site_id }), 422, 'unknown-parent', 'site_id does not name an existing row')
  }
  t.strictSame(await row(computer.id), computer, 'unchanged')
  t.strictSame(await row(holder.id), holder, 'the holder is untouched')
  await sql`DELETE FROM computer WHERE id IN (${holder.id}, ${computer.id})`
})

t.test('PATCH /api/computers/:id changes only the named fields; null clears the mac', async (t) => {
  const computer = await create({ name: 'patch me', mac: '0a:0b:0c:0d:0e:0f', site_id: 2 })
  const patch = (payload: unknown, id: number | string = computer.id) =>
    app.inject({ method: 'PATCH', url: `/api/computers/${id}`, payload: payload as object })

  const renamed = await patch({ name: 'renamed' })
  t.equal(renamed.statusCode, 200)
  t.strictSame(renamed.json(), { ...computer, name: 'renamed' }, 'mac and site stay')
  t.strictSame(await row(computer.id), { ...computer, name: 'renamed' })

  const remac = await patch({ mac: '0A-0B-0C-0D-0E-10' })
  t.strictSame(remac.json(), { ...computer, name: 'renamed', mac: '0a:0b:0c:0d:0e:10' }, 'a new MAC, normalised')
  t.equal((await row(computer.id))?.mac, '0a:0b:0c:0d:0e:10')

  const same = await patch({ mac: '0a0b0c0d0e10' })
  t.equal(same.statusCode, 200, 'its own MAC in another spelling is no conflict')

  const cleared = await patch({ mac: null })
  t.strictSame(cleared.json(), { ...computer, name: 'renamed', mac: null }, 'null clears the mac')
  t.equal((await row(computer.id))?.mac, null)

  const moved = await patch({ site_id: 3 })
  t.strictSame(moved.json(), { ...computer, name: 'renamed', mac: null, site_id: 3 })
  t.notOk(ids(await app.inject('/api/computers?site_id=2')).includes(computer.id), 'gone from the old site')
  t.ok(ids(await app.inject('/api/computers?site_id=3')).includes(computer.id), 'listed at the new site')

  const all = await patch({ name: 'all three', mac: '0a:0b:0c:0d:0e:11', site_id: 2 })
  t.strictSame(all.json(), { id: computer.id, name: 'all three', mac: '0a:0b:0c:0d:0e:11', site_id: 2 })
  t.strictSame(await row(computer.id), all.json())

  expectProblem(t, await patch({ name: 'x' }, 999), 404, 'not-found', 'computer 999 does not exist')
  await sql`DELETE FROM computer WHERE id = ${computer.id}`
})

t.test('PATCH /api/computers/:id refuses bad patches, taken MACs and unknown sites', async (t) => {
  const holder = await create({ name: 'holder', mac: 'c0:ff:ee:00:00:01', site_id: 2 })
  const computer = await create({ name: 'steady', mac: freshMac(), site_id: 2 })
  const patch = (payload: unknown, id: number | string = computer.id) =>
    app.inject({
      method: 'PATCH',
      url: `/api/computers/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    })

  expectInvalid(t, await patch({}), 'body', '/', 'an empty patch is a mistake')
  expectInvalid(t, await patch({ name: null }), 'body', '/name', 'name cannot be cleared')
  expectInvalid(t, await patch({ site_id: null }), 'body', '/site_id', 'site_id cannot be cleared')
  expectInvalid(t, await patch({ name: '  ' }), 'body', '/name', 'blank name')
  expectInvalid(t, await patch({ serial: 'x' }), 'body', '/serial', 'unknown field')
  expectInvalid(t, await patch({ id: 5 }), 'body', '/id', 'id cannot be patched')
  for (const mac of BAD_MACS) expectInvalid(t, await patch({ mac }), 'body', '/mac', `mac ${JSON.stringify(mac)}`)
  for (const value of BAD_ID_VALUES)
    expectInvalid(t, await patch({ site_id: value }), 'body', '/site_id', `site_id ${JSON.stringify(value)}`)
  for (const id of BAD_IDS) expectInvalid(t, await patch({ name: 'x' }, id), 'params', '/id', `id ${id}`)

  for (const mac of ['c0:ff:ee:00:00:01', 'C0-FF-EE-00-00-01', 'c0ffee000001', 'C0FF.EE00.0001']) {
    expectProblem(t, await patch({ mac }), 409, 'conflict', CONFLICT, mac)
  }
  for (const site_id of [999, 2147483647]) {
    expectProblem(t, await patch({ site_id }), 422, 'unknown-parent', 'site_id does not name an existing row')
  }
  expectProblem(
    t,
    await app.inject({
      method: 'PATCH',
      url: `/api/computers/${computer.id}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    }),
    415,
    'unsupported-media-type',
  )
  t.strictSame(await row(computer.id), computer, 'unchanged')
  t.strictSame(await row(holder.id), holder, 'the holder is untouched')
  await sql`DELETE FROM computer WHERE id IN (${holder.id}, ${computer.id})`
})

t.test('DELETE /api/computers/:id', async (t) => {
  const res = await app.inject({ method: 'DELETE', url: '/api/computers/2' })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.equal(await row(2), undefined, 'the row is gone')
  t.strictSame(await row(1), COMPUTER_1, 'the other computer stays')
  expectProblem(t, await app.inject('/api/computers/2'), 404, 'not-found', 'computer 2 does not exist')
  expectProblem(
    t,
    await app.inject({ method: 'DELETE', url: '/api/computers/2' }),
    404,
    'not-found',
    'computer 2 does not exist',
    'again',
  )
  expectProblem(t, await app.inject({ method: 'PATCH', url: '/api/computers/2', payload: { name: 'x' } }), 404, 'not-found')
  for (const id of BAD_IDS)
    expectInvalid(t, await app.inject({ method: 'DELETE', url: `/api/computers/${id}` }), 'params', '/id', `id ${id}`)
  t.strictSame((await app.inject('/api/computers?site_id=1')).json(), [COMPUTER_1])
})

t.test('unknown computer routes answer with a problem', async (t) => {
  expectProblem(t, await app.inject('/api/computer/1'), 404, 'not-found', 'no route for GET /api/computer/1')
  expectProblem(
    t,
    await app.inject({ method: 'PUT', url: '/api/computers', payload: {} }),
    404,
    'not-found',
    'no route for PUT /api/computers',
  )
})
