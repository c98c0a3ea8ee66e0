import { join, resolve } from 'node:path'
import { runningEmbeddedPostgres, startEmbeddedPostgres } from './embedded.js'
import { ROOT_DIR } from './paths.js'

export interface LocalDatabase {
  /** For the tooling (postgres.js: migrations, seeds, the CLI). */
  url: string
  /**
   * For the services' node-pg pool: the embedded cluster's Unix socket, which
   * costs each query less than loopback TCP; DATABASE_URL as it is when set.
   */
  serviceUrl: string
  /** Where the URL came from, for messages: "DATABASE_URL" or "the embedded database in …". */
  description: string
  stop(): Promise<void>
}

/** The folder of the embedded cluster: `$LABTRACK_DATA_DIR/postgres`, by default `.data/postgres` in the workspace. */
export function embeddedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(ROOT_DIR, env.LABTRACK_DATA_DIR || '.data'), 'postgres')
}

/**
 * The database every local command uses: `DATABASE_URL` when it is set,
 * otherwise the embedded cluster (started here, stopped by `stop`).
 */
export async function openLocalDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
): Promise<LocalDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, serviceUrl: env.DATABASE_URL, description: 'DATABASE_URL', stop: async () => {} }
  }
  const dataDir = embeddedDataDir(env)
  // Already started by another labtrack process: use it, and leave it running.
  const running = await runningEmbeddedPostgres(dataDir, 'labtrack')
  if (running) {
    return {
      url: running.url,
      serviceUrl: running.socketUrl,
      description: `the running embedded database in ${dataDir}`,
      stop: async () => {},
    }
  }
  const cluster = await startEmbeddedPostgres(dataDir, log ? { log } : {})
  return {
    url: cluster.url('labtrack'),
    serviceUrl: cluster.socketUrl('labtrack'),
    description: `the embedded database in ${dataDir}`,
    stop: () => cluster.stop(),
  }
}
