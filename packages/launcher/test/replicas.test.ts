import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, readlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { queryableOf, runCli } from '@labtrack/cli'
import { withSql } from '@labtrack/db-tools'
import { NOT_COVERED_ENV } from '@labtrack/service-kit/testing'
import t from 'tap'
import { buildProductionBundles, productionBundles } from '../src/build-services.js'
import { SERVICES } from '../src/services.js'
import { GATEWAY_REJOIN_MS } from '../src/stack/options.js'

// `pnpm stack --replicas 2` as a user runs it (the compiled services, the
// system's nginx), under a steady load of reads and writes through the
// gateway: one replica of each service killed with SIGTERM in turn (the
// supervisor starts it again), then a rolling restart of every service
// (SIGUSR2). Not one request may fail. The stack runs in a process of its own,
// outside this test's coverage: what it does is shown by what the load sees.

const STACK = fileURLToPath(new URL('../src/stack.ts', import.meta.url))
const adminUrl = process.env.DATABASE_URL as string
// As the stack looks for it (PATH, then the sbin folders), without loading the stack's code into this test's coverage.
const nginx = [...(process.env.PATH ?? '').split(':'), '/usr/sbin'].some((folder) => existsSync(`${folder}/nginx`))
const skip = nginx ? false : 'nginx is not installed (apt-get install -y nginx)'

// Start, three kills and a rolling restart of six processes on a busy 2-core machine.
t.setTimeout(400_000)

