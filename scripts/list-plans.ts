import { computer, container, freezer, type ListRequest, type Queryable, resourceStore } from '@labtrack/db'
import { createTestDatabase, openThrowawayServer, withSql } from '@labtrack/db-tools'
import { BIG_FREEZER, BIG_FREEZER_BOXES, fillMillionContainers, tubeId } from './bench/million-containers.js'

// pnpm tsx scripts/list-plans.ts: the plans of the list statements at a million
// containers (the fill of scripts/bench/million-containers.ts): each parent's
// list in id order, first page and a deep page by cursor and by offset, and a
// list of the big freezer sorted by description. Prints EXPLAIN (ANALYZE,
// BUFFERS) of each; asserts nothing. Which index each needs: docs/performance.md.

const server = await openThrowawayServer()
try {
  const database = await createTestDatabase(server.adminUrl)
  const { seconds, ...counts } = await fillMillionContainers(database.url)
  console.log(`filled in ${seconds.toFixed(1)} s:`, counts)
  const page = (filters: ListRequest['filters'], extra: Partial<ListRequest> = {}): ListRequest => ({
    filters,
    sort: [{ column: 'id', desc: false }],
    limit: 100,
    offset: 0,
    after: null,
    count: false,
    ...extra,
  })
  const inBig = [{ column: 'freezer_id', op: 'eq' as const, value: BIG_FREEZER }]
  const deepId = tubeId(BIG_FREEZER_BOXES - 10, 0)
  const cases: [string, typeof container | typeof freezer | typeof computer, ListRequest][] = [
    ['containers of the big freezer, first page', container, page(inBig)],
    ['containers of the big freezer, deep page by cursor', container, page(inBig, { after: [deepId] })],
    ['containers of the big freezer, offset 90,000', container, page(inBig, { offset: 90_000 })],
    [
      'containers of the big freezer by description, deep page by cursor',
      container,
      page(inBig, {
        sort: [
          { column: 'description', desc: false },
          { column: 'id', desc: false },
        ],
        after: ['tube 90000', deepId],
      }),
    ],
    ['freezers of site 1, first page', freezer, page([{ column: 'site_id', op: 'eq', value: 1 }])],
    ['freezers of site 1, by cursor', freezer, page([{ column: 'site_id', op: 'eq', value: 1 }], { after: [5] })],
    ['computers of site 1, first page', computer, page([{ column: 'site_id', op: 'eq', value: 1 }])],
  ]
  await withSql(database.url, async (sql) => {
    await sql.unsafe('ANALYZE')
    for (const [name, resource, request] of cases) {
      const statements: { text: string; values: unknown[] }[] = []
      const db = {
        query: async (statement: { text: string; values?: unknown[] }) => {
          statements.push({ text: statement.text, values: statement.values ?? [] })
          return { rows: await sql.unsafe(statement.text, statement.values as never[]) }
        },
      } as unknown as Queryable
      await resourceStore(resource).list(db, request)
      for (const { text, values } of statements) {
        const plan = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values as never[])
        console.log(`\n--- ${name}\n${text}\n${plan.map((row: Record<string, unknown>) => row['QUERY PLAN']).join('\n')}`)
      }
    }
  })
  await database.drop()
} finally {
  await server.stop()
}
