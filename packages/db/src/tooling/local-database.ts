import { startEmbeddedPostgres } from './embedded.js'
import { EMBEDDED_DATA_DIR } from './paths.js'

export interface LocalDatabase {
  url: string
  /** Where the URL came from, for the start-up message. */
  source: 'DATABASE_URL' | 'embedded'
  stop(): Promise<void>
}

/**
 * The database every local command uses: `DATABASE_URL` when it is set,
 * otherwise the embedded cluster under `.data/postgres` (started here, stopped by `stop`).
 */
export async function openLocalDatabase(log?: (line: string) => void): Promise<LocalDatabase> {
  const fromEnv = process.env.DATABASE_URL
  if (fromEnv) return { url: fromEnv, source: 'DATABASE_URL', stop: async () => {} }
  const cluster = await startEmbeddedPostgres(EMBEDDED_DATA_DIR, log ? { log } : {})
  return { url: cluster.url('labtrack'), source: 'embedded', stop: () => cluster.stop() }
}
