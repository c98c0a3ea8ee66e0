import { type Queryable, run } from '../queryable.js'
import { type ListRequest, listStatements } from '../resource/list.js'
import { container } from '../resources/container.js'

/** The columns of a container CSV, in order: what the export writes and the import reads (id, site and freezer only to read). */
export const CONTAINER_CSV_COLUMNS = [
  'id',
  'uuid',
  'description',
  'site',
  'freezer_id',
  'freezer',
  'parent_uuid',
  'position',
  'location',
] as const

export type ContainerCsvRow = Record<(typeof CONTAINER_CSV_COLUMNS)[number], string | number | null>

// Every column of the row (the list's sort keys among them), and the names a person reads.
const SELECT = `container.*,
  (SELECT s.name FROM freezer AS f JOIN site AS s ON s.id = f.site_id WHERE f.id = container.freezer_id) AS site,
  (SELECT f.name FROM freezer AS f WHERE f.id = container.freezer_id) AS freezer,
  (SELECT p.uuid FROM container AS p WHERE p.id = container.parent_id) AS parent_uuid`

export const EXPORT_BATCH = 1000

/**
 * Every container the list request's filters match, in its sort order, a batch
 * at a time: each batch one statement that continues after the last row of the
 * one before (keyset), so no statement holds the table for the whole export
 * and a deep batch costs what the first does.
 */
export async function* exportContainers(
  db: Queryable,
  request: ListRequest,
  batch = EXPORT_BATCH,
): AsyncGenerator<ContainerCsvRow[], void, undefined> {
  let after: unknown[] | null = null
  for (;;) {
    const { page } = listStatements(container, SELECT, { ...request, limit: batch, offset: 0, after, count: false })
    const rows = await run<Record<string, unknown>>(db, page.text, page.values)
    const more = rows.length > batch
    if (more) rows.pop()
    yield rows as ContainerCsvRow[]
    if (!more) return
    const last = rows.at(-1) as Record<string, unknown>
    after = request.sort.map(({ column }) => last[column])
  }
}
