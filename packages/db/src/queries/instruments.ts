import { page, type Queryable } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import type { Instrument } from '../schemas/instrument.js'

// The seed's UNION view of computers and freezers, in a stable order: site,
// then computers before freezers, then id.
const INSTRUMENTS = `
  SELECT s.id AS site_id, s.name AS site_name, c.id AS computer_id, NULL::int AS freezer_id, c.name AS name, 0 AS kind, c.id AS instrument_id
  FROM computer AS c JOIN site AS s ON s.id = c.site_id
  WHERE $1::int IS NULL OR s.id = $1
  UNION ALL
  SELECT s.id, s.name, NULL, f.id, f.name, 1, f.id
  FROM freezer AS f JOIN site AS s ON s.id = f.site_id
  WHERE $1::int IS NULL OR s.id = $1`

/** Every site's instruments, or one site's when `siteId` is given. */
export function listInstruments(db: Queryable, siteId: number | null, paging: Page): Promise<PageOf<Instrument>> {
  return page<Instrument>(
    db,
    `SELECT site_id, site_name, computer_id, freezer_id, name FROM (${INSTRUMENTS}) AS i
     ORDER BY site_id, kind, instrument_id LIMIT $2 OFFSET $3`,
    [siteId],
    paging,
  )
}
