import { first, page, type Queryable, run } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import type { Computer, ComputerInput, ComputerPatch } from '../schemas/computer.js'

// macaddr compares case-insensitively and prints as lower-case aa:bb:cc:dd:ee:ff.
const COLUMNS = 'id, name, mac::text AS mac, site_id'

export function listComputers(db: Queryable, filter: { site_id?: number | undefined }, paging: Page): Promise<PageOf<Computer>> {
  return page<Computer>(
    db,
    `SELECT ${COLUMNS} FROM computer WHERE ($1::int IS NULL OR site_id = $1) ORDER BY id LIMIT $2 OFFSET $3`,
    [filter.site_id ?? null],
    paging,
  )
}

export function getComputer(db: Queryable, id: number): Promise<Computer | undefined> {
  return first<Computer>(db, `SELECT ${COLUMNS} FROM computer WHERE id = $1`, [id])
}

export async function createComputer(db: Queryable, computer: ComputerInput): Promise<Computer> {
  const rows = await run<Computer>(db, `INSERT INTO computer (name, mac, site_id) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
    computer.name,
    computer.mac ?? null,
    computer.site_id,
  ])
  return rows[0] as Computer
}

export function replaceComputer(db: Queryable, id: number, computer: ComputerInput): Promise<Computer | undefined> {
  return first<Computer>(db, `UPDATE computer SET name = $2, mac = $3, site_id = $4 WHERE id = $1 RETURNING ${COLUMNS}`, [
    id,
    computer.name,
    computer.mac ?? null,
    computer.site_id,
  ])
}

export function patchComputer(db: Queryable, id: number, patch: ComputerPatch): Promise<Computer | undefined> {
  return first<Computer>(
    db,
    `UPDATE computer AS c SET (name, mac, site_id) =
       (SELECT p.name, p.mac, p.site_id FROM jsonb_populate_record(c, $2::jsonb) AS p)
     WHERE c.id = $1 RETURNING ${COLUMNS}`,
    [id, JSON.stringify(patch)],
  )
}

/** Computers have no children: a delete is never blocked. */
export async function deleteComputer(db: Queryable, id: number): Promise<boolean> {
  const rows = await run(db, 'DELETE FROM computer WHERE id = $1 RETURNING id', [id])
  return rows.length === 1
}
