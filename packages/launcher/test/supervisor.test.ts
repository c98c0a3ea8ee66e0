import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import type { ProcessSpec } from '../src/stack/child.js'
import type { RestartPolicy } from '../src/stack/restart-policy.js'
import { SupervisedProcess } from '../src/stack/supervised-process.js'
import type { SupervisionEvent } from '../src/stack/supervision-events.js'
import { Supervisor } from '../src/stack/supervisor.js'

// The supervisor with real child processes (`node -e …`). Every wait is for
// an event the supervisor reports, never for an amount of time: the only
// sleeps are where a test shows that nothing more happens.

const dir = await mkdtemp(join(tmpdir(), 'labtrack-supervisor-'))
t.teardown(() => rm(dir, { recursive: true, force: true }))

const FAST: RestartPolicy = { firstDelayMs: 5, maxDelayMs: 20, stableAfterMs: 60_000, maxRestarts: 4 }

/** A child running `code` under node; process.argv[1] is `arg`. */
function nodeSpec(name: string, code: string, arg = '', overrides: Partial<ProcessSpec> = {}): ProcessSpec {
  return {
    name,
    command: process.execPath,
    args: ['-e', code, arg],
    cwd: dir,
    env: { PATH: process.env.PATH },
    stdout: 'ignore',
    stderr: 'ignore',
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 10_000,
    ...overrides,
  }
}

const RUNS = 'setInterval(() => {}, 1000)'
const CRASHES = 'process.exit(1)'
// Crashes with code 3 on its first run (it leaves a marker), runs on the next.
const CRASHES_ONCE = `const fs = require('fs'); if (fs.existsSync(process.argv[1])) { ${RUNS} } else { fs.writeFileSync(process.argv[1], ''); process.exit(3) }`
// Ignores SIGTERM; says so by creating its marker once the handler is in place.
const IGNORES_SIGTERM = `process.on('SIGTERM', () => {}); require('fs').writeFileSync(process.argv[1], ''); ${RUNS}`
// Takes a moment to end on SIGTERM, as a service finishing its requests does.
const DRAINS = `process.on('SIGTERM', () => setTimeout(() => process.exit(0), 300)); require('fs').writeFileSync(process.argv[1], ''); ${RUNS}`

/** Records the events; `next` waits for one that matches (tap's timeout bounds the wait). */
function recorder() {
  const events: SupervisionEvent[] = []
  const waiting: { match: (event: SupervisionEvent) => boolean; resolve: (event: SupervisionEvent) => void }[] = []
  const report = (event: SupervisionEvent) => {
    events.push(event)
    for (const waiter of [...waiting]) {
      if (!waiter.match(event)) continue
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve(event)
    }
  }
  const next = (match: (event: SupervisionEvent) => boolean) =>
    new Promise<SupervisionEvent>((resolve) => waiting.push({ match, resolve }))
  const of = <T extends SupervisionEvent['type']>(type: T) =>
    events.filter((event): event is Extract<SupervisionEvent, { type: T }> => event.type === type)
  return { events, report, next, of }
}

async function untilExists(file: string) {
  for (let i = 0; i < 600 && !existsSync(file); i++) await sleep(50)
}

t.test('a process that crashes is started again after the first delay', async (t) => {
  const log = recorder()
  const marker = join(dir, 'crashed-once')
  const process_ = new SupervisedProcess(nodeSpec('site', CRASHES_ONCE, marker), FAST, log.report)
  t.teardown(() => process_.stop())
  process_.start()
  process_.keepAlive()
  const firstPid = log.of('started')[0]?.pid
  const restarted = log.next((event) => event.type === 'started' && event.restart === 1)

  t.match(await log.next((event) => event.type === 'restarting'), {
    name: 'site',
    exit: { code: 3, signal: null },
    delayMs: 5,
    crashes: 1,
    maxRestarts: 4,
  })
  const { pid } = (await restarted) as Extract<SupervisionEvent, { type: 'started' }>
  t.not(pid, firstPid, 'a new process')
  t.equal(process_.running, true)
  t.equal(process_.pid, pid)
  t.equal(process_.restarts, 1)
  t.match(await process_.stop(), { signal: 'SIGTERM' })
  t.equal(process_.running, false)
  t.equal(process_.pid, undefined)
})

t.test('the delay doubles with every crash in a row, up to its cap, then the supervisor gives up', async (t) => {
  const log = recorder()
  const process_ = new SupervisedProcess(nodeSpec('inventory', CRASHES), FAST, log.report)
  process_.start()
  process_.keepAlive()

  t.match(await log.next((event) => event.type === 'gave-up'), {
    name: 'inventory',
    exit: { code: 1 },
    crashes: 5,
    stableAfterMs: 60_000,
  })
  t.same(
    log.of('restarting').map((event) => event.delayMs),
    [5, 10, 20, 20],
  )
  t.same(
    log.of('restarting').map((event) => event.crashes),
    [1, 2, 3, 4],
  )
  t.equal(log.of('started').length, 5, 'the first start and four restarts')
  t.equal(process_.running, false)
  t.equal(process_.restarts, 4)
})

