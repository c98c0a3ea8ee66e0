import { createTestDatabase, MOCK_DATA_SQL, withSql } from '@labtrack/db-tools'
import pg from 'pg'
import t from 'tap'
import { DbError } from '../src/errors.js'
import { createComputer, getComputer } from '../src/queries/computers.js'
import { createSite, deleteSite, listSites, patchSite } from '../src/queries/sites.js'
import { deleteRow } from '../src/queryable.js'

const database = await createTestDatabase(process.env.DATABASE_URL as string)
await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
const pool = new pg.Pool({ connectionString: database.url, max: 2 })
t.teardown(async () => {
  await pool.end()
  await database.drop()
})

t.test('the example data leaves every sequence past its rows', async (t) => {
  const site = await createSite(pool, { name: 'new' })
  t.equal(site.id, 4)
  const computer = await createComputer(pool, { name: 'c', site_id: 1, mac: '08-00-2B-01-02-03' })
  t.equal(computer.id, 3)
  t.equal(computer.mac, '08:00:2b:01:02:03', 'macaddr normalises the spelling')
  t.equal((await getComputer(pool, 3))?.mac, '08:00:2b:01:02:03')
})

t.test('pages know whether more rows exist', async (t) => {
  const first = await listSites(pool, { limit: 3, offset: 0 })
  t.equal(first.rows.length, 3)
  t.equal(first.hasMore, true)
  const last = await listSites(pool, { limit: 3, offset: 3 })
  t.equal(last.hasMore, false)
})

t.test('patch: jsonb_populate_record keeps unnamed fields and clears nulls', async (t) => {
  const site = await createSite(pool, { name: 'p', contact: 'c', country: 'DE' })
  const patched = await patchSite(pool, site.id, { contact: null })
  t.strictSame(patched, { ...site, contact: null })
  t.equal(await patchSite(pool, 9999, { name: 'x' }), undefined)
})

t.test('a refused delete counts what blocks it', async (t) => {
  const error = (await deleteSite(pool, 1).catch((e) => e)) as DbError
  t.type(error, DbError)
  t.equal(error.code, 'LABTRACK_DB_STILL_REFERENCED')
  t.equal(error.message, 'site 1 still has 2 freezers and 3 computers')
  t.equal(await deleteSite(pool, 9999), false)
})

t.test('deleteRow: other driver errors are mapped, and a count of nothing still explains', async (t) => {
  const bad = (await deleteRow(pool, 'thing', 'DELETE FROM no_such_table WHERE id = $1', 'SELECT 1', 1).catch((e) => e)) as Error
  t.equal((bad as { code?: string }).code, '42P01', 'a bug stays a bug (masked by the HTTP layer)')
  const race = (await deleteRow(
    pool,
    'site',
    'DELETE FROM site WHERE id = $1',
    'SELECT 0::int AS freezers WHERE $1::int > 0',
    1,
  ).catch((e) => e)) as DbError
  t.equal(race.message, 'site 1 still has rows that refer to it')
})

t.test('an unreachable database raises LABTRACK_DB_UNAVAILABLE', async (t) => {
  const down = new pg.Pool({ connectionString: 'postgres://x:y@127.0.0.1:1/none', connectionTimeoutMillis: 1000 })
  t.teardown(() => down.end())
  const error = (await listSites(down, { limit: 1, offset: 0 }).catch((e) => e)) as DbError
  t.type(error, DbError)
  t.equal(error.code, 'LABTRACK_DB_UNAVAILABLE')
  const deleting = (await deleteSite(down, 1).catch((e) => e)) as DbError
  t.equal(deleting.code, 'LABTRACK_DB_UNAVAILABLE')
})
