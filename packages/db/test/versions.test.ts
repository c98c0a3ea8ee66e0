import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { DbError } from '../src/errors.js'
import { resourceStore } from '../src/resource/store.js'
import type { Refusal, Versioned } from '../src/resource/version.js'
import { freezer, site } from '../src/resources/index.js'
import { exampleDatabase } from './example-database.js'

const pool = await exampleDatabase(t, 4)

const sites = resourceStore(site)
const freezers = resourceStore(freezer)
/** What a write stored (undefined for a refusal, which no expectation equals). */
const written = <T>(outcome: Versioned<T> | Refusal) => outcome as Versioned<T>
const versionOf = async (id: number) => (await sites.read(pool, id))?.version

t.test('every write gives the row a new version; reads give the current one; the row itself carries none', async (t) => {
  const created = await sites.create(pool, { name: 'versioned' })
  t.match(created.version, /^\d+$/)
  t.strictSame(Object.keys(created.row).sort(), [
    'address',
    'contact',
    'country',
    'id',
    'name',
    'postcode_or_zip',
    'state_or_region',
  ])
  const { id } = created.row
  t.strictSame(await sites.read(pool, id), created, 'read gives the row and version the write gave')
  t.strictSame(await sites.get(pool, id), created.row, 'get gives the row alone')
  const patched = written(await sites.patch(pool, id, { contact: 'someone' }))
  t.not(patched.version, created.version, 'a patch changes it')
  const replaced = written(await sites.replace(pool, id, { name: 'versioned', contact: 'someone' }))
  t.strictSame(replaced.row, patched.row, 'a replace that changes no value…')
  t.not(replaced.version, patched.version, '…still changes the version: every write does')
  await sites.patch(pool, 2, { contact: 'another row' })
  t.equal(await versionOf(id), replaced.version, "another row's write leaves it")
  t.equal(await sites.read(pool, 999_999), undefined)
})

t.test('VACUUM FREEZE and VACUUM FULL keep the versions', async (t) => {
  const { row, version } = await sites.create(pool, { name: 'vacuumed' })
  await pool.query('VACUUM (FREEZE) site')
  t.equal(await versionOf(row.id), version, 'freezing keeps the raw xmin')
  await pool.query('VACUUM FULL site')
  t.equal(await versionOf(row.id), version, 'rewriting the table keeps it')
})

t.test('a conditional write happens only on a version it names, else says whether the row is there', async (t) => {
  const { row, version } = await sites.create(pool, { name: 'conditional' })
  const current = written(await sites.patch(pool, row.id, { contact: 'first' }))
  const stale = [version]
  t.equal(await sites.patch(pool, row.id, { contact: 'second' }, stale), 'changed', 'patch on a stale version')
  t.equal(await sites.replace(pool, row.id, { name: 'second' }, stale), 'changed', 'replace on a stale version')
  t.equal(await sites.remove(pool, row.id, stale), 'changed', 'delete on a stale version')
  t.equal(await sites.patch(pool, row.id, { contact: 'second' }, []), 'changed', 'no version at all')
  for (const tag of ["1' OR '1'='1", `${current.version} `, '', 'x'.repeat(1000)]) {
    t.equal(await sites.patch(pool, row.id, { contact: 'second' }, [tag]), 'changed', `tag ${JSON.stringify(tag)}`)
  }
  t.strictSame(await sites.read(pool, row.id), current, 'nothing was written')

  const again = written(await sites.patch(pool, row.id, { contact: 'second' }, ['12', current.version]))
  t.strictSame(again.row, { ...current.row, contact: 'second' }, 'one of the versions named is the current one')
  const replaced = written(await sites.replace(pool, row.id, { name: 'replaced' }, [again.version]))
  t.equal(replaced.row.name, 'replaced')
  t.equal(await sites.remove(pool, row.id, [again.version]), 'changed')
  t.equal(await sites.remove(pool, row.id, [replaced.version]), 'deleted')
  t.equal(await sites.read(pool, row.id), undefined)
  t.equal(
    await sites.patch(pool, row.id, { contact: 'x' }, [replaced.version]),
    'missing',
    'a missing row is missing, not changed',
  )
  t.equal(await sites.replace(pool, row.id, { name: 'x' }, []), 'missing')
  t.equal(await sites.remove(pool, row.id, [replaced.version]), 'missing')
})

t.test('a conditional delete of a row with children: 409 on its version, refused as changed on another', async (t) => {
  const { row, version } = await sites.create(pool, { name: 'parent' })
  await freezers.create(pool, { name: 'child', site_id: row.id })
  const blocked = (await sites.remove(pool, row.id, [version]).catch((e: unknown) => e)) as DbError
  t.type(blocked, DbError)
  t.equal(blocked.code, 'LABTRACK_DB_STILL_REFERENCED')
  t.equal(await sites.remove(pool, row.id, ['1']), 'changed', 'a stale version is refused before the children count')
})

/** Waits (without a deadline on the outcome) until a backend of this database waits for a lock. */
async function someoneWaitsForALock() {
  for (let i = 0; i < 1000; i++) {
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
    if (rows[0]?.n === 1) return
    await sleep(10)
  }
  throw new Error('the second writer never waited for the row lock')
}

t.test('two writers holding the same version: the one that waited for the other is refused', async (t) => {
  for (const [end, expected] of [
    ['COMMIT', 'changed'],
    ['ROLLBACK', 'written'],
  ] as const) {
    const { row, version } = await sites.create(pool, { name: 'contended' })
    const first = await pool.connect()
    try {
      await first.query('BEGIN')
      const mine = written(await sites.patch(first, row.id, { contact: 'first writer' }, [version]))
      t.equal(mine.row.contact, 'first writer')
      // Checked when its UPDATE gets the row lock, against the row as the first writer left it.
      const second = sites.patch(pool, row.id, { contact: 'second writer' }, [version])
      await someoneWaitsForALock()
      await first.query(end)
      const outcome = await second
      t.equal(typeof outcome === 'string' ? outcome : 'written', expected, `the first writer's ${end}`)
      const stored = await sites.get(pool, row.id)
      t.equal(stored?.contact, expected === 'changed' ? 'first writer' : 'second writer', `after ${end}: one change, whole`)
    } finally {
      first.release()
    }
  }
})
