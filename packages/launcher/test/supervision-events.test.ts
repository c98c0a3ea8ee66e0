import t from 'tap'
import { describeEvent, type SupervisionEvent } from '../src/stack/supervision-events.js'

// The lines pnpm stack prints (after its "[stack]" prefix) for what happens to its processes.
const LINES: [SupervisionEvent, string][] = [
  [{ type: 'started', name: 'site', pid: 41, restart: 0 }, 'started site (pid 41)'],
  [{ type: 'started', name: 'site', pid: 42, restart: 2 }, 'restarted site (pid 42, restart 2)'],
  [{ type: 'exited', name: 'site', exit: { code: 1, signal: null } }, 'site exited with code 1'],
  [
    { type: 'exited', name: 'nginx', exit: { code: null, signal: null, error: 'spawn nginx ENOENT' } },
    'nginx could not be started (spawn nginx ENOENT)',
  ],
  [
    {
      type: 'restarting',
      name: 'inventory',
      exit: { code: null, signal: 'SIGKILL' },
      delayMs: 500,
      crashes: 1,
      maxRestarts: 8,
    },
    'inventory was killed by SIGKILL unexpectedly: restarting it in 0.5 s (crash 1 in a row; after 8 the stack gives up)',
  ],
  [
    { type: 'gave-up', name: 'computer', exit: { code: 1, signal: null }, crashes: 9, stableAfterMs: 30_000 },
    'computer exited with code 1 unexpectedly, crash 9 in a row (each within 30 s of its start): giving up on it',
  ],
  [{ type: 'stopping', name: 'nginx', signal: 'SIGQUIT' }, 'stopping nginx (SIGQUIT)'],
  [{ type: 'killing', name: 'site', signal: 'SIGTERM', afterMs: 15_000 }, 'site did not stop within 15 s of SIGTERM: killing it'],
  [{ type: 'stopped', name: 'site', exit: { code: 0, signal: null } }, 'site stopped: it exited with code 0'],
]

for (const [event, line] of LINES) t.equal(describeEvent(event), line, event.type)
