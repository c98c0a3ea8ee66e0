import { type Static, type TObject, Type } from '@sinclair/typebox'
import { envSchema } from 'env-schema'

export const ConfigSchema = Type.Object({
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'postgres://user:password@host:port/database' }),
  ),
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  LABTRACK_PUBLIC_READS: Type.Boolean({ default: false, description: 'true: reads need no credentials' }),
  LABTRACK_SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, default: 120, description: 'a UI session unused this long ends' }),
  LABTRACK_SESSION_MAX_HOURS: Type.Integer({ minimum: 1, default: 12, description: 'a UI session ends this long after sign-in' }),
  LABTRACK_SIGN_IN_ATTEMPTS: Type.Integer({
    minimum: 1,
    default: 10,
    description: 'sign-in attempts per account per minute, in each service process',
  }),
  LABTRACK_CREDENTIAL_CACHE_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 60,
    default: 5,
    description: 'a checked token or session is trusted this long without the database (a change ends it at once); 0: never',
  }),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 10, description: 'connections per process' }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    default: 10_000,
    description: 'a query running longer is cancelled (503); 0: no limit',
  }),
  REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 1000,
    default: 30_000,
    description: 'a request not received in full by then is answered 408 (as nginx: client_body_timeout)',
  }),
  METRICS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description: 'Prometheus metrics at GET /metrics on this port of HOST (never the API port); unset: none; 0: any free port',
    }),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s]+$',
      description: 'an OpenTelemetry collector: spans go to its /v1/traces (OTLP/HTTP JSON); unset: no tracing at all',
    }),
  ),
  OTEL_SERVICE_NAME: Type.Optional(
    Type.String({
      minLength: 1,
      description: "the traces' service.name (default: site, inventory, computer; labtrack for pnpm start)",
    }),
  ),
})
export type Config = Static<typeof ConfigSchema>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Reads and validates the environment; `defaults` supply what a launcher defaults differently (PORT). */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { PORT: number }): Config {
  try {
    return envSchema<Config>({ schema: ConfigSchema, data: { PORT: defaults.PORT, ...env }, env: false, dotenv: false })
  } catch (error) {
    // env-schema says e.g. "env/PORT must be <= 65535"; keep it to one line.
    throw new ConfigError(`invalid configuration: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
}

/** Loads the configuration, or stops the process with a one-line message. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv, defaults: { PORT: number }, require: (keyof Config)[] = []): Config {
  try {
    const config = loadConfig(env, defaults)
    const missing = require.filter((key) => config[key] === undefined)
    if (missing.length > 0) throw new ConfigError(`invalid configuration: ${missing.join(', ')} must be set`)
    return config
  } catch (error) {
    process.stderr.write(`labtrack: ${(error as Error).message}\n`)
    process.exit(1)
  }
}

/**
 * Reads and validates `env` against any TypeBox object schema (defaults filled
 * in, numbers and booleans converted, other variables dropped); a bad value
 * is a ConfigError with a one-line message. For launchers with settings of
 * their own, such as `pnpm stack`.
 */
export function loadEnvSchema<Schema extends TObject>(schema: Schema, env: NodeJS.ProcessEnv): Static<Schema> {
  try {
    return envSchema<Static<Schema>>({ schema, data: { ...env }, env: false, dotenv: false })
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
}
