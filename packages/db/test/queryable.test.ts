import t from 'tap'
import { MAX_NAMED, page, run, statementText } from '../src/queryable.js'
import { accountsDatabase } from './accounts-database.js'

// What each connection has prepared, by its text.
async function prepared(client: { query: (text: string) => Promise<{ rows: { statement: string }[] }> }) {
  const { rows } = await client.query('SELECT statement FROM pg_prepared_statements')
  return rows.map((row) => row.statement)
}

t.test('a statement is prepared once per connection under one name, and answers as before', async (t) => {
  const pool = await accountsDatabase(t, 1)
  const text = 'SELECT $1::int + 1 AS next'
  t.strictSame(await run(pool, text, [1]), [{ next: 2 }])
  t.strictSame(await run(pool, text, [41]), [{ next: 42 }], 'the same name with other values')
  t.strictSame(
    (await prepared(pool)).filter((statement) => statement === text),
    [text],
    'prepared on the connection, once',
  )
  const { rows, hasMore } = await page(pool, 'SELECT n FROM generate_series(1, 5) AS n ORDER BY n LIMIT $1 OFFSET $2', [], {
    limit: 2,
    offset: 1,
  })
  t.strictSame({ rows, hasMore }, { rows: [{ n: 2 }, { n: 3 }], hasMore: true })
})

t.test('every connection of the pool prepares it for itself', async (t) => {
  const pool = await accountsDatabase(t, 2)
  const [a, b] = [await pool.connect(), await pool.connect()]
  t.teardown(() => {
    a.release()
    b.release()
  })
  const text = 'SELECT $1::text AS said'
  t.strictSame(await run(a, text, ['a']), [{ said: 'a' }])
  t.strictSame(await run(b, text, ['b']), [{ said: 'b' }])
  t.ok((await prepared(a)).includes(text))
  t.ok((await prepared(b)).includes(text))
})

t.test('a migration that adds a column while the statements are prepared', async (t) => {
  const pool = await accountsDatabase(t, 1)
  await pool.query('CREATE TABLE shape (id int PRIMARY KEY, label text)')
  await pool.query(`INSERT INTO shape VALUES (1, 'one')`)
  const listed = 'SELECT id, label FROM shape WHERE id = $1'
  const starred = 'SELECT * FROM shape WHERE id = $1'
  t.strictSame(await run(pool, listed, [1]), [{ id: 1, label: 'one' }])
  t.strictSame(await run(pool, starred, [1]), [{ id: 1, label: 'one' }])
  await pool.query('ALTER TABLE shape ADD COLUMN added int DEFAULT 7')
  t.strictSame(await run(pool, listed, [1]), [{ id: 1, label: 'one' }], 'named columns: planned again, same answer')
  t.strictSame(
    await run(pool, starred, [1]),
    [{ id: 1, label: 'one', added: 7 }],
    'columns of the table as it is now: the prepared one is refused, the statement runs unnamed',
  )
  t.strictSame(await run(pool, starred, [1]), [{ id: 1, label: 'one', added: 7 }], 'and stays unnamed')
  await t.rejects(run(pool, 'SELECT * FROM no_such_table', []), { code: '42P01' }, 'other errors are not retried')
})

t.test('beyond the first MAX_NAMED texts, statements run unnamed', async (t) => {
  const pool = await accountsDatabase(t, 1)
  for (let i = 0; i < MAX_NAMED; i++) await run(pool, `SELECT ${i} AS n`, [])
  const late = `SELECT ${MAX_NAMED} AS n`
  t.strictSame(await run(pool, late, []), [{ n: MAX_NAMED }])
  const statements = await prepared(pool)
  t.ok(statements.includes('SELECT 0 AS n'), 'one within the bound is prepared')
  t.notOk(statements.includes(late), 'the next is not')
  await t.rejects(run(pool, 'SELECT * FROM nowhere', []), { code: '42P01' }, 'an unnamed one fails as it would have')
})

t.test('statementText reads a text or a statement', async (t) => {
  t.equal(statementText('SELECT 1'), 'SELECT 1')
  t.equal(statementText({ name: 'n', text: 'SELECT 2', values: [] }), 'SELECT 2')
})
