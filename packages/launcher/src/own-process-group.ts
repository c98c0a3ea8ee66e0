import { spawn } from 'node:child_process'

const INNER = 'LABTRACK_OWN_PROCESS_GROUP'
// pnpm passes a terminal's Ctrl-C on to its child, which the terminal has
// signalled too: one keypress arrives twice within milliseconds.
const ECHO_MS = 1000

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
  if (process.env[INNER] === '1') {
    // The launcher is gone (even killed with SIGKILL): stop as on Ctrl-C.
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))
    return true
  }
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [INNER]: '1' },
  })
  let lastRelayed = 0
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (Date.now() - lastRelayed < ECHO_MS) return
      lastRelayed = Date.now()
      child.kill(signal)
    })
  }
  child.on('exit', (code) => process.exit(code ?? 1))
  return false
}
