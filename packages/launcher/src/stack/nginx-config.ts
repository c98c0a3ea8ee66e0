import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { gatewayLimits, LIMIT_VARIABLES, type LimitValues } from './gateway-limits.js'

export * from './gateway-limits.js'

// nginx/ at the workspace root, four folders up from packages/launcher/src/stack/.
export const NGINX_DIR = join(ROOT_DIR, 'nginx')
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

/** What a template variable is given: one value, or one per replica (see renderTemplate). */
export type TemplateValues = Readonly<Record<string, string | readonly string[]>>

/**
 * Fills a template the way the nginx image's envsubst does with a filter:
 * only template variables are replaced, nginx's own `$variables` stay. Every
 * template variable needs a value, and no value may break the configuration.
 * A variable given several values (a service's replicas) repeats the line it
 * is on once per value: envsubst, which knows one value, renders the same
 * configuration for one replica.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const missing = new Set<string>()
  const rendered = template
    .split('\n')
    .flatMap((line) => {
      const lists = [...line.matchAll(VARIABLE)].map(variableName).filter((name) => Array.isArray(values[name]))
      if (lists.length > 1) throw new Error(`nginx template: ${lists.join(' and ')} repeat the same line`)
      const list = lists[0]
      if (list === undefined) return [fill(line, values, missing)]
      const each = values[list] as readonly string[]
      if (each.length === 0) throw new Error(`nginx template: ${list} has no value`)
      return each.map((value) => fill(line, { ...values, [list]: value }, missing))
    })
    .join('\n')
  if (missing.size > 0) throw new Error(`nginx template: no value for ${[...missing].join(', ')}`)
  return rendered
}

const variableName = ([, braced, bare]: RegExpMatchArray) => (braced ?? bare) as string

/** One line with every variable replaced by its (single) value. */
function fill(line: string, values: TemplateValues, missing: Set<string>): string {
  return line.replace(VARIABLE, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string
    const value = values[name] as string | undefined
    if (value === undefined) {
      missing.add(name)
      return whole
    }
    if (value === '' || UNSAFE.test(value))
      throw new Error(`nginx template: ${name}=${JSON.stringify(value)} is empty or has a character nginx would misread`)
    return value
  })
}

export interface StackNginxConfig {
  /** Folder for the rendered files, the pid file and nginx's temporary files. */
  runDir: string
  /** The upstreams may each be a list: one server line per replica. */
  values: Omit<Record<keyof GatewayValues, string | readonly string[]>, keyof LimitValues>
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
