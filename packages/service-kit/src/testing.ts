import { newSecret, ROLES, type Role, secretHash, TOKEN_PREFIX } from '@labtrack/db'
import { createTestDatabase, MOCK_DATA_SQL, withSql } from '@labtrack/db-tools'
import type { FastifyInstance, FastifyPluginAsync, InjectOptions } from 'fastify'
import postgres from 'postgres'
import { type AppSettings, createApp } from './create-app.js'

export interface TestContext {
  teardown(fn: () => unknown): void
}

export interface TestApp {
  /** The app; its `inject` sends the token of `as` unless the request sets Authorization or Cookie itself. */
  app: FastifyInstance
  /** A postgres.js connection to the same database, to arrange rows and check what was stored. */
  sql: postgres.Sql
  url: string
  /** `Authorization: Bearer …` headers of a token of each role (users test-viewer, test-editor, test-admin). */
  headersOf(role: Role): { authorization: string }
}

export interface TestAppOptions {
  exampleData?: boolean
  /** Whose token `inject` sends by default (default editor); anonymous sends none. */
  as?: Role | 'anonymous'
  settings?: Partial<AppSettings>
  /** Collect the OpenAPI document (app.swagger()), as the build does. */
  openapi?: boolean
}

/** One user and one token per role, straight into the database (the users cannot sign in: no password). */
export async function createTestTokens(sql: postgres.Sql): Promise<Record<Role, string>> {
  const tokens = {} as Record<Role, string>
  for (const role of ROLES) {
    const token = newSecret(TOKEN_PREFIX)
    await sql`
      WITH a AS (INSERT INTO account (name, role, password_hash) VALUES (${`test-${role}`}, ${role}, 'none') RETURNING id)
      INSERT INTO api_token (name, account_id, role, token_hash) SELECT ${`test-${role}`}, id, ${role}, ${secretHash(token)} FROM a`
    tokens[role] = token
  }
  return tokens
}

/** Wraps `inject` so requests carry a default token; a request's own Authorization or Cookie header wins. */
function injectAs(app: FastifyInstance, authorization: string | undefined) {
  if (!authorization) return
  const inject = app.inject.bind(app)
  app.inject = ((options: string | InjectOptions) => {
    const request = typeof options === 'string' ? { url: options } : options
    const headers = (request.headers ?? {}) as Record<string, unknown>
    if ('authorization' in headers || 'cookie' in headers || request.cookies) {
      // `authorization: undefined` asks for a request without credentials.
      const { authorization: given, ...rest } = headers
      return inject({ ...request, headers: given === undefined ? rest : headers } as InjectOptions)
    }
    return inject({ ...request, headers: { ...headers, authorization } })
  }) as typeof app.inject
}

/**
 * Builds the given services on a database of their own (created from
 * DATABASE_URL, which the test runner sets), dropped when the test ends.
 */
export async function buildTestApp(
  t: TestContext,
  services: FastifyPluginAsync[],
  { exampleData = false, as = 'editor', settings = {}, openapi = false }: TestAppOptions = {},
): Promise<TestApp> {
  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run the tests with "pnpm test"')
  const database = await createTestDatabase(adminUrl)
  if (exampleData) await withSql(database.url, (sql) => sql.file(MOCK_DATA_SQL))
  const app = await createApp({ databaseUrl: database.url, services, settings, openapi })
  const sql = postgres(database.url, { max: 2 })
  const tokens = await createTestTokens(sql)
  const headersOf = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` })
  injectAs(app, as === 'anonymous' ? undefined : headersOf(as).authorization)
  t.teardown(async () => {
    await app.close()
    await sql.end({ timeout: 5 })
    await database.drop()
  })
  return { app, sql, url: database.url, headersOf }
}

export * from './test-helpers.js'
