import { deleteRow, first, page, type Queryable, run } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import type { Freezer, FreezerInput, FreezerPatch } from '../schemas/freezer.js'

const COLUMNS = 'id, name, site_id'

export function listFreezers(db: Queryable, filter: { site_id?: number | undefined }, paging: Page): Promise<PageOf<Freezer>> {
  return page<Freezer>(
    db,
    `SELECT ${COLUMNS} FROM freezer WHERE ($1::int IS NULL OR site_id = $1) ORDER BY id LIMIT $2 OFFSET $3`,
    [filter.site_id ?? null],
    paging,
  )
}

export function getFreezer(db: Queryable, id: number): Promise<Freezer | undefined> {
  return first<Freezer>(db, `SELECT ${COLUMNS} FROM freezer WHERE id = $1`, [id])
}

export async function createFreezer(db: Queryable, freezer: FreezerInput): Promise<Freezer> {
  const rows = await run<Freezer>(db, `INSERT INTO freezer (name, site_id) VALUES ($1, $2) RETURNING ${COLUMNS}`, [
    freezer.name,
    freezer.site_id,
  ])
  return rows[0] as Freezer
}

export function replaceFreezer(db: Queryable, id: number, freezer: FreezerInput): Promise<Freezer | undefined> {
  return first<Freezer>(db, `UPDATE freezer SET name = $2, site_id = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [
    id,
    freezer.name,
    freezer.site_id,
  ])
}

export function patchFreezer(db: Queryable, id: number, patch: FreezerPatch): Promise<Freezer | undefined> {
  return first<Freezer>(
    db,
    `UPDATE freezer AS f SET (name, site_id) = (SELECT p.name, p.site_id FROM jsonb_populate_record(f, $2::jsonb) AS p)
     WHERE f.id = $1 RETURNING ${COLUMNS}`,
    [id, JSON.stringify(patch)],
  )
}

export function deleteFreezer(db: Queryable, id: number): Promise<boolean> {
  return deleteRow(
    db,
    'freezer',
    'DELETE FROM freezer WHERE id = $1',
    'SELECT (SELECT count(*) FROM container WHERE freezer_id = $1)::int AS containers',
    id,
  )
}
