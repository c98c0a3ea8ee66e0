import { spawn } from 'node:child_process'

const INNER = 'LABTRACK_OWN_PROCESS_GROUP'

/** Whether this process is the child that leads its own group (see below), not the launcher. */
export const isOwnProcessGroupChild = () => process.env[INNER] === '1'

/**
 * Re-runs this launcher as a child that leads a process group of its own.
 * Returns true in that child, which goes on with the real work, and false in
 * the launcher, which from then on only relays signals and exits with the
 * child's exit code.
 *
 * Why: Ctrl-C on a terminal signals the whole foreground group. The launchers
 * start PostgreSQL (and nginx and the services) as children; in the
 * terminal's group those would get the signal at the same moment as the
 * launcher and stop before the HTTP servers had drained. In a group of their
 * own, only the relayed signal arrives, and the child stops them in order.
 */
export function inOwnProcessGroup(): boolean {
  if (isOwnProcessGroupChild()) {
    // The launcher is gone (even killed with SIGKILL): stop as on Ctrl-C.
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))
    return true
  }
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [INNER]: '1' },
  })
  // Relay the first signal only: a terminal's Ctrl-C reaches this launcher
  // twice (from the terminal and from pnpm), and the child already stops
  // within 10 s of the first one.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  const relay = (signal: NodeJS.Signals) => {
    for (const other of signals) process.removeListener(other, relay).on(other, () => {})
    child.kill(signal)
  }
  for (const signal of signals) process.on(signal, relay)
  // The child's own code is 0 or 1; killed by a signal (code null), it failed.
  child.on('exit', (code) => process.exit(Number(code !== 0)))
  return false
}
