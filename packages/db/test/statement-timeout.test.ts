import t from 'tap'
import { DbError, toDbError } from '../src/errors.js'
import { run } from '../src/queryable.js'
import { accountsDatabase } from './accounts-database.js'

t.test('a statement cancelled by statement_timeout: the database did not answer in time', async (t) => {
  const pool = await accountsDatabase(t)
  const client = await pool.connect()
  t.teardown(() => client.release())
  await client.query('SET statement_timeout = 1')
  const error = await run(client, 'SELECT pg_sleep(1)', []).catch((error: unknown) => error)
  t.type(error, DbError)
  t.match(error, { code: 'LABTRACK_DB_UNAVAILABLE', message: 'the database did not answer in time' })
  t.notMatch((error as Error).message, /cancel/, 'not the driver text')
  await client.query('RESET statement_timeout')
  t.strictSame(await run(client, 'SELECT 1 AS one', []), [{ one: 1 }], 'the connection still works')
})

t.test('SQLSTATE 57014 alone maps the same way', async (t) => {
  const error = toDbError(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))
  t.match(error, { name: 'DbError', code: 'LABTRACK_DB_UNAVAILABLE', message: 'the database did not answer in time' })
})
