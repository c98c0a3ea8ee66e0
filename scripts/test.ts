import { spawn } from 'node:child_process'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { openThrowawayServer, ROOT_DIR } from '@labtrack/db-tools'
import { NYC_OUTPUT_DIR, printIntegrationCoverage } from '@labtrack/e2e/coverage'
import { missingTools } from '@labtrack/e2e/tools'

// pnpm test: every tap test on a real PostgreSQL (DATABASE_URL when set, else
// a throw-away embedded cluster), then the e2e suites through nginx and
// Chromium when they are installed. Ends with one line "N passed, N failed"
// over everything that ran.
//   pnpm test:unit [tap arguments]   only the tap tests
//   pnpm test:e2e                    only the e2e suites
const [only, ...tapArgs] = process.argv.slice(2)

interface Tally {
  passed: number
  failed: number
}
const total: Tally = { passed: 0, failed: 0 }
let exitCode = 0

async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const server = await openThrowawayServer()
  process.env.DATABASE_URL = server.adminUrl
  try {
    return await fn()
  } finally {
    await server.stop()
  }
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT_DIR, stdio: 'inherit', env: process.env })
    child.on('error', () => resolve(127))
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Counts the tests tap saved for the files under `folder`, at the given depth (0: each file's top-level tests). */
async function tapTally(folder: string, depth: number): Promise<Tally> {
  const tally = { passed: 0, failed: 0 }
  const dir = join(ROOT_DIR, '.tap/test-results', folder)
  const indent = ' '.repeat(depth * 4)
  for (const entry of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    if (!entry.endsWith('.tap')) continue
    for (const line of (await readFile(join(dir, entry), 'utf8')).split('\n')) {
      if (line.startsWith(`${indent}ok `) && !line.includes('# SKIP')) tally.passed++
      else if (line.startsWith(`${indent}not ok `)) tally.failed++
    }
  }
  return tally
}

function record(label: string, code: number, tally: Tally) {
  // A crash or a coverage shortfall fails the run even when every test passed.
  if (code !== 0 && tally.failed === 0) tally.failed = 1
  if (code !== 0) exitCode = 1
  console.log(`${label}: ${tally.passed} passed, ${tally.failed} failed`)
  total.passed += tally.passed
  total.failed += tally.failed
}

async function unit() {
  await rm(join(ROOT_DIR, '.tap/test-results'), { recursive: true, force: true })
  const code = await run('tap', only === '--unit' ? tapArgs : [])
  const tallies = await Promise.all(['packages', 'services'].map((folder) => tapTally(folder, 0)))
  record('unit', code, {
    passed: tallies.reduce((sum, t) => sum + t.passed, 0),
    failed: tallies.reduce((sum, t) => sum + t.failed, 0),
  })
}

async function e2e() {
  const missing = await missingTools()
  if (missing.length > 0) {
    console.log(
      `e2e: SKIPPED, not run: ${missing.join(', ')} missing (apt-get install -y nginx chromium chromium-driver). ` +
        'The integration and browser suites and the integration coverage need them.',
    )
    return
  }
  const built = await run('pnpm', ['build'])
  if (built !== 0) return record('e2e (build)', built, { passed: 0, failed: 1 })
  await rm(NYC_OUTPUT_DIR, { recursive: true, force: true })
  // One process for the suites (they share one stack); tap's own coverage is
  // the unit run's business, the services' coverage is measured by nyc.
  const code = await run('tap', ['--disable-coverage', '--timeout=900', 'e2e/e2e.test.ts'])
  record('e2e', code, await tapTally('e2e', 1))
  if (code !== 0)
    console.log('e2e: the stack logged to .data/e2e-stack/stack.log; screenshots of failures are in e2e/screenshots/')
  console.log('\nIntegration coverage (service processes under nyc during the e2e suites):')
  await printIntegrationCoverage()
}

await withDatabase(async () => {
  if (only !== '--e2e') await unit()
  if (only !== '--unit') await e2e()
})
console.log(`${total.passed} passed, ${total.failed} failed`)
process.exit(exitCode)
