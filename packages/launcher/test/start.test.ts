import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR, withSql } from '@labtrack/db-tools'
import { NOT_COVERED_ENV } from '@labtrack/service-kit/testing'
import t, { type Test } from 'tap'
import { START_BUNDLE_FILE } from '../src/paths.js'
import { buildIsUpToDate } from '../src/start.js'

// pnpm start as a user runs it, here on DATABASE_URL (the embedded default is
// the same code path with another URL; the quick start exercises it).
const START = fileURLToPath(new URL('../src/start.ts', import.meta.url))
const BIN_START = fileURLToPath(new URL('../bin/start.mjs', import.meta.url))
const adminUrl = process.env.DATABASE_URL as string
// Four real starts of the whole application (build check, migrations on a database of its own, the app):
// 30-40 s each when the other test files load the machine, more than the suite's 120 s per file.
t.setTimeout(360_000)

interface Started {
  child: ChildProcessWithoutNullStreams
  base: string
  output: () => string
}

/** Runs pnpm start's launcher on a database of its own; resolves once it prints its URL. */
async function launch(
  t: Test,
  name: string,
  logLevel = 'warn',
  command = [...process.execArgv, START],
  env = {},
): Promise<Started> {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  // The test's own loader flags: the child compiles TypeScript the same way, so its coverage merges.
  const child = spawn(process.execPath, command, {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: url.href, PORT: '0', LOG_LEVEL: logLevel, ...env },
  })
  t.teardown(() => child.kill('SIGKILL'))
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  let base = ''
  for (let i = 0; i < 1200 && !base; i++) {
    base = /labtrack: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1] ?? ''
    if (!base) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.ok(base, `started: ${output}`)
  return { child, base, output: () => output }
}

t.test('pnpm start: prepares a new database, serves the API, the document and the UI, stops on SIGTERM', async (t) => {
  const { child, base, output } = await launch(t, `labtrack_start_${process.pid}`, 'info')
  t.match(output(), /created the tables and the example data/)
  t.match(output(), /database: DATABASE_URL/)

  // The first admin's generated password, printed once: the way in.
  const password = /sign in as admin with the password: (\S+)/.exec(output())?.[1] ?? ''
  t.match(password, /^[\w-]{16,}$/, 'a generated password is printed')
  t.equal((await fetch(`${base}/api/sites`)).status, 401, 'nothing without signing in')
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password }),
  })
  t.equal(signIn.status, 200, 'admin signs in with it')
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const fetch_ = (path: string) => fetch(`${base}${path}`, { headers: { cookie } })
  const sites = await fetch_('/api/sites')
  t.equal(sites.status, 200)
  t.equal(((await sites.json()) as { name: string }[])[0]?.name, 'Site 1', 'the example data is there')
  for (const path of ['/api/freezers', '/api/containers', '/api/computers', '/api/instruments', '/sites/']) {
    t.equal((await fetch_(path)).status, 200, `${path}: all three services in one process`)
  }
  const openapi = await fetch(`${base}/api/openapi.json`)
  t.equal(openapi.status, 200)
  t.ok(((await openapi.json()) as { paths: Record<string, unknown> }).paths['/api/containers/{id}'])
  const missing = await fetch(`${base}/api/nope`)
  t.equal(missing.status, 404)
  t.equal(missing.headers.get('content-type'), 'application/problem+json; charset=utf-8')

  // A terminal's Ctrl-C reaches pnpm start twice (from the terminal and from pnpm): one stop, in order.
  // Two different signals, so the kernel cannot merge them into one.
  child.kill('SIGINT')
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0)
  t.equal(output().match(/"msg":"stopping"/g)?.length, 1, 'one graceful stop, not a forced exit')
})

t.test('pnpm start itself: node runs the bundle, building first only when something changed', async (t) => {
  // What package.json's start runs; the bundle is JavaScript tap's coverage does not follow.
  const manifest = JSON.parse(await readFile(join(ROOT_DIR, 'package.json'), 'utf8')) as { scripts: { start: string } }
  t.equal(manifest.scripts.start, 'node packages/launcher/bin/start.mjs')
  const name = `labtrack_bundle_${process.pid}`
  const startAndStop = async () => {
    const started = await launch(t, name, 'warn', [BIN_START], NOT_COVERED_ENV)
    t.equal((await fetch(`${started.base}/api/sites`)).status, 401, 'it serves')
    started.child.kill('SIGTERM')
    const [code] = await once(started.child, 'exit')
    t.equal(code, 0, 'SIGTERM: a clean stop')
    return started.output()
  }
  // The first may build (a fresh clone has no bundle yet); the second finds everything up to date.
  await startAndStop()
  t.ok(await buildIsUpToDate(), 'after a start, the launcher finds nothing to build')
  t.notMatch(await startAndStop(), /compiled|build:/, 'nothing was built the second time')

  const record = `${START_BUNDLE_FILE}.inputs.json`
  const recorded = await readFile(record, 'utf8')
  t.teardown(() => writeFile(record, recorded))
  await writeFile(record, JSON.stringify({ 'no-such-input.ts': 'x' }))
  t.notOk(await buildIsUpToDate(), 'an input of the bundle changed: the launcher would build')
  process.env.LABTRACK_OWN_PROCESS_GROUP = '1'
  t.ok(await buildIsUpToDate(), 'the server process, started by a launcher that has just checked, does not check again')
  delete process.env.LABTRACK_OWN_PROCESS_GROUP
})

t.test('pnpm start stops by itself when its launcher is killed', async (t) => {
  const { child, base } = await launch(t, `labtrack_orphan_${process.pid}`)
  child.kill('SIGKILL')
  let answering = true
  for (let i = 0; i < 600 && answering; i++) {
    answering = await fetch(`${base}/healthz`).then(
      () => true,
      () => false,
    )
    if (answering) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.notOk(answering, 'the server in its own process group went away too')
})

t.test('pnpm start stops with one line when the database cannot be had', async (t) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' }, /^labtrack: cannot prepare the database: /m],
    [{ LABTRACK_DATA_DIR: '/dev/null' }, /^labtrack: could not create the embedded PostgreSQL in \/dev\/null\/postgres/m],
  ]
  for (const [env, message] of cases) {
    const child = spawn(process.execPath, [...process.execArgv, START], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    })
    let output = ''
    child.stderr.on('data', (chunk) => (output += chunk))
    const [code] = await once(child, 'exit')
    t.equal(code, 1, output)
    t.match(output, message)
  }
})

t.test('pnpm start exits non-zero when its server process dies', async (t) => {
  const { child, output } = await launch(t, `labtrack_crash_${process.pid}`, 'info')
  // The server's own log line (with its pid) and the launcher's URL line come from two processes, in either order.
  let serverPid = Number.NaN
  for (let i = 0; i < 200 && Number.isNaN(serverPid); i++) {
    serverPid = Number(/"pid":(\d+)/.exec(output())?.[1])
    if (Number.isNaN(serverPid)) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.not(serverPid, child.pid, 'the server runs in a child of the launcher')
  process.kill(serverPid, 'SIGKILL')
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
})
