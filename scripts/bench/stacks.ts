import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ROOT_DIR } from '@labtrack/db-tools'
import { type Stack, type StackOptions, startStack } from '@labtrack/launcher/stack'
import { buildProductionBundles, productionBundles } from '../../packages/launcher/src/build-services.js'
import { BENCH_DIR } from './database.js'

// The two stacks of a run, both started by the launcher's startStack with the
// same gateway template: labtrack's (nginx and the three compiled services,
// on the benchmark database) and the ceiling's, where every service's place
// is taken by bare-fastify.mjs, so nginx's configuration is the same and only
// what lies behind it differs.

const BARE_APP = fileURLToPath(new URL('./bare-fastify.mjs', import.meta.url))
const fastify = pathToFileURL(createRequire(join(ROOT_DIR, 'packages/launcher/package.json')).resolve('fastify')).href

function loosenWriteLimits() {
  // The gateway's write limits per address would refuse most of the POSTs of one
  // load generator: loosened, as for the e2e stack, unless this environment sets them.
  for (const [name, value] of Object.entries({ LIMIT_WRITE_RATE: '100000r/s', LIMIT_WRITE_BURST: '100000' })) {
    process.env[name] ??= value
  }
}

/** The compiled services, rebuilt only when their sources changed (what pnpm stack runs). */
export const buildServices = async () => buildProductionBundles(await productionBundles())

/** What both stacks of the bench share: free ports, the benchmark database as it is, their own folder and log. */
function benchStack(name: string, options: Partial<StackOptions>): Promise<Stack> {
  loosenWriteLimits()
  return startStack({
    port: 0,
    servicePorts: { site: 0, inventory: 0, computer: 0 },
    prepare: false,
    runDir: join(BENCH_DIR, name),
    logLevel: 'warn',
    logFile: join(BENCH_DIR, `${name}.log`),
    ...options,
  })
}

export const startLabtrackStack = (databaseUrl: string) =>
  // Reads open to anyone, so the same read can be measured without credentials too.
  benchStack('stack', { databaseUrl, serviceEnv: { LABTRACK_PUBLIC_READS: 'true' } })

export const startCeilingStack = (databaseUrl: string) =>
  benchStack('ceiling-stack', {
    databaseUrl,
    serviceCommand: () => ({ command: process.execPath, args: [BARE_APP], env: { LABTRACK_BENCH_FASTIFY: fastify } }),
  })
