import { computerService } from '@labtrack/computer'
import { computer } from '@labtrack/db'
import { expectInvalid, expectProblem, type TestApp } from '@labtrack/service-kit/testing'
import type { Test } from 'tap'
import {
  arrange,
  type Body,
  create,
  list,
  parentScope,
  type ResourceCase,
  type Row,
  rowsOf,
  send,
  stored,
  tableCount,
} from '../case.js'
import { insertSites } from './freezer.js'

const COMPUTER_1: Row = { id: 1, name: 'Computer 1', mac: null, site_id: 1 }
const COMPUTER_2: Row = { id: 2, name: 'Computer 2', mac: null, site_id: 1 }
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
  '08:00-2b:01-02:03',
  '08:00:2b:01:02:03; DROP TABLE computer',
  5,
  true,
  ['08:00:2b:01:02:03'],
  { mac: '08:00:2b:01:02:03' },
]

let nextMac = 0
/** A MAC no other row has: 02:… is a locally administered address, which no fixed value in these tests uses. */
const freshMac = () => {
  const n = nextMac++
  return `02:c0:ff:${[n >> 16, n >> 8, n].map((byte) => (byte & 255).toString(16).padStart(2, '0')).join(':')}`
}

export const computers: ResourceCase = {
  resource: computer,
  service: computerService,
  examples: [COMPUTER_1, COMPUTER_2],
  parents: insertSites,
  body: ({ tag, parents }) => ({ name: tag, site_id: parents[0] }),
  scope: parentScope('site_id', 'name'),
  unique: { mac: freshMac },
  badValues: { mac: BAD_MACS },
  badFilters: { mac: BAD_MACS.filter((value): value is string => typeof value === 'string' && value !== '') },
  invalidBody: {
    body: { name: '', mac: 'zz', site_id: '1', ip: '10.0.0.1' },
    pointers: ['/ip', '/mac', '/name', '/site_id'],
  },
  hostile: [],
  dependent: [],
  csv: false,
  exampleParents: { other: 2, empty: [3] },
  own,
}