/** The pid of the process listening on 127.0.0.1:`port` (/proc/net/tcp names the socket, /proc/<pid>/fd its holder). */
async function listenerPid(port: number): Promise<number | undefined> {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`
  const rows = (await readFile('/proc/net/tcp', 'utf8')).split('\n').map((row) => row.trim().split(/\s+/))
  const inode = rows.find((fields) => fields[1] === local && fields[3] === '0A')?.[9]
  if (!inode) return undefined
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]))
      if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === `socket:[${inode}]`) return Number(pid)
  }
  return undefined
}

/** Polls `check` every 100 ms until it is true; false after `tries`. */
async function eventually(check: () => Promise<boolean>, tries = 1200): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check().catch(() => false)) return true
    await sleep(100)
  }
  return false
}

interface Tally {
  ok: number
  failed: number
  byRequest: Record<string, number>
  failures: string[]
}

/**
 * `workers` loops, each sending the requests of `plan` one after the other
 * until stopped: every answer must be 2xx; any other status or a socket error
 * is a failure, with what it was.
 */
function load(base: string, token: string, workers: number) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  let n = 0
  const plan: [string, string, () => unknown][] = [
    ['GET', '/api/sites/1', () => undefined],
    ['POST', '/api/sites', () => ({ name: `replica lab ${++n}` })],
    ['GET', '/api/freezers/1', () => undefined],
    ['POST', '/api/containers', () => ({ freezer_id: 1 })],
    ['GET', '/api/computers?limit=5', () => undefined],
    ['POST', '/api/computers', () => ({ name: `pc ${++n}`, site_id: 1 })],
    ['GET', '/api/containers?freezer_id=1&limit=20', () => undefined],
  ]
  let tally: Tally = { ok: 0, failed: 0, byRequest: {}, failures: [] }
  let running = true
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let i = worker; running; i++) {
      const [method, path, body] = plan[i % plan.length] as (typeof plan)[number]
      const key = `${method} ${path.split('?')[0]}`
      const payload = body()
      try {
        const response = await fetch(`${base}${path}`, {
          method,
          headers,
          ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
        })
        const text = await response.text()
        if (response.status >= 200 && response.status < 300) {
          tally.ok++
          tally.byRequest[key] = (tally.byRequest[key] ?? 0) + 1
        } else {
          tally.failed++
          tally.failures.push(`${key}: ${response.status} ${text.slice(0, 200)}`)
        }
      } catch (error) {
        tally.failed++
        tally.failures.push(`${key}: ${(error as Error).message} ${String((error as Error).cause ?? '')}`)
      }
    }
  })
  return {
    /** What was answered since the last call, and a new count from now. */
    take(): Tally {
      const taken = tally
      tally = { ok: 0, failed: 0, byRequest: {}, failures: [] }
      return taken
    },
    async stop() {
      running = false
      await Promise.all(loops)
    },
  }
}

t.test('two replicas of each service: SIGTERM to one, then a rolling restart, fail no request', { skip }, async (t) => {
  const name = `labtrack_replicas_${process.pid}`
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.href
  t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  // The stack runs the bundles: made from the sources as they are now (nothing to do when they are up to date).
  await buildProductionBundles(await productionBundles())

  // Free ports everywhere, so a running `pnpm stack` is not disturbed; no coverage collected in the stack's processes.
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', STACK, '--replicas', '2'], {
    env: {
      ...process.env,
      // The stack's processes run the bundles: kept out of the coverage (NOT_COVERED_ENV says why).
      ...NOT_COVERED_ENV,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SITE_PORT: '0',
      INVENTORY_PORT: '0',
      COMPUTER_PORT: '0',
      // Metrics on: every replica needs a metrics port of its own (one port for all would crash all but one).
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      // The load writes far faster than a person: the gateway's per-address write limit is loosened.
      LIMIT_WRITE_RATE: '100000r/s',
      LIMIT_WRITE_BURST: '100000',
    },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  t.teardown(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  })
  const up = await eventually(async () => /labtrack is up: (http:\S+)\/ \(UI\)/.test(output))
  t.ok(up, `the stack is up: ${up ? '' : output}`)
  if (!up) return
  const base = /labtrack is up: (http:\S+)\/ \(UI\)/.exec(output)?.[1] as string
  const replicaPorts = Object.fromEntries(
    SERVICES.map(({ name }) => {
      const line = new RegExp(`\\[stack\\]\\s+${name}\\s+(.+)`).exec(output)?.[1] ?? ''
      return [name, [...line.matchAll(/127\.0\.0\.1:(\d+)/g)].map(([, port]) => Number(port))]
    }),
  )
  for (const { name } of SERVICES) t.equal(replicaPorts[name]?.length, 2, `two ${name} replicas: ${replicaPorts[name]}`)
  const metricsUrls = /\[stack\]\s+metrics\s+(.+)/.exec(output)?.[1]?.trim().split(' ') ?? []
  t.equal(new Set(metricsUrls).size, 6, `a metrics port for each of the six processes: ${metricsUrls}`)
  for (const metricsUrl of metricsUrls) {
    const scraped = await fetch(metricsUrl, { headers: { connection: 'close' } })
    t.match(await scraped.text(), /http_request_duration_seconds/, `${metricsUrl} answers with the metrics`)
  }
  const inner = Number(/kill -USR2 (\d+)/.exec(output)?.[1])
  t.ok(inner > 0, 'the stack says where to send SIGUSR2')

  const token = await runCli(['token', 'create', '--name', 'replicas', '--role', 'editor', '--user', 'admin'], {
    withDatabase: (fn) => withSql(databaseUrl, (sql) => fn(queryableOf(sql), databaseUrl)),
    readPassword: async () => '',
  })
  const started = performance.now()
  const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)
  const traffic = load(base, token, 8)
  t.teardown(() => traffic.stop())
  // Every replica is answering before anything is killed.
  await sleep(GATEWAY_REJOIN_MS)
  const warmUp = traffic.take()
  t.equal(warmUp.failed, 0, `warm-up: no failure (${warmUp.failures.slice(0, 5).join('; ')})`)

  const killsFrom = performance.now()
  for (const { name } of SERVICES) {
    const port = replicaPorts[name]?.[1] as number
    const pid = await listenerPid(port)
    t.ok(pid, `${name} replica 2 listens on ${port}`)
    process.kill(pid as number, 'SIGTERM')
    const back = await eventually(async () => {
      const now = await listenerPid(port)
      // Connection: close: an idle connection of this test's would hold up the replica's next drain.
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { connection: 'close' } })
      return now !== undefined && now !== pid && ready.status === 200
    })
    t.ok(back, `${name} replica 2 is started again by the supervisor, as a new process`)
    // Before the next service: nginx takes the replica back after its fail_timeout.
    await sleep(GATEWAY_REJOIN_MS)
  }
  const kills = traffic.take()
  const killsTook = seconds(killsFrom)
  t.equal(kills.failed, 0, `SIGTERM to a replica of each service: no failure (${kills.failures.slice(0, 5).join('; ')})`)
  t.ok(output.match(/restarted (site|inventory|computer)\.2/g)?.length === 3, 'the supervisor restarted each')

  const pidsBefore = await Promise.all(Object.values(replicaPorts).flat().map(listenerPid))
  const rollingFrom = performance.now()
  process.kill(inner, 'SIGUSR2')
  t.ok(await eventually(async () => output.includes('rolling restart done')), 'the rolling restart ends')
  const rolling = traffic.take()
  const rollingTook = seconds(rollingFrom)
  await traffic.stop()
  const pidsAfter = await Promise.all(Object.values(replicaPorts).flat().map(listenerPid))
  t.ok(
    pidsAfter.every((pid, i) => pid !== undefined && pid !== pidsBefore[i]),
    'every replica is a new process after the rolling restart',
  )
  t.equal(rolling.failed, 0, `rolling restart: no failure (${rolling.failures.slice(0, 5).join('; ')})`)

  // The figures, for the README.
  for (const [phase, tally] of [
    ['warm-up', warmUp],
    [`SIGTERM to one replica of each service (${killsTook} s)`, kills],
    [`rolling restart of every service (${rollingTook} s)`, rolling],
  ] as const) {
    t.comment(`${phase}: ${tally.ok} answered 2xx, ${tally.failed} failed; ${JSON.stringify(tally.byRequest)}`)
  }
  t.comment(`from the first request: ${seconds(started)} s`)
  for (const key of ['POST /api/sites', 'POST /api/containers', 'POST /api/computers'])
    t.ok((kills.byRequest[key] ?? 0) > 0 && (rolling.byRequest[key] ?? 0) > 0, `${key} succeeded all along`)
})
