import { spawn } from 'node:child_process'

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
  /** Why it could not be started at all (spawn failed: ENOENT, EACCES). */
  error?: string
}

/** One stream of a child: the launcher's own (inherited), nowhere, or a descriptor the caller opened. */
export type OutputTarget = 'inherit' | 'ignore' | number

export interface ProcessSpec {
  /** How the stack names it in its messages: site, inventory, computer, nginx. */
  name: string
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  stdout: OutputTarget
  stderr: OutputTarget
  /** The signal that ends it gracefully (SIGTERM: a service drains; SIGQUIT for nginx). */
  stopSignal: NodeJS.Signals
  /** How long it may take to end after `stopSignal` before it gets SIGKILL. */
  stopTimeoutMs: number
}

export interface Child {
  readonly pid: number | undefined
  /** Resolves once it has ended; a spawn failure resolves too, with `error` set. */
  readonly exited: Promise<ExitInfo>
  kill(signal: NodeJS.Signals): void
}

/** How a process ended, for messages: "exited with code 1", "was killed by SIGKILL". */
export function describeExit({ code, signal, error }: ExitInfo): string {
  if (error) return `could not be started (${error})`
  return signal ? `was killed by ${signal}` : `exited with code ${code}`
}

/** Starts the process of `spec`, its output going straight where the spec says (no relay through the launcher). */
export function spawnChild(spec: ProcessSpec): Child {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', spec.stdout, spec.stderr],
  })
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error: error.message }))
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  return {
    pid: child.pid,
    exited,
    kill: (signal) => {
      child.kill(signal)
    },
  }
}

/** Sends the spec's stop signal, then SIGKILL if it is still there after the spec's timeout; resolves with how it ended. */
export async function stopChild(child: Child, spec: ProcessSpec, onKill: () => void): Promise<ExitInfo> {
  child.kill(spec.stopSignal)
  const timer = setTimeout(() => {
    onKill()
    child.kill('SIGKILL')
  }, spec.stopTimeoutMs)
  try {
    return await child.exited
  } finally {
    clearTimeout(timer)
  }
}
