import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { delimiter, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** Binds `host:port` for a moment: the port it got (a free one for port 0), or an error when it is taken. */
export function probePort(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ host, port, exclusive: true }, () => {
      // A TCP listener's address is always an AddressInfo.
      const { port: bound } = server.address() as AddressInfo
      server.close(() => resolve(bound))
    })
  })
}

/** `port`, checked free on `host`; a free port chosen by the system for 0. */
export async function claimPort(host: string, port: number, what: string, envName: string): Promise<number> {
  try {
    return await probePort(host, port)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE')
      throw new Error(
        `port ${port} (${what}) is already in use on ${host}: is another stack running? Set ${envName} to use another port`,
      )
    throw new Error(`cannot listen on ${host}:${port} (${what}): ${(error as Error).message}`)
  }
}

/** The address to connect to for a server bound to `host` (a wildcard binds loopback too). */
export function connectHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::' || host === '[::]') return '[::1]'
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

/**
 * Polls `url` until it answers with a status `accept` takes, `isAlive()` turns
 * false, or `timeoutMs` passes (both errors).
 */
export async function waitForHttp(
  url: string,
  {
    timeoutMs,
    isAlive,
    accept = (status: number) => status === 200,
  }: { timeoutMs: number; isAlive: () => boolean; accept?: (status: number) => boolean },
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  for (;;) {
    if (!isAlive()) throw new Error(`it exited before ${url} answered`)
    try {
      // Connection: close, so no idle connection of the launcher's is left for a draining service to wait for.
      const response = await fetch(url, { headers: { connection: 'close' }, signal: AbortSignal.timeout(2000) })
      await response.arrayBuffer()
      if (accept(response.status)) return
      last = `status ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (last: ${last})`)
    await sleep(150)
  }
}

/**
 * The path of an executable found on PATH, or in the sbin folders where
 * distributions install nginx (often missing from a non-root PATH).
 */
export async function findExecutable(name: string, path = process.env.PATH ?? ''): Promise<string | undefined> {
  const folders = [...path.split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin']
  for (const folder of folders) {
    const candidate = join(folder, name)
    try {
      await access(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  return undefined
}
