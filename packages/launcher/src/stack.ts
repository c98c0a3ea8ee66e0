import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { inOwnProcessGroup } from './own-process-group.js'
import { stackOptionsFromCommandLine } from './stack/config.js'
import { type Stack, startStack } from './stack/start-stack.js'

// pnpm stack: PostgreSQL (embedded, or DATABASE_URL), the three services as
// processes of their own and nginx in front, as in production, without Docker.
// Its settings are StackEnvSchema (stack/config.ts). A service or nginx that
// crashes is restarted (DEFAULT_RESTART_POLICY); Ctrl-C or SIGTERM stops the
// services (they drain), then nginx, then PostgreSQL. `--replicas N` runs N
// processes of each service; SIGUSR2 restarts them one replica at a time.

export { describeExit, type ExitInfo } from './stack/child.js'
export * from './stack/config.js'
export { findExecutable } from './stack/net.js'
export * from './stack/nginx-config.js'
export * from './stack/options.js'
export * from './stack/restart-policy.js'
export type { StackService } from './stack/service-processes.js'
export * from './stack/stack-error.js'
export * from './stack/start-stack.js'

/** The stack itself; ends the process with 0 after a requested stop, 1 after a failure. */
async function run(): Promise<void> {
  let stack: Stack | undefined
  const log = (message: string) => (stack ? stack.log(message) : process.stdout.write(`[stack] ${message}\n`))
  let stopping = false
  let startup: Promise<Stack> | undefined
  const stopAndExit = async (code: number, why: string) => {
    if (stopping) return log('still stopping…')
    stopping = true
    log(why)
    // A signal during the start waits for it: startStack stops what it started if it fails.
    await (await startup?.catch(() => undefined))?.stop()
    process.exit(code)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stopAndExit(0, `${signal}: stopping the services, then nginx, then the database`))
  }
  // A closed terminal or pipe must not crash the launcher before it has stopped what it started.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})
  process.on('uncaughtException', (error) => void stopAndExit(1, `launcher error: ${error.stack ?? error.message}`))
  process.on('unhandledRejection', (error) => void stopAndExit(1, `launcher error: ${(error as Error)?.stack ?? String(error)}`))

  try {
    startup = startStack({
      ...stackOptionsFromCommandLine(process.argv.slice(2), process.env),
      onGiveUp: (name) => void stopAndExit(1, `${name} keeps crashing: stopping the rest`),
    })
    stack = await startup
  } catch (error) {
    if (stopping) return
    process.stderr.write(`labtrack: ${(error as Error).message}\n`)
    process.exit(1)
  }
  if (stopping) return
  const { url, services } = stack
  log(`labtrack is up: ${url}/ (UI), ${url}/api/docs/ (API docs)`)
  for (const service of Object.values(services))
    log(`  ${service.name.padEnd(9)} ${service.replicas.map(({ url }) => url).join(' ')}`)
  const metrics = Object.values(services).flatMap((service) => service.replicas.map(({ metricsUrl }) => metricsUrl ?? []))
  if (metrics.length > 0) log(`  metrics   ${metrics.join(' ')}`)
  log(`  nginx     config ${stack.nginx.configFile}; database ${redact(stack.databaseUrl)}`)
  log('A service or nginx that crashes is restarted; Ctrl-C stops everything.')
  // Not SIGHUP: the outer launcher relays one signal only, and SIGHUP stops the stack.
  log(`kill -USR2 ${process.pid}: restarts every service, one replica at a time (no request fails with --replicas 2 or more)`)
  let rolling = false
  process.on('SIGUSR2', () => {
    if (rolling || stopping) return log('a rolling restart is already under way, or the stack is stopping')
    rolling = true
    log('SIGUSR2: rolling restart of every service')
    ;(stack as Stack)
      .rollingRestart()
      .then(() => log('rolling restart done'))
      .catch((error: Error) => log(`rolling restart failed: ${error.message}`))
      .finally(() => {
        rolling = false
      })
  })
}

/** The URL without its password, for the log. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.href
  } catch {
    return 'DATABASE_URL'
  }
}

const isMain = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
if (isMain && inOwnProcessGroup()) await run()
