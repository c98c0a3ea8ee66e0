import type { ProcessSpec } from './child.js'
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js'
import { SupervisedProcess } from './supervised-process.js'
import type { SupervisionEvent } from './supervision-events.js'

/**
 * The stack's processes and the order they stop in: `stopAll` ends every
 * process of the lowest stop stage at once, waits for them, then the next
 * stage (the services, so they drain, then nginx).
 */
export class Supervisor {
  private readonly stages = new Map<number, SupervisedProcess[]>()

  constructor(
    private readonly report: (event: SupervisionEvent) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {}

  /** A process to supervise (not started yet); lower `stopStage`s stop first. */
  add(spec: ProcessSpec, stopStage: number): SupervisedProcess {
    const process = new SupervisedProcess(spec, this.policy, this.report)
    this.stages.set(stopStage, [...(this.stages.get(stopStage) ?? []), process])
    return process
  }

  /** Stops everything, stage by stage; no process is restarted from the moment it is called. */
  async stopAll(): Promise<void> {
    const stages = [...this.stages.entries()].sort(([a], [b]) => a - b).map(([, processes]) => processes)
    for (const process of stages.flat()) process.stopRestarting()
    for (const processes of stages) await Promise.all(processes.map((process) => process.stop()))
  }

  /** SIGKILL to every process at once: the last resort when the launcher exits without `stopAll`. */
  killAllNow(): void {
    for (const processes of this.stages.values()) for (const process of processes) process.killNow()
  }
}
