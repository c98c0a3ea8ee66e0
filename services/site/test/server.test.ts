import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, withSql } from '@labtrack/db-tools'
import { createTestTokens } from '@labtrack/service-kit/testing'
import t from 'tap'

// The launcher as an operator runs it: its own process, configured by the environment.
const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url))

function launch(env: Record<string, string>): ChildProcess & { output: () => string } {
  // The test's own loader flags: the child compiles TypeScript the same way, so its coverage merges.
  const child = spawn(process.execPath, [...process.execArgv, SERVER], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  return Object.assign(child, { output: () => output })
}

async function listening(child: ReturnType<typeof launch>): Promise<number> {
  for (let i = 0; i < 1200; i++) {
    const match = /"msg":"Server listening at http:\/\/127\.0\.0\.1:(\d+)"/.exec(child.output())
    if (match) return Number(match[1])
    if (child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the service did not start:\n${child.output()}`)
}

t.test('a bad configuration stops the launcher with one line', async (t) => {
  for (const env of [{ PORT: 'x', DATABASE_URL: 'postgres://a@b/c' }, { PORT: '0' }] as Record<string, string>[]) {
    const child = launch(env)
    const [code] = await once(child, 'exit')
    t.equal(code, 1)
    const lines = child.output().trim().split('\n')
    t.equal(lines.length, 1, child.output())
    t.match(lines[0], /^labtrack: invalid configuration: .*(PORT|DATABASE_URL)/)
  }
})

t.test('SIGTERM lets a request in flight finish, then the process exits 0', async (t) => {
  const database = await createTestDatabase(process.env.DATABASE_URL as string)
  t.teardown(() => database.drop())
  const { editor } = await withSql(database.url, (sql) => createTestTokens(sql))
  const child = launch({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info' })
  t.teardown(() => child.kill('SIGKILL'))
  const port = await listening(child)

  // Start a POST and send half its body, so the request is in flight when SIGTERM arrives.
  const body = JSON.stringify({ name: 'created during shutdown' })
  const req = request({
    port,
    method: 'POST',
    path: '/api/sites',
    headers: {
      authorization: `Bearer ${editor}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    },
  })
  const response = once(req, 'response')
  req.write(body.slice(0, 10))
  await new Promise((resolve) => setTimeout(resolve, 200))
  child.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 200))
  req.end(body.slice(10))

  const [res] = (await response) as [import('node:http').IncomingMessage]
  let text = ''
  for await (const chunk of res) text += chunk
  t.equal(res.statusCode, 201, 'the request in flight completed')
  t.equal(JSON.parse(text).name, 'created during shutdown')
  const [code] = await once(child, 'exit')
  t.equal(code, 0, 'a clean exit after draining')
  t.match(child.output(), /"signal":"SIGTERM"/)
  t.match(child.output(), /"reqId":/, 'JSON logs carry the request id')
})
