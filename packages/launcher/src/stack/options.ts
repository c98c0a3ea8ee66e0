import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import type { ServiceEntry } from '../services.js'
import type { ExitInfo } from './child.js'
import type { RestartPolicy } from './restart-policy.js'

export type ServiceName = ServiceEntry['name']
/** The environment variable that sets each service's port under `pnpm stack`. */
export const SERVICE_PORT_ENV = {
  site: 'SITE_PORT',
  inventory: 'INVENTORY_PORT',
  computer: 'COMPUTER_PORT',
} as const satisfies Record<ServiceName, string>
/** Replica i of a service listens on its port + i × this (3001, 3011, 3021…). */
export const REPLICA_PORT_STEP = 10
export const MAX_REPLICAS = 10
/**
 * How long after a replica is ready again the gateway sends it requests: nginx
 * left it out when it refused connections, for the upstreams' fail_timeout
 * (2 s, nginx/labtrack.conf.template). Three of them: a request nginx tried on
 * the replica while it was still starting leaves it out a fail_timeout past that
 * try, and on a loaded machine nginx's next try can come late (with 2.5 s, a CI
 * run saw 30 of 10,211 requests answered 502 during a rolling restart).
 */
export const GATEWAY_REJOIN_MS = 6_000
export const DEFAULT_GATEWAY_PORT = 5000
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_RUN_DIR = join(ROOT_DIR, '.data/stack')

/**
 * How to run a service. The default is `node SERVICE_NODE_FLAGS services/<name>/dist/server.js`;
 * an override gets the TypeScript entry as `scriptPath` (tsx, coverage).
 */
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
  /**
   * How many processes of each service run behind nginx (default 1, at most
   * MAX_REPLICAS). Replica i listens on its service's port + REPLICA_PORT_STEP × i,
   * or on a free port of its own when that port is 0.
   */
  replicas?: number
  /**
   * Prometheus metrics of every process (METRICS_PORT): each replica of each
   * service needs a port of its own, so process k (the services in their order,
   * then the next replica of each) gets this port + k; 0 = a free port each.
   * Unset: no metrics.
   */
  metricsPort?: number
  /** The database to use; default: DATABASE_URL, else the embedded cluster in .data/postgres. */
  databaseUrl?: string
  /** Apply the migrations before the services start, and load the example rows into a brand-new database (default true). */
  prepare?: boolean
  /** The folder the gateway serves the UI from (default packages/web/dist). */
  staticRoot?: string
  /** Where the nginx configuration, pid and temporary files go (default .data/stack). */
  runDir?: string
  /** The services' LOG_LEVEL (default: LOG_LEVEL, else info). */
  logLevel?: string
  serviceCommand?: ServiceCommand
  /** Extra environment for every service process. */
  serviceEnv?: NodeJS.ProcessEnv
  /**
   * The file every process writes its output to, and the stack its own
   * messages (appended). Default: the launcher's own stdout and stderr.
   */
  logFile?: string
  /** When a service or nginx crashes and how often it is restarted (default DEFAULT_RESTART_POLICY). */
  restartPolicy?: RestartPolicy
  /** Called when a process crashed too often in a row and is not restarted again (default: only the log line). */
  onGiveUp?: (name: string, exit: ExitInfo) => void
  /** How long a service or nginx may take to answer after its start (default 30 s). */
  readyTimeoutMs?: number
  /** The nginx executable (default: `nginx` on PATH). */
  nginx?: string
}
