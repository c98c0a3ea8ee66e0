import { createAccount, DbError } from '@labtrack/db'
import t from 'tap'
import { queryableOf } from '../src/queryable.js'
import { cliDatabase } from './cli-database.js'

t.test("postgres.js behind pg's query(text, values)", async (t) => {
  const { sql } = await cliDatabase(t)
  const db = queryableOf(sql)
  const sum = await db.query<{ n: number }>('SELECT $1::int + $2::int AS n', [1, 2])
  t.strictSame(sum.rows, [{ n: 3 }], 'bind parameters')
  t.match(sum, { rowCount: 1, command: 'SELECT' })
  t.strictSame((await db.query('SELECT 1 AS one')).rows, [{ one: 1 }], 'no values')
  const inserted = await db.query(
    `INSERT INTO account (name, role, password_hash) VALUES ('a', 'viewer', 'x'), ('b', 'viewer', 'x')`,
  )
  t.match(inserted, { rows: [], rowCount: 2, command: 'INSERT' })
})

t.test("errors keep the driver's fields, with the constraint where @labtrack/db looks for it", async (t) => {
  const { sql } = await cliDatabase(t)
  const db = queryableOf(sql)
  await createAccount(db, { name: 'taken', role: 'viewer', password: 'a long enough password' })
  const duplicate = await createAccount(db, { name: 'taken', role: 'viewer', password: 'a long enough password' }).catch(
    (error: unknown) => error,
  )
  t.type(duplicate, DbError)
  t.match(duplicate, { code: 'LABTRACK_DB_CONFLICT', message: 'a user with this name already exists' })
  const raw = await db.query('INSERT INTO account (name) VALUES ($1)', ['x']).catch((error: unknown) => error)
  t.match(raw, { code: '23502', constraint: undefined, message: /null value in column/ }, 'a violation of no named constraint')
  await t.rejects(db.query('SELEC 1'), { code: '42601' })
})
