import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { SERVICE_NODE_FLAGS, serviceBundle } from '../build-services.js'
import { WEB_DIST_DIR } from '../paths.js'
import { SERVICES } from '../services.js'
import { claimPort as claimOnePort, findExecutable } from './net.js'
import {
  DEFAULT_GATEWAY_PORT,
  DEFAULT_HOST,
  DEFAULT_RUN_DIR,
  MAX_REPLICAS,
  REPLICA_PORT_STEP,
  SERVICE_PORT_ENV,
  type ServiceCommand,
  type ServiceName,
  type StackOptions,
} from './options.js'
import { StackError } from './stack-error.js'

/** The services always listen on loopback: only nginx faces the network. */
export const SERVICE_HOST = '127.0.0.1'

/** Everything the stack will run with, each value checked before anything starts. */
export interface StackPlan {
  host: string
  gatewayPort: number
  /** Each service's ports, one per replica. */
  servicePorts: Record<ServiceName, number[]>
  /** Each replica's metrics port, when the stack was asked for metrics (options.metricsPort). */
  metricsPorts?: Record<ServiceName, number[]>
  nginxBinary: string
  runDir: string
  staticRoot: string
  readyTimeoutMs: number
  commands: Record<ServiceName, ReturnType<ServiceCommand>>
}

/** The TypeScript entry of a service, which a serviceCommand override runs (tsx, coverage). */
export const serviceSource = (name: ServiceName) => join(ROOT_DIR, 'services', name, 'src/server.ts')

/** The bundle `pnpm build` makes, as the image runs it; refused with what to do when it is not built. */
function compiledServiceCommand(name: ServiceName): ReturnType<ServiceCommand> {
  const bundle = serviceBundle(name)
  if (!existsSync(bundle))
    throw new StackError(
      `${relative(ROOT_DIR, bundle)} does not exist: run "pnpm build" first (pnpm stack runs the compiled services)`,
    )
  return { command: process.execPath, args: [...SERVICE_NODE_FLAGS, bundle] }
}

// A free port (0) is found by binding and releasing it, so two such claims can come back with one port:
// within one plan, each claim of 0 is tried again until its port is one no other claim of the plan has.
const claimed = new Set<number>()
async function claimPort(host: string, port: number, what: string, envName: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const got = await claimOnePort(host, port, what, envName)
    if (port !== 0 || !claimed.has(got) || attempt >= 20) {
      claimed.add(got)
      return got
    }
  }
}

/** Process k (the services in order, then each one's next replica) on metrics port `first` + k, or a free one each for 0. */
async function claimMetricsPorts(first: number, replicas: number): Promise<Record<ServiceName, number[]>> {
  const ports = Object.fromEntries(SERVICES.map(({ name }) => [name, [] as number[]])) as Record<ServiceName, number[]>
  for (let replica = 0; replica < replicas; replica++) {
    for (const [index, { name }] of SERVICES.entries()) {
      const wanted = first === 0 ? 0 : first + replica * SERVICES.length + index
      const what = `metrics of ${replicas === 1 ? `the ${name} service` : `${name} replica ${replica + 1}`}`
      if (wanted > 65535) throw new StackError(`port ${wanted} (${what}) is beyond 65535: set METRICS_PORT lower`)
      ports[name].push(await claimPort(SERVICE_HOST, wanted, what, 'METRICS_PORT'))
    }
  }
  return ports
}

/** Checks what can be refused (nginx missing, a port taken, a service not built) before anything starts. */
export async function planStack(options: StackOptions): Promise<StackPlan> {
  const nginxBinary = options.nginx ?? (await findExecutable('nginx'))
  if (!nginxBinary)
    throw new StackError('nginx was not found on PATH (nor in /usr/sbin): install it, e.g. "apt-get install -y nginx"')
  const host = options.host ?? DEFAULT_HOST
  claimed.clear()
  const gatewayPort = await claimPort(host, options.port ?? DEFAULT_GATEWAY_PORT, 'gateway', 'PORT')
  const replicas = options.replicas ?? 1
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS)
    throw new StackError(`replicas must be a whole number from 1 to ${MAX_REPLICAS} (got ${replicas})`)
  const servicePorts = {} as Record<ServiceName, number[]>
  const commands = {} as StackPlan['commands']
  for (const { name, defaultPort } of SERVICES) {
    const port = options.servicePorts?.[name] ?? defaultPort
    servicePorts[name] = []
    for (let replica = 0; replica < replicas; replica++) {
      // 0 stays 0: each replica gets a free port of its own.
      const wanted = port === 0 ? 0 : port + REPLICA_PORT_STEP * replica
      const what = replicas === 1 ? `${name} service` : `${name} service, replica ${replica + 1} of ${replicas}`
      if (wanted > 65535) throw new StackError(`port ${wanted} (${what}) is beyond 65535: set ${SERVICE_PORT_ENV[name]} lower`)
      servicePorts[name].push(await claimPort(SERVICE_HOST, wanted, what, SERVICE_PORT_ENV[name]))
    }
    commands[name] = options.serviceCommand ? options.serviceCommand(name, serviceSource(name)) : compiledServiceCommand(name)
  }
  const metricsPorts = options.metricsPort === undefined ? undefined : await claimMetricsPorts(options.metricsPort, replicas)
  const ports = [gatewayPort, ...Object.values(servicePorts).flat(), ...Object.values(metricsPorts ?? {}).flat()]
  if (new Set(ports).size !== ports.length)
    throw new StackError(
      `the gateway and every replica of the services need ports of their own (got ${ports.join(', ')}; ` +
        `replica i of a service listens on its port + ${REPLICA_PORT_STEP} × i)`,
    )
  return {
    host,
    gatewayPort,
    servicePorts,
    ...(metricsPorts ? { metricsPorts } : {}),
    nginxBinary,
    runDir: options.runDir ?? DEFAULT_RUN_DIR,
    staticRoot: options.staticRoot ?? WEB_DIST_DIR,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    commands,
  }
}
