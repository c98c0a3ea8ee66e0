import pg from 'pg'
import t from 'tap'
import { DbError } from '../src/errors.js'
import { listInstruments } from '../src/queries/instruments.js'
import { upsertSite } from '../src/queries/seed-sites.js'
import { column, defineResource } from '../src/resource/definition.js'
import { pageById } from '../src/resource/list.js'
import { resourceStore } from '../src/resource/store.js'
import type { Refusal, Versioned } from '../src/resource/version.js'
import { computer, container, site } from '../src/resources/index.js'
import { Name } from '../src/schemas/common.js'
import { exampleDatabase } from './example-database.js'

const pool = await exampleDatabase(t, 2)

const sites = resourceStore(site)
const computers = resourceStore(computer)
const containers = resourceStore(container)
const byId = (limit: number, offset = 0) => pageById({ limit, offset })
/** The row a write stored (undefined for a refusal, which no row equals). */
const rowOf = <T>(written: Versioned<T> | Refusal) => (written as Versioned<T>).row

t.test('the example data leaves every sequence past its rows', async (t) => {
  const { row: created } = await sites.create(pool, { name: 'new' })
  t.equal(created.id, 4)
  t.strictSame(created, {
    id: 4,
    name: 'new',
    contact: null,
    address: null,
    state_or_region: null,
    country: null,
    postcode_or_zip: null,
  })
  const { row: made } = await computers.create(pool, { name: 'c', site_id: 1, mac: '08-00-2B-01-02-03' })
  t.ok(made.id > 2)
  t.equal(made.mac, '08:00:2b:01:02:03', 'macaddr normalises the spelling')
  t.equal((await computers.get(pool, made.id))?.mac, '08:00:2b:01:02:03')
})

t.test('pages know whether more rows exist, and the last row of a page', async (t) => {
  const first = await sites.list(pool, byId(2))
  t.equal(first.rows.length, 2)
  t.equal(first.hasMore, true)
  t.strictSame(first.last, [2], 'the sort-key values of the last row')
  t.equal(first.total, null, 'no count unless asked')
  const last = await sites.list(pool, byId(1000, 2))
  t.equal(last.hasMore, false)
  t.equal(last.last, null)
  const counted = await sites.list(pool, { ...byId(1), count: true })
  t.equal(counted.total, (await sites.list(pool, byId(1000))).rows.length)
})

t.test('create: a generated column left out is generated, a nullable one is null', async (t) => {
  const { row: made } = await containers.create(pool, { freezer_id: 2 })
  t.match(made.uuid, /^[0-9a-f-]{36}$/)
  t.equal(made.description, null)
})

t.test('replace keeps what the definition keeps and nulls the rest; patch changes only what it names', async (t) => {
  const { row: made } = await containers.create(pool, { freezer_id: 2, description: 'd' })
  const replaced = await containers.replace(pool, made.id, { freezer_id: 1 })
  t.strictSame(rowOf(replaced), { ...made, description: null, freezer_id: 1 }, 'the uuid is kept, the description cleared')
  const patched = await containers.patch(pool, made.id, { description: 'e' })
  t.strictSame(rowOf(patched), { ...made, description: 'e', freezer_id: 1 })
  t.equal(await containers.patch(pool, 999_999, { description: 'x' }), 'missing')
  t.equal(await containers.replace(pool, 999_999, { freezer_id: 1 }), 'missing')
})

t.test('a refused delete counts what blocks it', async (t) => {
  const { row: parent } = await sites.create(pool, { name: 'parent' })
  await pool.query('INSERT INTO freezer (name, site_id) VALUES ($1, $2)', ['f', parent.id])
  await pool.query('INSERT INTO computer (name, site_id) VALUES ($1, $2), ($1, $2)', ['c', parent.id])
  const error = (await sites.remove(pool, parent.id).catch((e: unknown) => e)) as DbError
  t.type(error, DbError)
  t.equal(error.code, 'LABTRACK_DB_STILL_REFERENCED')
  t.equal(error.message, `site ${parent.id} still has 1 freezer and 2 computers`)
  t.equal(await sites.remove(pool, 9999), 'missing')
})

t.test('a delete blocked by rows the definition does not name still explains; other errors are mapped', async (t) => {
  // A definition of the freezer table that forgot its containers.
  const forgetful = resourceStore(
    defineResource({
      service: 'inventory',
      name: 'freezer',
      plural: 'freezers',
      title: 'Freezer',
      titlePlural: 'Freezers',
      table: 'freezer',
      columns: { name: column(Name, { pgType: 'text' }) },
    }),
  )
  const blocked = (await forgetful.remove(pool, 1).catch((e: unknown) => e)) as DbError
  t.equal(blocked.code, 'LABTRACK_DB_STILL_REFERENCED')
  t.equal(blocked.message, 'freezer 1 still has rows that refer to it')
  const missing = resourceStore(
    defineResource({
      service: 'inventory',
      name: 'thing',
      plural: 'things',
      title: 'Thing',
      titlePlural: 'Things',
      table: 'no_such_table',
      columns: {},
    }),
  )
  const bug = (await missing.remove(pool, 1).catch((e: unknown) => e)) as Error
  t.equal((bug as { code?: string }).code, '42P01', 'a bug stays a bug (masked by the HTTP layer)')
})

t.test('the seed upsert creates with the given id, moves the sequence past it, and replaces', async (t) => {
  const created = await upsertSite(pool, 50, { name: 'fifty' })
  t.equal(created.created, true)
  t.equal(created.site.name, 'fifty')
  t.ok((await sites.create(pool, { name: 'after' })).row.id > 50, 'the next POST does not collide')
  const replaced = await upsertSite(pool, 50, { name: 'FIFTY', country: 'NL' })
  t.equal(replaced.created, false)
  t.strictSame(replaced.site, { ...created.site, name: 'FIFTY', country: 'NL' })
})

t.test('the instruments view, of every site or one', async (t) => {
  const one = await listInstruments(pool, 1, { limit: 2, offset: 0 })
  t.equal(one.hasMore, true)
  t.strictSame(one.rows[0], { site_id: 1, site_name: 'Site 1', computer_id: 1, freezer_id: null, name: 'Computer 1' })
})

t.test('an unreachable database raises LABTRACK_DB_UNAVAILABLE', async (t) => {
  const down = new pg.Pool({ connectionString: 'postgres://x:y@127.0.0.1:1/none', connectionTimeoutMillis: 1000 })
  t.teardown(() => down.end())
  const error = (await sites.list(down, byId(1)).catch((e: unknown) => e)) as DbError
  t.type(error, DbError)
  t.equal(error.code, 'LABTRACK_DB_UNAVAILABLE')
  const deleting = (await sites.remove(down, 1).catch((e: unknown) => e)) as DbError
  t.equal(deleting.code, 'LABTRACK_DB_UNAVAILABLE')
})
