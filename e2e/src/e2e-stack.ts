import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createFirstAdmin, queryableOf, runCli } from '@labtrack/cli'
import type { Role } from '@labtrack/db'
import { createTestDatabase, MOCK_DATA_SQL, ROOT_DIR, withSql } from '@labtrack/db-tools'
import { type Stack, startStack } from '@labtrack/launcher/stack'
import { coveredServiceCommand } from './coverage.js'

export interface E2eStack extends Stack {
  /** The first admin, created as on a first start: sign in with it, or make the suite's own users. */
  admin: { name: string; password: string }
  /** Creates an API token of the admin with this role (as `pnpm labtrack token create` does); the secret. */
  createToken(role: Role, name?: string): Promise<string>
  /** Runs one query on the stack's database (to check what the UI and the API stored); rows as plain objects. */
  query<T = Record<string, unknown>>(text: TemplateStringsArray, ...values: unknown[]): Promise<T[]>
}

const LOOSE_GATEWAY_LIMITS = {
  LIMIT_SIGN_IN_RATE: '6000r/m',
  LIMIT_SIGN_IN_BURST: '1000',
  LIMIT_WRITE_RATE: '10000r/s',
  LIMIT_WRITE_BURST: '10000',
}

/**
 * The real topology for the suites: nginx, the three services as processes
 * (under nyc for integration coverage) and a database of its own with the
 * example data, on free ports so a running `pnpm stack` is not disturbed.
 */
export async function startE2eStack({ coverage = true } = {}): Promise<E2eStack> {
  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run the e2e suites with "pnpm test:e2e"')
  const database = await createTestDatabase(adminUrl)
  await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
  const admin = { name: 'admin', password: 'e2e-admin-password' }
  await createFirstAdmin(database.url, { LABTRACK_ADMIN_PASSWORD: admin.password })
  let tokens = 0
  const runDir = join(ROOT_DIR, '.data/e2e-stack')
  await mkdir(runDir, { recursive: true })
  // Every process writes its log straight into one file, read when a run
  // fails (`tail -f .data/e2e-stack/stack.log` to watch it); a new run starts it empty.
  const logFile = join(runDir, 'stack.log')
  await writeFile(logFile, '')
  // The suites sign in and write far faster than a person: the gateway's limits
  // are loosened here (gateway-errors.ts checks the default ones on an nginx of its own).
  for (const [name, value] of Object.entries(LOOSE_GATEWAY_LIMITS)) process.env[name] ??= value
  const stack = await startStack({
    port: 0,
    servicePorts: { site: 0, inventory: 0, computer: 0 },
    databaseUrl: database.url,
    prepare: false,
    runDir,
    logLevel: 'warn',
    logFile,
    // The suites sign in often; the per-account throttle has a unit test of its own.
    serviceEnv: { LABTRACK_SIGN_IN_ATTEMPTS: '10000' },
    // Under nyc, on a busy 2-core machine, a service may take longer than the default 30 s to be ready.
    readyTimeoutMs: 90_000,
    ...(coverage ? { serviceCommand: coveredServiceCommand } : {}),
  })
  return {
    ...stack,
    admin,
    createToken: (role, name = `e2e-${role}-${++tokens}`) =>
      runCli(['token', 'create', '--name', name, '--role', role, '--user', admin.name], {
        withDatabase: (fn) => withSql(database.url, (sql) => fn(queryableOf(sql), database.url)),
        readPassword: async () => '',
      }),
    async stop() {
      await stack.stop()
      await database.drop()
    },
    query: <T>(text: TemplateStringsArray, ...values: unknown[]) =>
      withSql(database.url, async (sql) => [...(await sql(text, ...(values as never[])))] as T[]),
  }
}
