import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { inOwnProcessGroup } from './own-process-group.js'
import { describeExit, prefixedLogger } from './stack/processes.js'
import { type Stack, StackError, stackOptionsFromEnv, startStack } from './stack/start-stack.js'

// pnpm stack: PostgreSQL (embedded, or DATABASE_URL), the three services as
// processes of their own and nginx in front, as in production, without Docker.
// Environment: PORT (gateway, 5000), HOST (gateway, 127.0.0.1), SITE_PORT,
// INVENTORY_PORT, COMPUTER_PORT (3001-3003), LOG_LEVEL, DATABASE_URL,
// WEB_ROOT (the UI folder the gateway serves, packages/web/dist).
// Ctrl-C or SIGTERM stops the services (they drain), then nginx, then PostgreSQL.

export { findExecutable } from './stack/net.js'
export * from './stack/nginx-config.js'
export * from './stack/processes.js'
export * from './stack/start-stack.js'

/** The stack itself; ends the process with 0 after a requested stop, 1 after a failure. */
async function run(): Promise<void> {
  const log = prefixedLogger()
  let stopping = false
  let startup: Promise<Stack> | undefined
  const stopAndExit = async (code: number, why: string) => {
    if (stopping) return log('stack', 'still stopping…')
    stopping = true
    log('stack', why)
    // A signal during the start waits for it: startStack stops what it started if it fails.
    const stack = await startup?.catch(() => undefined)
    await stack?.stop()
    log('stack', code === 0 ? 'stopped' : 'stopped after a failure')
    process.exit(code)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stopAndExit(0, `${signal}: stopping the services, then nginx, then the database`))
  }
  // A closed terminal or pipe must not crash the launcher before it has stopped what it started.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})
  process.on('uncaughtException', (error) => void stopAndExit(1, `launcher error: ${error.stack ?? error.message}`))
  process.on('unhandledRejection', (error) => void stopAndExit(1, `launcher error: ${(error as Error)?.stack ?? String(error)}`))

  let stack: Stack
  try {
    startup = startStack({
      ...stackOptionsFromEnv(process.env),
      log,
      onUnexpectedExit: (name, info) => void stopAndExit(1, `${name} ${describeExit(info)} unexpectedly: stopping the rest`),
    })
    stack = await startup
  } catch (error) {
    if (stopping) return
    process.stderr.write(`labtrack: ${error instanceof StackError ? error.message : (error as Error).message}\n`)
    process.exit(1)
  }
  if (stopping) return
  const { url, services } = stack
  log('stack', `labtrack is up: ${url}/ (UI), ${url}/api/docs/ (API docs)`)
  for (const service of Object.values(services)) log('stack', `  ${service.name.padEnd(9)} ${service.url} (pid ${service.pid})`)
  log('stack', `  nginx     config ${stack.nginx.configFile} (pid ${stack.nginx.pid}); database ${redact(stack.databaseUrl)}`)
  log('stack', 'Ctrl-C stops everything.')
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
