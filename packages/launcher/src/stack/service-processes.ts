import { ROOT_DIR } from '@labtrack/db-tools'
import { describeExit, type ExitInfo, type ProcessSpec } from './child.js'
import { waitForHttp } from './net.js'
import type { ServiceName, StackOptions } from './options.js'
import type { StackOutput } from './output.js'
import { SERVICE_HOST, type StackPlan } from './plan.js'
import { StackError } from './stack-error.js'
import type { SupervisedProcess } from './supervised-process.js'

export interface StackService {
  readonly name: ServiceName
  readonly port: number
  /** http://127.0.0.1:<port>, the service without the gateway. */
  readonly url: string
  readonly running: boolean
  readonly pid: number | undefined
  /** How many times the stack started it again after it had crashed. */
  readonly restarts: number
  /** SIGTERM (the service drains) and waits for the exit; it stays stopped until `start`. */
  stop(): Promise<ExitInfo>
  /** Starts it again on the same port, waits for /readyz, then keeps it alive. */
  start(): Promise<void>
  restart(): Promise<void>
}

/** The process of one service: its command from the plan, on its port, on the stack's database, writing to the stack's output. */
export function serviceSpec(
  name: ServiceName,
  { plan, databaseUrl, output, options }: { plan: StackPlan; databaseUrl: string; output: StackOutput; options: StackOptions },
): ProcessSpec {
  const { command, args, env, cwd = ROOT_DIR } = plan.commands[name]
  return {
    name,
    command,
    args,
    cwd,
    env: {
      ...process.env,
      ...options.serviceEnv,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(plan.servicePorts[name]),
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

/** The handle on one service that a Stack gives its caller. */
export function stackService(name: ServiceName, supervised: SupervisedProcess, plan: StackPlan): StackService {
  const port = plan.servicePorts[name]
  const url = `http://${SERVICE_HOST}:${port}`
  const start = () => startWhenReady(supervised, `${url}/readyz`, plan.readyTimeoutMs, `the ${name} service`)
  // Assigned onto the live state, so its getters stay getters.
  return Object.assign(liveState(supervised), {
    name,
    port,
    url,
    stop: () => supervised.stop(),
    start,
    restart: async () => {
      await supervised.stop()
      await start()
    },
  })
}
