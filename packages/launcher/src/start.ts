import { inOwnProcessGroup } from './own-process-group.js'

// pnpm start. The launcher itself only relays signals: the server, its
// database and everything they load live in the child (own-process-group.ts).
if (inOwnProcessGroup()) {
  const { startSingleProcess } = await import('./single-process.js')
  await startSingleProcess()
}