function own(t: Test, main: TestApp) {
  const { app, sql } = main
  const row = (id: number) => stored(sql, computers, id)
  /** Creates a computer and deletes it when the test ends: the fixed MACs below are free again for any other test. */
  const owned = (t: Test) => async (body: Body) => {
    const made = await create(app, computers, body)
    t.teardown(() => sql`DELETE FROM computer WHERE id = ${made.id}`)
    return made
  }

  t.test('POST /api/computers with a mac: 201, Location, the row as stored', async (t) => {
    const { parents } = await arrange(computers, main)
    const res = await send(app, 'POST', '/api/computers', { name: 'Sequencer PC', mac: 'a4:5e:60:c2:11:07', site_id: parents[0] })
    t.equal(res.statusCode, 201)
    const made = res.json()
    t.teardown(() => sql`DELETE FROM computer WHERE id = ${made.id}`)
    t.strictSame(made, { id: made.id, name: 'Sequencer PC', mac: 'a4:5e:60:c2:11:07', site_id: parents[0] })
    t.equal(res.headers.location, `/api/computers/${made.id}`)
    t.strictSame(await row(made.id), made)
  })

  t.test('MACs: every accepted spelling is stored and returned as lower-case aa:bb:cc:dd:ee:ff', async (t) => {
    const own = await arrange(computers, main)
    const make = owned(t)
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
    for (const [mac, normal] of spellings) {
      const made = await make({ ...computers.body(own), mac })
      t.equal(made.mac, normal, `${mac} comes back as ${normal}`)
      t.equal((await row(made.id))?.mac, normal, `${mac} is stored as ${normal}`)
      t.equal((await app.inject(`/api/computers/${made.id}`)).json().mac, normal, 'and reads back so')
      t.strictSame(
        rowsOf(await list(app, computers, { mac: mac.toLowerCase() })).map((c) => c.id),
        [made.id],
        `mac=${mac.toLowerCase()} finds it`,
      )
    }
    t.strictSame(
      rowsOf(await list(app, computers, computers.scope(own, 'mac'))).map((c) => c.mac),
      spellings.map(([, normal]) => normal),
      'lists show the normal form too',
    )
  })

  t.test('MACs: null or left out, and several computers may have none', async (t) => {
    const own = await arrange(computers, main)
    const [before] = await sql`SELECT count(*)::int AS n FROM computer WHERE mac IS NULL`
    const without = await create(app, computers, { name: 'no mac', site_id: own.parents[0] })
    t.equal(without.mac, null, 'a left-out mac is null')
    const explicit = await create(app, computers, { name: 'null mac', mac: null, site_id: own.parents[0] })
    t.equal(explicit.mac, null)
    const third = await create(app, computers, { name: 'another null mac', mac: null, site_id: own.parents[0] })
    t.equal(third.mac, null, 'several computers may have no mac')
    const [after] = await sql`SELECT count(*)::int AS n FROM computer WHERE mac IS NULL`
    t.equal(after?.n, (before?.n as number) + 3, 'three more computers without a mac')
    for (const made of [without, explicit, third]) t.equal((await row(made.id))?.mac, null)
    for (const example of [COMPUTER_1, COMPUTER_2]) t.strictSame(await row(example.id), example, 'the examples have none either')
  })

  t.test('a taken MAC is a 409 in every spelling, on POST, PUT and PATCH; its own in another spelling is not', async (t) => {
    const own = await arrange(computers, main)
    const make = owned(t)
    const body = computers.body(own)
    const holder = await make({ ...body, name: 'holder', mac: '08:00:2b:01:02:03' })
    const mine = await make({ ...body, name: 'steady', mac: freshMac() })
    const before = await tableCount(sql, computers)
    const clash = await send(app, 'POST', '/api/computers', { ...body, mac: '08:00:2b:01:02:03' })
    t.strictSame(clash.json(), { type: 'urn:labtrack:problem:conflict', title: 'Conflict', status: 409, detail: CONFLICT })
    const spellings = [
      '08:00:2B:01:02:03',
      '08-00-2B-01-02-03',
      '08-00-2b-01-02-03',
      '08002b010203',
      '08002B010203',
      '0800.2b01.0203',
    ]
    for (const mac of spellings) {
      expectProblem(t, await send(app, 'POST', '/api/computers', { ...body, mac }), 409, 'conflict', CONFLICT, `POST ${mac}`)
      const put = await send(app, 'PUT', `/api/computers/${mine.id}`, { ...body, mac })
      expectProblem(t, put, 409, 'conflict', CONFLICT, `PUT ${mac}`)
      const patch = await send(app, 'PATCH', `/api/computers/${mine.id}`, { mac })
      expectProblem(t, patch, 409, 'conflict', CONFLICT, `PATCH ${mac}`)
    }
    t.equal(await tableCount(sql, computers), before, 'nothing stored')
    t.strictSame(await row(holder.id), holder, 'the holder is untouched')
    t.strictSame(await row(mine.id), mine, 'unchanged')

    for (const mac of ['08-00-2B-01-02-03', '08002b010203', '0800.2B01.0203']) {
      const same = await send(app, 'PUT', `/api/computers/${holder.id}`, { ...body, name: 'holder', mac })
      t.equal(same.statusCode, 200, `PUT: its own MAC spelt ${mac} is no conflict`)
      t.equal(same.json().mac, '08:00:2b:01:02:03')
      t.equal((await send(app, 'PATCH', `/api/computers/${holder.id}`, { mac })).statusCode, 200, `PATCH ${mac} too`)
    }
    t.equal((await app.inject({ method: 'DELETE', url: `/api/computers/${holder.id}` })).statusCode, 204)
    const reuse = await make({ ...body, name: 'new owner', mac: '08-00-2B-01-02-03' })
    t.equal(reuse.mac, '08:00:2b:01:02:03', 'the MAC of a deleted computer is free again')
  })

  t.test('PUT and PATCH normalise a MAC, and null clears it', async (t) => {
    const own = await arrange(computers, main)
    const make = owned(t)
    const mine = await make({ ...computers.body(own), mac: freshMac() })
    const put = await send(app, 'PUT', `/api/computers/${mine.id}`, { ...computers.body(own), mac: '0800.2B01.0299' })
    t.strictSame(put.json(), { ...mine, mac: '08:00:2b:01:02:99' })
    const patch = await send(app, 'PATCH', `/api/computers/${mine.id}`, { mac: '08-00-2B-01-02-9A' })
    t.strictSame(patch.json(), { ...mine, mac: '08:00:2b:01:02:9a' }, 'a new MAC, normalised')
    t.equal((await row(mine.id))?.mac, '08:00:2b:01:02:9a')
    const cleared = await send(app, 'PATCH', `/api/computers/${mine.id}`, { mac: null })
    t.strictSame(cleared.json(), { ...mine, mac: null }, 'null clears the mac')
    t.equal((await row(mine.id))?.mac, null)
  })

  t.test('a MAC mixing : and - is refused with a 400 naming /mac, and nothing is stored or changed', async (t) => {
    const before = await tableCount(sql, computers)
    const res = await send(app, 'POST', '/api/computers', { name: 'mixed', mac: '08:00-2b:01-02:03', site_id: 1 })
    expectInvalid(t, res, 'body', '/mac')
    t.equal(await tableCount(sql, computers), before)
    expectInvalid(t, await send(app, 'PATCH', '/api/computers/1', { mac: '08-00:2b-01:02-03' }), 'body', '/mac')
    t.strictSame(await row(1), COMPUTER_1)
  })
}