t.test('a run longer than stableAfterMs starts the count again: the delay stays the first one', async (t) => {
  const log = recorder()
  const policy = { ...FAST, stableAfterMs: 0, maxRestarts: 1 }
  const process_ = new SupervisedProcess(nodeSpec('computer', CRASHES), policy, log.report)
  process_.start()
  process_.keepAlive()
  for (let restart = 1; restart <= 3; restart++) await log.next((event) => event.type === 'started' && event.restart === restart)

  const restarting = log.of('restarting')
  t.ok(restarting.length >= 3)
  t.same([...new Set(restarting.map(({ delayMs, crashes }) => `${delayMs} ms after crash ${crashes}`))], ['5 ms after crash 1'])
  t.equal(log.of('gave-up').length, 0, 'never more than one crash in a row')
  await process_.stop()
  const started = log.of('started').length
  await sleep(100)
  t.equal(log.of('started').length, started, 'a stop also cancels a restart that was waiting')
})

t.test('a requested stop is not followed by a restart', async (t) => {
  const log = recorder()
  const process_ = new SupervisedProcess(nodeSpec('site', RUNS), FAST, log.report)
  process_.start()
  process_.keepAlive()

  const [exit, again] = await Promise.all([process_.stop(), process_.stop()])
  t.match(exit, { code: null, signal: 'SIGTERM' })
  t.equal(again, exit, 'a second stop waits for the same exit, without a second signal')
  t.equal(log.of('stopping').length, 1)
  await sleep(100)
  t.equal(log.of('restarting').length, 0)
  t.equal(log.of('started').length, 1)
  t.equal(process_.running, false)
  t.match(await process_.stop(), { signal: 'SIGTERM' }, 'stopping a stopped process says how it ended')

  process_.start()
  t.equal(process_.running, true, 'it can be started again after a stop')
  t.throws(() => process_.start(), /site is already running/)
  await process_.stop()
})

t.test('a process that ignores its stop signal is killed after its timeout', async (t) => {
  const log = recorder()
  const marker = join(dir, 'ignores-sigterm')
  const process_ = new SupervisedProcess(nodeSpec('nginx', IGNORES_SIGTERM, marker, { stopTimeoutMs: 200 }), FAST, log.report)
  process_.start()
  await untilExists(marker)

  t.match(await process_.stop(), { signal: 'SIGKILL' })
  t.match(log.of('killing'), [{ name: 'nginx', signal: 'SIGTERM', afterMs: 200 }])
})

t.test('before keepAlive an exit is only reported; a command that cannot start is an exit with its error', async (t) => {
  const log = recorder()
  const missing = new SupervisedProcess(nodeSpec('site', '', '', { command: join(dir, 'no-such-command') }), FAST, log.report)
  t.match(await missing.stop(), { code: null, signal: null }, 'never started: nothing to stop')
  missing.start()
  t.match(await missing.exited, { code: null, signal: null, error: /ENOENT/ })
  const crashing = new SupervisedProcess(nodeSpec('inventory', CRASHES), FAST, log.report)
  crashing.start()
  t.match(await crashing.exited, { code: 1 })

  t.match(
    log.of('exited').map((event) => event.name),
    ['site', 'inventory'],
  )
  t.equal(log.of('restarting').length, 0)
})

t.test('stopAll stops the first stage at once, waits for it, then the next; nothing is restarted', async (t) => {
  const log = recorder()
  const supervisor = new Supervisor(log.report, FAST)
  const gateway = supervisor.add(nodeSpec('nginx', RUNS, '', { stopSignal: 'SIGQUIT' }), 1)
  const services = ['site', 'inventory'].map((name) => supervisor.add(nodeSpec(name, DRAINS, join(dir, `${name}-ready`)), 0))
  for (const process_ of [gateway, ...services]) {
    process_.start()
    process_.keepAlive()
  }
  for (const name of ['site', 'inventory']) await untilExists(join(dir, `${name}-ready`))

  await supervisor.stopAll()
  const order = log.events
    .filter((event) => event.type === 'stopping' || event.type === 'stopped')
    .map((event) => `${event.type} ${event.name}`)
  t.same(order.slice(0, 2), ['stopping site', 'stopping inventory'], 'both services get their signal at once')
  t.same(order.slice(2, 4).sort(), ['stopped inventory', 'stopped site'])
  t.same(order.slice(4), ['stopping nginx', 'stopped nginx'], 'nginx only once the services have ended')
  t.match(log.of('stopping').at(-1), { signal: 'SIGQUIT' })
  t.match(
    log.of('stopped').map((event) => event.exit),
    [{ code: 0 }, { code: 0 }, { signal: 'SIGQUIT' }],
    'the services drained and ended by themselves',
  )
  t.equal(log.of('restarting').length, 0)
})

t.test('killAllNow kills every running process at once', async (t) => {
  const log = recorder()
  const supervisor = new Supervisor(log.report)
  const running = supervisor.add(nodeSpec('site', RUNS), 0)
  supervisor.add(nodeSpec('nginx', RUNS), 1)
  running.start()
  running.keepAlive()

  supervisor.killAllNow()
  t.match(await running.exited, { signal: 'SIGKILL' })
  await sleep(50)
  t.equal(log.of('restarting').length, 0, 'a process killed this way is not restarted')
})
