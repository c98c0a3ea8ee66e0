import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { migrate, ROOT_DIR, startEmbeddedPostgres, withSql } from '@labtrack/db-tools'
import { createTestTokens } from '@labtrack/service-kit/testing'
import { fillMillionContainers, LAST_FILLED_ID } from './million-containers.js'

// The benchmark's database: an embedded PostgreSQL in .data/bench/postgres
// (git-ignored), filled once and kept, so a second run starts in seconds.
// state.json beside it records what the fill made; a run whose FILL_VERSION
// differs, or a missing folder, fills again. Delete .data/bench to refill.

export const BENCH_DIR = join(ROOT_DIR, '.data/bench')
const DATA_DIR = join(BENCH_DIR, 'postgres')
const STATE_FILE = join(BENCH_DIR, 'state.json')
const DATABASE = 'labtrack_bench'
/** Raise when the fill below changes: older folders are filled anew. */
const FILL_VERSION = 1
/** Loose containers (directly in a freezer, no position) that the moves PATCH from freezer to freezer. */
export const LOOSE = 10_000

export interface BenchState {
  version: number
  filledAt: string
  fillSeconds: number
  counts: Record<string, number>
  /** An editor's API token, as a client would send it. */
  token: string
  /** The first and last id of the loose containers. */
  loose: [number, number]
}

export interface BenchDatabase {
  /** For the bench's own queries (postgres.js): loopback TCP. */
  url: string
  /**
   * For labtrack's services, as pnpm stack gives them the embedded database,
   * and for pgbench (libpq reads the same `host` parameter), so each route and
   * its SQL ceiling reach PostgreSQL the same way: the cluster's Unix socket.
   */
  serviceUrl: string
  /** The postmaster's pid (its backends are its children). */
  postgresPid: number
  state: BenchState
  /** Whether this run filled the database (false: reused from an earlier run). */
  filled: boolean
  stop(): Promise<void>
}

async function postmasterPid(): Promise<number> {
  return Number((await readFile(join(DATA_DIR, 'postmaster.pid'), 'utf8')).split('\n')[0])
}

export async function openBenchDatabase(say: (line: string) => void): Promise<BenchDatabase> {
  await mkdir(BENCH_DIR, { recursive: true })
  const cluster = await startEmbeddedPostgres(DATA_DIR)
  const url = cluster.url(DATABASE)
  const serviceUrl = cluster.socketUrl(DATABASE)
  const known = existsSync(STATE_FILE) ? (JSON.parse(await readFile(STATE_FILE, 'utf8')) as BenchState) : undefined
  const [exists] = await withSql(cluster.url('postgres'), (sql) => sql`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`)
  if (known?.version === FILL_VERSION && exists) {
    // New migrations since the fill are applied; the rows stay.
    await migrate(url)
    say(
      `reusing the benchmark database filled on ${known.filledAt} in ${known.fillSeconds.toFixed(0)} s (${DATA_DIR}; delete ${BENCH_DIR} to fill it again)`,
    )
    return { url, serviceUrl, postgresPid: await postmasterPid(), state: known, filled: false, stop: () => cluster.stop() }
  }
  say(`filling the benchmark database in ${DATA_DIR} (1,000 sites, 10,000 freezers, 1,000,400 containers; a minute or two, once)`)
  await withSql(cluster.url('postgres'), async (sql) => {
    await sql`DROP DATABASE IF EXISTS ${sql(DATABASE)} WITH (FORCE)`
    await sql`CREATE DATABASE ${sql(DATABASE)}`
  })
  await migrate(url)
  const { seconds, ...counts } = await fillMillionContainers(url)
  const state = await withSql(url, async (sql) => {
    // Through the triggers, as a client's writes would be: each gets its 'created' event.
    await sql`
      INSERT INTO container (description, freezer_id, location)
      SELECT 'Loose ' || n, 2 + n % 5000, 'bench' FROM generate_series(1, ${LOOSE}) AS n`
    await sql`VACUUM ANALYZE container`
    const { editor } = await createTestTokens(sql)
    return {
      version: FILL_VERSION,
      filledAt: new Date().toISOString(),
      fillSeconds: seconds,
      counts: { ...counts, loose: LOOSE },
      token: editor,
      loose: [LAST_FILLED_ID + 1, LAST_FILLED_ID + LOOSE] as [number, number],
    }
  })
  await writeFile(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`)
  say(`filled in ${seconds.toFixed(0)} s: ${JSON.stringify(state.counts)}`)
  return { url, serviceUrl, postgresPid: await postmasterPid(), state, filled: true, stop: () => cluster.stop() }
}
