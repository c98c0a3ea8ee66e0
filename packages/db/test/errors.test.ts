import t from 'tap'
import { DbError, toDbError } from '../src/errors.js'
import { constraintSubjects } from '../src/resource/store.js'
import { computer, container, freezer, site } from '../src/resources/index.js'

// What each constraint guards comes from the resource definitions.
const subjects = Object.assign({}, ...[site, freezer, container, computer].map(constraintSubjects))

const pgError = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(`driver text ${code}`), { code, ...extra })

t.test('unique violations are conflicts naming what is taken', async (t) => {
  const uuid = toDbError(pgError('23505', { constraint: 'container_uuid_key' }), subjects) as DbError
  t.type(uuid, DbError)
  t.equal(uuid.code, 'LABTRACK_DB_CONFLICT')
  t.equal(uuid.message, 'a container with this uuid already exists')
  t.equal(
    (toDbError(pgError('23505', { constraint: 'computer_mac_key' }), subjects) as DbError).message,
    'a computer with this mac already exists',
  )
  t.equal(
    (toDbError(pgError('23505', { constraint: 'site_pkey' }), subjects) as DbError).message,
    'a site with this id already exists',
  )
  t.equal((toDbError(pgError('23505', { constraint: 'other' })) as DbError).message, 'a row with this value already exists')
})

t.test('foreign-key violations on insert or update name the unknown parent', async (t) => {
  const error = toDbError(pgError('23503', { constraint: 'freezer_site_id_fkey' }), subjects) as DbError
  t.equal(error.code, 'LABTRACK_DB_UNKNOWN_PARENT')
  t.equal(error.message, 'site_id does not name an existing row')
  t.equal(
    (toDbError(pgError('23503', { constraint: 'container_freezer_id_fkey' }), subjects) as DbError).message,
    'freezer_id does not name an existing row',
  )
  t.equal((toDbError(pgError('23503')) as DbError).message, 'a parent id does not name an existing row')
})

t.test('values Postgres rejects are bad input, without the driver text', async (t) => {
  for (const code of ['22P02', '22003', '22021', '22001', '23514', '23502']) {
    const error = toDbError(pgError(code)) as DbError
    t.equal(error.code, 'LABTRACK_DB_BAD_INPUT', code)
    t.notMatch(error.message, /driver/, code)
  }
  t.equal((toDbError(pgError('2200H')) as DbError).code, 'LABTRACK_DB_CONFLICT', 'an exhausted id sequence')
})

t.test('a database that is not there is unavailable', async (t) => {
  for (const code of ['08006', '08001', '08003', '57P01', '57P03', '53300', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND']) {
    t.equal((toDbError(pgError(code)) as DbError).code, 'LABTRACK_DB_UNAVAILABLE', code)
  }
  t.equal((toDbError(new Error('Connection terminated unexpectedly')) as DbError).code, 'LABTRACK_DB_UNAVAILABLE')
  t.equal((toDbError(new Error('timeout exceeded when trying to connect')) as DbError).code, 'LABTRACK_DB_UNAVAILABLE')
})

t.test('anything else is returned untouched', async (t) => {
  const syntax = pgError('42601')
  t.equal(toDbError(syntax), syntax)
  const protocol = pgError('08P01')
  t.equal(toDbError(protocol), protocol, 'a protocol violation is a bug, not an outage')
  const plain = new Error('bug')
  t.equal(toDbError(plain), plain)
  t.equal(toDbError('a string'), 'a string')
  t.equal(toDbError(null), null)
  const bare = {}
  t.equal(toDbError(bare), bare, 'an object with neither code nor message')
  const already = new DbError('LABTRACK_DB_CONFLICT', 'x')
  t.equal(toDbError(already), already)
})
