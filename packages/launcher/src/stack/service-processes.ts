import { setTimeout as sleep } from 'node:timers/promises'
import { ROOT_DIR } from '@labtrack/db-tools'
import { describeExit, type ExitInfo, type ProcessSpec } from './child.js'
import { waitForHttp } from './net.js'
import { GATEWAY_REJOIN_MS, type ServiceName, type StackOptions } from './options.js'
import type { StackOutput } from './output.js'
import { SERVICE_HOST, type StackPlan } from './plan.js'
import { StackError } from './stack-error.js'
import type { SupervisedProcess } from './supervised-process.js'

/** One process of a service: what a caller sees of it, and how to stop and start it. */
export interface StackReplica {
  /** How the stack's log names it: `site`, or `site.2` (the second of several). */
  readonly name: string
  readonly port: number
  /** http://127.0.0.1:<port>, this process without the gateway. */
  readonly url: string
  /** http://127.0.0.1:<port>/metrics when the stack runs with metrics. */
  readonly metricsUrl: string | undefined
  readonly running: boolean
  readonly pid: number | undefined
  /** How many times the stack started it again after it had exited unasked. */
  readonly restarts: number
  /** SIGTERM (the service drains) and waits for the exit; it stays stopped until `start`. */
  stop(): Promise<ExitInfo>
  /** Starts it again on the same port, waits for /readyz, then keeps it alive. */
  start(): Promise<void>
  restart(): Promise<void>
}

export interface StackService {
  readonly name: ServiceName
  /** The first replica's port and URL. */
  readonly port: number
  readonly url: string
  /** Every replica runs. */
  readonly running: boolean
  /** The first replica's pid. */
  readonly pid: number | undefined
  /** The restarts of all its replicas. */
  readonly restarts: number
  readonly replicas: readonly StackReplica[]
  /** Stops every replica (they drain). */
  stop(): Promise<ExitInfo[]>
  /** Starts every replica that is not running and waits until each is ready. */
  start(): Promise<void>
  /** A rolling restart: one replica after the other, each back in the gateway before the next stops. */
  restart(): Promise<void>
}

/** How the stack's log names replica `index` (0-based) of `count`. */
export const replicaName = (name: ServiceName, index: number, count: number) => (count === 1 ? name : `${name}.${index + 1}`)

/** The process of one replica of a service: its command from the plan, on its port, on the stack's database, writing to the stack's output. */
export function serviceSpec(
  name: ServiceName,
  replica: number,
  { plan, databaseUrl, output, options }: { plan: StackPlan; databaseUrl: string; output: StackOutput; options: StackOptions },
): ProcessSpec {
  const { command, args, env, cwd = ROOT_DIR } = plan.commands[name]
  const ports = plan.servicePorts[name]
  // A METRICS_PORT of the stack's environment is the first of a range (plan.metricsPorts), never one port for all.
  const { METRICS_PORT: _range, ...inherited } = process.env
  const metricsPort = plan.metricsPorts?.[name][replica]
  return {
    name: replicaName(name, replica, ports.length),
    command,
    args,
    cwd,
    env: {
      ...inherited,
      ...options.serviceEnv,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(ports[replica]),
      ...(metricsPort !== undefined ? { METRICS_PORT: String(metricsPort) } : {}),
      HOST: SERVICE_HOST,
      LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL ?? 'info',
    },
    stdout: output.stdout,
    stderr: output.stderr,
    // The service finishes its requests in flight; close-with-grace gives it 10 s.
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 15_000,
  }
}

/** Starts `supervised`, waits until `url` answers, and from then on has it restarted when it crashes. */
export async function startWhenReady(supervised: SupervisedProcess, url: string, timeoutMs: number, what: string): Promise<void> {
  supervised.start()
  try {
    await waitForHttp(url, { timeoutMs, isAlive: () => supervised.running })
  } catch (error) {
    const exit = supervised.running ? '' : ` (it ${describeExit(await supervised.exited)})`
    throw new StackError(`${what} did not become ready: ${(error as Error).message}${exit}`)
  }
  supervised.keepAlive()
}

/** What a caller sees of a supervised process, read live. */
export function liveState(supervised: SupervisedProcess): {
  readonly running: boolean
  readonly pid: number | undefined
  readonly restarts: number
} {
  return {
    get running() {
      return supervised.running
    },
    get pid() {
      return supervised.pid
    },
    get restarts() {
      return supervised.restarts
    },
  }
}

/** The handle on one replica. */
function stackReplica(
  supervised: SupervisedProcess,
  port: number,
  metricsPort: number | undefined,
  readyTimeoutMs: number,
): StackReplica {
  const url = `http://${SERVICE_HOST}:${port}`
  const start = () => startWhenReady(supervised, `${url}/readyz`, readyTimeoutMs, `the ${supervised.name} service`)
  // Assigned onto the live state, so its getters stay getters.
  return Object.assign(liveState(supervised), {
    name: supervised.name,
    port,
    url,
    metricsUrl: metricsPort === undefined ? undefined : `http://${SERVICE_HOST}:${metricsPort}/metrics`,
    stop: () => supervised.stop(),
    start,
    restart: async () => {
      await supervised.stop()
      await start()
    },
  })
}

/** The handle on one service, its replicas in the order of the plan's ports, that a Stack gives its caller. */
export function stackService(name: ServiceName, supervised: SupervisedProcess[], plan: StackPlan): StackService {
  const replicas = supervised.map((process, index) =>
    stackReplica(process, plan.servicePorts[name][index] as number, plan.metricsPorts?.[name][index], plan.readyTimeoutMs),
  )
  const [first] = replicas as [StackReplica]
  return {
    name,
    port: first.port,
    url: first.url,
    get running() {
      return replicas.every((replica) => replica.running)
    },
    get pid() {
      return first.pid
    },
    get restarts() {
      return replicas.reduce((sum, replica) => sum + replica.restarts, 0)
    },
    replicas,
    stop: () => Promise.all(replicas.map((replica) => replica.stop())),
    start: async () => {
      await Promise.all(replicas.filter((replica) => !replica.running).map((replica) => replica.start()))
    },
    restart: async () => {
      for (const [index, replica] of replicas.entries()) {
        if (index > 0) await sleep(GATEWAY_REJOIN_MS)
        await replica.restart()
      }
    },
  }
}
