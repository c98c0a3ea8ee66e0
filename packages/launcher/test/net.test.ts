import { once } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { createServer, type Server } from 'node:net'
import t from 'tap'
import { claimPort, connectHost, findExecutable, probePort, waitForHttp } from '../src/stack/net.js'

// The stack's network helpers, on loopback: what a person starting the stack meets when a port is taken,
// a program is missing, or a process never answers.

async function listening(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => new Promise((resolve) => server.close(resolve)))
  return (server.address() as { port: number }).port
}

t.test('probePort and claimPort: a free port for 0, a taken port refused with the variable to set', async (t) => {
  const free = await probePort('127.0.0.1', 0)
  t.ok(free > 0, 'port 0 gives a port')
  t.equal(await claimPort('127.0.0.1', free, 'the site service', 'SITE_PORT'), free, 'a free port is itself')
  const taken = await listening(createServer())
  await t.rejects(
    claimPort('127.0.0.1', taken, 'the site service', 'SITE_PORT'),
    new RegExp(`port ${taken} \\(the site service\\) is already in use on 127.0.0.1: .*Set SITE_PORT to use another port`),
  )
  await t.rejects(claimPort('192.0.2.1', 0, 'the gateway', 'PORT'), /cannot listen on 192\.0\.2\.1:0 \(the gateway\): /)
})

t.test('connectHost: a wildcard is reached on loopback, an IPv6 address in brackets', async (t) => {
  t.equal(connectHost('0.0.0.0'), '127.0.0.1')
  t.equal(connectHost('::'), '[::1]')
  t.equal(connectHost('[::]'), '[::1]')
  t.equal(connectHost('::1'), '[::1]')
  t.equal(connectHost('[::1]'), '[::1]')
  t.equal(connectHost('127.0.0.1'), '127.0.0.1')
})

t.test('findExecutable: on PATH, in the sbin folders, or undefined', async (t) => {
  t.equal(await findExecutable('sh', '/bin'), '/bin/sh')
  t.equal(await findExecutable('no-such-program-labtrack', '/bin'), undefined)
  t.type(await findExecutable('sh'), 'string', 'the environment PATH by default')
  const path = process.env.PATH
  delete process.env.PATH
  t.teardown(() => {
    process.env.PATH = path
  })
  t.equal(await findExecutable('no-such-program-labtrack'), undefined, 'without PATH: the sbin folders alone')
})

t.test('waitForHttp: resolves on an accepted status, refuses when the process died or time ran out', async (t) => {
  let status = 503
  const port = await listening(createHttpServer((_, res) => res.writeHead(status).end()))
  const url = `http://127.0.0.1:${port}/readyz`
  setTimeout(() => (status = 200), 200)
  await t.resolves(waitForHttp(url, { timeoutMs: 10_000, isAlive: () => true }), 'ready once it answers 200')
  status = 404
  await t.resolves(
    waitForHttp(url, { timeoutMs: 1000, isAlive: () => true, accept: (s) => s === 404 }),
    'any status accept takes',
  )
  await t.rejects(waitForHttp(url, { timeoutMs: 1000, isAlive: () => false }), /it exited before .* answered/)
  await t.rejects(waitForHttp(url, { timeoutMs: 100, isAlive: () => true }), /did not answer within 0\.1 s \(last: status 404\)/)
  const closed = await probePort('127.0.0.1', 0)
  await t.rejects(
    waitForHttp(`http://127.0.0.1:${closed}/`, { timeoutMs: 100, isAlive: () => true }),
    /did not answer within 0\.1 s \(last: fetch failed\)/,
  )
})
