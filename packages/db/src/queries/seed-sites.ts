import { type Queryable, run } from '../queryable.js'
import type { InputOf } from '../resource/schemas.js'
import { type Site, site } from '../resources/index.js'

const SITE_COLUMNS = Object.keys(site.columns)
const columns = SITE_COLUMNS.join(', ')

/** The seed's `POST /site/<id>`: creates the site with that id or replaces it; says which it did. */
export async function upsertSite(
  db: Queryable,
  id: number,
  input: InputOf<typeof site>,
): Promise<{ site: Site; created: boolean }> {
  const values = SITE_COLUMNS.map((name) => (input as Record<string, unknown>)[name] ?? null)
  const [row] = await run<Site & { created: boolean }>(
    db,
    `INSERT INTO site (id, ${columns}) VALUES ($1, ${SITE_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${SITE_COLUMNS.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
     RETURNING id, ${columns}, (xmax = 0) AS created`,
    [id, ...values],
  )
  const { created, ...saved } = row as Site & { created: boolean }
  // An explicit id may pass the identity sequence: move it past the highest id
  // so the next POST /api/sites does not collide.
  if (created) await run(db, `SELECT setval(pg_get_serial_sequence('site', 'id'), max(id)) FROM site`, [])
  return { site: saved, created }
}
