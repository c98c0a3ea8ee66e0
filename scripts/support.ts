import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { queryableOf } from '@labtrack/cli'
import { createAccount, createApiToken } from '@labtrack/db'
import { createTestDatabase, MOCK_DATA_SQL, ROOT_DIR, type TestDatabase, withSql } from '@labtrack/db-tools'
import autocannon from 'autocannon'
import { probePort } from '../packages/launcher/src/stack/net.js'

// What the measuring scripts (rss, measure-prepared, measure-node-flags, profile-site, the start times) share.

/** A port nothing listens on now, on loopback. */
export const freePort = (): Promise<number> => probePort('127.0.0.1', 0)

/** The largest resident memory a process has had so far (VmHWM), in bytes; 0 once it is gone. Linux only. */
export async function peakRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024
}

/** A database of its own on `adminUrl` with the example rows, and a viewer's token for the requests. */
export async function exampleDatabaseWithToken(adminUrl: string): Promise<{ database: TestDatabase; token: string }> {
  const database = await createTestDatabase(adminUrl)
  const token = await withSql(database.url, async (sql) => {
    await sql.file(MOCK_DATA_SQL)
    const db = queryableOf(sql)
    const account = await createAccount(db, { name: 'bench', role: 'viewer', password: 'a password for the bench' })
    return (await createApiToken(db, { name: 'bench', role: 'viewer', account })).token
  })
  return { database, token }
}

/** A compiled service run as `node args…` on `databaseUrl`, once its /readyz answers 200. */
export async function serveBundle(args: string[], databaseUrl: string) {
  const port = await freePort()
  const child = spawn(process.execPath, args, {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200) {
    if (child.exitCode !== null) throw new Error(`node ${args.join(' ')} exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return {
    base,
    pid: child.pid as number,
    stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')),
  }
}

/**
 * GET `path` with the token on each base URL in turn, one-second slices, `slices`
 * of each after a first round of warm-up that is not counted: a change in the
 * shared machine's load weighs on every variant alike. req/s and errors of each.
 */
export async function alternatingSlices(bases: string[], path: string, token: string, slices: number, connections = 16) {
  const totals = bases.map(() => ({ requests: 0, seconds: 0, errors: 0 }))
  for (let round = 0; round <= slices; round++) {
    for (const [index, base] of bases.entries()) {
      const result = await autocannon({
        url: `${base}${path}`,
        connections,
        duration: 1,
        headers: { authorization: `Bearer ${token}` },
      })
      if (round === 0) continue
      const total = totals[index] as (typeof totals)[number]
      total.requests += result['2xx']
      total.seconds += result.duration
      total.errors += result.errors + result.timeouts + result.non2xx
    }
  }
  return totals.map(({ requests, seconds, errors }) => ({ rate: requests / seconds, errors }))
}
