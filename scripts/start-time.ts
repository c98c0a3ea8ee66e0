import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { freePort } from './support.js'

// pnpm tsx scripts/start-time.ts: how long `pnpm start` takes from the command
// to a 200 from /readyz on a warm data folder (its own, under the system's temp
// folder: the first start initialises it and is not counted), and when each
// line of its output arrived, which splits the time into its steps (the build
// check, the embedded PostgreSQL and the migrations check, the app). Then the
// same for parts alone: the build check, and a bare `tsx` against `node`.
// START_RUNS sets the warm runs (default 3). Prints figures, asserts nothing.
const RUNS = Number(process.env.START_RUNS ?? 3)
const DATA_DIR = join(tmpdir(), 'labtrack-start-time')

/** Runs `command args` in a process group of its own; resolves with the lines' arrival times once `until` says so. */
async function timed(command: string, args: readonly string[], until: 'exit' | 'ready') {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: ROOT_DIR,
    detached: true,
    env: { ...process.env, PORT: String(port), LABTRACK_DATA_DIR: DATA_DIR, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const note = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      lines.push(`${(performance.now() - started).toFixed(0).padStart(6)} ms  ${line.slice(0, 110)}`)
    }
  }
  child.stdout.on('data', note)
  child.stderr.on('data', note)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  if (until === 'exit') await exited
  else {
    while ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status !== 200) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited:\n${lines.join('\n')}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  const ms = performance.now() - started
  if (until === 'ready') {
    process.kill(-(child.pid as number), 'SIGTERM')
    await exited
  }
  return { ms, lines }
}

const pnpm = ['pnpm', ['start']] as const
console.log(`cold start (initialises ${DATA_DIR}, not counted): ${(await timed(...pnpm, 'ready')).ms.toFixed(0)} ms`)
for (let run = 1; run <= RUNS; run++) {
  const { ms, lines } = await timed(...pnpm, 'ready')
  console.log(`\npnpm start, warm, run ${run}: ready in ${ms.toFixed(0)} ms; its output as it arrived:\n${lines.join('\n')}`)
}
const tsx = join(ROOT_DIR, 'node_modules/.bin/tsx')
const parts: [string, string, string[], 'exit' | 'ready'][] = [
  ['the build check alone (tsx build.ts)', tsx, ['packages/launcher/src/build.ts'], 'exit'],
  ['the launcher alone (tsx start.ts)', tsx, ['packages/launcher/src/start.ts'], 'ready'],
  ['tsx, an empty script', tsx, ['-e', '0'], 'exit'],
  ['node, an empty script', process.execPath, ['-e', '0'], 'exit'],
]
console.log('')
for (const [label, command, args, until] of parts) {
  console.log(`${label.padEnd(40)} ${(await timed(command, args, until)).ms.toFixed(0).padStart(6)} ms`)
}
await rm(DATA_DIR, { recursive: true, force: true })
