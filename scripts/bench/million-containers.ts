import { performance } from 'node:perf_hooks'
import { withSql } from '@labtrack/db-tools'

// A million containers, filled with generate_series: 1,000 sites, 10,000
// freezers (ten a site), 12,200 boxes of 9×9 with 81 tubes each (1,000,400
// containers), the first 1,220 boxes (100,040 containers) in freezer 1, and
// one 'created' event per container. Used by scripts/measure-places.ts and
// pnpm bench (scripts/bench.ts).
//
// The fill runs with container's own triggers disabled (the rules and the
// history would cost a trigger call and a lookup per row, minutes at this
// size); the events are written by one INSERT … SELECT instead.

export const SITES = 1_000
export const FREEZERS = 10_000
export const BOXES = 12_200
export const BIG_FREEZER_BOXES = 1_220
export const PER_BOX = 81
/** The freezer that holds BIG_FREEZER_BOXES boxes and their tubes. */
export const BIG_FREEZER = 1
/** The highest container id the fill writes. */
export const LAST_FILLED_ID = BOXES * (PER_BOX + 1)

/** The id of tube `k` (0–80, A1 … I9) of box `box` (1–BOXES). */
export const tubeId = (box: number, k: number) => BOXES + (box - 1) * PER_BOX + k + 1

export interface FillCounts {
  containers: number
  events: number
  in_big_freezer: number
}

/** Fills an empty labtrack database at `url` (its tables made by the migrations); the counts of what it holds after. */
export async function fillMillionContainers(url: string): Promise<FillCounts & { seconds: number }> {
  const started = performance.now()
  await withSql(url, async (sql) => {
    await sql`INSERT INTO site (id, name) SELECT n, 'Site ' || n FROM generate_series(1, ${SITES}) AS n`
    await sql`INSERT INTO freezer (id, name, site_id) SELECT n, 'Freezer ' || n, 1 + (n - 1) / 10 FROM generate_series(1, ${FREEZERS}) AS n`
    await sql`ALTER TABLE container DISABLE TRIGGER USER`
    await sql`
      INSERT INTO container (id, description, freezer_id, grid_rows, grid_cols, location)
      SELECT n, 'Box ' || n, CASE WHEN n <= ${BIG_FREEZER_BOXES} THEN ${BIG_FREEZER} ELSE 2 + n % 9999 END, 9, 9, 'shelf ' || n % 5
      FROM generate_series(1, ${BOXES}) AS n`
    await sql`
      INSERT INTO container (id, description, freezer_id, parent_id, position)
      SELECT ${BOXES} + (b - 1) * ${PER_BOX} + k + 1, 'Tube ' || b || '-' || k,
             CASE WHEN b <= ${BIG_FREEZER_BOXES} THEN ${BIG_FREEZER} ELSE 2 + b % 9999 END, b, chr(65 + k / 9) || (k % 9 + 1)
      FROM generate_series(1, ${BOXES}) AS b, generate_series(0, ${PER_BOX - 1}) AS k`
    await sql`ALTER TABLE container ENABLE TRIGGER USER`
    await sql`
      INSERT INTO container_event (container_id, container_uuid, actor, action, changes, freezer_to)
      SELECT id, uuid, 'measure', 'created', jsonb_build_object('freezer_id', jsonb_build_object('from', NULL, 'to', freezer_id)), freezer_id
      FROM container ORDER BY id`
    for (const table of ['site', 'freezer', 'container']) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql(table)}))`
    }
    await sql`VACUUM ANALYZE`
  })
  const [counts] = (await withSql(
    url,
    (
      sql,
    ) => sql`SELECT (SELECT count(*) FROM container)::int AS containers, (SELECT count(*) FROM container_event)::int AS events,
                        (SELECT count(*) FROM container WHERE freezer_id = ${BIG_FREEZER})::int AS in_big_freezer`,
  )) as unknown as [FillCounts]
  return { ...counts, seconds: (performance.now() - started) / 1000 }
}
