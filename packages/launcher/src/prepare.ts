import { createFirstAdmin } from '@labtrack/cli'
import { describeMigration, prepareDatabase } from '@labtrack/db-tools'

/**
 * What `pnpm start` and `pnpm stack` do before any service starts (the
 * services never alter the schema): the migrations, the example rows into a
 * brand-new database, and the first admin when there is no user. The lines to
 * print; the first admin's generated password among them, this once.
 */
export async function prepareForServing(url: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const migrated = describeMigration(await prepareDatabase(url))
  return [migrated, ...(await createFirstAdmin(url, env))]
}
