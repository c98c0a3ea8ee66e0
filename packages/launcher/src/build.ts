import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { stepFiles, WEB_DIR } from './build-inputs.js'
import { runStep, type Step } from './build-skip.js'

// pnpm build (and the first thing pnpm start and pnpm stack do): the docs and
// the UI's client types, the UI bundle, the services' bundles, each step only
// when what it is made of changed (build-skip.ts; the bundles keep their own
// record, build-services.ts). Nothing changed: no step loads what it builds
// from, which is what keeps a warm `pnpm start` fast.

/** The docs and the UI, each built only when what it is made of changed. */
export async function buildSteps(): Promise<Step[]> {
  const run: Record<string, Step['run']> = {
    docs: async () => console.log(`labtrack: ${await (await import('./build-docs.js')).buildDocs()}`),
    web: async () => {
      const child = spawn(process.execPath, ['build.mjs'], { cwd: WEB_DIR, stdio: 'inherit' })
      const [code] = await once(child, 'exit')
      if (code !== 0) throw new Error(`packages/web: node build.mjs exited with ${code}`)
    },
  }
  return (await stepFiles()).map((step) => ({ ...step, run: run[step.name] as Step['run'] }))
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
  const { buildProductionBundles, productionBundles, startBundle } = await import('./build-services.js')
  // The services' and the migrate job's, and pnpm start's own (a bundle too: node starts it far sooner than tsx does the sources).
  console.log(`labtrack: ${await buildProductionBundles([...(await productionBundles()), startBundle()])}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await build()
