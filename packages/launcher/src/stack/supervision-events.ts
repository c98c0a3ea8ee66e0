import { describeExit, type ExitInfo } from './child.js'

/** What a supervised process went through, as the supervisor reports it. */
export type SupervisionEvent =
  | { type: 'started'; name: string; pid: number | undefined; restart: number }
  | { type: 'exited'; name: string; exit: ExitInfo }
  | { type: 'restarting'; name: string; exit: ExitInfo; delayMs: number; crashes: number; maxRestarts: number }
  | { type: 'gave-up'; name: string; exit: ExitInfo; crashes: number; stableAfterMs: number }
  | { type: 'stopping'; name: string; signal: NodeJS.Signals }
  | { type: 'killing'; name: string; signal: NodeJS.Signals; afterMs: number }
  | { type: 'stopped'; name: string; exit: ExitInfo }

const seconds = (ms: number) => `${ms / 1000} s`

/** One line for the stack's log. */
export function describeEvent(event: SupervisionEvent): string {
  switch (event.type) {
    case 'started':
      return event.restart === 0
        ? `started ${event.name} (pid ${event.pid})`
        : `restarted ${event.name} (pid ${event.pid}, restart ${event.restart})`
    case 'exited':
      return `${event.name} ${describeExit(event.exit)}`
    case 'restarting':
      return (
        `${event.name} ${describeExit(event.exit)} unexpectedly: restarting it in ${seconds(event.delayMs)} ` +
        `(crash ${event.crashes} in a row; after ${event.maxRestarts} the stack gives up)`
      )
    case 'gave-up':
      return (
        `${event.name} ${describeExit(event.exit)} unexpectedly, crash ${event.crashes} in a row ` +
        `(each within ${seconds(event.stableAfterMs)} of its start): giving up on it`
      )
    case 'stopping':
      return `stopping ${event.name} (${event.signal})`
    case 'killing':
      return `${event.name} did not stop within ${seconds(event.afterMs)} of ${event.signal}: killing it`
    case 'stopped':
      return `${event.name} stopped: it ${describeExit(event.exit)}`
  }
}
