import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gatewayLimits, LIMIT_VARIABLES, type LimitValues } from './gateway-limits.js'

export * from './gateway-limits.js'

// nginx/ at the workspace root, four folders up from packages/launcher/src/stack/.
export const NGINX_DIR = fileURLToPath(new URL('../../../../nginx', import.meta.url))
/** The gateway's routing, for both the local stack and the gateway image. */
export const GATEWAY_TEMPLATE = join(NGINX_DIR, 'labtrack.conf.template')
/** The main nginx.conf of the local stack around it. */
export const STACK_NGINX_TEMPLATE = join(NGINX_DIR, 'stack.nginx.conf.template')

/** The variables of labtrack.conf.template; nginx/Dockerfile's NGINX_ENVSUBST_FILTER names exactly these. */
export const GATEWAY_VARIABLES = [
  'LISTEN',
  'WEB_ROOT',
  'SITE_UPSTREAM',
  'INVENTORY_UPSTREAM',
  'COMPUTER_UPSTREAM',
  ...LIMIT_VARIABLES,
] as const
export type GatewayValues = Record<(typeof GATEWAY_VARIABLES)[number], string>

// A template variable is a name in capitals after a dollar sign, with or
// without braces, as envsubst reads it; nginx's own variables are lower case.
const VARIABLE = /\$\{([A-Z][A-Z0-9_]*)\}|\$([A-Z][A-Z0-9_]*)/g
// Characters that would end or change an nginx directive, or start one of its variables.
const UNSAFE = /["'$;{}\\\r\n]/

/**
 * Fills a template the way the nginx image's envsubst does with a filter:
 * only template variables are replaced, nginx's own `$variables` stay. Every
 * template variable needs a value, and no value may break the configuration.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = new Set<string>()
  const rendered = template.replace(VARIABLE, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string
    const value = values[name]
    if (value === undefined) {
      missing.add(name)
      return whole
    }
    if (value === '' || UNSAFE.test(value))
      throw new Error(`nginx template: ${name}=${JSON.stringify(value)} is empty or has a character nginx would misread`)
    return value
  })
  if (missing.size > 0) throw new Error(`nginx template: no value for ${[...missing].join(', ')}`)
  return rendered
}

export interface StackNginxConfig {
  /** Folder for the rendered files, the pid file and nginx's temporary files. */
  runDir: string
  values: Omit<GatewayValues, keyof LimitValues>
  /** Where the LIMIT_* settings come from (default: this process's environment, as `pnpm stack` has it). */
  env?: NodeJS.ProcessEnv
}

/** Renders nginx.conf and labtrack.conf into `runDir`; returns the path of nginx.conf. */
export async function writeStackNginxConfig({ runDir, values, env = process.env }: StackNginxConfig): Promise<string> {
  await mkdir(join(runDir, 'tmp'), { recursive: true })
  const gateway = renderTemplate(await readFile(GATEWAY_TEMPLATE, 'utf8'), { ...values, ...gatewayLimits(env) })
  const main = renderTemplate(await readFile(STACK_NGINX_TEMPLATE, 'utf8'), { RUN_DIR: runDir })
  await writeFile(join(runDir, 'labtrack.conf'), gateway)
  const configFile = join(runDir, 'nginx.conf')
  await writeFile(configFile, main)
  return configFile
}
