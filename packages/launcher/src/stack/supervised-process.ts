import { performance } from 'node:perf_hooks'
import { type Child, type ExitInfo, type ProcessSpec, spawnChild, stopChild } from './child.js'
import { countCrash, type RestartPolicy, restartDelay } from './restart-policy.js'
import type { SupervisionEvent } from './supervision-events.js'

const NOT_STARTED: ExitInfo = { code: null, signal: null }

/**
 * One process under supervision. `start` runs it; once `keepAlive` is
 * called, an exit nobody asked for is followed by a restart after the
 * policy's delay, until it crashes too often in a row. `stop` ends it and
 * any pending restart. Everything it does is told to `report`.
 */
export class SupervisedProcess {
  private child: Child | undefined
  private alive = false
  private keepingAlive = false
  private stopping: Promise<ExitInfo> | undefined
  private startedAt = 0
  private crashes = 0
  private pendingRestart: NodeJS.Timeout | undefined
  /** How many times the supervisor has started it again after a crash. */
  restarts = 0

  constructor(
    readonly spec: ProcessSpec,
    private readonly policy: RestartPolicy,
    private readonly report: (event: SupervisionEvent) => void,
  ) {}

  get name(): string {
    return this.spec.name
  }

  /** The pid of the running process; undefined while none runs. */
  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined
  }

  get running(): boolean {
    return this.alive
  }

  /** How the latest process ended (pending while it runs). */
  get exited(): Promise<ExitInfo> {
    return this.child?.exited ?? Promise.resolve(NOT_STARTED)
  }

  /** Starts the process (again, after a stop); restarts stay off until `keepAlive`. */
  start(): void {
    if (this.alive) throw new Error(`${this.name} is already running`)
    this.stopRestarting()
    this.crashes = 0
    this.spawn(0)
  }

  /** From now on an unexpected exit is followed by a restart. */
  keepAlive(): void {
    this.keepingAlive = true
  }

  /** No more restarts, and a pending one is cancelled (the process itself is left alone). */
  stopRestarting(): void {
    this.keepingAlive = false
    clearTimeout(this.pendingRestart)
    this.pendingRestart = undefined
  }

  /** Ends the process with its stop signal (SIGKILL after its timeout) and cancels restarts; safe to call twice. */
  stop(): Promise<ExitInfo> {
    this.stopRestarting()
    const child = this.child
    if (!child || !this.alive) return this.exited
    this.stopping ??= (async () => {
      const { name, stopSignal: signal, stopTimeoutMs: afterMs } = this.spec
      this.report({ type: 'stopping', name, signal })
      const exit = await stopChild(child, this.spec, () => this.report({ type: 'killing', name, signal, afterMs }))
      this.report({ type: 'stopped', name, exit })
      return exit
    })()
    return this.stopping
  }

  /** SIGKILL at once, without waiting: the last resort when the launcher itself is exiting. */
  killNow(): void {
    this.stopRestarting()
    if (this.alive) this.child?.kill('SIGKILL')
  }

  private spawn(restart: number): void {
    const child = spawnChild(this.spec)
    this.child = child
    this.alive = true
    this.stopping = undefined
    this.startedAt = performance.now()
    this.report({ type: 'started', name: this.name, pid: child.pid, restart })
    void child.exited.then((exit) => this.exitedWith(exit))
  }

  private exitedWith(exit: ExitInfo): void {
    this.alive = false
    if (this.stopping) return
    if (this.keepingAlive) this.restartAfterCrash(exit)
    else this.report({ type: 'exited', name: this.name, exit })
  }

  /** Counts the crash, then schedules the restart its delay says, or gives up. */
  private restartAfterCrash(exit: ExitInfo): void {
    const { name, policy } = this
    this.crashes = countCrash(policy, this.crashes, performance.now() - this.startedAt)
    const delayMs = restartDelay(policy, this.crashes)
    if (delayMs === undefined) {
      this.keepingAlive = false
      this.report({ type: 'gave-up', name, exit, crashes: this.crashes, stableAfterMs: policy.stableAfterMs })
      return
    }
    this.report({ type: 'restarting', name, exit, delayMs, crashes: this.crashes, maxRestarts: policy.maxRestarts })
    this.pendingRestart = setTimeout(() => {
      this.pendingRestart = undefined
      this.restarts++
      this.spawn(this.restarts)
    }, delayMs)
  }
}
