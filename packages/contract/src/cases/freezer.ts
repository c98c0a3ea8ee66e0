import { freezer } from '@labtrack/db'
import { inventoryService } from '@labtrack/inventory'
import { expectInvalid, expectProblem, type TestApp } from '@labtrack/service-kit/testing'
import type { Test } from 'tap'
import { parentScope, type ResourceCase, type Row, type Sql } from '../case.js'

export const FREEZER_1: Row = { id: 1, name: '-20C', site_id: 1 }
export const FREEZER_2: Row = { id: 2, name: '-40C', site_id: 1 }

/** Sites of a test's own, in id order. */
export async function insertSites(sql: Sql, tag: string, count: number): Promise<number[]> {
  const rows =
    await sql`INSERT INTO site (name) SELECT ${tag} || ' ' || n FROM generate_series(1, ${count}::int) AS n RETURNING id`
  return rows.map((row) => row.id as number).sort((a, b) => a - b)
}

export const freezers: ResourceCase = {
  resource: freezer,
  service: inventoryService,
  examples: [FREEZER_1, FREEZER_2],
  parents: insertSites,
  body: ({ tag, parents }) => ({ name: tag, site_id: parents[0] }),
  scope: parentScope('site_id', 'name'),
  unique: {},
  badValues: {},
  badFilters: {},
  invalidBody: { body: { name: '', site_id: '1', colour: 'blue' }, pointers: ['/colour', '/name', '/site_id'] },
  hostile: [],
  dependent: [],
  csv: false,
  exampleParents: { other: 2, empty: [3] },
  own,
}

function own(t: Test, { app, sql }: TestApp) {
  t.test('a query parameter the list does not know is refused, not ignored', async (t) => {
    const res = await app.inject('/api/freezers?site_id=1&colour=blue')
    const body = expectInvalid(t, res, 'querystring', '/colour')
    t.equal(body.errors?.find((e) => e.pointer === '/colour')?.detail, 'is not a known parameter')
  })

  t.test('DELETE /api/freezers/:id is refused while the freezer holds containers, and says how many', async (t) => {
    const one = await app.inject({ method: 'DELETE', url: '/api/freezers/1' })
    t.strictSame(one.json(), {
      type: 'urn:labtrack:problem:still-referenced',
      title: 'Conflict',
      status: 409,
      detail: 'freezer 1 still has 5 containers',
    })
    expectProblem(t, one, 409, 'still-referenced', 'freezer 1 still has 5 containers')
    expectProblem(
      t,
      await app.inject({ method: 'DELETE', url: '/api/freezers/2' }),
      409,
      'still-referenced',
      'freezer 2 still has 1 container',
    )
    const [first] = await sql`SELECT id, name, site_id FROM freezer WHERE id = 1`
    t.strictSame({ ...first }, FREEZER_1, 'freezer 1 is still there')
    const [second] = await sql`SELECT id, name, site_id FROM freezer WHERE id = 2`
    t.strictSame({ ...second }, FREEZER_2, 'freezer 2 is still there')
    const containers = await sql`SELECT id, freezer_id FROM container WHERE id IN (1, 2, 3, 4, 5, 6) ORDER BY id`
    t.strictSame(
      containers.map((c) => [c.id, c.freezer_id]),
      [
        [1, 1],
        [2, 1],
        [3, 2],
        [4, 1],
        [5, 1],
        [6, 1],
      ],
      'no container deleted or moved',
    )
    t.strictSame((await app.inject('/api/freezers/1')).json(), FREEZER_1)
  })
}
