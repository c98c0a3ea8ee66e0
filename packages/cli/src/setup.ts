import { appRoleFromEnv, describeMigration, ensureAppRole, ensureDatabase, migrate } from '@labtrack/db-tools'
import { createFirstAdmin } from './first-admin.js'

/**
 * What a database needs before the services use it, as the production
 * compose's one-shot job runs it as the owner: the migrations, the services'
 * role with data rights only (when LABTRACK_APP_USER is set), the first admin.
 */
export async function setupDatabase(url: string, { exampleData = false } = {}, env = process.env): Promise<string[]> {
  await ensureDatabase(url)
  const lines = [describeMigration(await migrate(url, { exampleData }))]
  const appRole = appRoleFromEnv(env)
  if (appRole) lines.push(await ensureAppRole(url, appRole))
  lines.push(...(await createFirstAdmin(url, env)))
  return lines
}
