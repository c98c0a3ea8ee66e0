// Builds the UI into dist/: index.html (served with no-cache) and one
// fingerprinted JS bundle and CSS file under dist/assets/ (cacheable forever).
// Only dist/index.html and dist/assets/ are ours: the root build writes the
// API docs into dist/api/ afterwards, and this script leaves them alone.
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, 'dist')
const assets = join(dist, 'assets')

await rm(assets, { recursive: true, force: true })
await rm(join(dist, 'index.html'), { force: true })
await mkdir(assets, { recursive: true })

const result = await build({
  absWorkingDir: here,
  entryPoints: [
    { in: 'src/main.ts', out: 'app' },
    { in: 'src/styles.css', out: 'app' },
  ],
  outdir: assets,
  entryNames: '[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  metafile: true,
  logLevel: 'warning',
})

/** The public URL of the output built from one entry point. */
function outputFor(entry) {
  const found = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === entry)
  if (!found) throw new Error(`esbuild wrote no output for ${entry}`)
  return `/${relative(dist, join(here, found[0])).split('\\').join('/')}`
}

const template = await readFile(join(here, 'src/index.html'), 'utf8')
const html = template.replace('{{script}}', outputFor('src/main.ts')).replace('{{stylesheet}}', outputFor('src/styles.css'))
if (html.includes('{{')) throw new Error('src/index.html has a placeholder build.mjs does not fill')
await writeFile(join(dist, 'index.html'), html)

// nginx workers run as nobody: everything must be world-readable, whatever the umask.
async function publish(path) {
  const info = await stat(path)
  await chmod(path, info.isDirectory() ? 0o755 : 0o644)
  if (info.isDirectory()) for (const name of await readdir(path)) await publish(join(path, name))
}
await publish(dist)

const written = (await readdir(assets)).map((name) => `assets/${name}`)
console.log(`@labtrack/web: wrote ${basename(dist)}/index.html, ${written.join(', ')}`)
