import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigSchema, loadEnvSchema } from '@labtrack/service-kit'
import { type Static, type TInteger, Type } from '@sinclair/typebox'
import { SERVICES } from '../services.js'
import {
  DEFAULT_GATEWAY_PORT,
  DEFAULT_HOST,
  MAX_REPLICAS,
  REPLICA_PORT_STEP,
  SERVICE_PORT_ENV,
  type ServiceName,
  type StackOptions,
} from './options.js'

const port = (fallback: number, description: string) =>
  Type.Integer({ minimum: 0, maximum: 65535, default: fallback, description })

const servicePorts = Object.fromEntries(
  SERVICES.map(({ name, defaultPort }) => [SERVICE_PORT_ENV[name], port(defaultPort, `the ${name} service, on 127.0.0.1`)]),
) as Record<(typeof SERVICE_PORT_ENV)[ServiceName], TInteger>

/** The environment `pnpm stack` reads; DATABASE_URL and LOG_LEVEL mean what they mean for a service. */
export const StackEnvSchema = Type.Object({
  PORT: port(DEFAULT_GATEWAY_PORT, 'the gateway; 0 = any free port'),
  // It goes into nginx's listen directive: an address, nothing nginx would read as more.
  HOST: Type.String({ pattern: '^[\\w.:[\\]-]+$', default: DEFAULT_HOST, description: "the gateway's address" }),
  ...servicePorts,
  STACK_REPLICAS: Type.Integer({
    minimum: 1,
    maximum: MAX_REPLICAS,
    default: 1,
    description: `processes of each service behind nginx; replica i on its port + ${REPLICA_PORT_STEP} × i`,
  }),
  METRICS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description: 'the first metrics port: each service process gets the next (0 = free ports); unset: no metrics',
    }),
  ),
  DATABASE_URL: ConfigSchema.properties.DATABASE_URL,
  LOG_LEVEL: ConfigSchema.properties.LOG_LEVEL,
  WEB_ROOT: Type.Optional(Type.String({ minLength: 1, description: 'the UI folder the gateway serves' })),
  STACK_LOG_FILE: Type.Optional(
    Type.String({ minLength: 1, description: 'a file for every log line, appended, instead of stdout and stderr' }),
  ),
})
export type StackEnv = Static<typeof StackEnvSchema>

/** The options of `pnpm stack` from its environment; a bad value is a ConfigError saying which. */
export function stackOptionsFromEnv(env: NodeJS.ProcessEnv): StackOptions {
  const config = loadEnvSchema(StackEnvSchema, env)
  return {
    port: config.PORT,
    host: config.HOST,
    servicePorts: Object.fromEntries(SERVICES.map(({ name }) => [name, config[SERVICE_PORT_ENV[name]]])),
    replicas: config.STACK_REPLICAS,
    ...(config.METRICS_PORT !== undefined ? { metricsPort: config.METRICS_PORT } : {}),
    logLevel: config.LOG_LEVEL,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.WEB_ROOT ? { staticRoot: resolve(config.WEB_ROOT) } : {}),
    ...(config.STACK_LOG_FILE ? { logFile: resolve(config.STACK_LOG_FILE) } : {}),
  }
}

/** `pnpm stack [--replicas N]`: the command line's options override the environment's, checked alike. */
export function stackOptionsFromCommandLine(args: string[], env: NodeJS.ProcessEnv): StackOptions {
  const { values } = parseArgs({ args, options: { replicas: { type: 'string' } }, strict: true })
  return stackOptionsFromEnv(values.replicas === undefined ? env : { ...env, STACK_REPLICAS: values.replicas })
}
