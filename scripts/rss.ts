import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { openThrowawayServer, ROOT_DIR } from '@labtrack/db-tools'
import autocannon from 'autocannon'
import { SERVICE_NODE_FLAGS, serviceBundle } from '../packages/launcher/src/build-services.js'
import { exampleDatabaseWithToken, freePort } from './support.js'

// pnpm bench:rss — the resident memory of one service process (site), idle
// and after REQUESTS requests (a viewer's API token on each), as the TypeScript
// sources under tsx and as the compiled bundle (`pnpm build` first), with node's
// defaults and with SERVICE_NODE_FLAGS. Figures to compare within one run; Linux only (/proc).
const REQUESTS = Number(process.env.RSS_REQUESTS ?? 5000)
const PATHS = ['/healthz', '/readyz', '/api/sites/1', '/api/sites?limit=10', '/api/sites/999999']

const variants: [string, string[]][] = [
  ['tsx, sources', ['--import', 'tsx', 'services/site/src/server.ts']],
  ['node, bundle', [serviceBundle('site')]],
  // What the images and pnpm stack run: the heap's sizes, one V8 worker (build-services.ts).
  ['node SERVICE_NODE_FLAGS, bundle', [...SERVICE_NODE_FLAGS, serviceBundle('site')]],
]

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]) / 1024
}

async function measure(databaseUrl: string, token: string, args: string[]) {
  const port = await freePort()
  const started = Date.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT_DIR,
    // warn: no log line per request, as a loaded production service would be configured to.
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const readyMs = Date.now() - started
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const idle = await rssMiB(child.pid as number)
  const result = await autocannon({
    url: base,
    connections: 10,
    amount: REQUESTS,
    headers: { authorization: `Bearer ${token}` },
    requests: PATHS.map((path) => ({ method: 'GET' as const, path })),
  })
  const loaded = await rssMiB(child.pid as number)
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
  return {
    readyMs,
    idle,
    loaded,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    ok: result['2xx'],
    unexpected: result['5xx'] + result['1xx'] + result['3xx'],
  }
}

const server = await openThrowawayServer()
try {
  const { database, token } = await exampleDatabaseWithToken(server.adminUrl)
  console.log(`site service, RSS in MiB, idle (1 s after ready) and after ${REQUESTS} requests (${PATHS.join(', ')}):`)
  for (const [label, args] of variants) {
    const { readyMs, idle, loaded, requests, ok, errors, unexpected } = await measure(database.url, token, args)
    console.log(
      `  ${label.padEnd(36)} ready in ${String(readyMs).padStart(5)} ms   idle ${idle.toFixed(1).padStart(6)}   after ${loaded.toFixed(1).padStart(6)}   (${requests} requests: ${ok} 2xx, ${unexpected} neither 2xx nor 4xx, ${errors} errors)`,
    )
  }
  await database.drop()
} finally {
  await server.stop()
}
