import { first, page, type Queryable, run } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import type { Container, ContainerInput, ContainerPatch } from '../schemas/container.js'

const COLUMNS = 'id, uuid, description, freezer_id'

export function listContainers(
  db: Queryable,
  filter: { freezer_id?: number | undefined; uuid?: string | undefined },
  paging: Page,
): Promise<PageOf<Container>> {
  return page<Container>(
    db,
    `SELECT ${COLUMNS} FROM container
     WHERE ($1::int IS NULL OR freezer_id = $1) AND ($2::uuid IS NULL OR uuid = $2)
     ORDER BY id LIMIT $3 OFFSET $4`,
    [filter.freezer_id ?? null, filter.uuid ?? null],
    paging,
  )
}

export function getContainer(db: Queryable, id: number): Promise<Container | undefined> {
  return first<Container>(db, `SELECT ${COLUMNS} FROM container WHERE id = $1`, [id])
}

export async function createContainer(db: Queryable, container: ContainerInput): Promise<Container> {
  const rows = await run<Container>(
    db,
    `INSERT INTO container (uuid, description, freezer_id) VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3)
     RETURNING ${COLUMNS}`,
    [container.uuid ?? null, container.description ?? null, container.freezer_id],
  )
  return rows[0] as Container
}

/** A replace without `uuid` keeps the container's uuid: it labels the physical tube. */
export function replaceContainer(db: Queryable, id: number, container: ContainerInput): Promise<Container | undefined> {
  return first<Container>(
    db,
    `UPDATE container SET uuid = COALESCE($2::uuid, uuid), description = $3, freezer_id = $4 WHERE id = $1
     RETURNING ${COLUMNS}`,
    [id, container.uuid ?? null, container.description ?? null, container.freezer_id],
  )
}

export function patchContainer(db: Queryable, id: number, patch: ContainerPatch): Promise<Container | undefined> {
  return first<Container>(
    db,
    `UPDATE container AS c SET (uuid, description, freezer_id) =
       (SELECT p.uuid, p.description, p.freezer_id FROM jsonb_populate_record(c, $2::jsonb) AS p)
     WHERE c.id = $1 RETURNING ${COLUMNS}`,
    [id, JSON.stringify(patch)],
  )
}

/** Containers have no children: a delete is never blocked. */
export async function deleteContainer(db: Queryable, id: number): Promise<boolean> {
  const rows = await run(db, 'DELETE FROM container WHERE id = $1 RETURNING id', [id])
  return rows.length === 1
}
