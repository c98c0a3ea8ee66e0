import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, ROOT_DIR, withSql } from '@labtrack/db-tools'
import { NOT_COVERED_ENV } from '@labtrack/service-kit/testing'
import t, { type Test } from 'tap'
import {
  type Bundle,
  buildBundle,
  buildProductionBundles,
  esbuildTarget,
  productionBundles,
  serviceBundle,
  startBundle,
} from '../src/build-services.js'

// The services and the migrate job as plain JavaScript: each bundle runs with
// `node` alone, from a folder of its own (as in its image), and is rebuilt only
// when one of its sources changed. Built into temporary folders, never over
// the workspace's own dist/ folders, which a running stack may be using.
const adminUrl = process.env.DATABASE_URL as string

async function tempDir(t: Test, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** Runs `node file args…` with only `env` (and PATH): no loader, no tsx. */
function node(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [file, ...args], {
    env: { PATH: process.env.PATH ?? '', ...NOT_COVERED_ENV, ...env },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return { child, output: () => output }
}

async function exited(child: ChildProcess): Promise<number | null> {
  const [code] = await once(child, 'exit')
  return code as number | null
}

t.test('what is built: every service with a server.ts, and the migrate job', async (t) => {
  const bundles = await productionBundles()
  t.same(
    bundles.map(({ name }) => name),
    ['computer', 'inventory', 'site', 'cli'],
  )
  for (const { name, entry, outfile } of bundles.slice(0, 3)) {
    t.equal(entry, join(ROOT_DIR, `services/${name}/src/server.ts`))
    t.equal(outfile, serviceBundle(name), `${name}: services/${name}/dist/server.js`)
  }
  t.same(bundles[3], {
    name: 'cli',
    entry: join(ROOT_DIR, 'packages/cli/src/main.ts'),
    outfile: join(ROOT_DIR, 'packages/cli/dist/main.js'),
  })
})

t.test("pnpm start's bundle: its chunks beside it, at the depth its paths are computed from", async (t) => {
  t.same(startBundle(), {
    name: 'start',
    entry: join(ROOT_DIR, 'packages/launcher/src/start.ts'),
    outfile: join(ROOT_DIR, 'packages/launcher/dist/start.js'),
    chunks: 'beside',
  })
})

t.test('the target: the oldest Node that package.json engines allow', async (t) => {
  t.equal(esbuildTarget('>=20.11'), 'node20.11')
  t.equal(esbuildTarget('>= 24'), 'node24')
  t.throws(() => esbuildTarget('^20 || ^24'), /engines\.node should read ">=MAJOR\.MINOR", not "\^20 \|\| \^24"/)
})

t.test('a bundle is rebuilt when, and only when, what it is made of changed', async (t) => {
  const dir = await tempDir(t, 'labtrack-bundle-')
  await mkdir(join(dir, 'src'))
  const entry = join(dir, 'src/entry.ts')
  const dep = join(dir, 'src/dep.ts')
  await writeFile(dep, "export const greeting: string = 'from the dependency'\n")
  await writeFile(entry, "import { greeting } from './dep.js'\nconsole.log(greeting)\n")
  const bundle: Bundle = { name: 'fixture', entry, outfile: join(dir, 'dist/entry.js') }
  const run = async () => {
    const { child, output } = node(bundle.outfile, [], {})
    t.equal(await exited(child), 0, output())
    return output().trim()
  }

  t.equal(await buildBundle(bundle), 'built')
  t.equal(await run(), 'from the dependency', 'runs with node alone')
  t.same(JSON.parse(await readFile(join(dir, 'dist/package.json'), 'utf8')), { type: 'module' }, 'an ES module')
  const map = JSON.parse(await readFile(`${bundle.outfile}.map`, 'utf8')) as { sources: string[] }
  t.same(map.sources.sort(), ['../src/dep.ts', '../src/entry.ts'], 'its source map points at the sources')
  t.match(await readFile(bundle.outfile, 'utf8'), /\/\/# sourceMappingURL=entry\.js\.map\n$/)
  t.equal(await buildBundle(bundle), 'up to date', 'nothing changed')

  await writeFile(dep, "export const greeting: string = 'changed'\n")
  t.equal(await buildBundle(bundle), 'built', 'a dependency changed')
  t.equal(await run(), 'changed')
  t.equal(await buildBundle(bundle), 'up to date')
  await writeFile(dep, "export const greeting: string = 'changed'\n")
  t.equal(await buildBundle(bundle), 'up to date', 'written again, the same content')

  // A file it was made of is gone (as when a dependency upgraded moves to another folder): not up to date.
  await unlink(dep)
  await t.rejects(buildBundle(bundle), /Could not resolve "\.\/dep\.js"/, 'built again, and esbuild says what is missing')
  await writeFile(entry, "console.log('alone')\n")
  t.equal(await buildBundle(bundle), 'built', 'the entry changed')
  t.equal(await run(), 'alone')

  await rm(`${bundle.outfile}.inputs.json`)
  t.equal(await buildBundle(bundle), 'built', 'no record of the last build')

  const other: Bundle = { ...bundle, name: 'other', outfile: join(dir, 'other/entry.js') }
  t.equal(await buildProductionBundles([bundle, other]), 'compiled other to JavaScript; fixture already up to date')
  t.equal(await buildProductionBundles([bundle]), 'fixture already up to date')
  await rm(join(dir, 'other'), { recursive: true })
  t.equal(await buildProductionBundles([other]), 'compiled other to JavaScript')
})

t.test("what is loaded on demand goes into chunks/, or beside the bundle when it must stay at the bundle's depth", async (t) => {
  const dir = await tempDir(t, 'labtrack-chunks-')
  await mkdir(join(dir, 'src'))
  const entry = join(dir, 'src/entry.ts')
  await writeFile(join(dir, 'src/later.ts'), "export const where: string = new URL('.', import.meta.url).pathname\n")
  await writeFile(entry, "const { where } = await import('./later.js')\nconsole.log(where)\n")
  for (const [chunks, folder] of [
    ['chunks', 'dist/chunks/'],
    ['beside', 'dist/'],
  ] as const) {
    const outfile = join(dir, 'dist/entry.js')
    await writeFile(
      join(dir, 'src/later.ts'),
      `export const where: string = new URL('.', import.meta.url).pathname // ${chunks}\n`,
    )
    t.equal(await buildBundle({ name: chunks, entry, outfile, chunks }), 'built')
    const { child, output } = node(outfile, [], {})
    t.equal(await exited(child), 0, output())
    t.equal(output().trim(), join(dir, folder), `${chunks}: the chunk runs from ${folder}`)
  }
  t.notOk(existsSync(join(dir, 'dist/chunks')), 'a new build leaves nothing of the last in the folder')
})

t.test('a stack trace of a (stripped) bundle names the function, the .ts file and its line', async (t) => {
  const dir = await tempDir(t, 'labtrack-trace-')
  await mkdir(join(dir, 'src'))
  const entry = join(dir, 'src/entry.ts')
  await writeFile(
    entry,
    "class Freezer {}\nfunction failsHere(): never {\n  throw new Error('boom')\n}\nconsole.log(Freezer.name)\nfailsHere()\n",
  )
  const outfile = join(dir, 'dist/entry.js')
  t.equal(await buildBundle({ name: 'trace', entry, outfile }), 'built')
  t.ok((await readFile(outfile, 'utf8')).split('\n').length < 6, 'the bundle has no blank lines or comments')
  const { child, output } = node(outfile, [], { NODE_OPTIONS: '--enable-source-maps' })
  t.equal(await exited(child), 1)
  t.match(output(), /^Freezer$/m, "a class's name is kept")
  t.match(output(), /at failsHere \(\S*src\/entry\.ts:3:\d+\)/, `the frame: ${output()}`)
})

t.test('a service bundle serves on its own, and stops on SIGTERM', async (t) => {
  const database = await createTestDatabase(adminUrl)
  t.teardown(() => database.drop())
  const dir = await tempDir(t, 'labtrack-service-bundle-')
  const site = (await productionBundles()).find(({ name }) => name === 'site') as Bundle
  const outfile = join(dir, 'dist/server.js')
  t.equal(await buildBundle({ ...site, outfile }), 'built')
  // What only pnpm start and the document's build load is in chunks beside it, not in the source V8 holds.
  const source = await readFile(outfile, 'utf8')
  for (const plugin of ['@fastify/swagger', '@fastify/static'])
    t.notOk(source.includes(plugin), `${plugin} is not in the bundle itself`)

  const { child, output } = node(outfile, [], { DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1' })
  t.teardown(() => child.kill('SIGKILL'))
  let port: string | undefined
  while (!port && child.exitCode === null) {
    port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1]
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.ok(port, `it listens: ${output()}`)
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
  t.equal(ready.status, 200, 'GET /readyz: the database answers')
  child.kill('SIGTERM')
  t.equal(await exited(child), 0, 'SIGTERM: a clean exit')
})

t.test("the migrate job's bundle sets the database up, laid out as in its image", async (t) => {
  const database = await createTestDatabase(adminUrl)
  const appRole = `labtrack_app_bundle_${process.pid}`
  t.teardown(async () => {
    await database.drop()
    await withSql(adminUrl, (sql) => sql`DROP ROLE IF EXISTS ${sql(appRole)}`)
  })
  // The image: /app/packages/cli/dist/main.js beside /app/postgres_scripts.
  const app = await tempDir(t, 'labtrack-migrate-bundle-')
  await symlink(join(ROOT_DIR, 'postgres_scripts'), join(app, 'postgres_scripts'))
  const cli = (await productionBundles()).find(({ name }) => name === 'cli') as Bundle
  const outfile = join(app, 'packages/cli/dist/main.js')
  t.equal(await buildBundle({ ...cli, outfile }), 'built')
  const { child, output } = node(outfile, ['setup'], {
    DATABASE_URL: database.url,
    LABTRACK_APP_USER: appRole,
    LABTRACK_APP_PASSWORD: 'app-password',
    LABTRACK_ADMIN_PASSWORD: 'admin-password-of-the-test',
  })
  t.equal(await exited(child), 0, output())
  t.match(output(), /^database schema up to date \(version \d+\)$/m, 'the migrations')
  t.match(output(), new RegExp(`^role ${appRole} may read and write the rows, nothing else$`, 'm'), "the services' role")
  t.match(output(), /^created the first user: admin/m, 'the first admin')
})
