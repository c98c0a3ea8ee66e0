import { type Static, Type } from '@sinclair/typebox'
import { type Queryable, run } from '../queryable.js'
import { Id, Nullable, UUID_PATTERN } from '../schemas/common.js'

export const SEARCH_KINDS = ['site', 'freezer', 'computer', 'container'] as const

export const SearchHit = Type.Object(
  {
    kind: Type.Union(
      SEARCH_KINDS.map((kind) => Type.Literal(kind)),
      { description: 'which collection the row is in: /api/<kind>s/<id>' },
    ),
    id: Id,
    label: Type.String({
      description: "a site's, freezer's or computer's name; a container's description, or its uuid's first 8 hex digits",
    }),
    place: Nullable(
      Type.String({
        description:
          "where it is: a container's site › freezer › boxes › position, a freezer's or computer's site, a site's address",
      }),
    ),
  },
  { additionalProperties: false },
)
export type SearchHit = Static<typeof SearchHit>

const UUID = new RegExp(UUID_PATTERN)
const UUID_PREFIX = /^[0-9A-Fa-f]{8}$/

/** `text` as a LIKE pattern that matches it anywhere: %, _ and \ in it are just characters. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`

// Uuid matches first (what a scanner types), then sites, freezers, computers
// and containers whose name or description holds the text, each in id order.
// Every branch is served by an index of migration 005 (or container_uuid_key);
// a branch whose parameter is null is skipped by the planner. Each branch is
// limited alone, so no branch reads more than the answer can hold.
// The place of a container climbs its parents (at most 64: the triggers keep
// the chain acyclic, the bound keeps a broken one finite).
export const SEARCH_SQL = `
WITH RECURSIVE found AS (
  (SELECT 0 AS rank, 'container' AS kind, id FROM container WHERE uuid = $2::uuid LIMIT 1)
  UNION ALL
  (SELECT 1, 'container', id FROM container WHERE left(uuid::text, 8) = $3::text ORDER BY id LIMIT $4)
  UNION ALL
  (SELECT 2, 'site', id FROM site WHERE name ILIKE $1 ORDER BY id LIMIT $4)
  UNION ALL
  (SELECT 3, 'freezer', id FROM freezer WHERE name ILIKE $1 ORDER BY id LIMIT $4)
  UNION ALL
  (SELECT 4, 'computer', id FROM computer WHERE name ILIKE $1 ORDER BY id LIMIT $4)
  UNION ALL
  (SELECT 5, 'container', id FROM container WHERE description ILIKE $1 ORDER BY id LIMIT $4)
),
hits AS (
  SELECT DISTINCT ON (kind, id) rank, kind, id FROM found ORDER BY kind, id, rank
),
chain AS (
  SELECT h.id AS hit, c.parent_id, c.description, c.uuid, 0 AS depth
  FROM hits AS h JOIN container AS c ON c.id = h.id WHERE h.kind = 'container'
  UNION ALL
  SELECT chain.hit, p.parent_id, p.description, p.uuid, chain.depth + 1
  FROM chain JOIN container AS p ON p.id = chain.parent_id WHERE chain.depth < 64
),
boxes AS (
  SELECT hit, string_agg(coalesce(description, left(uuid::text, 8)), ' › ' ORDER BY depth DESC) AS path
  FROM chain WHERE depth > 0 GROUP BY hit
)
SELECT h.kind, h.id,
  CASE h.kind
    WHEN 'site' THEN s.name
    WHEN 'freezer' THEN f.name
    WHEN 'computer' THEN m.name
    ELSE coalesce(c.description, left(c.uuid::text, 8))
  END AS label,
  CASE h.kind
    WHEN 'site' THEN nullif(concat_ws(', ', s.address, s.state_or_region, s.postcode_or_zip, s.country), '')
    WHEN 'freezer' THEN fs.name
    WHEN 'computer' THEN ms.name
    ELSE concat_ws(' › ', cs.name, cf.name, b.path, c.position)
  END AS place
FROM hits AS h
LEFT JOIN site AS s ON h.kind = 'site' AND s.id = h.id
LEFT JOIN freezer AS f ON h.kind = 'freezer' AND f.id = h.id
LEFT JOIN site AS fs ON fs.id = f.site_id
LEFT JOIN computer AS m ON h.kind = 'computer' AND m.id = h.id
LEFT JOIN site AS ms ON ms.id = m.site_id
LEFT JOIN container AS c ON h.kind = 'container' AND c.id = h.id
LEFT JOIN freezer AS cf ON cf.id = c.freezer_id
LEFT JOIN site AS cs ON cs.id = cf.site_id
LEFT JOIN boxes AS b ON b.hit = h.id AND h.kind = 'container'
ORDER BY h.rank, h.id
LIMIT $4`

/** SEARCH_SQL's parameters for a query text: its LIKE pattern, the uuid it is, the uuid prefix it is (else null), the limit. */
export function searchParameters(q: string, limit: number): [string | null, string | null, string | null, number] {
  const text = q.trim()
  const uuid = UUID.test(text) ? text.toLowerCase() : null
  const prefix = UUID_PREFIX.test(text) ? text.toLowerCase() : null
  // A whole uuid is what a scanner types: no name holds one, so the text branches are skipped.
  return [uuid ? null : containsPattern(text), uuid, prefix, limit]
}

/**
 * Sites, freezers and computers whose name holds `q`, containers whose
 * description holds it (ignoring case), and the container whose uuid is `q` or
 * begins with it when `q` is 8 hex digits: at most `limit`, with where each is.
 */
export function search(db: Queryable, q: string, limit: number): Promise<SearchHit[]> {
  return run<SearchHit>(db, SEARCH_SQL, searchParameters(q, limit))
}
