import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openThrowawayServer, ROOT_DIR } from '@labtrack/db-tools'
import autocannon from 'autocannon'
import { serviceBundle } from '../packages/launcher/src/build-services.js'
import { exampleDatabaseWithToken, freePort } from './support.js'

// pnpm tsx scripts/profile-site.ts [out.svg]: a CPU profile of the hottest
// route, GET /api/sites/1 with a viewer's token, on the compiled site service
// (`pnpm build` first) under PROFILE_SECONDS (default 10) of autocannon load;
// written as a flame graph picture (scripts/flamegraph.ts), with the functions
// of most time of their own printed.
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10)
const output = process.argv[2] ?? join(ROOT_DIR, 'docs/profile/site-get-one.svg')

const server = await openThrowawayServer()
const dir = await mkdtemp(join(tmpdir(), 'labtrack-profile-'))
try {
  const { database, token } = await exampleDatabaseWithToken(server.adminUrl)
  const port = await freePort()
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, serviceBundle('site')], {
    env: { PATH: process.env.PATH, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 20))
  const result = await autocannon({
    url: `${base}/api/sites/1`,
    connections: 10,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  })
  console.log(`GET /api/sites/1: ${Math.round(result.requests.average)} req/s under the profiler, ${result.non2xx} not 2xx`)
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
  const [profile] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))
  const { render } = await import('./flamegraph.js')
  const { readFile, writeFile } = await import('node:fs/promises')
  const { svg, top, callers } = render(
    JSON.parse(await readFile(join(dir, profile as string), 'utf8')),
    'site service, GET /api/sites/1 with a token (node --cpu-prof)',
  )
  await writeFile(output, svg)
  console.log(`wrote ${output}; most time of their own:`)
  for (const [name, share] of top) console.log(`${share.toFixed(1).padStart(5)} %  ${name}`)
  console.log(`the callers of the busiest:\n${callers.join('\n')}`)
  await database.drop()
} finally {
  await server.stop()
  await rm(dir, { recursive: true, force: true })
}
