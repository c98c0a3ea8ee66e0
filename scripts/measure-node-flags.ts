import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { openThrowawayServer, ROOT_DIR } from '@labtrack/db-tools'
import autocannon from 'autocannon'
import { SERVICE_NODE_FLAGS, serviceBundle } from '../packages/launcher/src/build-services.js'
import { exampleDatabaseWithToken, freePort } from './support.js'

// pnpm tsx scripts/measure-node-flags.ts: what node flags (the heap's sizes)
// cost and save in the site service: one process per set of flags
// (NODE_FLAG_SETS, sets split by |; `default` for none), all running at once,
// GET /api/sites/1 with a token in alternating 1 s slices (FLAG_SLICES,
// default 8 each) so a change in the machine's load weighs on all; then the
// largest RSS each reached. Figures to compare within one run.
const SETS = (process.env.NODE_FLAG_SETS ?? `default|${SERVICE_NODE_FLAGS.join(' ')}`).split('|')
const SLICES = Number(process.env.FLAG_SLICES ?? 8)

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) / 1024
}

const server = await openThrowawayServer()
try {
  const { database, token } = await exampleDatabaseWithToken(server.adminUrl)
  const variants = await Promise.all(
    SETS.map(async (set) => {
      const port = await freePort()
      const flags = set === 'default' ? [] : set.split(' ').filter(Boolean)
      const child = spawn(process.execPath, [...flags, serviceBundle('site')], {
        cwd: ROOT_DIR,
        env: { PATH: process.env.PATH, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'inherit', 'inherit'],
      })
      const base = `http://127.0.0.1:${port}`
      while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return { set, child, base, requests: 0, seconds: 0 }
    }),
  )
  for (let slice = 0; slice <= SLICES; slice++) {
    for (const variant of variants) {
      const result = await autocannon({
        url: `${variant.base}/api/sites/1`,
        connections: 16,
        duration: 1,
        headers: { authorization: `Bearer ${token}` },
      })
      // The first round warms each up and is not counted.
      if (slice > 0) {
        variant.requests += result['2xx']
        variant.seconds += result.duration
      }
    }
  }
  console.log(`site service, GET /api/sites/1 with a token, ${SLICES} alternating 1 s slices each:`)
  for (const variant of variants) {
    const peak = await rssMiB(variant.child.pid as number)
    console.log(
      `  ${variant.set.padEnd(56)} ${(variant.requests / variant.seconds).toFixed(0).padStart(6)} req/s   largest RSS ${peak.toFixed(1)} MiB (${((peak * 1048576) / 1e6).toFixed(0)} MB)`,
    )
  }
  await Promise.all(variants.map(({ child }) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))))
  await database.drop()
} finally {
  await server.stop()
}
