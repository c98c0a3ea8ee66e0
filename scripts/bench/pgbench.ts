import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Captured } from './capture.js'

// The database ceiling of a route: its statements (as captured) replayed by
// pgbench against the same database, one transaction per request, with the
// same parameters, in -M prepared (what named prepared statements get: parse
// and plan once per connection) and -M extended (node-pg's unnamed protocol:
// parse, bind and execute every time). pgbench binds :variables as parameters
// in both modes; it cannot send a NULL, so a null is written into the script.
// Debian 12: pgbench is in postgresql-15, the server package (not postgresql-client-15).

export type PgbenchMode = 'prepared' | 'extended'

export interface PgbenchFigures {
  transactionsPerSecond: number
  p50: number
  p99: number
  max: number
  errors: number
}

const run = promisify(execFile)

/** The pgbench on PATH, or undefined. */
export async function findPgbench(): Promise<string | undefined> {
  const found = await run('pgbench', ['--version']).catch(() => undefined)
  return found ? 'pgbench' : undefined
}

/** A parameter that takes a random value in [from, to] in each transaction instead of the captured one (a move's container). */
export interface Varying {
  captured: string
  from: number
  to: number
}

/** A pgbench script and its -D variables for these statements. */
export function pgbenchScript(statements: Captured[], varying?: Varying): { script: string; variables: string[] } {
  const variables: string[] = []
  const lines = statements.map(({ text, values }, s) => {
    const sql = text.replace(/\$(\d+)/g, (_whole, n: string) => {
      const value = values[Number(n) - 1]
      if (value === null || value === undefined) return 'NULL'
      if (varying && value === varying.captured) return ':varying'
      const name = `s${s}p${n}`
      variables.push(`${name}=${value}`)
      return `:${name}`
    })
    return `${sql.trim()};`
  })
  if (varying) lines.unshift(`\\set varying random(${varying.from}, ${varying.to})`)
  return { script: `${lines.join('\n')}\n`, variables }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

export async function runPgbench(
  databaseUrl: string,
  statements: Captured[],
  { mode, seconds, connections, varying }: { mode: PgbenchMode; seconds: number; connections: number; varying?: Varying },
): Promise<PgbenchFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-pgbench-'))
  try {
    const { script, variables } = pgbenchScript(statements, varying)
    await writeFile(join(dir, 'route.sql'), script)
    const args = [
      '--no-vacuum',
      `--protocol=${mode}`,
      `--client=${connections}`,
      '--jobs=2',
      `--time=${seconds}`,
      '--log',
      `--log-prefix=${join(dir, 'tx')}`,
      `--file=${join(dir, 'route.sql')}`,
      ...variables.map((variable) => `--define=${variable}`),
      databaseUrl,
    ]
    const { stdout } = await run('pgbench', args, { maxBuffer: 16 * 2 ** 20 })
    const tps = Number(/^tps = ([\d.]+)/m.exec(stdout)?.[1] ?? 0)
    const failed = Number(/^number of failed transactions: (\d+)/m.exec(stdout)?.[1] ?? 0)
    // One line per transaction: client, transaction, latency in µs, script, epoch s, µs.
    const latencies: number[] = []
    for (const file of (await readdir(dir)).filter((name) => name.startsWith('tx.'))) {
      for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
        const micros = Number(line.split(' ')[2])
        if (line && Number.isFinite(micros)) latencies.push(micros / 1000)
      }
    }
    latencies.sort((a, b) => a - b)
    return {
      transactionsPerSecond: tps,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
      errors: failed,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
