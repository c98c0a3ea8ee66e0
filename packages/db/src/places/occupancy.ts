import { first, type Queryable } from '../queryable.js'
import type { Occupancy } from './schemas.js'

/** How full a freezer is: its containers at every depth, and each of its boxes' capacity and occupied cells. Undefined when there is no such freezer. */
export async function freezerOccupancy(db: Queryable, freezerId: number): Promise<Occupancy | undefined> {
  return first<Occupancy>(
    db,
    `WITH RECURSIVE tree AS (
         SELECT id, 1 AS depth FROM container WHERE freezer_id = $1 AND parent_id IS NULL
         UNION ALL
         -- Everything inside has the freezer's id too: the condition keeps the join to the freezer's rows.
         SELECT c.id, t.depth + 1 FROM container AS c JOIN tree AS t ON c.parent_id = t.id WHERE c.freezer_id = $1
     ),
     levels AS (SELECT depth, count(*)::int AS containers FROM tree GROUP BY depth),
     boxes AS (
         SELECT b.id, b.uuid, b.description, b.parent_id, b.position, b.grid_rows AS rows, b.grid_cols AS cols,
                b.grid_rows * b.grid_cols AS capacity,
                (SELECT count(*) FROM container AS k WHERE k.parent_id = b.id AND k.position IS NOT NULL)::int AS occupied
         FROM container AS b WHERE b.freezer_id = $1 AND b.grid_rows IS NOT NULL
     )
     SELECT f.id AS freezer_id,
            coalesce((SELECT sum(containers) FROM levels), 0)::int AS containers,
            coalesce((SELECT json_agg(levels ORDER BY depth) FROM levels), '[]') AS levels,
            coalesce((SELECT json_agg(boxes ORDER BY id) FROM boxes), '[]') AS boxes
     FROM freezer AS f WHERE f.id = $1`,
    [freezerId],
  )
}
