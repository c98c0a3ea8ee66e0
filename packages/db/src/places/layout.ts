import { first, type Queryable } from '../queryable.js'
import type { Layout } from './schemas.js'

/** "A1" for row 0, column 0. */
export const positionName = (row: number, col: number) => `${String.fromCharCode(65 + row)}${col + 1}`

interface LayoutRow {
  rows: number | null
  cols: number | null
  occupants: { position: string; id: number; uuid: string; description: string | null }[]
}

/**
 * The grid of a container, every cell with its occupant or null, row by row.
 * Undefined when there is no such container; 'no-grid' when it has none.
 */
export async function containerLayout(db: Queryable, id: number): Promise<Layout | 'no-grid' | undefined> {
  const found = await first<LayoutRow>(
    db,
    `SELECT c.grid_rows AS rows, c.grid_cols AS cols,
            coalesce((SELECT json_agg(json_build_object('position', k.position, 'id', k.id, 'uuid', k.uuid, 'description', k.description))
                      FROM container AS k WHERE k.parent_id = c.id AND k.position IS NOT NULL), '[]') AS occupants
     FROM container AS c WHERE c.id = $1`,
    [id],
  )
  if (!found) return undefined
  const { rows, cols, occupants } = found
  if (rows === null || cols === null) return 'no-grid'
  const byPosition = new Map(occupants.map(({ position, ...container }) => [position, container]))
  const cells = Array.from({ length: rows * cols }, (_, i) => {
    const position = positionName(Math.floor(i / cols), i % cols)
    return { position, container: byPosition.get(position) ?? null }
  })
  return {
    rows,
    cols,
    occupied: occupants.length,
    free: cells.length - occupants.length,
    first_free: cells.find((cell) => cell.container === null)?.position ?? null,
    cells,
  }
}
