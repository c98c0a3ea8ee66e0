import { spawn } from 'node:child_process'
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type EmbeddedCluster, ROOT_DIR, startEmbeddedPostgres } from '@labtrack/db/tooling'

// pnpm test: every tap test on a real PostgreSQL (DATABASE_URL when set, else
// a throw-away embedded cluster), then the e2e suites of the real topology.
// Ends with one line "N passed, N failed" over everything that ran.
const [only, ...tapArgs] = process.argv.slice(2) // --unit | --e2e | nothing (both); then tap's own arguments

interface Tally {
  passed: number
  failed: number
}

async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn()
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-test-pg-'))
  // The cluster runs as the `postgres` user when we are root: it must reach its folder.
  await chmod(dir, 0o755)
  let cluster: EmbeddedCluster | undefined
  try {
    cluster = await startEmbeddedPostgres(join(dir, 'data'), { persistent: false })
    process.env.DATABASE_URL = cluster.url('postgres')
    return await fn()
  } finally {
    await cluster?.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT_DIR, stdio: 'inherit', env: process.env })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Counts each test file's top-level tests from tap's saved results. */
async function tapTally(): Promise<Tally> {
  const tally = { passed: 0, failed: 0 }
  const dir = join(ROOT_DIR, '.tap/test-results')
  for (const entry of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    if (!entry.endsWith('.tap')) continue
    for (const line of (await readFile(join(dir, entry), 'utf8')).split('\n')) {
      if (/^ok \d+/.test(line)) tally.passed++
      else if (/^not ok \d+/.test(line)) tally.failed++
    }
  }
  return tally
}

const total: Tally = { passed: 0, failed: 0 }
let exitCode = 0
await withDatabase(async () => {
  if (only !== '--e2e') {
    await rm(join(ROOT_DIR, '.tap/test-results'), { recursive: true, force: true })
    const code = await run('tap', only === '--unit' ? tapArgs : [])
    const unit = await tapTally()
    if (code !== 0 && unit.failed === 0) unit.failed = 1 // a crash or a coverage shortfall
    console.log(`unit: ${unit.passed} passed, ${unit.failed} failed`)
    total.passed += unit.passed
    total.failed += unit.failed
    if (code !== 0) exitCode = 1
  }
})
console.log(`${total.passed} passed, ${total.failed} failed`)
process.exit(exitCode)
