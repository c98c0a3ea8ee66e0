import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ROOT_DIR } from '@labtrack/db-tools'
import { WEB_DIST_DIR } from '@labtrack/launcher/paths'
import { findExecutable, type GatewayValues, writeStackNginxConfig } from '@labtrack/launcher/stack'

export interface OwnGateway {
  readonly port: number
  readonly url: string
  /** Stops this nginx (it was started by the suite) and removes its run folder. */
  stop(): Promise<void>
}

export type Upstreams = Pick<GatewayValues, 'SITE_UPSTREAM' | 'INVENTORY_UPSTREAM' | 'COMPUTER_UPSTREAM'>

/**
 * A second nginx from the gateway template, as `pnpm stack` renders it but
 * with the default limits whatever this environment sets (the e2e stack's own
 * gateway may be given looser ones), in front of the given upstreams. Each
 * `shorten` entry replaces one directive of the rendered file (a timeout a
 * test would otherwise wait for); it must be there exactly once.
 */
export async function startOwnGateway(upstreams: Upstreams, shorten: Record<string, string> = {}): Promise<OwnGateway> {
  const nginx = await findExecutable('nginx')
  if (!nginx) throw new Error('nginx is not installed')
  const port = await freePort()
  const runDir = join(ROOT_DIR, '.data/e2e-own-gateway')
  await rm(runDir, { recursive: true, force: true })
  const configFile = await writeStackNginxConfig({
    runDir,
    values: { LISTEN: `127.0.0.1:${port}`, WEB_ROOT: WEB_DIST_DIR, ...upstreams },
    env: {},
  })
  const gatewayFile = join(runDir, 'labtrack.conf')
  let config = await readFile(gatewayFile, 'utf8')
  for (const [directive, replacement] of Object.entries(shorten)) {
    const count = config.split(directive).length - 1
    if (count !== 1) throw new Error(`the rendered gateway has ${count} "${directive}", not one`)
    config = config.replace(directive, replacement)
  }
  await writeFile(gatewayFile, config)

  // stdout is /dev/null, not a pipe: nginx opens /dev/stdout for its access log.
  const child = spawn(nginx, ['-p', runDir, '-c', configFile, '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  child.stderr?.on('data', (chunk) => {
    errors += chunk
  })
  const url = `http://127.0.0.1:${port}`
  await waitUntilHealthy(url, child, () => errors)
  return {
    port,
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
      await rm(runDir, { recursive: true, force: true })
    },
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, errors: () => string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors()}`)
    const healthy = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (healthy) return
    await sleep(50)
  }
  child.kill('SIGTERM')
  throw new Error(`nginx did not answer on ${url}: ${errors()}`)
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}
