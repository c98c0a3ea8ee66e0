import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { closeSync, constants, openSync, rmSync } from 'node:fs'
import { Socket } from 'node:net'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface ProcessSpec {
  /** The prefix of its log lines: site, inventory, computer, nginx. */
  name: string
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /**
   * Give the process a named pipe at this path as its stdout, instead of
   * Node's socket pair. nginx needs it: it opens /dev/stdout for its access
   * log, which works on a pipe but not on a socket (ENXIO).
   */
  stdoutFifo?: string
}

export type LineLogger = (source: string, line: string) => void

/** Describes how a process ended, for messages: "exited with code 1", "was killed by SIGKILL". */
export function describeExit({ code, signal }: ExitInfo): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`
}

/**
 * One child process of the stack: its output comes out line by line under its
 * name, and `stop` ends it with a signal (then SIGKILL after `killAfterMs`).
 * An exit that `stop` did not ask for is reported to `onUnexpectedExit`.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined
  private exit: Promise<ExitInfo> | undefined
  private stopping = false
  private alive = false

  constructor(
    readonly spec: ProcessSpec,
    private readonly log: LineLogger,
    private readonly onUnexpectedExit: (info: ExitInfo) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid
  }

  /** Whether the process was started and has not exited yet. */
  get running(): boolean {
    return this.alive
  }

  /** Resolves when the current process has exited (at once when none runs). */
  get exited(): Promise<ExitInfo> {
    return this.exit ?? Promise.resolve({ code: null, signal: null })
  }

  start(): void {
    if (this.running) throw new Error(`${this.spec.name} is already running`)
    const { name, command, args, cwd, env } = this.spec
    this.stopping = false
    const fifo = this.spec.stdoutFifo ? openFifo(this.spec.stdoutFifo) : undefined
    let child: ChildProcess
    try {
      child = spawn(command, args, { cwd, env, stdio: ['ignore', fifo?.writeFd ?? 'pipe', 'pipe'] })
    } finally {
      // The child has its own copy of the writing end now.
      if (fifo) closeSync(fifo.writeFd)
    }
    this.child = child
    this.alive = true
    for (const stream of [fifo?.reader ?? child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => this.log(name, line))
    }
    // Our reading end is opened read-write so it never sees an end of file; close it once the child is gone.
    if (fifo) child.once('exit', () => setTimeout(() => fifo.reader.destroy(), 200))
    this.exit = new Promise((resolve) => {
      child.once('error', (error) => {
        // spawn failed (ENOENT, EACCES): there is no process to wait for.
        this.log(name, `could not start ${command}: ${error.message}`)
        resolve({ code: 127, signal: null })
      })
      child.once('exit', (code, signal) => resolve({ code, signal }))
    })
    void this.exit.then((info) => {
      if (this.child !== child) return
      this.alive = false
      if (!this.stopping) this.onUnexpectedExit(info)
    })
  }

  /** Sends `signal` and waits for the exit; SIGKILL when it takes longer than `killAfterMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 15_000): Promise<ExitInfo> {
    const child = this.child
    if (!child || !this.running) return this.exited
    this.stopping = true
    child.kill(signal)
    const timer = setTimeout(() => {
      this.log(this.spec.name, `did not stop within ${killAfterMs / 1000} s of ${signal}: killing it`)
      child.kill('SIGKILL')
    }, killAfterMs)
    try {
      return await this.exited
    } finally {
      clearTimeout(timer)
    }
  }

  /** Kills the process at once, without waiting (the last resort on exit). */
  killNow(): void {
    if (!this.running) return
    this.stopping = true
    this.child?.kill('SIGKILL')
  }
}

/** Creates a named pipe and opens both ends without blocking: a reading stream and a descriptor to hand to a child. */
function openFifo(path: string): { reader: Readable; writeFd: number } {
  rmSync(path, { force: true })
  execFileSync('mkfifo', ['-m', '600', path])
  const readFd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK)
  const writeFd = openSync(path, constants.O_WRONLY)
  return { reader: new Socket({ fd: readFd, readable: true, writable: false }), writeFd }
}

const COLORS: Record<string, number> = { stack: 1, site: 36, inventory: 35, computer: 33, nginx: 32, postgres: 34 }

/** The default logger: `[name] line` on stdout, coloured on a terminal (unless NO_COLOR). */
export function prefixedLogger(stream: NodeJS.WriteStream = process.stdout): LineLogger {
  const color = stream.isTTY === true && !process.env.NO_COLOR
  const width = Math.max(...Object.keys(COLORS).map((name) => name.length)) + 2
  return (source, line) => {
    const tag = `[${source}]`.padEnd(width)
    stream.write(`${color ? `\x1b[${COLORS[source] ?? 0}m${tag}\x1b[0m` : tag} ${line}\n`)
  }
}
