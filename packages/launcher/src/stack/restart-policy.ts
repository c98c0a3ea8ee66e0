/** When and how often a supervised process that exits unexpectedly is started again. */
export interface RestartPolicy {
  /** The wait before the first restart; every further crash in a row doubles it. */
  firstDelayMs: number
  /** The longest wait between two restarts. */
  maxDelayMs: number
  /** A process that ran this long before it exited was healthy: its crash count starts again from one. */
  stableAfterMs: number
  /** Crashes in a row (each within `stableAfterMs` of its start) that are restarted; one more and the supervisor gives up. */
  maxRestarts: number
}

// 0.5, 1, 2, 4, 8, 15, 15, 15 s: a service whose database is gone for a
// minute comes back by itself; one that cannot start at all is given up on
// after about a minute of trying, with its last exit in the message.
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 15_000,
  stableAfterMs: 30_000,
  maxRestarts: 8,
}

/** The crashes in a row once a process that ran `uptimeMs` has exited: one more, or one again after a stable run. */
export function countCrash(policy: RestartPolicy, crashesBefore: number, uptimeMs: number): number {
  return uptimeMs >= policy.stableAfterMs ? 1 : crashesBefore + 1
}

/** The wait before restarting after the `crashes`-th crash in a row, or undefined when it is time to give up. */
export function restartDelay(policy: RestartPolicy, crashes: number): number | undefined {
  if (crashes > policy.maxRestarts) return undefined
  return Math.min(policy.firstDelayMs * 2 ** (crashes - 1), policy.maxDelayMs)
}
