import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { stepFiles } from './build-inputs.js'
import { bundleIsUpToDate, stepIsUpToDate } from './build-skip.js'
import { inOwnProcessGroup, isOwnProcessGroupChild } from './own-process-group.js'
import { START_BUNDLE_FILE } from './paths.js'

// pnpm start: packages/launcher/bin/start.mjs runs this file's bundle with
// node. The launcher itself only relays signals: the server, its database and
// everything they load live in the child (own-process-group.ts).

/**
 * Whether nothing pnpm start serves needs building: the docs, the UI, and
 * this bundle itself. The server process, started by the launcher that has
 * just checked, does not check again.
 */
export async function buildIsUpToDate(): Promise<boolean> {
  if (isOwnProcessGroupChild()) return true
  const steps = await Promise.all((await stepFiles()).map((step) => stepIsUpToDate(step)))
  return steps.every(Boolean) && (await bundleIsUpToDate(START_BUNDLE_FILE))
}

export async function start(): Promise<void> {
  if (inOwnProcessGroup()) {
    const { startSingleProcess } = await import('./single-process.js')
    await startSingleProcess()
  }
}

// Run from its source (tsx packages/launcher/src/start.ts), it starts at once.
const isMain = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
if (isMain) await start()
