import { setImmediate as nextTurn } from 'node:timers/promises'
import t from 'tap'
import { batchedReads } from '../src/resource/batched-reads.js'

/** A readMany over rows 1–9 that records the ids of each statement it is asked to run. */
function standIn() {
  const statements: number[][] = []
  const state: { fail?: Error } = {}
  const readMany = async (ids: number[]) => {
    statements.push(ids)
    if (state.fail) throw state.fail
    return new Map(ids.filter((id) => id < 10).map((id) => [id, { id, name: `row ${id}` }]))
  }
  return { statements, state, read: batchedReads(readMany) }
}

t.test('reads asked for in one turn share one statement, and each gets its own row', async (t) => {
  const { statements, read } = standIn()
  const rows = await Promise.all([read(3), read(1), read(42), read(7)])
  t.strictSame(rows, [{ id: 3, name: 'row 3' }, { id: 1, name: 'row 1' }, undefined, { id: 7, name: 'row 7' }])
  t.strictSame(statements, [[3, 1, 42, 7]], 'one statement, every id once, a missing one answered undefined')
})

t.test('two reads of one id: the id is asked for once, both get the row', async (t) => {
  const { statements, read } = standIn()
  const [a, b] = await Promise.all([read(5), read(5)])
  t.strictSame(a, { id: 5, name: 'row 5' })
  t.strictSame(b, a)
  t.strictSame(statements, [[5]])
})

t.test('a read asked for in a later turn gets a statement of its own', async (t) => {
  const { statements, read } = standIn()
  const first = read(1)
  await nextTurn()
  const second = read(2)
  t.strictSame(await Promise.all([first, second]), [
    { id: 1, name: 'row 1' },
    { id: 2, name: 'row 2' },
  ])
  t.strictSame(statements, [[1], [2]])
  t.strictSame(await read(1), { id: 1, name: 'row 1' }, 'and after an answer, a new read is sent again, not reused')
  t.strictSame(statements, [[1], [2], [1]])
})

t.test("a failed statement fails every read it was for, and not the next turn's", async (t) => {
  const refused = new Error('the database is down')
  const { statements, state, read } = standIn()
  state.fail = refused
  const outcomes = await Promise.allSettled([read(1), read(2), read(2)])
  t.strictSame(
    outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason),
    [refused, refused, refused],
  )
  delete state.fail
  t.strictSame(await read(1), { id: 1, name: 'row 1' }, 'the next turn reads again')
  t.strictSame(statements, [[1, 2], [1]])
})
