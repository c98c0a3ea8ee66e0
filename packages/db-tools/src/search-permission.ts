import { chmod, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

const OTHERS_SEARCH = 0o001

/**
 * As root, the embedded cluster runs as the `postgres` user (PostgreSQL
 * refuses root), which must reach its binaries in node_modules and its data
 * folder. A checkout in a private folder (/root, `mktemp -d`) stops it with
 * EACCES. Every folder on the way to `paths` that others cannot pass through
 * gets the search (x) permission for others: passing through, not listing or
 * reading. Returns the folders changed. Does nothing for other users, whose
 * cluster runs as themselves.
 */
export async function letPostgresReach(paths: string[], uid = process.getuid?.()): Promise<string[]> {
  if (uid !== 0) return []
  const changed: string[] = []
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      const { mode } = await stat(dir)
      if ((mode & OTHERS_SEARCH) === 0) {
        await chmod(dir, (mode & 0o7777) | OTHERS_SEARCH)
        changed.push(dir)
      }
      if (dir === dirname(dir)) break
    }
  }
  return changed
}
