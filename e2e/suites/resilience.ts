import { readdir, readFile, readlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Test } from 'tap'
import type { E2eStack } from '../src/e2e-stack.js'

/**
 * The pid of the process listening on 127.0.0.1:`port`: the service itself,
 * also when the stack runs it under a wrapper (nyc). Linux: /proc/net/tcp
 * names the listening socket's inode, /proc/<pid>/fd the process holding it.
 */
async function listenerPid(port: number): Promise<number | undefined> {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`
  const LISTEN = '0A'
  const rows = (await readFile('/proc/net/tcp', 'utf8')).split('\n').map((row) => row.trim().split(/\s+/))
  const inode = rows.find((fields) => fields[1] === local && fields[3] === LISTEN)?.[9]
  if (!inode) return undefined
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [])
    for (const fd of fds)
      if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === `socket:[${inode}]`) return Number(pid)
  }
  return undefined
}

/** Polls `check` every 250 ms, at most `tries` times; whether it came true. */
async function eventually(check: () => Promise<boolean>, tries = 240): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true
    await sleep(250)
  }
  return false
}

export async function resilienceSuite(t: Test, stack: E2eStack) {
  const token = await stack.createToken('viewer', 'e2e-resilience')
  const get = (path: string) => fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } })

  t.test('a stopped service gives a problem, the others keep working, and it recovers', async (t) => {
    t.equal((await get('/api/freezers')).status, 200)
    await stack.services.inventory.stop()
    t.teardown(async () => {
      if (!stack.services.inventory.running) await stack.services.inventory.start()
    })

    const down = await get('/api/freezers/1')
    t.equal(down.status, 502)
    t.match(down.headers.get('content-type'), /^application\/problem\+json/)
    const body = (await down.json()) as { type: string; status: number; detail: string }
    t.equal(body.status, 502)
    t.match(body.type, /^urn:labtrack:problem:/)
    t.notMatch(JSON.stringify(body), /nginx|<html/i)
    t.equal((await get('/api/containers')).status, 502, 'containers live in the same service')
    t.equal((await get('/api/sites/1')).status, 200, 'the site service is untouched')
    t.equal((await get('/api/computers/1')).status, 200, 'the computer service is untouched')

    await stack.services.inventory.start()
    const back = await get('/api/freezers/1')
    t.equal(back.status, 200, 'back once the service is')
    t.equal(((await back.json()) as { name: string }).name, '-20C')
  })

  t.test('a service killed with SIGKILL is restarted by the stack, without anyone asking', async (t) => {
    const { inventory } = stack.services
    t.equal((await get('/api/freezers/1')).status, 200)
    const restarts = inventory.restarts
    const killed = await listenerPid(inventory.port)
    t.ok(killed, 'the inventory service listens on its port')
    process.kill(killed as number, 'SIGKILL')

    // Answered again, by a new process: within 60 s (the first restart waits 0.5 s, then the service starts).
    const back = await eventually(async () => {
      const pid = await listenerPid(inventory.port)
      return pid !== undefined && pid !== killed && (await get('/api/freezers/1')).status === 200
    })
    t.ok(back, 'GET /api/freezers/1 through the gateway is 200 again, from a new process')
    const freezer = (await (await get('/api/freezers/1')).json()) as { name: string }
    t.equal(freezer.name, '-20C')
    t.equal(inventory.restarts, restarts + 1, 'restarted once')
    t.equal(inventory.running, true)

    t.ok(stack.logFile, 'the stack logs to a file')
    const log = await readFile(stack.logFile as string, 'utf8')
    t.match(log, /^\[stack\] inventory was killed by SIGKILL unexpectedly: restarting it in 0\.5 s \(crash 1 in a row;/m)
    t.match(log, new RegExp(`^\\[stack\\] restarted inventory \\(pid \\d+, restart ${restarts + 1}\\)$`, 'm'))
  })
}
