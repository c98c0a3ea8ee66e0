import { deleteRow, first, page, type Queryable, run } from '../queryable.js'
import type { Page, PageOf } from '../schemas/common.js'
import type { Site, SiteInput, SitePatch } from '../schemas/site.js'

const COLUMNS = 'id, name, contact, address, state_or_region, country, postcode_or_zip'

export function listSites(db: Queryable, paging: Page): Promise<PageOf<Site>> {
  return page<Site>(db, `SELECT ${COLUMNS} FROM site ORDER BY id LIMIT $1 OFFSET $2`, [], paging)
}

export function getSite(db: Queryable, id: number): Promise<Site | undefined> {
  return first<Site>(db, `SELECT ${COLUMNS} FROM site WHERE id = $1`, [id])
}

export async function createSite(db: Queryable, site: SiteInput): Promise<Site> {
  const rows = await run<Site>(
    db,
    `INSERT INTO site (name, contact, address, state_or_region, country, postcode_or_zip)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    siteValues(site),
  )
  return rows[0] as Site
}

export function replaceSite(db: Queryable, id: number, site: SiteInput): Promise<Site | undefined> {
  return first<Site>(
    db,
    `UPDATE site SET name = $2, contact = $3, address = $4, state_or_region = $5, country = $6, postcode_or_zip = $7
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, ...siteValues(site)],
  )
}

// jsonb_populate_record takes every field the patch names from the patch and
// every other field from the current row, so one fixed statement serves any patch.
export function patchSite(db: Queryable, id: number, patch: SitePatch): Promise<Site | undefined> {
  return first<Site>(
    db,
    `UPDATE site AS s SET (name, contact, address, state_or_region, country, postcode_or_zip) =
       (SELECT p.name, p.contact, p.address, p.state_or_region, p.country, p.postcode_or_zip
        FROM jsonb_populate_record(s, $2::jsonb) AS p)
     WHERE s.id = $1 RETURNING ${COLUMNS}`,
    [id, JSON.stringify(patch)],
  )
}

export function deleteSite(db: Queryable, id: number): Promise<boolean> {
  return deleteRow(
    db,
    'site',
    'DELETE FROM site WHERE id = $1',
    `SELECT (SELECT count(*) FROM freezer WHERE site_id = $1)::int AS freezers,
            (SELECT count(*) FROM computer WHERE site_id = $1)::int AS computers`,
    id,
  )
}

/** The seed's `POST /site/<id>`: creates the site with that id or replaces it; says which it did. */
export async function upsertSite(db: Queryable, id: number, site: SiteInput): Promise<{ site: Site; created: boolean }> {
  const [row] = await run<Site & { created: boolean }>(
    db,
    `INSERT INTO site (id, name, contact, address, state_or_region, country, postcode_or_zip)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, contact = EXCLUDED.contact, address = EXCLUDED.address,
       state_or_region = EXCLUDED.state_or_region, country = EXCLUDED.country, postcode_or_zip = EXCLUDED.postcode_or_zip
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [id, ...siteValues(site)],
  )
  const { created, ...saved } = row as Site & { created: boolean }
  // An explicit id may pass the identity sequence: move it past the highest id
  // so the next POST /api/sites does not collide.
  if (created) await run(db, `SELECT setval(pg_get_serial_sequence('site', 'id'), max(id)) FROM site`, [])
  return { site: saved, created }
}

function siteValues(site: SiteInput): unknown[] {
  return [
    site.name,
    site.contact ?? null,
    site.address ?? null,
    site.state_or_region ?? null,
    site.country ?? null,
    site.postcode_or_zip ?? null,
  ]
}
