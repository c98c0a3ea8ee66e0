import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT_DIR } from '@labtrack/db-tools'
import { runStep, type Step } from './build-skip.js'
import { CLIENT_TYPES_FILE, OPENAPI_FILE, WEB_DIST_DIR } from './paths.js'
import { GATEWAY_TEMPLATE } from './stack/nginx-config.js'

// pnpm build (and the first thing pnpm start and pnpm stack do): the docs and
// the UI's client types, the UI bundle, the services' bundles, each step only
// when what it is made of changed (build-skip.ts; the bundles keep their own
// record, build-services.ts). Nothing changed: no step loads what it builds
// from, which is what keeps a warm `pnpm start` fast.

const WORKSPACE = [join(ROOT_DIR, 'package.json'), join(ROOT_DIR, 'pnpm-lock.yaml')]
const WEB_DIR = join(ROOT_DIR, 'packages/web')

/** Every src folder the OpenAPI document is made of: the services' and the packages' but the UI's. */
async function documentSources(): Promise<string[]> {
  const folders: string[] = []
  for (const parent of ['packages', 'services']) {
    for (const name of (await readdir(join(ROOT_DIR, parent))).sort()) {
      if (parent !== 'packages' || name !== 'web') folders.push(join(ROOT_DIR, parent, name, 'src'))
    }
  }
  return folders
}

export async function buildSteps(): Promise<Step[]> {
  return [
    {
      name: 'docs',
      inputs: [...(await documentSources()), GATEWAY_TEMPLATE, ...WORKSPACE],
      outputs: [OPENAPI_FILE, join(WEB_DIST_DIR, 'api/docs/index.html'), CLIENT_TYPES_FILE],
      run: async () => console.log(`labtrack: ${await (await import('./build-docs.js')).buildDocs()}`),
    },
    {
      name: 'web',
      inputs: [join(WEB_DIR, 'src'), join(WEB_DIR, 'build.mjs'), join(WEB_DIR, 'package.json'), ...WORKSPACE],
      outputs: [join(WEB_DIST_DIR, 'index.html')],
      run: async () => {
        const child = spawn(process.execPath, ['build.mjs'], { cwd: WEB_DIR, stdio: 'inherit' })
        const [code] = await once(child, 'exit')
        if (code !== 0) throw new Error(`packages/web: node build.mjs exited with ${code}`)
      },
    },
  ]
}

/** Runs every step that is not up to date; one line for the log. */
export async function buildWhatChanged(steps: Step[], recordDir?: string): Promise<string> {
  const skipped: string[] = []
  for (const step of steps) if ((await runStep(step, recordDir)) === 'up to date') skipped.push(step.name)
  return skipped.length > 0 ? `build: ${skipped.join(', ')} up to date` : 'build: done'
}

/** The whole build: the steps, then the bundles, each of which checks its own inputs (the files esbuild read for it). */
export async function build(): Promise<void> {
  console.log(`labtrack: ${await buildWhatChanged(await buildSteps())}`)
  const { buildProductionBundles, productionBundles } = await import('./build-services.js')
  console.log(`labtrack: ${await buildProductionBundles(await productionBundles())}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await build()
