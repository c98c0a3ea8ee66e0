import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedPostgres } from './embedded.js'

export interface ThrowawayServer {
  /** The maintenance database: its user may create the databases a run needs. */
  adminUrl: string
  stop(): Promise<void>
}

/**
 * A PostgreSQL server for one run of the tests or the benchmark: the one
 * `DATABASE_URL` names when it is set (left running), else an embedded
 * cluster in a temporary folder that `stop` removes.
 */
export async function openThrowawayServer(env: NodeJS.ProcessEnv = process.env): Promise<ThrowawayServer> {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, stop: async () => {} }
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-pg-'))
  // As root the cluster runs as the `postgres` user, which must reach its folder.
  await chmod(dir, 0o755)
  const cluster = await startEmbeddedPostgres(join(dir, 'data'), { persistent: false })
  return {
    adminUrl: cluster.url('postgres'),
    stop: async () => {
      await cluster.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
