import { type Queryable, run } from '../queryable.js'
import type { Place } from './schemas.js'

interface Step {
  id: number
  uuid: string
  description: string | null
  position: string | null
  site_id: number
  site_name: string
  freezer_id: number
  freezer_name: string
}

/** How a container is named in a place label: its description, else the first 8 hex digits of its uuid (as on small labels). */
export const labelName = ({ description, uuid }: { description: string | null; uuid: string }) => description ?? uuid.slice(0, 8)

/** Where a container is: site › freezer › the containers it is inside › its position. Undefined when there is no such container. */
export async function containerPlace(db: Queryable, id: number): Promise<Place | undefined> {
  // The container first, then each container it is inside, outward.
  const steps = await run<Step>(
    db,
    `WITH RECURSIVE up AS (
         SELECT c.id, c.uuid, c.description, c.position, c.parent_id, c.freezer_id, 0 AS depth FROM container AS c WHERE c.id = $1
         UNION ALL
         SELECT p.id, p.uuid, p.description, p.position, p.parent_id, p.freezer_id, u.depth + 1
         FROM container AS p JOIN up AS u ON p.id = u.parent_id
     )
     SELECT up.id, up.uuid, up.description, up.position, s.id AS site_id, s.name AS site_name,
            f.id AS freezer_id, f.name AS freezer_name
     FROM up JOIN freezer AS f ON f.id = up.freezer_id JOIN site AS s ON s.id = f.site_id
     ORDER BY up.depth`,
    [id],
  )
  const [own, ...outward] = steps
  if (!own) return undefined
  const path = outward.reverse().map(({ id, uuid, description, position }) => ({ id, uuid, description, position }))
  const names = [own.site_name, own.freezer_name, ...path.map(labelName), ...(own.position ? [own.position] : [])]
  return {
    site: { id: own.site_id, name: own.site_name },
    freezer: { id: own.freezer_id, name: own.freezer_name },
    path,
    position: own.position,
    label: names.join(' › '),
  }
}
