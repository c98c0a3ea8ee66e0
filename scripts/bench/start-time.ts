import { spawn } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR } from '@labtrack/db-tools'
import { freePort } from '../support.js'

// How long `pnpm start` takes to answer /readyz on a warm data folder: it is
// started once to create and prepare its folder (.data/bench/start, not
// timed), then again, timed from the spawn to the first 200 of /readyz, and
// stopped with SIGTERM each time (the median of START_RUNS warm starts counts). Run alone: pnpm tsx scripts/bench/start-time.ts.

const DATA_DIR = join(ROOT_DIR, '.data/bench/start')

/** This environment without DATABASE_URL: pnpm start then uses its embedded database in the data folder. */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env
  return env
}

/** Milliseconds from the spawn of `pnpm start` to its first ready answer. */
async function startOnce(args: string[], timeoutMs = 120_000): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn('pnpm', args, {
    cwd: ROOT_DIR,
    // Its own process group, so the stop reaches pnpm, the launcher and the server alike.
    detached: true,
    stdio: 'ignore',
    env: { ...withoutDatabaseUrl(), PORT: String(port), HOST: '127.0.0.1', LABTRACK_DATA_DIR: DATA_DIR, LOG_LEVEL: 'warn' },
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined)
      if (res?.status === 200) return performance.now() - started
      if (child.exitCode !== null) throw new Error(`pnpm ${args.join(' ')} exited with ${child.exitCode} before it was ready`)
      if (performance.now() - started > timeoutMs) throw new Error(`pnpm ${args.join(' ')} was not ready after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  } finally {
    if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGTERM')
    await exited
    // The server runs in a process group of its own and may still be stopping its PostgreSQL:
    // a next start would borrow that cluster as a running one, and lose it a moment later.
    while (existsSync(join(DATA_DIR, 'postgres', 'postmaster.pid')) && performance.now() - started < timeoutMs * 2) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

const RUNS = Number(process.env.START_RUNS ?? 5)

export interface StartFigures {
  /** The first start (creates or prepares the folder), not the target's figure. */
  coldMs: number
  /** pnpm start on the warm folder, the median of the runs: the target's figure. */
  warmMs: number
  /** Each warm run, in order. */
  runsMs: number[]
}

/** The warm start: a first start prepares the folder, the next START_RUNS (default 5) are timed. */
export async function measureStart(): Promise<StartFigures> {
  const coldMs = await startOnce(['start'])
  const runsMs: number[] = []
  for (let run = 0; run < RUNS; run++) runsMs.push(await startOnce(['start']))
  const sorted = [...runsMs].sort((a, b) => a - b)
  return { coldMs, warmMs: sorted[Math.floor(sorted.length / 2)] as number, runsMs }
}

const seconds = (ms: number) => (ms / 1000).toFixed(2)

export const describeStart = ({ coldMs, warmMs, runsMs }: StartFigures) =>
  `pnpm start ready in ${seconds(warmMs)} s on a warm data folder (median of ${runsMs.map(seconds).join(', ')} s; first start ${seconds(coldMs)} s)`

const isMain = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
if (isMain) {
  console.log(describeStart(await measureStart()))
}
